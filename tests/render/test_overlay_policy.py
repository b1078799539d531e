"""An overlay that changes what may travel changes the documents and the report alike.

The test window and the consent categories are read from the resolved checklist (overlay
applied), so the checklistrapport never says something left out that a document still shows,
or the other way round.
"""

from __future__ import annotations

from pathlib import Path

from .conftest import FULL, docx_text, load_data, pdf_text, render_data

OLD_TEST = "LVS Spelling M5"  # 2022-01-20: outside the national window of three school years
HOME = "co-ouderschap"  # ontwikkeling.thuissituatie


def _render(tmp_path: Path, stem: str, overlay: str | None) -> tuple[str, str, str]:
    """OKR as PDF and DOCX text, and the checklistrapport, each on one line."""
    path = None
    if overlay is not None:
        path = tmp_path / f"{stem}.yml"
        path.write_text(overlay, encoding="utf-8")
    render_data(load_data(FULL), tmp_path, stem, overlay=path)
    pdf = pdf_text(tmp_path / f"{stem}-onderwijskundig-rapport.pdf")
    docx = docx_text(tmp_path / f"{stem}-onderwijskundig-rapport.docx")
    report = pdf_text(tmp_path / f"{stem}-checklistrapport.pdf")
    return tuple(" ".join(t.split()) for t in (pdf, docx, report))  # type: ignore[return-value]


def test_an_overlay_widening_the_test_window_lets_older_tests_travel(tmp_path: Path) -> None:
    pdf, docx, report = _render(tmp_path, "landelijk", None)
    assert OLD_TEST not in pdf and OLD_TEST not in docx
    assert "1 toetsresultaat van vóór 01-08-2023 mag niet mee" in report

    wider = "extends: po-vo\naanpassen:\n  toetsperiode:\n    schooljaren: 5\n"
    pdf, docx, report = _render(tmp_path, "ruimer", wider)
    assert OLD_TEST in pdf and OLD_TEST in docx
    assert "mag niet mee" not in report


def test_an_overlay_adding_a_consent_category_withholds_its_fields(tmp_path: Path) -> None:
    pdf, docx, report = _render(tmp_path, "landelijk", None)
    assert HOME in pdf and HOME in docx
    assert "Psychosociale informatie" not in report

    stricter = """\
extends: po-vo
regels:
  - id: toestemming_thuis
    titel: Toestemming voor de thuissituatie
    niveau: verplicht
    soort: toestemming
    categorie: psychosociaal
    gegevens: [ontwikkeling.thuissituatie]
    bron: "Privacyreglement SWV (voorbeeld)"
"""
    pdf, docx, report = _render(tmp_path, "strenger", stricter)
    assert HOME not in pdf and HOME not in docx
    assert "Psychosociale informatie: geen geldige toestemming" in report
    # the rest of the development section still travels
    assert "twee goede vriendinnen" in pdf and "twee goede vriendinnen" in docx
