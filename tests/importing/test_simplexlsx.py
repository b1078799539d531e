"""The hand-written report workbook reads back in openpyxl exactly as written."""

from __future__ import annotations

import io

from openpyxl import load_workbook

from overdracht.importing.simplexlsx import SheetData, workbook_bytes


def test_values_styles_and_awkward_text_round_trip() -> None:
    data = workbook_bytes(
        [
            SheetData(
                "Problemen",
                ("Blad", "Rij", "Probleem"),
                [
                    ("Leerlingen", 3, "a < b & c > d"),
                    ("Ouders", None, "  spaties blijven  "),
                    ("Toetsen", 12, "stuur\x01teken\x1f weg; é ✓ 'x' \"y\""),
                    ("", 4, ""),
                ],
                widths=(16, 6, 60),
                wrapped=frozenset({2}),
            ),
            SheetData("Rijen", ("Blad", "Rij"), iter([("School", 2)])),
        ]
    )
    workbook = load_workbook(io.BytesIO(data))
    assert workbook.sheetnames == ["Problemen", "Rijen"]
    sheet = workbook["Problemen"]
    assert [tuple(r) for r in sheet.iter_rows(values_only=True)] == [
        ("Blad", "Rij", "Probleem"),
        ("Leerlingen", 3, "a < b & c > d"),
        ("Ouders", None, "  spaties blijven  "),
        ("Toetsen", 12, "stuurteken weg; é ✓ 'x' \"y\""),
        (None, 4, None),
    ]
    assert sheet.freeze_panes == "A2"
    assert sheet["A1"].font.b and sheet["A1"].fill.fgColor.rgb == "FFDDEBF7"
    assert sheet["C2"].alignment.wrap_text and not sheet["A2"].alignment.wrap_text
    assert sheet.column_dimensions["C"].width == 60
    assert [tuple(r) for r in workbook["Rijen"].iter_rows(values_only=True)] == [
        ("Blad", "Rij"),
        ("School", 2),
    ]
