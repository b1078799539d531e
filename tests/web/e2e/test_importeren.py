"""Import: the administrator uploads the sample workbook and reads the report in the page."""

from __future__ import annotations

from typing import Any

import pytest

from .conftest import SAMPLES, main_page

pytestmark = pytest.mark.browser

WORKBOOK = SAMPLES / "import" / "leerlingen-po-vo.xlsx"


def test_the_sample_workbook_is_imported_and_every_row_accounted_for(ib: Any) -> None:
    ib.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Importeren").click()
    ib.get_by_role("heading", name="Leerlingen importeren").wait_for()
    main_page(ib, "importeren")

    ib.get_by_label("Bestand met leerlingen").set_input_files(WORKBOOK)
    ib.get_by_label("Overgang", exact=True).select_option("po-vo")
    ib.get_by_role("button", name="Importeren").click(timeout=60_000)

    ib.get_by_role("heading", name="Importverslag").wait_for()
    summary = ib.get_by_role("status").first.inner_text()
    assert "dossiers gemaakt" in summary
    assert "Rijen afgewezen: 0" in summary
    assert ib.get_by_text("leerlingen-po-vo.xlsx").first.is_visible()
    # Every row of the workbook is in the table, with what happened to it.
    rows = ib.locator("#rijen ~ .tabelrol tbody tr")
    assert rows.count() > 0
    main_page(ib, "importverslag")

    ib.get_by_role("link", name="bekijk ze in de lijst met dossiers").click()
    ib.wait_for_url("**/dossiers/?overgang=po-vo")
    assert "Noor Bakker" in ib.locator("tbody").inner_text()


def test_a_file_that_is_no_workbook_gets_the_clis_message_beside_the_field(
    ib: Any, tmp_path: Any
) -> None:
    not_a_workbook = tmp_path / "leerlingen.xlsx"
    not_a_workbook.write_text("dit is geen werkmap", encoding="utf-8")
    ib.goto("/importeren/")
    ib.get_by_label("Bestand met leerlingen").set_input_files(not_a_workbook)
    ib.get_by_label("Overgang", exact=True).select_option("po-vo")
    ib.get_by_role("button", name="Importeren").click()
    # In the summary at the top and beside the field.
    error = ib.locator("#id_bestand_fout")
    assert "leerlingen.xlsx" in error.inner_text()
    assert ib.locator(".foutsamenvatting").get_by_text("leerlingen.xlsx").first.is_visible()
    main_page(ib, "importeren-fout")
