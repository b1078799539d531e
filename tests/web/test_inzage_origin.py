"""Parents answer from any browser: the inzage pages' posts do not depend on the Origin header.

The pages send ``Referrer-Policy: no-referrer``; a browser then sends ``Origin: null`` with the
form's post, which Django's CSRF check refuses. These tests post as such a browser does (the
test client with CSRF checks on), and as another site would.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from overdracht.web.inzage import links
from overdracht.web.models import Dossier, Inzagereactie

from .test_inzage import dertien  # noqa: F401  (the fixture)

pytestmark = pytest.mark.django_db

ANSWER = {
    "toestemming_jeugdhulp": "nee",
    "toestemming_mdo": "ja",
    "bijlage_0": "ja",
    "bijlage_1": "ja",
    "zienswijze": "oneens",
    "toelichting": "De thuissituatie is anders dan beschreven.",
}


def browser() -> Client:
    """A browser on a no-referrer page: CSRF checks on, every post with ``Origin: null``."""
    return Client(enforce_csrf_checks=True, headers={"Origin": "null"})


def _code_key(client: Client, token: str) -> str:
    page = client.get(f"/inzage/{token}/")
    assert page.status_code == 200
    assert page["Referrer-Policy"] == "no-referrer"
    return str(page.context["sleutel"])


def test_a_parent_enters_the_code_and_answers_with_origin_null(
    dertien: Dossier,  # noqa: F811
    ib: Any,
) -> None:
    link = links.ask(dertien, ib)[0]
    client = browser()
    key = _code_key(client, link.token)
    opened = client.post(f"/inzage/{link.token}/", {"code": link.code, "sleutel": key})
    assert opened.status_code == 302
    assert opened["Location"] == "/inzage/"  # no token in any later address

    page = client.get("/inzage/")
    text = page.content.decode()
    assert page.status_code == 200
    assert "Het dossier van Daan van der Berg" in text
    assert link.token not in text
    answered = client.post("/inzage/", {**ANSWER, "sleutel": page.context["sleutel"]})
    assert answered.status_code == 302, answered.content.decode()[:500]
    reactie = Inzagereactie.objects.get(verzoek=link.verzoek)
    assert reactie.zienswijze == "oneens"
    assert reactie.toestemmingen["jeugdhulp"] is False
    thanks = client.get("/inzage/").content.decode()
    assert "Dank u wel. Uw keuzes zijn doorgegeven aan de school." in thanks


def test_the_inzage_cookie_is_strict_and_only_for_the_inzage_pages(
    dertien: Dossier,  # noqa: F811
    ib: Any,
) -> None:
    link = links.ask(dertien, ib)[0]
    client = browser()
    key = _code_key(client, link.token)
    before = client.cookies["inzage"].value
    client.post(f"/inzage/{link.token}/", {"code": link.code, "sleutel": key})
    cookie = client.cookies["inzage"]
    assert cookie["samesite"] == "Strict"
    assert cookie["path"] == "/inzage/"
    assert cookie["httponly"]
    assert cookie.value != before  # a new session id once the code is right
    assert "sessionid" not in client.cookies  # apart from any staff login


def test_another_site_cannot_post_in_the_parents_name(
    dertien: Dossier,  # noqa: F811
    ib: Any,
) -> None:
    link = links.ask(dertien, ib)[0]
    parent = browser()
    key = _code_key(parent, link.token)
    parent.post(f"/inzage/{link.token}/", {"code": link.code, "sleutel": key})
    # The other site's post: the Strict cookie is not sent, and it does not know the form key.
    other = Client(enforce_csrf_checks=True, headers={"Origin": "https://elders.example"})
    assert other.post("/inzage/", ANSWER).status_code == 404
    # Even with the parent's cookie, a post without the form key changes nothing.
    forged = parent.post("/inzage/", {**ANSWER, "sleutel": "geraden"})
    assert forged.status_code == 400
    text = forged.content.decode()
    assert "Het formulier was verlopen. Uw keuzes staan er nog" in text
    assert "De thuissituatie is anders dan beschreven." in text  # nothing typed is lost
    assert not Inzagereactie.objects.exists()


def test_a_code_posted_without_the_pages_form_key_is_not_checked(
    dertien: Dossier,  # noqa: F811
    ib: Any,
) -> None:
    link = links.ask(dertien, ib)[0]
    response = browser().post(f"/inzage/{link.token}/", {"code": link.code})
    assert response.status_code == 400
    assert "Het formulier was verlopen. Vul de code nog een keer in." in response.content.decode()
    link.verzoek.refresh_from_db()
    assert link.verzoek.geopend_op is None and link.verzoek.mislukte_pogingen == 0


def test_a_lost_session_keeps_what_was_typed(dertien: Dossier) -> None:  # noqa: F811
    response = browser().post("/inzage/", {**ANSWER, "sleutel": "x"})
    assert response.status_code == 404
    text = response.content.decode()
    assert "Deze link werkt niet" in text
    assert "De thuissituatie is anders dan beschreven." in text


def test_closing_the_page_ends_the_session(dertien: Dossier, ib: Any) -> None:  # noqa: F811
    link = links.ask(dertien, ib)[0]
    client = browser()
    key = _code_key(client, link.token)
    client.post(f"/inzage/{link.token}/", {"code": link.code, "sleutel": key})
    key = client.get("/inzage/").context["sleutel"]
    closed = client.post("/inzage/afsluiten/", {"sleutel": key})
    assert "De pagina is afgesloten" in closed.content.decode()
    assert client.get("/inzage/").status_code == 404
    # The letter's link asks for the code again.
    assert "Vul de code in" in client.get(f"/inzage/{link.token}/").content.decode()


def test_the_parents_pages_refuse_other_methods(dertien: Dossier, ib: Any) -> None:  # noqa: F811
    link = links.ask(dertien, ib)[0]
    client = browser()
    assert client.put(f"/inzage/{link.token}/").status_code == 405
    assert client.delete("/inzage/").status_code == 405
    assert client.get("/inzage/afsluiten/").status_code == 405
