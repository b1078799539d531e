"""Look inside a workbook before reading it: reject zip bombs and absurd sizes early.

Reading a spreadsheet into memory costs memory per cell, and a few kilobytes of
zipped XML can declare a billion cells. So before python-calamine sees the file,
we decompress every part with a hard cap and find the real extent of each sheet.
The same pass finds facts calamine does not report: the 1904 date system and
formulas that were saved without a calculated value.
"""

from __future__ import annotations

import re
import struct
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from overdracht.errors import InvalidInputError
from overdracht.importing.xlsscan import XlsEncrypted, XlsFormatError, measure
from overdracht.limits import (
    MAX_IMPORT_CELLS,
    MAX_IMPORT_COLUMNS,
    MAX_IMPORT_FILE_BYTES,
    MAX_IMPORT_ROWS,
    MAX_IMPORT_TEXT_BYTES,
    MAX_IMPORT_UNZIPPED_BYTES,
)


@dataclass(frozen=True)
class Limits:
    """Upper bounds for one import; far above any school, far below a memory problem."""

    max_file_bytes: int = MAX_IMPORT_FILE_BYTES
    max_unzipped_bytes: int = MAX_IMPORT_UNZIPPED_BYTES
    max_rows: int = MAX_IMPORT_ROWS
    max_columns: int = MAX_IMPORT_COLUMNS
    max_cells: int = MAX_IMPORT_CELLS
    max_text_bytes: int = MAX_IMPORT_TEXT_BYTES


DEFAULT_LIMITS = Limits()


@dataclass
class ZipFacts:
    """What the pre-scan learned about an .xlsx/.xlsm/.ods file."""

    date1904: bool = False
    formulas_without_value: dict[str, set[tuple[int, int]]] = field(default_factory=dict)
    rows: int = 0  # rows in all sheets together, for the progress bar


_SHEET = re.compile(rb'<sheet\b[^>]*?\bname="([^"]*)"[^>]*?\br:id="([^"]*)"')
_SHEET_ID_FIRST = re.compile(rb'<sheet\b[^>]*?\br:id="([^"]*)"[^>]*?\bname="([^"]*)"')
_REL = re.compile(rb'<Relationship\b[^>]*?\bId="([^"]*)"[^>]*?\bTarget="([^"]*)"')
_REL_TARGET_FIRST = re.compile(rb'<Relationship\b[^>]*?\bTarget="([^"]*)"[^>]*?\bId="([^"]*)"')
_DIMENSION = re.compile(rb'<dimension\s+ref="([A-Z]*)(\d*)(?::([A-Z]+)(\d+))?"')
_ROW_NUMBER = re.compile(rb'<row\b[^>]*?\br="(\d+)"')
_CELL_COLUMN = re.compile(rb'<c r="([A-Z]{2,})\d')
_EMPTY_FORMULA = re.compile(
    rb'<c r="([A-Z]+)(\d+)"[^>]*>(?:<f\b[^>]*/>|<f\b[^>]*>[^<]*</f>)(?:<v\s*/>|<v>\s*</v>)?</c>'
)


def _too_big(path: Path, what: str) -> InvalidInputError:
    return InvalidInputError(
        f"{path}: {what}. Zo'n groot bestand leest overdracht niet in, om de computer niet "
        "vast te laten lopen. Sla alleen de leerlingen en kolommen op die u nodig hebt "
        "(kopieer ze naar een nieuwe werkmap) en probeer het opnieuw."
    )


def check_file_size(path: Path, limits: Limits) -> int:
    size = path.stat().st_size
    if size > limits.max_file_bytes:
        raise _too_big(
            path,
            f"het bestand is {size // (1024 * 1024)} MB; de grens is "
            f"{limits.max_file_bytes // (1024 * 1024)} MB",
        )
    return size


def _unzip(archive: zipfile.ZipFile, info: zipfile.ZipInfo, budget: int, path: Path) -> bytes:
    """Decompress one member, never beyond ``budget`` bytes whatever the header claims."""
    with archive.open(info) as handle:
        # read(n) inflates at most n bytes, in one piece: bounded, and no copying of chunks
        data = handle.read(budget + 1)
    if len(data) > budget:
        raise _too_big(path, "uitgepakt is de werkmap veel groter dan het bestand (een 'zipbom')")
    return data


