"""What a receiving school reads: sections and values per transition, in DOCX and PDF alike."""

from __future__ import annotations

from pathlib import Path

import pytest

from overdracht.render.format import datum

from .conftest import FULL, SAMPLES, docx_text, load_data, pdf_pages, pdf_text

SAMPLE_NAMES = sorted(p.stem for p in SAMPLES.glob("*.yaml"))
TLV_TARGETS = ("sbo", "so", "vso", "pro")


def _texts(out: Path, stem: str, document: str) -> tuple[str, str]:
    base = out / f"{stem}-{document}"
    return docx_text(base.with_suffix(".docx")), pdf_text(base.with_suffix(".pdf"))


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("stem", SAMPLE_NAMES)
def test_okr_has_the_sections_of_its_transition(rendered_samples: Path, stem: str) -> None:
    data = load_data(SAMPLES / f"{stem}.yaml")
    transition = data["overgang"]["id"]
    # The words follow the transition: a kind from the voorschool, a student in the MBO.
    titel, persoon = {
        "voorschool-po": ("Overdrachtsformulier", "het kind"),
        "mbo-mbo": ("Onderwijskundig rapport", "de student"),
        "mbo-hbo": ("Onderwijskundig rapport", "de student"),
    }.get(transition, ("Onderwijskundig rapport", "de leerling"))
    expected = [
        titel,
        f"Gegevens van {persoon}",
        "Scholen en overgang",
        "Inzage en zienswijze",
        "Ondertekening",
        data["leerling"]["achternaam"],
        data["vertrekkende_school"]["naam"],
        data["ontvangende_school"]["naam"],
        datum(__import__("datetime").date.fromisoformat(str(data["leerling"]["geboortedatum"]))),
    ]
    if transition.startswith("po-vo") or transition in ("po-pro", "po-vso"):
        if data.get("schooladvies"):
            expected.append("Schooladvies")
        if data.get("doorstroomtoets"):
            expected.append("Doorstroomtoets")
    if transition == "voorschool-po":
        ontwikkeling = data.get("ontwikkeling", {})
        for key, label in (
            ("taal", "Taal"),
            ("spel", "Spel"),
            ("motoriek", "Motoriek"),
            ("sociale_omgang", "Sociale omgang"),
        ):
            if ontwikkeling.get(key):
                expected.append(label)
    if data.get("opleidingen"):
        expected.append("Gevolgde opleidingen")
    if data.get("resultaten"):
        expected.append("Cijfers en examenresultaten")
    if data.get("opp"):
        expected.append("Ontwikkelingsperspectief (OPP)")
    if data.get("warme_overdracht"):
        expected.append("Warme overdracht")
    docx, pdf = _texts(rendered_samples, stem, "onderwijskundig-rapport")
    for text in expected:
        assert text in _flat(docx), f"DOCX mist {text!r}"
        assert text in _flat(pdf), f"PDF mist {text!r}"


@pytest.mark.parametrize("stem", SAMPLE_NAMES)
def test_companion_documents_per_transition(rendered_samples: Path, stem: str) -> None:
    data = load_data(SAMPLES / f"{stem}.yaml")
    target = data["overgang"]["id"].rsplit("-", 1)[-1]
    wants_tlv = target in TLV_TARGETS or data["ontvangende_school"]["soort"] in TLV_TARGETS
    for document in ("verslag-warme-overdracht", "terugkoppelingsformulier", "checklistrapport"):
        for suffix in (".docx", ".pdf"):
            assert (rendered_samples / f"{stem}-{document}{suffix}").is_file()
    tlv = rendered_samples / f"{stem}-tlv-samenvatting.pdf"
    assert tlv.exists() == wants_tlv
    if wants_tlv:
        docx, pdf = _texts(rendered_samples, stem, "tlv-samenvatting")
        for text in (
            "Samenvatting TLV-dossier",
            "Toelaatbaarheidsverklaring",
            "Deskundigenadviezen",
        ):
            assert text in docx and text in pdf
        if data.get("tlv", {}).get("beschikkingsnummer"):
            assert data["tlv"]["beschikkingsnummer"] in pdf


