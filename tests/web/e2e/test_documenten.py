"""Documents: a complete dossier made final, its PDF downloaded and read; an incomplete one refused."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import pytest

from .conftest import main_page, open_dossier, open_tab
from .papier import inzage_on_paper

pytestmark = pytest.mark.browser
SLOW = 120_000  # ms: rendering documents on a busy machine


def pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_a_complete_dossier_is_made_final_and_its_pdf_downloaded(ib: Any, tmp_path: Path) -> None:
    dossier = open_dossier(ib, "Daan van der Berg", overgang="po-so")
    # Consent and inzage in the sample file are the school's word: the parents' forms count.
    assert sorted(inzage_on_paper(ib, dossier)) == ["moeder", "vader"]
    ib.goto(dossier)
    open_tab(ib, dossier, "Documenten")
    ib.get_by_role("heading", name="Documenten").first.wait_for()
    main_page(ib, "documenten")

    # Making it final renders and stores every document: that takes a while.
    ib.get_by_role("button", name="Definitief maken").click(timeout=SLOW)
    assert ib.get_by_text("is definitief").first.is_visible()
    assert "Definitief" in ib.locator(".paginakop .status").inner_text()
    main_page(ib, "documenten-definitief")
    # A final version cannot be made final again.
    assert ib.get_by_role("button", name="Definitief maken").count() == 0

    with ib.expect_download(timeout=SLOW) as download:
        ib.get_by_role("link", name="Download PDF", exact=True).click()
    pdf = tmp_path / "rapport.pdf"
    download.value.save_as(pdf)
    # The file name says which dossier and version, but not who the pupil is.
    assert "Berg" not in download.value.suggested_filename
    text = pdf_text(pdf)
    assert "Onderwijskundig rapport" in text
    assert "Daan" in text
    assert "CONCEPT" not in text


def test_an_incomplete_dossier_cannot_be_made_final(ib: Any) -> None:
    dossier = open_dossier(ib, "Ayoub El Amrani")
    open_tab(ib, dossier, "Documenten")
    assert ib.get_by_text("Dit zijn concepten").is_visible()
    ib.get_by_role("button", name="Definitief maken").click(timeout=SLOW)
    # Refused, naming what is missing, just like 'overdracht render --final'.
    refusal = ib.get_by_role("alert").first
    assert "niet definitief" in refusal.inner_text().lower()
    assert "Concept, onvolledig" in ib.locator(".paginakop .status").inner_text()
    main_page(ib, "documenten-geweigerd")
