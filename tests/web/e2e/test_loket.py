"""The SWV loket: the TLV aanvragen in overdracht, and a ZIP of aanvraag files checked."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import pytest

from .conftest import SAMPLES, main_page

pytestmark = pytest.mark.browser


def test_the_loket_sees_the_tlv_aanvragen_in_overdracht(ib: Any) -> None:
    menu = ib.get_by_role("navigation", name="Hoofdmenu")
    menu.get_by_role("link", name="TLV-aanvragen").click()
    ib.get_by_role("heading", name="TLV-aanvragen", level=1).wait_for()
    table = ib.locator("tbody").inner_text()
    # The samples with a TLV transition (SO, VSO, PrO) are listed with their status, the pupil
    # by initials and leerlingnummer only (Ayoub El Amrani, 20161).
    assert "A.E. (20161)" in table
    assert "Amrani" not in table
    assert "onvolledig" in table
    main_page(ib, "loket")

    ib.get_by_label("Status").select_option("onvolledig")
    ib.get_by_role("button", name="Filteren").click()
    ib.wait_for_url("**status=onvolledig**")
    for row in ib.locator("tbody tr").all():
        assert "onvolledig" in row.inner_text()


def test_the_loket_checks_a_zip_of_aanvragen(ib: Any, tmp_path: Path) -> None:
    bundle = tmp_path / "aanvragen.zip"
    with zipfile.ZipFile(bundle, "w") as archive:
        for path in sorted((SAMPLES / "aanvragen").glob("*.yaml")):
            archive.write(path, f"aanvragen/{path.name}")
    ib.goto("/loket/")
    ib.get_by_label("ZIP-bestand met aanvragen").set_input_files(bundle)
    ib.get_by_role("button", name="Controleren").click(timeout=60_000)
    ib.wait_for_url("**/loket/zip/**")
    assert ib.get_by_text("Aanvragen uit").first.is_visible()
    assert ib.locator("tbody tr").count() == len(list((SAMPLES / "aanvragen").glob("*.yaml")))
    main_page(ib, "loket-zip")
    with ib.expect_download() as download:
        ib.get_by_role("link", name="Download overzicht (XLSX)").click()
    assert download.value.suggested_filename.endswith(".xlsx")
