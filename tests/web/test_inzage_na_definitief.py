"""After final: a parent or the pupil can still withdraw a consent (AVG), never give a new one;
the withdrawal is logged, the final version stays as it is, and the IB'er sees it."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client

from overdracht.web import disclosure
from overdracht.web.inzage import links
from overdracht.web.models import Dossier, Inzagereactie, Logregel
from overdracht.web.store import document, mark_final, save_version

from .test_inzage import _answers, _key, _open, dertien  # noqa: F401  (dertien: the fixture)

pytestmark = pytest.mark.django_db
JA_ALLES = {
    "toestemming_jeugdhulp": "ja",
    "toestemming_mdo": "ja",
    "bijlage_0": "ja",
    "bijlage_1": "ja",
    "zienswijze": "eens",
}
WITHDRAW = "/inzage/intrekken/"


def _words(response: Any) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", response.content.decode()))


def _final_after_answers(dossier: Dossier, ib: Any, mdo: str = "ja") -> dict[str, Any]:
    """Everyone answered (the mother ``mdo`` on mdo), then the IB'er made it final."""
    made = {link.verzoek.rol: link for link in links.ask(dossier, ib)}
    clients = {}
    for rol, link in made.items():
        person = Client()
        url = _open(person, link)
        choices = {**JA_ALLES, "toestemming_mdo": mdo} if rol == "moeder" else JA_ALLES
        assert _answers(person, url, **choices).status_code == 302
        clients[rol] = person
    dossier.refresh_from_db()
    final = mark_final(dossier, ib)
    links.close_for_final(dossier, ib, final)
    return {"clients": clients, "final": final}


def _withdraw(person: Client, *keys: str) -> Any:
    return person.post(WITHDRAW, {"intrekken": list(keys), "sleutel": _key(person, "/inzage/")})


def test_a_parent_withdraws_after_final_and_the_ib_sees_it(
    ib_client: Client,
    dertien: Dossier,  # noqa: F811
    ib: Any,
) -> None:
    setup = _final_after_answers(dertien, ib)
    mother, final = setup["clients"]["moeder"], setup["final"]
    frozen = dict(final.data)
    versions = dertien.versions.count()

    page = _words(mother.get("/inzage/"))
    assert "Toestemming intrekken" in page
    assert "Jeugdhulp: toestemming intrekken" in page
    assert "Bijlage Verslag kinderpsychiater: toestemming intrekken" in page

    done = _withdraw(mother, "jeugdhulp")
    assert done.status_code == 302
    back = _words(mother.get("/inzage/"))
    assert "Uw toestemming is ingetrokken" in back
    assert "Na het definitief maken hebt u op" in back
    # Recorded and logged, without a new version: the final one stays as it was.
    assert Inzagereactie.objects.filter(na_definitief=True, ingetrokken=["jeugdhulp"]).count() == 1
    line = Logregel.objects.get(wat__startswith="Toestemming ingetrokken")
    assert "ouder 1 (moeder)" in line.wat and "jeugdhulp" in line.wat
    assert "na verzending" not in line.wat
    assert line.versie == final.number
    final.refresh_from_db()
    assert final.definitief and final.data == frozen
    assert dertien.versions.count() == versions
    dertien.refresh_from_db()
    assert dertien.toestemming_ingetrokken

    # The IB'er sees it: on the dossier's pages and on the overview.
    for url in (f"/dossiers/{dertien.public_id}/", f"/dossiers/{dertien.public_id}/documenten/"):
        text = _words(ib_client.get(url))
        assert "Na het definitief maken op" in text, url
        assert "heeft de moeder de toestemming voor jeugdhulp ingetrokken" in text, url
        assert "na verzending" not in text
    assert "toestemming ingetrokken" in _words(ib_client.get("/dossiers/"))
    # It can only be withdrawn once: it is no longer offered.
    assert "Jeugdhulp: toestemming intrekken" not in _words(mother.get("/inzage/"))

    # The next concept the IB'er makes leaves jeugdhulp out.
    doc = document(dertien.current.data)
    data = doc.model_dump(mode="python")
    data["ontwikkeling"]["cognitief"] = "Aangevuld na het definitief maken."
    version = save_version(dertien, type(doc).model_validate(data), ib, base_number=None)
    assert version is not None and not version.definitief
    after = document(version.data)
    assert [t.geweigerd for t in after.toestemmingen if t.categorie == "jeugdhulp"] == [True]
    assert [t.geweigerd for t in after.toestemmingen if t.categorie == "mdo"] == [False]
    # A new final version takes the withdrawal in: the marker goes.
    mark_final(dertien, ib)
    dertien.refresh_from_db()
    assert not dertien.toestemming_ingetrokken
    assert "toestemming ingetrokken" not in _words(ib_client.get("/dossiers/"))


