"""What the parent reads back is what they chose; a returning parent finds their answers; the
pupil is addressed as "je"; an active overlay that does not extend the dossier breaks nothing."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from overdracht.web.inzage import links
from overdracht.web.models import Dossier, Overlay

from .test_inzage import _answers, _open, dertien  # noqa: F401  (dertien: the fixture)

pytestmark = pytest.mark.django_db
TEMPLATES = Path(__file__).parents[2] / "src" / "overdracht" / "web" / "templates"
ANSWER = {
    "toestemming_jeugdhulp": "nee",
    "toestemming_mdo": "ja",
    "bijlage_0": "ja",
    "bijlage_1": "nee",
    "zienswijze": "oneens",
    "toelichting": "Het stuk over thuis klopt niet meer.",
}


def _letters(dossier: Dossier, ib: Any) -> dict[str, links.NewLink]:
    return {link.verzoek.rol: link for link in links.ask(dossier, ib)}


def test_the_parent_reads_back_no_after_saying_no(dertien: Dossier, ib: Any) -> None:  # noqa: F811
    mother = Client()
    url = _open(mother, _letters(dertien, ib)["moeder"])
    assert _answers(mother, url, **ANSWER).status_code == 302
    text = re.sub(r"\s+", " ", mother.get(url).content.decode())
    assert "Jeugdhulp: nee, gaat niet mee" in text
    assert "MDO/ZAT-besprekingen: ja, mag mee" in text
    assert "Bijlage Verslag kinderpsychiater: nee, gaat niet mee" in text
    assert "mag mee</li>" not in text.split("Jeugdhulp:")[1][:40]


def test_no_template_gives_yesno_a_text_with_commas() -> None:
    """Django's ``yesno`` splits its argument on every comma: 'ja, mag mee,nee, ...' then reads
    'ja' for yes and ' mag mee' for no. Texts with commas belong in an ``{% if %}``."""
    wrong = []
    for template in TEMPLATES.rglob("*.html"):
        for arg in re.findall(r'yesno:"([^"]*)"', template.read_text(encoding="utf-8")):
            if arg.count(",") > 2:
                wrong.append(f"{template.name}: {arg}")
    assert not wrong


def test_a_returning_parent_finds_their_own_answers(dertien: Dossier, ib: Any) -> None:  # noqa: F811
    mother = Client()
    url = _open(mother, _letters(dertien, ib)["moeder"])
    _answers(mother, url, **ANSWER)
    form = mother.get(url).context["form"]
    assert form.initial == {
        "toestemming_jeugdhulp": "nee",
        "toestemming_mdo": "ja",
        "bijlage_0": "ja",
        "bijlage_1": "nee",
        "zienswijze": "oneens",
        "toelichting": "Het stuk over thuis klopt niet meer.",
    }
    page = mother.get(url).content.decode()
    checked = re.search(r'<input[^>]*id="id_toestemming_jeugdhulp_1"[^>]*>', page)
    assert checked and "checked" in checked[0]  # "Nee, dit gaat niet mee"


def test_on_a_new_letter_the_earlier_answers_are_shown_not_ticked(
    dertien: Dossier,  # noqa: F811
    ib: Any,
) -> None:
    """Consent is given anew for a new version: the earlier choices are shown as text, the
    form starts empty (no pre-ticked consent)."""
    mother = Client()
    _answers(mother, _open(mother, _letters(dertien, ib)["moeder"]), **ANSWER)
    again = Client()
    url = _open(again, _letters(dertien, ib)["moeder"])
    response = again.get(url)
    text = re.sub(r"\s+", " ", response.content.decode())
    assert "Wat u eerder koos" in text
    assert "Jeugdhulp: nee, gaat niet mee" in text
    assert response.context["form"].initial == {}


def test_the_pupil_is_addressed_as_je(dertien: Dossier, ib: Any) -> None:  # noqa: F811
    pupil = Client()
    link = _letters(dertien, ib)["leerling"]
    code_page = pupil.get(f"/inzage/{link.token}/").content.decode()
    assert "Vul eerst de code in die op je brief staat" in code_page
    url = _open(pupil, link)
    response = pupil.get(url)
    main = re.sub(r"\s+", " ", response.content.decode().split("<main", 1)[1])
    assert "Jouw dossier" in main
    assert "Jouw mening over het rapport" in main
    assert "de nieuwe school leest welke jeugdhulp je krijgt of kreeg" in main
    for polite in ("uw kind", " u ", " uw ", "Uw ", "U hebt", "kunt u"):
        assert polite not in main, main[max(0, main.find(polite) - 300) : main.find(polite) + 100]
    _answers(pupil, url, **{**ANSWER, "toestemming_jeugdhulp": "ja"})
    assert "Bedankt. Je keuzes zijn doorgegeven" in pupil.get(url).content.decode()


def test_the_letter_for_the_pupil_says_je(ib_client: Client, dertien: Dossier) -> None:  # noqa: F811
    text = ib_client.post(f"/dossiers/{dertien.public_id}/inzage/vragen/").content.decode()
    pupil_letter = re.sub(r"\s+", " ", text.split('aria-label="Brief voor Daan')[1])
    assert "Bekijk je dossier voordat het naar je nieuwe school gaat" in pupil_letter
    assert "uw kind" not in pupil_letter and " u " not in pupil_letter


OVERLAY_ELSEWHERE = """\
titel: SWV strenger (alleen po-vo)
extends: po-vo
regels:
  - id: swv_oza
    titel: OZA volgens het SWV
    niveau: verplicht
    soort: aanwezig
    pad: ondersteuning.oza
    bron: "Ondersteuningsplan"
"""


def test_an_overlay_for_another_transition_does_not_break_inzage(
    ib_client: Client,
    dertien: Dossier,  # noqa: F811
    ib: Any,
) -> None:
    Overlay.objects.create(naam="regio.yaml", inhoud=OVERLAY_ELSEWHERE, actief=True)
    page = ib_client.get(f"/dossiers/{dertien.public_id}/inzage/")
    assert page.status_code == 200
    assert "13 jaar" in page.content.decode()
    letters = ib_client.post(f"/dossiers/{dertien.public_id}/inzage/vragen/")
    assert letters.status_code == 200
    mother = Client()
    link = links.ask(dertien, ib)[0]
    url = _open(mother, link)
    assert mother.get(url).status_code == 200
    assert _answers(mother, url, **ANSWER).status_code == 302


def test_what_the_school_wrote_is_shown_with_its_labels(dertien: Dossier, ib: Any) -> None:  # noqa: F811
    mother = Client()
    url = _open(mother, _letters(dertien, ib)["moeder"])
    text = re.sub(r"\s+", " ", mother.get(url).content.decode())
    assert "<li>Aanbieder: Youké jeugdhulp</li>" in text
    assert "<li>Evaluatiedatum: 01-03-2027</li>" in text
