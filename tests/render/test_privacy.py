"""Consent by construction: what lacks consent is in no document, not even as a heading."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from overdracht.errors import InvalidInputError
from overdracht.model.loading import load_dossier

from .conftest import FULL, docx_text, load_data, pdf_text, render_data

JEUGDHULP_VALUES = ("Jeugdteam Oost", "Rob Smit", "gezinsbegeleiding", "Jeugdhulp", "jeugdhulp")


def _all_texts(files: list[Path], *, skip: str = "checklistrapport") -> dict[str, str]:
    texts = {}
    for path in files:
        if skip in path.name:
            continue
        texts[path.name] = docx_text(path) if path.suffix == ".docx" else pdf_text(path)
    return texts


def test_without_jeugdhulp_consent_no_jeugdhulp_text_anywhere(tmp_path: Path) -> None:
    data = load_data(FULL)
    data["toestemmingen"] = [t for t in data["toestemmingen"] if t["categorie"] != "jeugdhulp"]
    files = render_data(data, tmp_path, "zonder")
    for name, text in _all_texts(files).items():
        for value in JEUGDHULP_VALUES:
            assert value not in text, f"{name} noemt {value!r}"
    # The sender is told what was left out.
    report = pdf_text(tmp_path / "zonder-checklistrapport.pdf")
    assert "Jeugdhulp: geen geldige toestemming" in " ".join(report.split())


def test_with_consent_jeugdhulp_is_handed_over(tmp_path: Path) -> None:
    files = render_data(load_data(FULL), tmp_path, "met")
    okr = pdf_text(tmp_path / "met-onderwijskundig-rapport.pdf")
    assert "Jeugdteam Oost" in okr and "Rob Smit" in okr
    assert files


def test_medical_and_mdo_need_consent_even_if_a_checklist_forgets(tmp_path: Path) -> None:
    data = load_data(FULL)
    data["toestemmingen"] = []
    data["ondersteuningsroute"] = [
        {
            "fase": "mdo",
            "datum": "2026-01-10",
            "plan_van_aanpak": {"doelen": ["Rust in de klas"], "regie": "GGD-arts Visser"},
        }
    ]
    files = render_data(data, tmp_path, "geen")
    for name, text in _all_texts(files).items():
        for value in (
            "Gebruikt een leesbril",
            "Draagt een bril",  # zicht, gehoor en motoriek are medical too
            "Goed gehoor",
            "kinderfysiotherapeut",
            "Zicht, gehoor",
            "Rust in de klas",
            "GGD-arts",
            "Jeugdteam",
        ):
            assert value not in text, f"{name} noemt {value!r}"


def test_pupil_of_twelve_must_consent_too(tmp_path: Path) -> None:
    data = copy.deepcopy(load_data(FULL))
    data["leerling"]["geboortedatum"] = "2013-01-01"  # 13 on the peildatum: parents and pupil
    files = render_data(data, tmp_path, "twaalf")
    for text in _all_texts(files).values():
        assert "Jeugdteam Oost" not in text


@pytest.mark.parametrize("field", ["geboorteplaats", "nationaliteit", "religie"])
def test_fields_outside_the_whitelist_cannot_enter(tmp_path: Path, field: str) -> None:
    data = load_data(FULL)
    data["leerling"][field] = "Utrecht"
    path = tmp_path / "d.yaml"
    import yaml

    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(InvalidInputError):
        load_dossier(path)


def test_pdfa_attachment_carries_only_shareable_data(tmp_path: Path) -> None:
    import json

    from overdracht.render.attachment import extract_dossier_json

    data = load_data(FULL)
    data["toestemmingen"] = [t for t in data["toestemmingen"] if t["categorie"] != "jeugdhulp"]
    render_data(data, tmp_path, "a", pdfa=True, formats=("pdf",))
    embedded = json.loads(extract_dossier_json(tmp_path / "a-onderwijskundig-rapport.pdf"))
    assert "jeugdhulp" not in embedded["ondersteuning"]
    assert "Jeugdteam" not in json.dumps(embedded)