def test_after_sending_the_ib_is_told_to_inform_the_receiving_school(
    ib_client: Client,
    dertien: Dossier,  # noqa: F811
    ib: Any,
) -> None:
    setup = _final_after_answers(dertien, ib)
    disclosure.record(ib, dertien, setup["final"], "onderwijskundig rapport (PDF)", "De Brug")
    assert _withdraw(setup["clients"]["leerling"], "mdo").status_code == 302
    line = Logregel.objects.get(wat__startswith="Toestemming ingetrokken")
    assert "leerling" in line.wat and "na verzending" in line.wat
    text = _words(ib_client.get(f"/dossiers/{dertien.public_id}/"))
    assert "heeft de leerling de toestemming voor MDO/ZAT-besprekingen ingetrokken" in text
    assert "ingetrokken na verzending op" in text
    assert "laat de ontvangende school weten dat zij deze gegevens niet meer mag gebruiken" in text


def test_sent_after_the_withdrawal_still_tells_the_ib(
    ib_client: Client,
    dertien: Dossier,  # noqa: F811
    ib: Any,
) -> None:
    setup = _final_after_answers(dertien, ib)
    assert _withdraw(setup["clients"]["vader"], "jeugdhulp").status_code == 302
    disclosure.record(ib, dertien, setup["final"], "onderwijskundig rapport (PDF)", "De Brug")
    text = _words(ib_client.get(f"/dossiers/{dertien.public_id}/"))
    assert "heeft de vader de toestemming voor jeugdhulp ingetrokken" in text
    assert "de definitieve versie is daarna nog verzonden op" in text
    assert "laat de ontvangende school weten dat zij deze gegevens niet mag gebruiken" in text


def test_after_final_no_new_yes_can_be_given(dertien: Dossier, ib: Any) -> None:  # noqa: F811
    setup = _final_after_answers(dertien, ib, mdo="nee")
    mother = setup["clients"]["moeder"]
    page = _words(mother.get("/inzage/"))
    assert "Jeugdhulp: toestemming intrekken" in page
    assert not re.search(r"mdo[^:]*: toestemming intrekken", page, re.IGNORECASE)
    before = Inzagereactie.objects.count()
    # Withdrawing what was refused, or a made-up key, records nothing.
    refused = _withdraw(mother, "mdo", "bijlage:onbekend")
    assert refused.status_code == 400
    assert "Vink aan welke toestemming u wilt intrekken" in _words(refused)
    # The answer form takes nothing after final either: no yes sneaks in.
    late = _answers(mother, "/inzage/", **JA_ALLES)
    assert late.status_code == 409
    assert Inzagereactie.objects.count() == before
    assert not Logregel.objects.filter(wat__startswith="Toestemming ingetrokken").exists()
    dertien.refresh_from_db()
    assert not dertien.toestemming_ingetrokken


def test_before_final_there_is_no_withdraw_form(dertien: Dossier, ib: Any) -> None:  # noqa: F811
    link = links.ask(dertien, ib)[0]
    person = Client()
    url = _open(person, link)
    assert "Toestemming intrekken" not in _words(person.get(url))
    assert _withdraw(person, "jeugdhulp").status_code == 302
    assert not Inzagereactie.objects.exists()


def test_withdrawing_needs_the_opened_link(client: Client, dertien: Dossier) -> None:  # noqa: F811
    assert client.post(WITHDRAW, {"intrekken": "jeugdhulp"}).status_code == 404
    assert client.get(WITHDRAW).status_code == 405
