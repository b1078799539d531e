"""Around the letters and final: asking again needs a yes, a lock-out shows and can be lifted,
a letter's code is shown once, final closes the links for answers."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from overdracht.web.inzage import links
from overdracht.web.models import Dossier, Inzagereactie, Inzageverzoek, Logregel
from overdracht.web.store import mark_final

from .test_inzage import _answers, _open, dertien  # noqa: F401  (dertien: the fixture)

pytestmark = pytest.mark.django_db
CODE = re.compile(r'class="brief-code">([A-Z0-9]{4}-[A-Z0-9]{4})<')


def _text(response: Any) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


def _words(response: Any) -> str:
    """The text a user reads, without the HTML tags."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", response.content.decode()))


def test_asking_again_says_the_letters_stop_working_and_needs_a_yes(
    ib_client: Client,
    dertien: Dossier,  # noqa: F811
) -> None:
    url = f"/dossiers/{dertien.public_id}/inzage/"
    first = ib_client.post(url + "vragen/")
    assert len(CODE.findall(first.content.decode())) == 3
    page = _text(ib_client.get(url))
    assert "Er zijn al brieven uitgedeeld die nog werken" in page
    assert "dan werken die eerdere brieven niet meer" in page
    # Without the yes: nothing happens, the question stands beside the box.
    refused = ib_client.post(url + "vragen/")
    assert refused.status_code == 400
    assert "Vink aan dat de eerder uitgedeelde brieven dan niet meer werken" in _text(refused)
    assert Inzageverzoek.objects.filter(ingetrokken_op__isnull=True).count() == 3
    # With it: new letters, the old ones withdrawn (and logged).
    again = ib_client.post(url + "vragen/", {"bevestigd": "ja"})
    assert len(CODE.findall(again.content.decode())) == 3
    assert Inzageverzoek.objects.filter(ingetrokken_op__isnull=True).count() == 3
    assert Logregel.objects.filter(wat__contains="ingetrokken (vervangen").count() == 3


def test_the_letter_is_dated_and_names_the_contact_person(
    ib_client: Client,
    dertien: Dossier,  # noqa: F811
) -> None:
    text = _text(ib_client.post(f"/dossiers/{dertien.public_id}/inzage/vragen/"))
    letter = text.split('class="brief"')[1]
    today = timezone.localdate()
    months = "januari februari maart april mei juni juli augustus september oktober november"
    month = [*months.split(), "december"][today.month - 1]
    assert f"Amersfoort, {today.day} {month} {today.year}" in letter
    assert "Marieke de Boer (033-4561230 of ib@regenboog-amersfoort.nl)" in letter


def test_without_a_school_contact_the_letter_names_the_staff_member(
    ib_client: Client,
    dertien: Dossier,  # noqa: F811
    ib: Any,
) -> None:
    from overdracht.web.store import document, save_version

    doc = document(dertien.current.data)
    school = doc.vertrekkende_school.model_copy(
        update={"contactpersoon": None, "telefoon": None, "email": None}
    )
    save_version(
        dertien, doc.model_copy(update={"vertrekkende_school": school}), ib, base_number=None
    )
    ib.first_name, ib.last_name, ib.email = "Ilse", "Bakker", "i.bakker@school.example"
    ib.save()
    text = _text(ib_client.post(f"/dossiers/{dertien.public_id}/inzage/vragen/"))
    assert "Ilse Bakker (i.bakker@school.example)" in text.split('class="brief"')[1]


def test_a_lock_out_shows_and_the_ib_lifts_it(
    ib_client: Client,
    dertien: Dossier,  # noqa: F811
    ib: Any,
) -> None:
    link = links.ask(dertien, ib)[0]
    Inzageverzoek.objects.filter(pk=link.verzoek.pk).update(mislukte_pogingen=links.MAX_TOTAL)
    url = f"/dossiers/{dertien.public_id}/inzage/"
    page = _words(ib_client.get(url))
    assert "geblokkeerd: te vaak een verkeerde code" in page
    assert "nog niet geopend" in page  # the other two
    assert page.count("geblokkeerd: te vaak") == 1
    lifted = ib_client.post(url + f"{link.verzoek.pk}/openzetten/", follow=True)
    assert "De blokkade is opgeheven" in _text(lifted)
    link.verzoek.refresh_from_db()
    assert link.verzoek.mislukte_pogingen == 0
    entry = Logregel.objects.get(wat__startswith="Blokkade van de inzagelink")
    assert entry.wat == (
        "Blokkade van de inzagelink voor ouder 1 (moeder) opgeheven na 20 verkeerde codes"
    )
    assert entry.door == ib.username
    # The parent can now enter the code.
    assert links.check_code(link.verzoek, link.token, link.code) is links.CodeResult.OK


