"""Make the sample files in this folder (fictional pupils; BSNs pass the 11-proef only).

    .venv/bin/python samples/import/maak_voorbeelden.py

- leerlingen-po-vo.xlsx       the 'overdracht template' workbook, filled in for 8 pupils
- leerlingen-po-vo.csv        a school's own export (';', Windows-1252), with mapping-export.yaml
- leerlingen-met-fouten.xlsx  a workbook with the mistakes real exports have, to see the report
"""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from overdracht.importing.template import template_bytes

HERE = Path(__file__).resolve().parent

SCHOOL = {
    "Naam school": "OBS De Vlinder",
    "BRIN": "99ZZ",
    "Vestiging": "00",
    "Plaats": "Zwolle",
    "Contactpersoon": "J. de Wit",
    "Functie": "intern begeleider",
    "E-mail": "ib@devlinder.example",
    "Schooljaar": "2026-2027",
    "Geplande startdatum": date(2026, 8, 24),
}
# number, achternaam, tussenvoegsel, voornamen, roepnaam, geboren, geslacht, bsn, advies
PUPILS = [
    ("2601", "Bakker", None, "Noor Elise", "Noor", date(2014, 3, 14), "v", "111222333", "havo"),
    ("2602", "Vries", "de", "Daan", "Daan", date(2014, 7, 2), "m", "012345672", "vmbo-gt"),
    ("2603", "Çelik", None, "Elif", "Elif", date(2013, 11, 30), "v", "100000009", "vwo"),
    ("2604", "Jong", "de", "Sem Pieter", "Sem", date(2014, 1, 9), "m", "100000010", "vmbo-k"),
    ("2605", "Visser", None, "Lotte", "Lotte", date(2014, 5, 21), "v", "100000022", "havo/vwo"),
    ("2606", "Mahabier", None, "Ravi", "Ravi", date(2014, 9, 3), "m", "100000034", "vmbo-b/k"),
    ("2607", "Smit", None, "Fenna", "Fenna", date(2014, 2, 17), "v", "100000046", "vmbo-gt/havo"),
    ("2608", "Bos", "van den", "Milan", "Milan", date(2013, 12, 12), "m", "100000058", "pro"),
]
RECEIVING = [("Het Baken", "31QX"), ("Carolus College", "32AB"), ("Thorbecke Lyceum", "33CD")]


def _fill(sheet: Any, row: int, values: dict[str, Any]) -> None:
    headers = [cell.value for cell in sheet[1]]
    for header, value in values.items():
        sheet.cell(row=row, column=headers.index(header) + 1, value=value)


def clean_workbook() -> Any:
    workbook = load_workbook(io.BytesIO(template_bytes("po-vo")))
    _fill(workbook["School"], 2, SCHOOL)
    ouder = toets = 3  # row 2 is the template's example
    for index, (nr, last, tv, first, call, born, sex, bsn, advies) in enumerate(PUPILS):
        school, brin = RECEIVING[index % len(RECEIVING)]
        _fill(
            workbook["Leerlingen"],
            3 + index,
            {
                "Leerlingnummer": nr,
                "Achternaam": last,
                "Tussenvoegsel": tv,
                "Voornamen": first,
                "Roepnaam": call,
                "Geboortedatum": born,
                "Geslacht": sex,
                "BSN": bsn,
                "Groep": 8,
                "Naam nieuwe school": school,
                "BRIN nieuwe school": brin,
                "Plaats nieuwe school": "Zwolle",
                "Aanmelddatum": date(2026, 3, 20),
            },
        )
        _fill(
            workbook["Ouders"],
            ouder,
            {
                "Leerlingnummer": nr,
                "Naam ouder": f"A. {last}",
                "Relatie": "ouder",
                "Gezag": "ja",
                "Telefoon": "06-12345678",
                "Postcode": "8011 AB",
                "Woonplaats": "Zwolle",
            },
        )
        ouder += 1
        for domein, niveau in (("lezen", "2F"), ("rekenen", "1F")):
            _fill(
                workbook["Toetsen"],
                toets,
                {
                    "Leerlingnummer": nr,
                    "Toets": "Leerling in beeld M8",
                    "Domein": domein,
                    "Datum": date(2026, 1, 20),
                    "Referentieniveau": niveau,
                },
            )
            toets += 1
        _fill(
            workbook["Schooladvies"],
            3 + index,
            {
                "Leerlingnummer": nr,
                "Definitief advies": advies,
                "Datum definitief advies": date(2026, 3, 20),
                "Doorstroomtoets": "Leerling in beeld",
                "Datum doorstroomtoets": date(2026, 2, 10),
                "Lezen": "2F",
                "Taalverzorging": "2F",
                "Rekenen": "1F",
            },
        )
    _fill(
        workbook["Ondersteuning"],
        3,
        {
            "Leerlingnummer": "2606",
            "Extra ondersteuning": "ja",
            "Geboden ondersteuning": "verlengde instructie rekenen; RT lezen 2x per week",
            "Handelingsadviezen": "korte opdrachten\nvaste plek vooraan",
        },
    )
    return workbook


