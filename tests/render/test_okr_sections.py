"""The OKR sections a receiving school expects, and the words that follow transition and age.

These tests read the view model (what both DOCX and PDF are rendered from), so they are fast;
``test_docx_matches_pdf`` and ``test_privacy`` check the rendered files.
"""

from __future__ import annotations

import copy
from typing import Any

import pytest

from overdracht.checklists import load_checklist
from overdracht.model import Dossier
from overdracht.render.documents import build_context, build_views
from overdracht.render.terms import Termen
from overdracht.render.view import DocumentView

from .conftest import FULL, SAMPLES, TODAY, load_data


def _text(view: DocumentView) -> str:
    lines = [view.titel, view.ondertitel, view.concept_reden, *view.inleiding]
    for s in view.secties:
        lines.append(f"## {s.titel}")
        for b in s.blokken:
            lines += [b.titel, *b.alineas, *b.items, " | ".join(b.kolommen)]
            lines += [f"{v.label}: {v.waarde}" for v in b.velden]
            lines += [" | ".join(r) for r in b.rijen]
    return "\n".join(line for line in lines if line)


def _views(data: dict[str, Any]) -> dict[str, str]:
    ctx = build_context(Dossier.model_validate(data), today=TODAY)
    return {v.soort: _text(v) for v in build_views(ctx)}


def _okr(data: dict[str, Any]) -> str:
    return _views(data)["okr"]


def test_full_okr_has_schoolloopbaan_strengths_verklaring_and_senses() -> None:
    okr = _okr(load_data(FULL))
    assert "Sterke kanten en talenten: Sanne is creatief en helpt klasgenoten graag." in okr
    assert "CBS Het Anker | Amersfoort | 20 augustus 2018 | 10 juli 2020 | Verhuizing" in okr
    assert "doublure | groep 4 | 2020-2021 |" in okr
    assert "Dyslexieverklaring\nVerklaring: aanwezig\nDatum: 1 mei 2023" in okr
    assert "Afgegeven door: Praktijk Leeswijzer, orthopedagoog" in okr
    assert "Zicht, gehoor en motoriek\nZicht: Draagt een bril voor veraf." in okr
    assert "## Reactie van ouders\n" in okr


def test_senses_are_medical_and_stay_home_without_consent() -> None:
    data = load_data(FULL)
    data["toestemmingen"] = [t for t in data["toestemmingen"] if t["categorie"] != "medisch"]
    views = _views(data)
    for soort, text in views.items():
        if soort == "checklistrapport":
            continue
        for value in ("Draagt een bril", "Goed gehoor", "kinderfysiotherapeut", "Zicht, gehoor"):
            assert value not in text, f"{soort} noemt {value!r}"
        assert "Medische informatie" not in text, soort
    assert "medische informatie" in views["checklistrapport"].lower()
    # The dyslexieverklaring is begeleiding, not medical: it still travels.
    assert "Dyslexieverklaring" in views["okr"]


def test_toestemmingen_names_only_consents_that_hold() -> None:
    data = load_data(FULL)
    for t in data["toestemmingen"]:
        if t["categorie"] == "jeugdhulp":
            t["geweigerd"] = True
    okr = _okr(data)
    section = okr.split("## Toestemmingen\n", 1)[1].split("## ", 1)[0]
    assert "Medische informatie | ouders/verzorgers | 1 maart 2026 | schriftelijk" in section
    assert "eugdhulp" not in okr  # not as data, not as a refused consent
    # Consent for MDO information, but no MDO plan in the dossier: not named either.
    assert "MDO" not in section


def test_a_consent_without_data_is_not_named() -> None:
    data = load_data(FULL)
    data["ondersteuning"].pop("jeugdhulp")
    data["ondersteuning"].pop("medisch")
    data["ondersteuning"].pop("lichamelijk")
    data["opp"].pop("jeugdhulp_genoemd")
    data["bijlagen"] = [b for b in data["bijlagen"] if b["categorie"] != "medisch"]
    okr = _okr(data)
    assert "Dit rapport bevat de gegevens die scholen elkaar bij een overstap mogen geven." in okr
    assert "waarvoor toestemming is gegeven" not in okr
    assert "eugdhulp" not in okr and "edische" not in okr