def column_number(letters: bytes | str) -> int:
    """b'A' -> 1, b'AB' -> 28."""
    number = 0
    for char in letters.decode() if isinstance(letters, bytes) else letters:
        number = number * 26 + ord(char) - 64
    return number


def inspect_zip(path: Path, limits: Limits = DEFAULT_LIMITS) -> ZipFacts:
    """Pre-scan an OOXML or ODS file; raise InvalidInputError when it is unsafe to read."""
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError):
        raise InvalidInputError(
            f"{path}: het bestand is geen geldige Excel- of OpenDocument-werkmap (het is "
            "beschadigd of heeft de verkeerde extensie). Open het in Excel en sla het opnieuw "
            "op als .xlsx."
        ) from None
    with archive:
        infos = archive.infolist()
        if sum(info.file_size for info in infos) > limits.max_unzipped_bytes:
            raise _too_big(path, "uitgepakt is de werkmap te groot")
        budget = limits.max_unzipped_bytes
        parts: dict[str, bytes] = {}
        try:
            for info in infos:
                if info.is_dir():
                    continue
                data = _unzip(archive, info, budget, path)
                budget -= len(data)
                if info.filename.endswith((".xml", ".rels")):
                    parts[info.filename] = data
        except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError):
            raise InvalidInputError(
                f"{path}: de werkmap is beschadigd of versleuteld en kan niet gelezen worden. "
                "Open hem in Excel, haal een eventueel wachtwoord eraf en sla hem opnieuw op."
            ) from None
    if "content.xml" in parts:
        formulas, rows = _check_ods(parts["content.xml"], path, limits)
        return ZipFacts(formulas_without_value=formulas, rows=rows)
    return _inspect_ooxml(parts, path, limits)


def inspect_xls(path: Path, limits: Limits = DEFAULT_LIMITS) -> ZipFacts:
    """Pre-scan a legacy .xls: every sheet's cells must fit the limits before calamine reads it."""
    try:
        sheets = measure(path.read_bytes())
    except XlsEncrypted:
        raise InvalidInputError(
            f"{path}: de werkmap is beveiligd (versleuteld) en kan niet gelezen worden. Open "
            "hem in Excel, haal de beveiliging eraf en sla hem op als .xlsx."
        ) from None
    except (XlsFormatError, struct.error, IndexError):
        raise InvalidInputError(
            f"{path}: het bestand is geen geldige Excel 97-2003-werkmap (.xls): het is "
            "beschadigd of heeft de verkeerde extensie. Open het in Excel en sla het opnieuw "
            "op als .xlsx."
        ) from None
    for sheet in sheets:
        _check_extent(path, sheet.name, *sheet.extent, limits)
    return ZipFacts(rows=sum(sheet.rows for sheet in sheets))


def _sheet_files(parts: dict[str, bytes]) -> dict[str, str]:
    """Sheet name -> part name of its XML."""
    workbook = parts.get("xl/workbook.xml", b"")
    rels = parts.get("xl/_rels/workbook.xml.rels", b"")
    targets = {rid: target for rid, target in _REL.findall(rels)}
    targets.update({rid: target for target, rid in _REL_TARGET_FIRST.findall(rels)})
    sheets = list(_SHEET.findall(workbook)) + [(n, r) for r, n in _SHEET_ID_FIRST.findall(workbook)]
    files: dict[str, str] = {}
    for name, rid in sheets:
        target = targets.get(rid)
        if target is None:
            continue
        text = target.decode()
        part = text.lstrip("/") if text.startswith("/") else str(PurePosixPath("xl") / text)
        files[_unescape(name.decode("utf-8", "replace"))] = part
    return files


def _unescape(text: str) -> str:
    return (
        text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", '"')
        .replace("&apos;", "'")
        .replace("&amp;", "&")
    )