def test_a_resting_link_shows_until_when(
    ib_client: Client,
    dertien: Dossier,  # noqa: F811
    ib: Any,
) -> None:
    link = links.ask(dertien, ib)[0]
    for _ in range(links.MAX_TRIES):
        links.check_code(link.verzoek, link.token, "AAAA-AAAA")
        link.verzoek.refresh_from_db()
    page = _words(ib_client.get(f"/dossiers/{dertien.public_id}/inzage/"))
    assert "tijdelijk dicht na verkeerde codes, tot" in page


def test_a_new_letter_for_one_person_keeps_the_others(
    ib_client: Client,
    dertien: Dossier,  # noqa: F811
    ib: Any,
) -> None:
    made = {link.verzoek.rol: link for link in links.ask(dertien, ib)}
    url = f"/dossiers/{dertien.public_id}/inzage/{made['vader'].verzoek.pk}/nieuwe-brief/"
    ask = _text(ib_client.get(url))
    assert "de brief die Joost van der Berg nu heeft, werkt dan niet meer" in ask
    assert ib_client.post(url).status_code == 400  # not without the yes
    letter = ib_client.post(url, {"bevestigd": "ja"})
    assert len(CODE.findall(letter.content.decode())) == 1
    assert links.find(made["vader"].token) is None
    assert links.find(made["moeder"].token) is not None
    wat = list(Logregel.objects.values_list("wat", flat=True))
    assert "Inzagelink voor ouder 2 (vader) ingetrokken (vervangen door een nieuwe brief)" in wat
    shown = [w for w in wat if w.startswith("Inzagelink gemaakt voor ouder 2 (vader)")]
    assert len(shown) == 2 and all(f"brief met code getoond aan {ib.username}" in w for w in shown)


def test_the_code_is_never_shown_again(ib_client: Client, dertien: Dossier) -> None:  # noqa: F811
    letters = ib_client.post(f"/dossiers/{dertien.public_id}/inzage/vragen/")
    codes = CODE.findall(letters.content.decode())
    assert letters["Cache-Control"] == "no-store"
    page = ib_client.get(f"/dossiers/{dertien.public_id}/inzage/").content.decode()
    for code in codes:
        assert code not in page


def test_final_closes_the_links_for_answers(dertien: Dossier, ib: Any) -> None:  # noqa: F811
    made = {link.verzoek.rol: link for link in links.ask(dertien, ib)}
    mother = Client()
    url = _open(mother, made["moeder"])
    mark_final(dertien, ib)
    links.close_for_final(dertien, ib, dertien.current)
    assert links.state(made["moeder"].verzoek) is links.State.FINAL
    page = _text(mother.get(url))
    assert "Het dossier is definitief" in page
    assert "Keuzes doorgeven aan de school" not in page
    late = _answers(mother, url, zienswijze="eens", toelichting="Toch nog iets.")
    assert late.status_code == 409
    assert "Wat u nu doorgaf, is daarom niet verwerkt" in _text(late)
    assert "Toch nog iets." in _text(late)  # nothing typed is lost
    assert not Inzagereactie.objects.exists()
    assert dertien.versions.count() == 1  # no silent new concept
    closed = Logregel.objects.filter(wat__contains="gesloten voor reacties: versie 1 is definitief")
    assert closed.count() == 3
    # The letter still opens to look (with its code).
    assert links.find(made["vader"].token) is not None


