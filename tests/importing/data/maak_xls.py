"""Make the legacy .xls test files (run by hand; needs LibreOffice: soffice).

    .venv/bin/python tests/importing/data/maak_xls.py

openpyxl cannot write .xls, so a small .xlsx is written and LibreOffice converts
it. The results are committed, so the tests themselves need no LibreOffice.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

from openpyxl import Workbook

HERE = Path(__file__).parent
SCHOOL = [
    ["Naam school", "BRIN", "Vestiging", "Schooljaar", "Geplande startdatum"],
    ["OBS De Vlinder", "99ZZ", "00", "2026-2027", date(2026, 8, 24)],
]
HEADERS = ["Leerlingnummer", "Achternaam", "Voornamen", "Geboortedatum", "BSN"]
PUPILS = [
    [*HEADERS, "Naam nieuwe school", "BRIN nieuwe school"],
    ["1001", "Jansen", "Eva", date(2014, 3, 14), "111222333", "Het Baken", "31QX"],
    ["1002", "Visser", "Tim", date(2013, 11, 2), 12345672, "Het Baken", "31QX"],  # lost its 0
]


def leerlingen(path: Path) -> None:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, rows in (("School", SCHOOL), ("Leerlingen", PUPILS)):
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append(row)
    workbook.save(path)


def ver_weg(path: Path) -> None:
    """One value in A1 and one in the last cell an .xls can hold: 16 million cells apart."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Leerlingen"
    sheet["A1"] = "Leerlingnummer"
    sheet.cell(row=65536, column=256, value="x")
    workbook.save(path)


def main() -> int:
    soffice = shutil.which("soffice")
    if soffice is None:
        print("soffice (LibreOffice) ontbreekt: apt-get install libreoffice-calc-nogui")
        return 1
    with tempfile.TemporaryDirectory() as folder:
        for make, name in ((leerlingen, "leerlingen"), (ver_weg, "ver-weg")):
            source = Path(folder) / f"{name}.xlsx"
            make(source)
            subprocess.run(
                [soffice, "--headless", "--convert-to", "xls", "--outdir", str(HERE), source],
                check=True,
                capture_output=True,
                timeout=300,
            )
            print(HERE / f"{name}.xls")
    return 0


if __name__ == "__main__":
    sys.exit(main())