def _inspect_ooxml(parts: dict[str, bytes], path: Path, limits: Limits) -> ZipFacts:
    facts = ZipFacts(
        date1904=bool(re.search(rb'date1904="(1|true)"', parts.get("xl/workbook.xml", b"")))
    )
    shared = _shared_string_sizes(parts.get(_shared_strings_part(parts), b""))
    for name, part in _sheet_files(parts).items():
        xml = parts.get(part)
        if xml is None:
            continue
        rows, columns = _extent(xml)
        _check_extent(path, name, rows, columns, limits)
        _check_text(path, name, len(xml) + _shared_text(xml, shared), limits)
        facts.rows += rows
        if b"<f" in xml:
            facts.formulas_without_value[name] = {
                (int(row), column_number(col) - 1) for col, row in _EMPTY_FORMULA.findall(xml)
            }
    return facts


_SHARED_STRINGS_REL = re.compile(rb'<Relationship\b[^>]*?/sharedStrings"[^>]*?\bTarget="([^"]*)"')
_SHARED_STRINGS_REL_TARGET_FIRST = re.compile(
    rb'<Relationship\b[^>]*?\bTarget="([^"]*)"[^>]*?/sharedStrings"'
)
_STRING_ITEM = re.compile(rb"<si\b[^>]*?(/?)>")
_SHARED_REFERENCE = re.compile(rb'<c\b[^>]*?\bt="s"[^>]*>\s*<v>\s*(\d{1,10})\s*</v>')


def _shared_strings_part(parts: dict[str, bytes]) -> str:
    rels = parts.get("xl/_rels/workbook.xml.rels", b"")
    found = _SHARED_STRINGS_REL.search(rels) or _SHARED_STRINGS_REL_TARGET_FIRST.search(rels)
    if found is None:
        return "xl/sharedStrings.xml"
    text = found.group(1).decode("utf-8", "replace")
    return text.lstrip("/") if text.startswith("/") else str(PurePosixPath("xl") / text)


def _shared_string_sizes(xml: bytes) -> list[int]:
    """Bytes of every shared string, in order (its XML, a little more than its text)."""
    sizes: list[int] = []
    position = 0
    while (item := _STRING_ITEM.search(xml, position)) is not None:
        if item.group(1):  # <si/>
            sizes.append(0)
            position = item.end()
            continue
        end = xml.find(b"</si>", item.end())
        if end < 0:
            sizes.append(len(xml) - item.end())
            break
        sizes.append(end - item.end())
        position = end + 5
    return sizes


def _shared_text(xml: bytes, sizes: list[int]) -> int:
    """Text a sheet expands to through shared strings: each string counted at every use.

    One shared string of 50 MB used by 100,000 cells is a 385 kB file that becomes
    5 TB of Python strings.
    """
    count = len(sizes)
    total = 0
    for reference in _SHARED_REFERENCE.finditer(xml):
        index = int(reference.group(1))
        if index < count:
            total += sizes[index]
    return total


def _check_text(path: Path, sheet: str, size: int, limits: Limits) -> None:
    if size > limits.max_text_bytes:
        raise _too_big(
            path,
            f"blad '{sheet}' bevat uitgepakt {_megabytes(size)} tekst (een tekst die in veel "
            f"cellen herhaald wordt, telt elke keer mee); de grens is "
            f"{_megabytes(limits.max_text_bytes)}",
        )


def _megabytes(size: int) -> str:
    return f"{size // (1024 * 1024)} MB" if size >= 1024 * 1024 else f"{size // 1024} kB"


def _extent(xml: bytes) -> tuple[int, int]:
    """(rows, columns) of a worksheet: declared dimension or real cells, whichever is larger."""
    rows = columns = 0
    found = _DIMENSION.search(xml, 0, 4096)
    if found and found.group(4):
        rows, columns = int(found.group(4)), column_number(found.group(3))
    row_numbers = _ROW_NUMBER.findall(xml)
    if row_numbers:
        rows = max(rows, max(int(r) for r in row_numbers))
    letters = set(_CELL_COLUMN.findall(xml))
    if letters:
        columns = max(columns, max(column_number(c) for c in letters))
    return rows, max(columns, 1)


