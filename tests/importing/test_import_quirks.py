"""One small workbook or CSV per quirk of real school exports."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
import yaml
from openpyxl import Workbook

from overdracht.importing import import_workbook
from overdracht.importing.fields import LEERLINGEN, OUDERS
from overdracht.importing.values import CellProblem, convert

from .conftest import PUPIL_HEADERS, SCHOOL_HEADERS, SCHOOL_ROW, pupil, with_school

FIELD = {f.header: f for f in (*LEERLINGEN.fields, *OUDERS.fields)}


def imported(source: Path, tmp_path: Path, **options: object) -> dict[str, dict[str, object]]:
    out = tmp_path / "out"
    result = import_workbook(source, out, transition="po-vo", force=True, **options)  # type: ignore[arg-type]
    assert result.errors == [], result.errors
    return {
        p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted(out.glob("*.yaml"))
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("14-3-2014", "2014-03-14"),
        ("14/03/2014", "2014-03-14"),
        ("2014-03-14", "2014-03-14"),
        ("14.03.2014", "2014-03-14"),
        ("2014-03-14 00:00:00", "2014-03-14"),
        (41712, "2014-03-14"),
        (41712.0, "2014-03-14"),
        (date(2014, 3, 14), "2014-03-14"),
    ],
)
def test_dates(text: object, expected: str) -> None:
    assert convert(text, FIELD["Geboortedatum"]) == expected


def test_1904_serial() -> None:
    assert convert(40250, FIELD["Geboortedatum"], date1904=True) == "2014-03-14"


@pytest.mark.parametrize(
    ("text", "problem", "action"),
    [
        (
            "31-02-2014",
            "'31-02-2014' bestaat niet als datum",
            "controleer dag en maand, bijv. 14-03-2014",
        ),
        (
            "14-3-14",
            "'14-3-14' heeft een jaartal van twee cijfers",
            "schrijf het jaartal voluit, bijv. 14-03-2014",
        ),
        (
            "maart 2014",
            "'maart 2014' is geen datum",
            "vul een datum in als 14-03-2014 of 2014-03-14",
        ),
        ("1-1-1850", "de datum 01-01-1850 ligt buiten 1900-2100", "controleer het jaartal"),
    ],
)
def test_bad_dates(text: str, problem: str, action: str) -> None:
    with pytest.raises(CellProblem) as caught:
        convert(text, FIELD["Geboortedatum"])
    assert (caught.value.problem, caught.value.action) == (problem, action)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        (12345672, "012345672"),
        (12345672.0, "012345672"),
        ("1234.56.782", "123456782"),
        ("111 222 333", "111222333"),
    ],
)
def test_bsn_digits_and_leading_zero(cell: object, expected: str) -> None:
    assert convert(cell, FIELD["BSN"]) == expected


def test_bsn_in_scientific_notation_is_refused() -> None:
    with pytest.raises(CellProblem, match="wetenschappelijke notatie"):
        convert("1,23457E+08", FIELD["BSN"])


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("ja", True),
        ("Ja", True),
        ("J", True),
        ("x", True),
        ("WAAR", True),
        (True, True),
        (1, True),
        ("nee", False),
        ("N", False),
        ("Nee.", False),
        ("onwaar", False),
        (False, False),
        (0, False),
    ],
)
def test_ja_nee(cell: object, expected: bool) -> None:
    assert convert(cell, FIELD["Gezag"]) is expected


def test_ja_nee_unknown() -> None:
    with pytest.raises(CellProblem) as caught:
        convert("misschien", FIELD["Gezag"])
    assert (caught.value.problem, caught.value.action) == (
        "'misschien' is geen ja of nee",
        "vul ja of nee in",
    )


def test_choices_tolerate_spelling() -> None:
    advies = next(
        f
        for f in __import__("overdracht.importing.fields", fromlist=["x"]).SCHOOLADVIES.fields
        if f.header == "Definitief advies"
    )
    assert convert("VMBO-TL", advies) == "vmbo-gt"
    assert convert("Havo / VWO", advies) == "havo/vwo"
    assert convert("meisje", FIELD["Geslacht"]) == "v"


def test_bsn_8_digits_and_postcode_in_workbook(xlsx: Callable[..., Path], tmp_path: Path) -> None:
    ouders = [["Leerlingnummer", "Naam ouder", "Postcode"], ["1001", "A. Jansen", "1234ab"]]
    source = xlsx(with_school([pupil("1001", BSN=12345672)], Ouders=ouders))
    dossiers = imported(source, tmp_path)
    assert dossiers["leerling-1001"]["leerling"]["bsn"] == "012345672"  # type: ignore[index]
    assert dossiers["leerling-1001"]["ouders"] == [{"naam": "A. Jansen", "postcode": "1234 AB"}]


def test_excel_serials_in_general_cells_1900_and_1904(tmp_path: Path) -> None:
    for date1904, serial in ((False, 41712), (True, 40250)):
        workbook = Workbook()
        if date1904:
            from openpyxl.utils.datetime import CALENDAR_MAC_1904

            workbook.epoch = CALENDAR_MAC_1904
        school = workbook.active
        school.title = "School"
        school.append(SCHOOL_HEADERS)
        school.append(SCHOOL_ROW)
        pupils = workbook.create_sheet("Leerlingen")
        pupils.append(PUPIL_HEADERS)
        pupils.append(pupil("1001", Geboortedatum=serial))  # a number without date format
        pupils.append(pupil("1002", BSN="123456782", Geboortedatum=date(2014, 3, 14)))
        source = tmp_path / f"s{date1904}.xlsx"
        workbook.save(source)
        dossiers = imported(source, tmp_path)
        births = {k: v["leerling"]["geboortedatum"] for k, v in dossiers.items()}  # type: ignore[index]
        assert births == {"leerling-1001": "2014-03-14", "leerling-1002": "2014-03-14"}


def test_header_variants(xlsx: Callable[..., Path], tmp_path: Path) -> None:
    headers = [
        "Leerling nr.",
        "ACHTERNAAM LEERLING",
        "Voornaam",
        "Geb.datum",
        "Burgerservicenummer",
        "Nieuwe school",
        "BRIN nieuwe  school",
        "Geslacht (M/V)",
    ]
    sheets = with_school([])
    sheets["Leerlingen"] = [
        headers,
        ["1001", "Jansen", "Eva", "14-3-2014", "111222333", "Het Baken", "31QX", "V"],
    ]
    out = tmp_path / "out"
    result = import_workbook(xlsx(sheets), out, transition="po-vo")
    assert [(w.column, w.problem) for w in result.warnings] == [
        ("H (Geslacht (M/V))", "onbekende kolom; de gegevens in deze kolom zijn niet ingelezen")
    ]
    assert result.errors == []
    data = yaml.safe_load((out / "leerling-1001.yaml").read_text(encoding="utf-8"))
    assert data["leerling"]["achternaam"] == "Jansen"
    assert "geslacht" not in data["leerling"]  # unknown columns are never used


def test_accents_and_case_in_headers(xlsx: Callable[..., Path], tmp_path: Path) -> None:
    sheets = with_school([pupil("1001")])
    sheets["Leerlingen"][0] = [h.upper().replace("E", "É") for h in PUPIL_HEADERS]
    assert set(imported(xlsx(sheets), tmp_path)) == {"leerling-1001"}


def test_mapping_for_own_export(xlsx: Callable[..., Path], tmp_path: Path) -> None:
    sheets = {
        "Export": [
            [
                "Stamnr",
                "Naam",
                "Voorletters",
                "Roepnm",
                "Geb",
                "Sofi",
                "VO-school",
                "Brin VO",
                "Klas",
            ],
            ["77", "Jansen", "E.", "Eva", "2014-03-14", "111222333", "Het Baken", "31QX", "8b"],
        ]
    }
    mapping = tmp_path / "mapping.yaml"
    mapping.write_text(
        "kolommen:\n"
        "  Naam: Achternaam\n"
        "  Roepnm: Voornamen\n"
        "  Geb: Geboortedatum\n"
        "  Sofi: BSN\n"
        "  VO-school: Naam nieuwe school\n"
        "  Brin VO: BRIN nieuwe school\n"
        "  Voorletters: negeren\n"
        "  Klas: negeren\n"
        "vaste_waarden:\n"
        "  School:\n"
        "    Naam school: OBS De Vlinder\n"
        "    BRIN: 99ZZ\n"
        "    Schooljaar: 2026-2027\n"
        "    Geplande startdatum: 24-8-2026\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    result = import_workbook(xlsx(sheets), out, transition="po-vo", mapping=mapping)
    assert (result.errors, result.warnings) == ([], [])
    data = yaml.safe_load((out / "leerling-77.yaml").read_text(encoding="utf-8"))
    assert data["leerling"]["voornamen"] == "Eva"
    assert data["vertrekkende_school"] == {"naam": "OBS De Vlinder", "brin": "99ZZ", "soort": "bao"}
    assert data["overgang"]["geplande_startdatum"] == "2026-08-24"


def test_broken_mapping_names_file_and_line(xlsx: Callable[..., Path], tmp_path: Path) -> None:
    from overdracht.errors import InvalidInputError

    mapping = tmp_path / "mapping.yaml"
    mapping.write_text("kolommen:\n  Geb: Geboortedatum\nkolom:\n  x: y\n", encoding="utf-8")
    with pytest.raises(InvalidInputError) as caught:
        import_workbook(
            xlsx(with_school([pupil()])), tmp_path / "o", transition="po-vo", mapping=mapping
        )
    assert str(caught.value) == (
        f"{mapping}: het mappingbestand klopt niet; verbeter het en probeer opnieuw.\n"
        f"  - {mapping}:3: kolom: onbekend veld; controleer de spelling of verwijder het "
        "(zie 'overdracht schema')"
    )


def test_empty_rows_skipped_and_counted(xlsx: Callable[..., Path], tmp_path: Path) -> None:
    source = xlsx(
        with_school([[], pupil("1001"), [None, "  ", None], pupil("1002", BSN="123456782"), []])
    )
    result = import_workbook(source, tmp_path / "o", transition="po-vo")
    assert (result.empty_rows, result.rows_imported, result.exit_code) == (2, 3, 0)
    # trailing empty rows are not part of the sheet at all
    assert [(o.row, o.status) for o in result.outcomes if o.sheet == "Leerlingen"] == [
        (2, "leeg"),
        (3, "geïmporteerd"),
        (4, "leeg"),
        (5, "geïmporteerd"),
    ]


def test_formula_without_cached_value(xlsx: Callable[..., Path], tmp_path: Path) -> None:
    source = xlsx(with_school([pupil("1001", Achternaam='=UPPER("jansen")')]))
    result = import_workbook(source, tmp_path / "o", transition="po-vo")
    assert [(p.row, p.column, p.problem, p.action) for p in result.errors] == [
        (
            2,
            "B (Achternaam)",
            "de cel bevat een formule zonder berekende waarde",
            "open het bestand in Excel, laat het herberekenen (F9) en sla het op; of vervang de "
            "formule door de waarde zelf",
        )
    ]


def test_merged_cells_down_a_column(tmp_path: Path) -> None:
    workbook = Workbook()
    school = workbook.active
    school.title = "School"
    school.append(SCHOOL_HEADERS)
    school.append(SCHOOL_ROW)
    pupils = workbook.create_sheet("Leerlingen")
    pupils.append(PUPIL_HEADERS)
    pupils.append(pupil("1001"))
    pupils.append(pupil("1002", BSN="123456782", **{"Naam nieuwe school": None}))
    pupils.merge_cells("F2:F3")  # "Het Baken" for both pupils
    pupils.merge_cells("B3:C3")  # across columns: only the first is read, with a warning
    source = tmp_path / "merged.xlsx"
    workbook.save(source)
    result = import_workbook(source, tmp_path / "o", transition="po-vo")
    assert [(w.row, w.column, w.problem) for w in result.warnings] == [
        (3, "B-C", "samengevoegde cellen over meer kolommen; alleen de eerste kolom is gelezen")
    ]
    assert [(e.row, e.column, e.problem) for e in result.errors] == [
        (3, "C (Voornamen)", "dit verplichte veld ontbreekt")
    ]
    data = yaml.safe_load((tmp_path / "o" / "leerling-1001.yaml").read_text(encoding="utf-8"))
    assert data["ontvangende_school"]["naam"] == "Het Baken"


def test_merged_cells_fill_down(xlsx: Callable[..., Path], tmp_path: Path) -> None:
    source = xlsx(
        with_school([pupil("1001"), pupil("1002", BSN="123456782", **{"Naam nieuwe school": None})])
    )
    from openpyxl import load_workbook

    workbook = load_workbook(source)
    workbook["Leerlingen"].merge_cells("F2:F3")
    workbook.save(source)
    dossiers = imported(source, tmp_path)
    assert dossiers["leerling-1002"]["ontvangende_school"]["naam"] == "Het Baken"  # type: ignore[index]


CSV_ROWS = [
    "Leerlingnummer;Achternaam;Voornamen;Geboortedatum;BSN;Naam nieuwe school;BRIN nieuwe school",
    "1001;Müller;Zoë;14-3-2014;12345672;Het Baken;31QX",
]
MAPPING_SCHOOL = (
    "vaste_waarden:\n  School:\n    Naam school: OBS De Vlinder\n    BRIN: 99ZZ\n"
    "    Schooljaar: 2026-2027\n    Geplande startdatum: 2026-08-24\n"
)


@pytest.mark.parametrize(
    ("encoding", "delimiter"),
    [("utf-8", ";"), ("utf-8-sig", ";"), ("cp1252", ";"), ("utf-8", ","), ("cp1252", ",")],
)
def test_csv_encodings_and_delimiters(tmp_path: Path, encoding: str, delimiter: str) -> None:
    source = tmp_path / "leerlingen.csv"
    source.write_bytes("\r\n".join(CSV_ROWS).replace(";", delimiter).encode(encoding))
    mapping = tmp_path / "m.yaml"
    mapping.write_text(MAPPING_SCHOOL, encoding="utf-8")
    dossiers = imported(source, tmp_path, mapping=mapping)
    leerling = dossiers["leerling-1001"]["leerling"]
    assert (leerling["achternaam"], leerling["voornamen"], leerling["bsn"]) == (
        "Müller",
        "Zoë",
        "012345672",
    )  # type: ignore[index]


def test_csv_with_quoted_semicolons(tmp_path: Path) -> None:
    from overdracht.importing.reading import read_csv

    source = tmp_path / "l.csv"
    source.write_text('a;b\n"x;y";"regel 1\nregel 2"\n', encoding="utf-8")
    assert read_csv(source).rows == [["a", "b"], ["x;y", "regel 1\nregel 2"]]