def test_the_ib_sees_refused_as_geweigerd(ib_client: Client, dertien: Dossier, ib: Any) -> None:  # noqa: F811
    link = links.ask(dertien, ib)[0]
    mother = Client()
    _answers(
        mother,
        _open(mother, link),
        toestemming_jeugdhulp="nee",
        toestemming_mdo="ja",
        bijlage_0="ja",
        bijlage_1="nee",
        zienswijze="eens",
    )
    page = _text(ib_client.get(f"/dossiers/{dertien.public_id}/inzage/"))
    assert "jeugdhulp: geweigerd" in page
    assert "bijlage Verslag kinderpsychiater: geweigerd" in page
    assert "ontbre" not in page


def test_the_staff_actions_take_only_a_post(ib_client: Client, dertien: Dossier, ib: Any) -> None:  # noqa: F811
    link = links.ask(dertien, ib)[0]
    base = f"/dossiers/{dertien.public_id}/inzage/"
    for action in ("vragen/", f"{link.verzoek.pk}/intrekken/", f"{link.verzoek.pk}/openzetten/"):
        assert ib_client.get(base + action).status_code == 405, action
    assert links.find(link.token) is not None


def test_the_staff_pages_need_a_login(client: Client, dertien: Dossier, ib: Any) -> None:  # noqa: F811
    link = links.ask(dertien, ib)[0]
    base = f"/dossiers/{dertien.public_id}/inzage/"
    for action in ("", "vragen/", f"{link.verzoek.pk}/nieuwe-brief/"):
        response = client.post(base + action, {"bevestigd": "ja"})
        assert response.status_code in (302, 403), action
        assert response.status_code == 403 or "/inloggen/" in response["Location"]
    assert Inzageverzoek.objects.count() == 3


def test_a_link_of_another_dossier_is_not_found(
    ib_client: Client,
    dertien: Dossier,  # noqa: F811
    ib: Any,
    sample_dossier: Any,
) -> None:
    link = links.ask(dertien, ib)[0]
    other = f"/dossiers/{sample_dossier.public_id}/inzage/{link.verzoek.pk}/"
    assert ib_client.post(other + "openzetten/").status_code == 404
    assert ib_client.post(other + "nieuwe-brief/", {"bevestigd": "ja"}).status_code == 404
    assert ib_client.post(other + "intrekken/").status_code == 404


@pytest.mark.parametrize("rol", ["loket", "administratie"])
def test_only_the_ib_and_the_beheerder_ask_for_inzage(
    client: Client,
    django_user_model: Any,
    dertien: Dossier,  # noqa: F811
    ib: Any,
    beheerder: Any,
    rol: str,
) -> None:
    from overdracht.web.models import Profile

    link = links.ask(dertien, ib)[0]
    user = django_user_model.objects.create_user(username=rol, password="Geheim-wachtwoord-3")
    Profile.objects.create(user=user, rol=rol)
    client.force_login(user)
    base = f"/dossiers/{dertien.public_id}/inzage/"
    assert client.get(base).status_code == 403
    for action in ("vragen/", f"{link.verzoek.pk}/nieuwe-brief/", f"{link.verzoek.pk}/openzetten/"):
        refused = client.post(base + action, {"bevestigd": "ja"})
        assert refused.status_code == 403, action
        assert "alleen de intern begeleider of de beheerder" in refused.content.decode()
    assert Inzageverzoek.objects.count() == 3
    client.force_login(beheerder)
    assert client.get(base).status_code == 200


def test_after_final_no_paper_form_is_read_in(
    ib_client: Client,
    dertien: Dossier,  # noqa: F811
    ib: Any,
) -> None:
    link = links.ask(dertien, ib)[0]
    mark_final(dertien, ib)
    url = f"/dossiers/{dertien.public_id}/inzage/{link.verzoek.pk}/papier/"
    refused = ib_client.post(url, {"zienswijze": "eens"})
    assert refused.status_code == 409
    assert "Deze versie is al definitief: reageren kan niet meer." in _text(refused)
    assert not Inzagereactie.objects.exists()
    assert "Formulier op papier inlezen" not in _text(
        ib_client.get(f"/dossiers/{dertien.public_id}/inzage/")
    )