def _check_extent(path: Path, sheet: str, rows: int, columns: int, limits: Limits) -> None:
    if rows > limits.max_rows + 1:
        raise _too_big(
            path, f"blad '{sheet}' heeft {rows} rijen; de grens is {limits.max_rows} rijen"
        )
    if columns > limits.max_columns:
        raise _too_big(
            path, f"blad '{sheet}' heeft {columns} kolommen; de grens is {limits.max_columns}"
        )
    if rows * columns > limits.max_cells:
        raise _too_big(
            path,
            f"blad '{sheet}' is {rows} rijen bij {columns} kolommen, meer dan "
            f"{limits.max_cells} cellen",
        )


_ODS_TABLE = re.compile(rb'<table:table\b[^>]*?table:name="([^"]*)"')
_ODS_ROW = re.compile(rb"<table:table-row\b([^>]*)>(.*?)</table:table-row>", re.S)
_ODS_CELL = re.compile(
    rb"<table:(?:covered-)?table-cell\b([^>]*?)(/>|>(.*?)</table:(?:covered-)?table-cell>)", re.S
)
_REPEAT_ROWS = re.compile(rb'number-rows-repeated="(\d+)"')
_REPEAT_COLUMNS = re.compile(rb'number-columns-repeated="(\d+)"')


def _check_balanced(content: bytes, path: Path) -> None:
    """Every row and cell that opens also closes; else the lazy patterns below go quadratic."""
    for tag in (b"table:table-row", b"table:table-cell", b"table:covered-table-cell"):
        tags = re.findall(b"<" + tag + rb"(?=[\s/>])[^>]*>", content)
        opened = sum(1 for found in tags if not found.endswith(b"/>"))
        if opened != content.count(b"</" + tag + b">"):
            raise InvalidInputError(
                f"{path}: de werkmap is beschadigd (de tabel in content.xml is niet goed "
                "afgesloten). Open hem in LibreOffice en sla hem opnieuw op."
            )


_MAX_FORMULAS = 100_000  # formula cells without a value, per sheet: each costs memory to note


def _too_many_formulas(path: Path, sheet: str) -> InvalidInputError:
    return InvalidInputError(
        f"{path}: blad '{sheet}' heeft meer dan {_MAX_FORMULAS} formules zonder berekende "
        "waarde. Open het bestand in LibreOffice of Excel, laat het herberekenen en sla het op."
    )


def _check_ods(
    content: bytes, path: Path, limits: Limits
) -> tuple[dict[str, set[tuple[int, int]]], int]:
    """Check every table's extent; return the formula cells saved without a value, and rows.

    ODS repeats rows and cells by attribute; only repeated *content* costs memory, and
    it costs it for every copy.
    """
    _check_balanced(content, path)
    formulas: dict[str, set[tuple[int, int]]] = {}
    total_rows = 0
    tables = list(_ODS_TABLE.finditer(content))
    for number, table in enumerate(tables):
        end = tables[number + 1].start() if number + 1 < len(tables) else len(content)
        name = _unescape(table.group(1).decode("utf-8", "replace"))
        row_position = last_row = max_column = text = 0
        for row in _ODS_ROW.finditer(content, table.end(), end):
            repeat = _REPEAT_ROWS.search(row.group(1))
            times = int(repeat.group(1)) if repeat else 1
            column = last_column = 0
            for cell in _ODS_CELL.finditer(row.group(2)):
                attributes = cell.group(1)
                span = _REPEAT_COLUMNS.search(attributes)
                width = int(span.group(1)) if span else 1
                if b"value-type" in attributes or (cell.group(3) or b"").strip():
                    last_column = column + width
                    # a repeated cell is read as that many copies of its text
                    text += (len(attributes) + len(cell.group(3) or b"")) * width * times
                    if text > limits.max_text_bytes:
                        _check_text(path, name, text, limits)
                elif b"table:formula=" in attributes and column < limits.max_columns:
                    # (row, column) of its first cell: enough to point the user at it
                    found = formulas.setdefault(name, set())
                    found.add((row_position + 1, column))
                    if len(found) > _MAX_FORMULAS:
                        raise _too_many_formulas(path, name)
                column += width
            row_position += times
            if last_column:
                last_row = row_position
                max_column = max(max_column, last_column)
        _check_extent(path, name, last_row, max_column, limits)
        total_rows += last_row
    return formulas, total_rows
