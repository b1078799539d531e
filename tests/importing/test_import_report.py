"""The error report accounts for every row; duplicates and orphans are never merged."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import load_workbook

from overdracht.errors import InvalidInputError
from overdracht.importing import Limits, import_workbook

from .conftest import PUPIL_HEADERS, pupil, with_school


def report_rows(path: Path, sheet: str) -> list[tuple[object, ...]]:
    workbook = load_workbook(path)
    return [tuple(row) for row in workbook[sheet].iter_rows(values_only=True)]


def test_report_lists_every_problem_and_every_row(
    xlsx: Callable[..., Path], tmp_path: Path
) -> None:
    ouders = [
        ["Leerlingnummer", "Naam ouder", "E-mail", "Postcode"],
        ["1001", "A. Jansen", "a.jansen@example.nl", "1234 AB"],
        ["1003", "B. de Boer", "geen-mail", "12345"],
        ["9999", "C. Wees", None, None],
    ]
    toetsen = [
        ["Leerlingnummer", "Toets", "Datum", "Referentieniveau"],
        ["1002", "LiB M8", "20-1-2026", "3F"],
    ]
    source = xlsx(
        with_school(
            [
                pupil("1001"),
                pupil("1002", BSN="123456782", Geboortedatum="31-2-2014"),
                pupil("1003", BSN="123456789"),
                pupil("1004", BSN=None),
            ],
            Ouders=ouders,
            Toetsen=toetsen,
        )
    )
    out = tmp_path / "out"
    result = import_workbook(source, out, transition="po-vo")
    assert result.exit_code == 1
    assert [p.name for p in result.written] == ["leerling-1001.yaml"]
    problems = report_rows(out / "importverslag.xlsx", "Problemen")
    assert problems == [
        ("Blad", "Rij", "Kolom", "Waarde", "Probleem", "Wat te doen", "Soort"),
        (
            "Leerlingen",
            3,
            "D (Geboortedatum)",
            "31-2-2014",
            "'31-2-2014' bestaat niet als datum",
            "controleer dag en maand, bijv. 14-03-2014",
            "fout",
        ),
        (
            "Leerlingen",
            4,
            "E (BSN)",
            "123456789",
            "geen geldig BSN (9 cijfers die de elfproef doorstaan)",
            "neem het nummer opnieuw over uit de leerlingadministratie",
            "fout",
        ),
        (
            "Leerlingen",
            5,
            "E (BSN)",
            None,
            "BSN en onderwijsnummer zijn allebei leeg",
            "vul het BSN in, of het onderwijsnummer als de leerling geen BSN heeft",
            "fout",
        ),
        (
            "Ouders",
            3,
            "C (E-mail)",
            "geen-mail",
            "'geen-mail' heeft niet de juiste vorm",
            "verbeter de waarde in deze rij",
            "fout",
        ),
        (
            "Ouders",
            3,
            "D (Postcode)",
            "12345",
            "geen geldige postcode (4 cijfers en 2 letters, bijv. 1234 AB)",
            "verbeter de waarde in deze rij",
            "fout",
        ),
        (
            "Ouders",
            4,
            "A (Leerlingnummer)",
            "9999",
            "leerlingnummer 9999 staat niet op blad Leerlingen",
            "controleer het leerlingnummer, of voeg de leerling toe aan blad Leerlingen",
            "fout",
        ),
        (
            "Toetsen",
            2,
            "D (Referentieniveau)",
            "3F",
            "'3F' is geen toegestane waarde",
            "kies uit: <1F, 1F, 2F, 1S",
            "fout",
        ),
    ]
    rows = report_rows(out / "importverslag.xlsx", "Rijen")
    assert rows == [
        ("Blad", "Rij", "Resultaat", "Toelichting"),
        ("School", 2, "geïmporteerd", "gebruikt voor elke leerling"),
        ("Leerlingen", 2, "geïmporteerd", "leerling-1001.yaml"),
        ("Leerlingen", 3, "afgewezen", "'31-2-2014' bestaat niet als datum"),
        ("Leerlingen", 4, "afgewezen", "geen geldig BSN (9 cijfers die de elfproef doorstaan)"),
        ("Leerlingen", 5, "afgewezen", "BSN en onderwijsnummer zijn allebei leeg"),
        ("Ouders", 2, "geïmporteerd", "leerling-1001.yaml"),
        (
            "Ouders",
            3,
            "afgewezen",
            "'geen-mail' heeft niet de juiste vorm; geen geldige postcode (4 cijfers en 2 letters, bijv. 1234 AB)",
        ),
        ("Ouders", 4, "afgewezen", "leerlingnummer 9999 staat niet op blad Leerlingen"),
        ("Toetsen", 2, "afgewezen", "'3F' is geen toegestane waarde"),
    ]
    # every row read is accounted for exactly once
    assert result.rows_read == result.rows_imported + result.rows_rejected == 9


def test_same_pupil_twice_is_not_merged(xlsx: Callable[..., Path], tmp_path: Path) -> None:
    toetsen = [["Leerlingnummer", "Toets", "Datum"], ["1001", "LiB M8", "20-1-2026"]]
    source = xlsx(
        with_school(
            [
                pupil("1001"),
                pupil("1001", Voornamen="Eva Maria"),
                pupil("1002", BSN="111222333"),
                pupil("1003", BSN="123456782"),
            ],
            Toetsen=toetsen,
        )
    )
    result = import_workbook(source, tmp_path / "o", transition="po-vo")
    assert [p.name for p in result.written] == ["leerling-1003.yaml"]
    assert [(p.sheet, p.row, p.problem) for p in result.errors] == [
        (
            "Leerlingen",
            2,
            "leerlingnummer 1001 staat op meer rijen (2, 3); de rijen zijn niet samengevoegd",
        ),
        ("Leerlingen", 2, "hetzelfde BSN staat bij verschillende leerlingnummers (rijen 2, 3, 4)"),
        (
            "Leerlingen",
            3,
            "leerlingnummer 1001 staat op meer rijen (2, 3); de rijen zijn niet samengevoegd",
        ),
        ("Leerlingen", 3, "hetzelfde BSN staat bij verschillende leerlingnummers (rijen 2, 3, 4)"),
        ("Leerlingen", 4, "hetzelfde BSN staat bij verschillende leerlingnummers (rijen 2, 3, 4)"),
    ]
    toets = [o for o in result.outcomes if o.sheet == "Toetsen"]
    assert [(o.status, o.detail) for o in toets] == [
        ("afgewezen", "leerling 1001 staat meer dan eens op blad Leerlingen")
    ]


def test_missing_school_sheet_rejects_everyone_once(
    xlsx: Callable[..., Path], tmp_path: Path
) -> None:
    source = xlsx({"Leerlingen": [PUPIL_HEADERS, pupil("1001"), pupil("1002", BSN="123456782")]})
    result = import_workbook(source, tmp_path / "o", transition="po-vo")
    assert result.written == []
    assert [(p.sheet, p.problem, p.action) for p in result.errors] == [
        (
            "School",
            "de gegevens van de vertrekkende school ontbreken",
            "vul blad School in (zie 'overdracht template'), of zet de gegevens onder "
            "'vaste_waarden: School:' in een --mapping-bestand",
        ),
    ]
    assert result.rows_rejected == 2


def test_missing_required_column_stops_before_writing(
    xlsx: Callable[..., Path], tmp_path: Path
) -> None:
    sheets = with_school([pupil("1001")])
    sheets["Leerlingen"] = [row[:3] for row in sheets["Leerlingen"]]
    source = xlsx(sheets)
    with pytest.raises(InvalidInputError) as caught:
        import_workbook(source, tmp_path / "o", transition="po-vo")
    assert str(caught.value) == (
        f"{source}: op blad 'Leerlingen' ontbreekt de kolom 'Geboortedatum', 'Naam nieuwe school'. "
        "Voeg de kolom toe (zie 'overdracht template'), of wijs een eigen kolom aan in een "
        "--mapping-bestand."
    )
    assert not (tmp_path / "o").exists()


def test_unknown_sheet_is_a_warning(xlsx: Callable[..., Path], tmp_path: Path) -> None:
    sheets = with_school([pupil("1001")], Notities=[["iets"], ["nog iets"]])
    result = import_workbook(xlsx(sheets), tmp_path / "o", transition="po-vo")
    assert result.exit_code == 0
    assert [(w.sheet, w.problem) for w in result.warnings] == [
        ("Notities", "onbekend blad voor overgang po-vo; dit blad is niet ingelezen")
    ]


def test_file_names_never_contain_names_or_bsn(xlsx: Callable[..., Path], tmp_path: Path) -> None:
    source = xlsx(with_school([pupil("Jansen/E 1")]))
    result = import_workbook(source, tmp_path / "o", transition="po-vo")
    (written,) = result.written
    assert written.name.startswith("leerling-") and "Jansen" not in written.name
    assert (
        written.name
        == "leerling-" + __import__("hashlib").sha256(b"Jansen/E 1").hexdigest()[:16] + ".yaml"
    )


# --- safety -------------------------------------------------------------------------------------


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def _xlsx_with_sheet(path: Path, sheet_xml: bytes) -> Path:
    return _zip(
        path,
        {
            "[Content_Types].xml": b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
            "xl/workbook.xml": b'<workbook xmlns:r="r"><sheets><sheet name="Leerlingen" sheetId="1" r:id="rId1"/></sheets></workbook>',
            "xl/_rels/workbook.xml.rels": b'<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>',
            "xl/worksheets/sheet1.xml": sheet_xml,
        },
    )


def test_huge_declared_dimension_is_rejected(tmp_path: Path) -> None:
    sheet = (
        b'<worksheet><dimension ref="A1:XFD1048576"/><sheetData><row r="1"><c r="A1" t="inlineStr">'
        b"<is><t>Leerlingnummer</t></is></c></row></sheetData></worksheet>"
    )
    source = _xlsx_with_sheet(tmp_path / "groot.xlsx", sheet)
    with pytest.raises(
        InvalidInputError, match="blad 'Leerlingen' heeft 1048576 rijen; de grens is 100000 rijen"
    ):
        import_workbook(source, tmp_path / "o", transition="po-vo")


def test_far_away_cell_is_rejected(tmp_path: Path) -> None:
    sheet = (
        b'<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row>'
        b'<row r="900000"><c r="ZZ900000"><v>1</v></c></row></sheetData></worksheet>'
    )
    source = _xlsx_with_sheet(tmp_path / "ver.xlsx", sheet)
    with pytest.raises(InvalidInputError, match="heeft 900000 rijen"):
        import_workbook(source, tmp_path / "o", transition="po-vo")


@pytest.mark.slow
def test_zip_bomb_is_rejected_in_bounded_time(tmp_path: Path) -> None:
    import time

    bomb = b"<worksheet><sheetData>" + b" " * (400 * 1024 * 1024) + b"</sheetData></worksheet>"
    source = _xlsx_with_sheet(tmp_path / "bom.xlsx", bomb)
    del bomb
    assert source.stat().st_size < 1024 * 1024
    start = time.perf_counter()
    with pytest.raises(InvalidInputError, match="uitgepakt is de werkmap te groot"):
        import_workbook(source, tmp_path / "o", transition="po-vo")
    assert time.perf_counter() - start < 5


def test_unpacking_stops_at_the_budget_whatever_the_header_says(tmp_path: Path) -> None:
    from overdracht.importing.safety import _unzip

    source = _zip(tmp_path / "bom.zip", {"x.xml": b" " * (3 * 1024 * 1024)})
    with zipfile.ZipFile(source) as archive, pytest.raises(InvalidInputError, match="zipbom"):
        _unzip(archive, archive.infolist()[0], 1024 * 1024, source)


def test_row_limit_for_csv(tmp_path: Path) -> None:
    source = tmp_path / "veel.csv"
    source.write_text("Leerlingnummer;Achternaam\n" + "1;a\n" * 20, encoding="utf-8")
    with pytest.raises(InvalidInputError, match="meer dan 10 rijen"):
        import_workbook(source, tmp_path / "o", transition="po-vo", limits=Limits(max_rows=10))


def test_file_size_limit(tmp_path: Path) -> None:
    source = tmp_path / "groot.csv"
    source.write_bytes(b"a;b\n" * 1000)
    with pytest.raises(InvalidInputError, match="het bestand is 0 MB; de grens is 0 MB"):
        import_workbook(
            source, tmp_path / "o", transition="po-vo", limits=Limits(max_file_bytes=100)
        )


def test_privacy_columns_are_refused(xlsx: Callable[..., Path], tmp_path: Path) -> None:
    sheets = with_school([pupil("1001")])
    sheets["Leerlingen"][0] = [*sheets["Leerlingen"][0], "Geboorteplaats"]
    sheets["Leerlingen"][1] = [*sheets["Leerlingen"][1], "Zwolle"]
    result = import_workbook(xlsx(sheets), tmp_path / "o", transition="po-vo")
    assert [(w.column, w.problem, w.action) for w in result.warnings] == [
        (
            "H (Geboorteplaats)",
            "deze gegevens horen volgens de privacyregels niet bij een overdracht; de kolom is "
            "niet ingelezen",
            "verwijder de kolom uit het bestand",
        )
    ]
    assert "Zwolle" not in result.written[0].read_text(encoding="utf-8")


SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "import"


def test_sample_files(tmp_path: Path) -> None:
    clean = import_workbook(SAMPLES / "leerlingen-po-vo.xlsx", tmp_path / "a", transition="po-vo")
    assert (len(clean.written), clean.exit_code) == (8, 0)
    export = import_workbook(
        SAMPLES / "leerlingen-po-vo.csv",
        tmp_path / "b",
        transition="po-vo",
        mapping=SAMPLES / "mapping-export.yaml",
    )
    assert (len(export.written), export.exit_code) == (8, 0)
    flawed = import_workbook(
        SAMPLES / "leerlingen-met-fouten.xlsx", tmp_path / "c", transition="po-vo"
    )
    assert (len(flawed.written), flawed.exit_code, len(flawed.errors)) == (2, 1, 14)
