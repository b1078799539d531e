"""The sheets a po-vo workbook lacks: template -> filled with openpyxl -> import -> dossier."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from openpyxl import load_workbook

from overdracht.importing import import_workbook
from overdracht.importing.template import template_bytes

SCHOOL = {
    "Naam school": "Het Baken",
    "BRIN": "31QX",
    "Schooljaar": "2026-2027",
    "Geplande startdatum": date(2026, 8, 24),
}


def _fill(sheet: Any, row: int, values: dict[str, Any]) -> None:
    headers = [cell.value for cell in sheet[1]]
    for header, value in values.items():
        sheet.cell(row=row, column=headers.index(header) + 1, value=value)


def _import(
    tmp_path: Path, transition: str, sheets: dict[str, list[dict[str, Any]]]
) -> dict[str, Any]:
    """Fill the template of ``transition`` (from row 3: row 2 is the example) and import it."""
    workbook = load_workbook(io.BytesIO(template_bytes(transition)))
    _fill(workbook["School"], 2, SCHOOL)
    for name, rows in sheets.items():
        for number, values in enumerate(rows, start=3):
            _fill(workbook[name], number, values)
    source = tmp_path / "ingevuld.xlsx"
    workbook.save(source)
    result = import_workbook(source, tmp_path / "out", transition=transition)
    assert (result.errors, result.exit_code) == ([], 0)
    written = {p.stem: p for p in result.written}
    assert list(written) == ["leerling-7001"]
    return dict(yaml.safe_load(written["leerling-7001"].read_text(encoding="utf-8")))


PUPIL = {
    "Leerlingnummer": "7001",
    "Achternaam": "Visser",
    "Voornamen": "Noor",
    "Geboortedatum": date(2009, 5, 1),
    "BSN": "111222333",
    "Naam nieuwe school": "Landstede",
    "BRIN nieuwe school": "25LJ",
}


def test_verzuim_resultaten_opleidingen(tmp_path: Path) -> None:
    dossier = _import(
        tmp_path,
        "vo-mbo",
        {
            "Leerlingen": [{**PUPIL, "Leerjaar": 4, "Leerweg": "vmbo-k"}],
            "Verzuim": [
                {
                    "Leerlingnummer": "7001",
                    "Periode van": "1-9-2025",
                    "Periode tot": date(2026, 6, 30),
                    "Geoorloofd (uren)": "12,5",
                    "Ongeoorloofd (uren)": 3,
                    "Toelichting": "Ziek in november.",
                }
            ],
            "Resultaten": [
                {"Leerlingnummer": "7001", "Vak": "Nederlands", "Cijfer": 7.5, "Periode": "P1"},
                {"Leerlingnummer": "7001", "Vak": "Wiskunde", "Cijfer": 8, "Periode": "P1"},
                {"Leerlingnummer": "7001", "Vak": "Engels", "Cijfer": "V"},
            ],
            "Opleidingen": [
                {
                    "Leerlingnummer": "7001",
                    "Opleiding": "vmbo kader",
                    "Van": date(2022, 8, 22),
                    "Tot": "10-07-2026",
                    "Status": "Voltooid",
                    "Diploma": "ja",
                },
                {"Leerlingnummer": "7001", "Opleiding": "Entree", "Status": "lopend"},
            ],
        },
    )
    assert dossier["leerling"]["leerjaar"] == 4
    assert dossier["leerling"]["leerweg"] == "vmbo-k"
    assert dossier["verzuim"] == {
        "periode_van": "2025-09-01",
        "periode_tot": "2026-06-30",
        "geoorloofd_uren": 12.5,
        "ongeoorloofd_uren": 3.0,
        "toelichting": "Ziek in november.",
    }
    assert dossier["resultaten"] == [
        {"vak": "Nederlands", "cijfer": "7.5", "periode": "P1"},
        {"vak": "Wiskunde", "cijfer": "8", "periode": "P1"},
        {"vak": "Engels", "cijfer": "V"},
    ]
    assert dossier["opleidingen"] == [
        {
            "naam": "vmbo kader",
            "van": "2022-08-22",
            "tot": "2026-07-10",
            "status": "voltooid",
            "diploma": True,
        },
        {"naam": "Entree", "status": "lopend"},
    ]


def test_intelligentie_en_leerachterstanden(tmp_path: Path) -> None:
    dossier = _import(
        tmp_path,
        "po-pro",
        {
            "Leerlingen": [{**PUPIL, "Geboortedatum": date(2014, 3, 14), "Groep": 8}],
            "Intelligentie": [
                {
                    "Leerlingnummer": "7001",
                    "Instrument": "WISC-V",
                    "Datum": "14-01-2026",
                    "Totaal IQ": "78",
                    "Onderzoeker": "drs. P. de Groot",
                }
            ],
            "Leerachterstanden": [
                {
                    "Leerlingnummer": "7001",
                    "Domein": "Begrijpend lezen",
                    "Achterstand in jaren": "1,5",
                    "Toets": "Cito M8",
                    "Datum": date(2026, 1, 20),
                },
                {
                    "Leerlingnummer": "7001",
                    "Domein": "inzichtelijk_rekenen",
                    "Achterstand in jaren": 2,
                },
            ],
        },
    )
    assert dossier["intelligentieonderzoek"] == {
        "instrument": "WISC-V",
        "datum": "2026-01-14",
        "totaal_iq": 78,
        "onderzoeker": "drs. P. de Groot",
    }
    assert dossier["leerachterstanden"] == [
        {
            "domein": "begrijpend_lezen",
            "achterstand_jaren": 1.5,
            "toets": "Cito M8",
            "datum": "2026-01-20",
        },
        {"domein": "inzichtelijk_rekenen", "achterstand_jaren": 2.0},
    ]


def test_schoolloopbaan_sterke_kanten_verklaringen_en_toetsadvies(tmp_path: Path) -> None:
    dossier = _import(
        tmp_path,
        "po-vo",
        {
            "Leerlingen": [{**PUPIL, "Geboortedatum": date(2014, 3, 14), "Groep": 8}],
            "Eerdere scholen": [
                {
                    "Leerlingnummer": "7001",
                    "School": "CBS Het Anker",
                    "Plaats": "Amersfoort",
                    "Van": "20-08-2018",
                    "Tot": date(2020, 7, 10),
                    "Reden vertrek": "Verhuizing",
                }
            ],
            "Doublures": [
                {
                    "Leerlingnummer": "7001",
                    "Soort": "Doublure",
                    "Groep of leerjaar": "groep 4",
                    "Schooljaar": "2020-2021",
                }
            ],
            "Ontwikkeling": [
                {"Leerlingnummer": "7001", "Sterke kanten": "Creatief en behulpzaam."}
            ],
            "Schooladvies": [
                {
                    "Leerlingnummer": "7001",
                    "Definitief advies": "havo",
                    "Doorstroomtoets": "Route 8",
                    "Toetsadvies": "Havo / vwo",
                }
            ],
            "Ondersteuning": [
                {
                    "Leerlingnummer": "7001",
                    "Dyslexieverklaring datum": "01-05-2023",
                    "Dyslexieverklaring afgegeven door": "Praktijk Leeswijzer",
                }
            ],
        },
    )
    assert dossier["eerdere_scholen"] == [
        {
            "naam": "CBS Het Anker",
            "plaats": "Amersfoort",
            "van": "2018-08-20",
            "tot": "2020-07-10",
            "reden": "Verhuizing",
        }
    ]
    assert dossier["doublures"] == [
        {"soort": "doublure", "groep_of_leerjaar": "groep 4", "schooljaar": "2020-2021"}
    ]
    assert dossier["ontwikkeling"]["sterke_kanten"] == "Creatief en behulpzaam."
    assert dossier["ondersteuning"]["dyslexieverklaring"] == {
        "datum": "2023-05-01",
        "afgegeven_door": "Praktijk Leeswijzer",
    }
    assert "dyscalculieverklaring" not in dossier["ondersteuning"]
    assert dossier["doorstroomtoets"] == {
        "naam": "Route 8 Doorstroomtoets",
        "toetsadvies": "havo/vwo",
    }
