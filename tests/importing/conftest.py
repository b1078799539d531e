"""Helpers: small workbooks and CSV files made in the test itself."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

SCHOOL_HEADERS = ["Naam school", "BRIN", "Vestiging", "Schooljaar", "Geplande startdatum"]
SCHOOL_ROW = ["OBS De Vlinder", "99ZZ", "00", "2026-2027", date(2026, 8, 24)]
PUPIL_HEADERS = [
    "Leerlingnummer",
    "Achternaam",
    "Voornamen",
    "Geboortedatum",
    "BSN",
    "Naam nieuwe school",
    "BRIN nieuwe school",
]


def pupil(number: str = "1001", **changes: Any) -> list[Any]:
    """A valid Leerlingen row (fictional pupil, BSN passes the 11-proef)."""
    row = {
        "Leerlingnummer": number,
        "Achternaam": "Jansen",
        "Voornamen": "Eva",
        "Geboortedatum": date(2014, 3, 14),
        "BSN": "111222333",
        "Naam nieuwe school": "Het Baken",
        "BRIN nieuwe school": "31QX",
    }
    row.update(changes)
    return [row[h] for h in PUPIL_HEADERS]


Sheets = dict[str, list[list[Any]]]


def write_xlsx(path: Path, sheets: Sheets, *, date1904: bool = False) -> Path:
    workbook = Workbook()
    workbook.remove(workbook.active)
    if date1904:
        from openpyxl.utils.datetime import CALENDAR_MAC_1904

        workbook.epoch = CALENDAR_MAC_1904
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append(row)
    workbook.save(path)
    return path


def with_school(pupils: list[list[Any]], **more: list[list[Any]]) -> Sheets:
    sheets: Sheets = {
        "School": [SCHOOL_HEADERS, SCHOOL_ROW],
        "Leerlingen": [PUPIL_HEADERS, *pupils],
    }
    sheets.update(more)
    return sheets


@pytest.fixture
def xlsx(tmp_path: Path) -> Callable[..., Path]:
    def make(sheets: Sheets, name: str = "leerlingen.xlsx", **options: Any) -> Path:
        return write_xlsx(tmp_path / name, sheets, **options)

    return make