def test_a_consent_from_parents_alone_is_not_named_for_a_pupil_of_thirteen() -> None:
    data = copy.deepcopy(load_data(FULL))
    data["leerling"]["geboortedatum"] = "2013-01-01"  # 13: parents and pupil must consent
    okr = _okr(data)
    assert "eugdhulp" not in okr and "Medische informatie" not in okr
    assert "Toestemmingen\nDit rapport bevat de gegevens die scholen elkaar" in okr
    assert "waarvoor toestemming is gegeven" not in okr


def test_toddler_gets_an_overdrachtsformulier_about_a_kind_from_the_voorschool() -> None:
    views = _views(load_data(SAMPLES / "voorschool-po-vve.yaml"))
    okr = views["okr"]
    assert okr.startswith("Overdrachtsformulier\n")
    assert "## Gegevens van het kind" in okr
    assert "\nVoorschool\nNaam: " in okr
    for text in views.values():
        assert "Onderwijskundig rapport" not in text
        assert "ertrekkende school" not in text
    assert "Hoe is de start van het kind verlopen?" in views["terugkoppeling"]
    assert "## Kind en scholen" in views["warme-overdracht"]


def test_adult_mbo_student_is_a_student_without_gender_or_parents_signing() -> None:
    data = load_data(SAMPLES / "mbo-hbo-compleet.yaml")  # 21 on the peildatum
    views = _views(data)
    okr = views["okr"]
    assert "## Gegevens van de student" in okr
    assert "Geslacht" not in okr
    assert "## Inzage en zienswijze van de student" in okr
    assert "## Reactie van de student" in okr
    assert "Student (voor gezien)" in okr and "(voor gezien)" not in okr.replace("Student (", "")
    for soort, text in views.items():
        if soort != "checklistrapport":
            assert "leerling" not in text.lower(), soort


@pytest.mark.parametrize(
    ("transition", "age", "persoon", "volwassen", "reageert"),
    [
        ("voorschool-po", 4, "kind", False, "ouders"),
        ("po-vo", 11, "leerling", False, "ouders"),
        ("po-vo", 12, "leerling", False, "ouders en leerling"),
        ("vo-mbo", 17, "leerling", False, "ouders en leerling"),
        ("mbo-mbo", 17, "student", False, "ouders en student"),
        ("mbo-hbo", 18, "student", True, "de student"),
    ],
)
def test_terms_by_transition_and_age_come_from_the_checklist(
    transition: str, age: int, persoon: str, volwassen: bool, reageert: str
) -> None:
    t = Termen.voor(load_checklist(transition).instellingen, age)
    assert (t.persoon, t.volwassen, t.reagerenden) == (persoon, volwassen, reageert)
    assert t.document == (
        "Overdrachtsformulier" if transition == "voorschool-po" else "Onderwijskundig rapport"
    )


def test_an_adult_student_sees_the_dossier_not_the_parents() -> None:
    data = load_data(SAMPLES / "mbo-hbo-compleet.yaml")
    data.pop("inzage")
    data["ouders"] = [{"naam": "Ellen Bos", "relatie": "moeder", "telefoon": "06-10203040"}]
    okr = _okr(data)
    assert "de student heeft het nog niet ingezien. Niet versturen." in okr
    assert "De student heeft dit rapport nog niet ingezien." in okr
    assert "Ellen Bos" not in okr and "Ouders/verzorgers" not in okr
    assert "de ouders" not in okr.lower() and "(voor gezien)" not in okr.replace("Student (", "")


def test_an_adults_parents_are_not_in_the_shareable_dossier() -> None:
    data = load_data(SAMPLES / "mbo-hbo-compleet.yaml")
    data["ouders"] = [{"naam": "Ellen Bos", "relatie": "moeder"}]
    assert build_context(Dossier.model_validate(data), today=TODAY).dossier.ouders == []
    data["leerling"]["geboortedatum"] = "2010-02-11"  # 17: the parents still travel
    assert build_context(Dossier.model_validate(data), today=TODAY).dossier.ouders
