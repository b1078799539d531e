"""OpenDocument spreadsheets: read with calamine; repeated rows are only costly with content."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
import yaml

from overdracht.errors import InvalidInputError
from overdracht.importing import import_workbook

from .conftest import PUPIL_HEADERS, SCHOOL_HEADERS

NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
)


def _cell(value: str) -> str:
    return (
        f'<table:table-cell office:value-type="string"><text:p>{value}</text:p></table:table-cell>'
    )


def _table(name: str, rows: list[list[str]], tail: str) -> str:
    body = "".join(
        f"<table:table-row>{''.join(_cell(v) for v in row)}</table:table-row>" for row in rows
    )
    return f'<table:table table:name="{name}">{body}{tail}</table:table>'


MANIFEST = (
    '<?xml version="1.0"?><manifest:manifest '
    'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
    '<manifest:file-entry manifest:full-path="/" '
    'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
    "</manifest:manifest>"
)


def write_ods(path: Path, tail: str) -> Path:
    school = _table(
        "School", [SCHOOL_HEADERS, ["OBS De Vlinder", "99ZZ", "00", "2026-2027", "24-08-2026"]], ""
    )
    pupils = _table(
        "Leerlingen",
        [PUPIL_HEADERS, ["1001", "Jansen", "Eva", "14-03-2014", "111222333", "Het Baken", "31QX"]],
        tail,
    )
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {NS} office:version="1.2">'
        f"<office:body><office:spreadsheet>{school}{pupils}</office:spreadsheet></office:body>"
        "</office:document-content>"
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", content)
        archive.writestr("META-INF/manifest.xml", MANIFEST)
    return path


# LibreOffice ends every sheet like this: a million empty rows, in one element
EMPTY_TAIL = (
    '<table:table-row table:number-rows-repeated="1048570">'
    '<table:table-cell table:number-columns-repeated="16384"/></table:table-row>'
)


def test_ods_with_libreoffice_empty_tail(tmp_path: Path) -> None:
    source = write_ods(tmp_path / "leerlingen.ods", EMPTY_TAIL)
    result = import_workbook(source, tmp_path / "o", transition="po-vo")
    assert (result.exit_code, result.errors) == (0, [])
    data = yaml.safe_load((tmp_path / "o" / "leerling-1001.yaml").read_text(encoding="utf-8"))
    assert data["leerling"]["geboortedatum"] == "2014-03-14"


def test_ods_repeating_content_a_million_times_is_rejected(tmp_path: Path) -> None:
    tail = f'<table:table-row table:number-rows-repeated="1000000">{_cell("x")}</table:table-row>'
    source = write_ods(tmp_path / "bom.ods", tail)
    with pytest.raises(InvalidInputError, match="blad 'Leerlingen' heeft 1000002 rijen"):
        import_workbook(source, tmp_path / "o", transition="po-vo")


def test_ods_formula_without_value_is_reported(tmp_path: Path) -> None:
    # BSN as a formula that was never calculated (no office:value-type, no text)
    source = write_ods(tmp_path / "formule.ods", "")
    content = zipfile.ZipFile(source).read("content.xml").decode()
    content = content.replace(_cell("111222333"), '<table:table-cell table:formula="of:=[.A1]*3"/>')
    with zipfile.ZipFile(source, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", content)
        archive.writestr("META-INF/manifest.xml", MANIFEST)
    result = import_workbook(source, tmp_path / "o", transition="po-vo")
    assert [(p.sheet, p.row, p.column, p.value, p.problem) for p in result.errors] == [
        (
            "Leerlingen",
            2,
            "E (BSN)",
            "(formule)",
            "de cel bevat een formule zonder berekende waarde",
        )
    ]
    assert result.written == []