def test_values_with_markup_characters_round_trip(rendered_samples: Path) -> None:
    docx, pdf = _texts(rendered_samples, FULL.stem, "onderwijskundig-rapport")
    for text in (
        "Vries & <Zonen>",
        'Petra de Vries "Piet"',
        "Controleer of Sanne de vraag begrijpt & herhaal kort.",
    ):
        assert text in _flat(docx)
        assert text in _flat(pdf)
    # A newline in a value stays a line break, in both formats.
    assert "lezen kost meer moeite.\nZij vraagt zelf om hulp." in docx
    assert "lezen kost meer moeite." in pdf and "Zij vraagt zelf om hulp." in pdf


def test_dutch_dates_and_raised_advice(rendered_samples: Path) -> None:
    docx, pdf = _texts(rendered_samples, FULL.stem, "onderwijskundig-rapport")
    for text in (
        "3 mei 2014",
        "Bijgesteld advies",
        "vmbo-gt/havo (10 mei 2026)",
        "Definitief advies",
        "vmbo gemengde/theoretische leerweg (1 maart 2026)",
    ):
        assert text in _flat(docx) and text in _flat(pdf)


def test_pdf_layout_header_footer_and_metadata(rendered_samples: Path) -> None:
    from pypdf import PdfReader

    path = rendered_samples / f"{FULL.stem}-onderwijskundig-rapport.pdf"
    reader = PdfReader(path)
    pages = pdf_pages(path)
    assert len(pages) > 1
    for number, text in enumerate(pages, start=1):
        assert "Sanne de Vries & <Zonen>" in text
        assert "OBS De Regenboog" in text
        assert "Vertrouwelijk" in text
        assert f"pagina {number} van {len(pages)}" in text
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4
    assert reader.metadata is not None
    assert reader.metadata.title == "Onderwijskundig rapport – Sanne de Vries & <Zonen>"
    assert str(reader.trailer["/Root"]["/Lang"]) == "nl"


def test_old_tests_and_unreleased_attachments_stay_home(rendered_samples: Path) -> None:
    docx, pdf = _texts(rendered_samples, FULL.stem, "onderwijskundig-rapport")
    for text in (docx, pdf):
        assert "LVS Spelling M5" not in text  # 2022: older than this year and the two before
        assert "Verslag kinderarts" not in text  # parents did not release it
        assert "Dyslexieverklaring" in text
    report = pdf_text(rendered_samples / f"{FULL.stem}-checklistrapport.pdf")
    assert "Verslag kinderarts" in report


def test_checklist_report_says_what_is_missing(rendered_samples: Path) -> None:
    from overdracht.checklists import check
    from overdracht.model.loading import load_dossier

    report = check(load_dossier(SAMPLES / "po-vo-concept.yaml"))
    assert report.errors, "po-vo-concept.yaml is meant to be incomplete"
    docx, pdf = _texts(rendered_samples, "po-vo-concept", "checklistrapport")
    for text in (docx, pdf):
        flat = _flat(text)
        assert "Onvolledig" in flat
        assert "Ontbreekt (verplicht)" in flat
        for finding in report.errors:
            assert finding.title in flat
        assert "CONCEPT" not in flat  # the sender's own report is not a concept


def test_control_characters_from_excel_do_not_break_the_docx(tmp_path: Path) -> None:
    from .conftest import render_data

    data = load_data(FULL)
    data["ontwikkeling"]["werkhouding"] = "Zelfstandig\x0b werkt\x01 netjes\x0c."
    render_data(data, tmp_path, "ctrl")
    docx = docx_text(tmp_path / "ctrl-onderwijskundig-rapport.docx")
    assert "Zelfstandig werkt netjes." in docx
    assert "Zelfstandig werkt netjes." in _flat(
        pdf_text(tmp_path / "ctrl-onderwijskundig-rapport.pdf")
    )