def flawed_workbook() -> Any:
    workbook = clean_workbook()
    pupils = workbook["Leerlingen"]
    _fill(pupils, 4, {"Geboortedatum": "31-02-2014"})  # no such date
    _fill(pupils, 5, {"BSN": "123456789"})  # fails the 11-proef
    _fill(pupils, 6, {"Leerlingnummer": "2601"})  # the same pupil number twice
    _fill(pupils, 9, {"Achternaam": '=UPPER("smit")'})  # formula without cached value
    _fill(pupils, 10, {"Geboortedatum": "12-9-13"})  # two-digit year
    pupils.cell(row=1, column=pupils.max_column + 1, value="Geboorteplaats")  # not whitelisted
    _fill(workbook["Ouders"], 12, {"Leerlingnummer": "2699", "Naam ouder": "B. Onbekend"})
    _fill(workbook["Toetsen"], 4, {"Referentieniveau": "3F", "Datum": "maart"})
    _fill(workbook["Schooladvies"], 3, {"Definitief advies": "gymnasium"})
    return workbook


def export_csv() -> bytes:
    lines = [
        "Stamnr;Achternaam;Voorvoegsel;Voornamen;Roepnaam;Geb.datum;M/V;Burgerservicenummer;VO-school;BRIN VO"
    ]
    for index, (nr, last, tv, first, call, born, sex, bsn, _) in enumerate(PUPILS):
        school, brin = RECEIVING[index % len(RECEIVING)]
        bsn_text = bsn.lstrip("0")  # as Excel saves it: leading zero lost
        lines.append(
            f"{nr};{last};{tv or ''};{first};{call};{born:%d-%m-%Y};{sex.upper()};{bsn_text};{school};{brin}"
        )
    return ("\r\n".join(lines) + "\r\n").encode("cp1252")


MAPPING = """\
# Koppelt de kolommen van een eigen export aan het sjabloon van 'overdracht template'.
kolommen:
  Stamnr: Leerlingnummer
  M/V: Geslacht
  VO-school: Naam nieuwe school
  BRIN VO: BRIN nieuwe school
# Een export heeft geen blad School: zet de vertrekkende school hier.
vaste_waarden:
  School:
    Naam school: OBS De Vlinder
    BRIN: 99ZZ
    Vestiging: "00"
    Schooljaar: 2026-2027
    Geplande startdatum: 24-08-2026
"""


def main() -> None:
    clean_workbook().save(HERE / "leerlingen-po-vo.xlsx")
    flawed_workbook().save(HERE / "leerlingen-met-fouten.xlsx")
    (HERE / "leerlingen-po-vo.csv").write_bytes(export_csv())
    (HERE / "mapping-export.yaml").write_text(MAPPING, encoding="utf-8")
    print(f"Voorbeelden geschreven in {HERE}")


if __name__ == "__main__":
    main()
