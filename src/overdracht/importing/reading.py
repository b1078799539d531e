"""Read a workbook or CSV file into plain rows of cells, with python-calamine."""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast

import python_calamine as calamine

from overdracht.errors import InvalidInputError, os_reason
from overdracht.importing.safety import (
    DEFAULT_LIMITS,
    Limits,
    ZipFacts,
    check_file_size,
    inspect_xls,
    inspect_zip,
)
from overdracht.importing.values import FORMULA, Cell

# progress(stage, done, total): a Dutch stage name for the user, and how far it is
Progress = Callable[[str, int, int], None]
READING = "Werkmap lezen"

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")
SUFFIXES = (*WORKBOOK_SUFFIXES, ".csv")


@dataclass
class RawSheet:
    """One sheet as read: ``rows[i]`` is spreadsheet row ``i + 1``."""

    name: str
    rows: list[list[Cell]]
    merged_across: dict[int, list[tuple[int, int]]] = field(default_factory=dict)
    from_csv: bool = False


@dataclass
class RawWorkbook:
    path: Path
    sheets: list[RawSheet]
    date1904: bool = False


def read_workbook(
    path: Path, limits: Limits = DEFAULT_LIMITS, progress: Progress | None = None
) -> RawWorkbook:
    """Read every worksheet of ``path``; raise InvalidInputError (exit 3) when that fails.

    ``progress`` hears the rows read so far, sheet by sheet, out of the rows the
    safety pre-scan counted.
    """
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise InvalidInputError(
            f"{path}: dit bestandstype wordt niet ondersteund. Gebruik een Excel-werkmap "
            "(.xlsx, .xlsm, .xls), een OpenDocument-werkmap (.ods) of een CSV-bestand (.csv)."
        )
    try:
        check_file_size(path, limits)
    except FileNotFoundError:
        raise InvalidInputError(
            f"{path}: bestand niet gevonden. Controleer de naam en de map."
        ) from None
    except OSError as exc:
        raise InvalidInputError(
            f"{path}: het bestand kan niet gelezen worden ({os_reason(exc)})."
        ) from None
    if suffix == ".csv":
        sheet = read_csv(path, limits)
        if progress is not None:
            progress(READING, len(sheet.rows), len(sheet.rows))
        return RawWorkbook(path, [sheet])
    facts = inspect_xls(path, limits) if suffix == ".xls" else inspect_zip(path, limits)
    return RawWorkbook(path, _read_calamine(path, facts, limits, progress), facts.date1904)


def _unreadable(path: Path, reason: str) -> InvalidInputError:
    return InvalidInputError(
        f"{path}: de werkmap kan niet gelezen worden ({reason}). Open hem in Excel of "
        "LibreOffice en sla hem opnieuw op als .xlsx; haal een eventueel wachtwoord eraf."
    )


def _read_calamine(
    path: Path, facts: ZipFacts, limits: Limits, progress: Progress | None
) -> list[RawSheet]:
    try:
        workbook = calamine.CalamineWorkbook.from_path(str(path))
    except calamine.PasswordError:
        raise _unreadable(path, "de werkmap is met een wachtwoord beveiligd") from None
    except (calamine.CalamineError, ValueError, OSError) as exc:
        raise _unreadable(path, _reason(exc)) from None
    sheets: list[RawSheet] = []
    done = 0
    if progress is not None:
        progress(READING, 0, facts.rows)
    with workbook:
        for meta in workbook.sheets_metadata:
            if meta.typ != calamine.SheetTypeEnum.WorkSheet:
                continue
            try:
                sheet = workbook.get_sheet_by_name(meta.name)
                if (
                    sheet.height > limits.max_rows + 1
                    or sheet.height * sheet.width > limits.max_cells
                ):
                    raise InvalidInputError(
                        f"{path}: blad '{meta.name}' is te groot ({sheet.height} rijen bij "
                        f"{sheet.width} kolommen). Sla alleen de rijen en kolommen op die u "
                        "nodig hebt."
                    )
                rows = cast(list[list[Cell]], sheet.to_python(skip_empty_area=False))
                merged = sheet.merged_cell_ranges or []
            except calamine.CalamineError as exc:
                raise _unreadable(path, f"blad '{meta.name}': {_reason(exc)}") from None
            raw = RawSheet(meta.name, rows)
            _mark_formulas(raw, facts.formulas_without_value.get(meta.name, set()))
            _spread_merged(raw, merged)
            sheets.append(raw)
            done += len(rows)
            if progress is not None:
                progress(READING, min(done, facts.rows), facts.rows)
    return sheets


def _reason(exc: Exception) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text if len(text) < 160 else text[:157] + "..."


def _mark_formulas(sheet: RawSheet, cells: set[tuple[int, int]]) -> None:
    for row_number, column in cells:
        if row_number - 1 >= len(sheet.rows):
            continue
        row = sheet.rows[row_number - 1]
        if column < len(row) and row[column] in ("", None):
            row[column] = FORMULA


def _spread_merged(sheet: RawSheet, ranges: list[tuple[tuple[int, int], tuple[int, int]]]) -> None:
    """A value merged down a column belongs to every row it covers; across columns is noted."""
    for (top, left), (bottom, right) in ranges:
        if top >= len(sheet.rows) or left >= len(sheet.rows[top]):
            continue
        value = sheet.rows[top][left]
        for row_index in range(top + 1, min(bottom, len(sheet.rows) - 1) + 1):
            if left < len(sheet.rows[row_index]):
                sheet.rows[row_index][left] = value
        if right > left:
            for row_index in range(top, min(bottom, len(sheet.rows) - 1) + 1):
                sheet.merged_across.setdefault(row_index, []).append((left, right))


def decode_text(raw: bytes) -> str:
    """UTF-8 (with or without BOM), else Windows-1252 as Excel writes it on Dutch Windows."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def _csv_text(path: Path, raw: bytes) -> str:
    """The CSV's text; UTF-16 (Excel's 'Unicode-tekst') too, and a hint for other encodings."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            pass
    elif b"\x00" not in raw[:4096]:
        return decode_text(raw)
    raise InvalidInputError(
        f"{path}: dit bestand is geen leesbare CSV-tekst (het bevat nultekens: een andere "
        "codering zoals UTF-16 zonder kenmerk, of een werkmap met de extensie .csv). Sla het "
        "in Excel op als 'CSV UTF-8 (door komma's gescheiden)' of als .xlsx en probeer opnieuw."
    )


def detect_delimiter(text: str) -> str:
    """';' (Dutch Excel), ',' or tab: whichever occurs most in the first line, outside quotes."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    counts = {d: 0 for d in ";,\t"}
    quoted = False
    for char in first:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in counts:
            counts[char] += 1
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ";"


def read_csv(path: Path, limits: Limits = DEFAULT_LIMITS) -> RawSheet:
    """Read a CSV export; every cell stays text, like the school typed it."""
    text = _csv_text(path, path.read_bytes())
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=detect_delimiter(text))
    rows: list[list[Cell]] = []
    try:
        for row in reader:
            if len(rows) > limits.max_rows:
                raise InvalidInputError(
                    f"{path}: het bestand heeft meer dan {limits.max_rows} rijen. "
                    "Splits het in kleinere bestanden."
                )
            if len(row) > limits.max_columns:
                raise InvalidInputError(
                    f"{path}: rij {len(rows) + 1} heeft {len(row)} kolommen; de grens is "
                    f"{limits.max_columns}. Is het scheidingsteken goed herkend?"
                )
            rows.append(list(row))
    except csv.Error as exc:
        raise InvalidInputError(
            f"{path}: rij {reader.line_num} is geen geldige CSV ({exc}). Controleer de "
            "aanhalingstekens op die regel."
        ) from None
    return RawSheet(path.name, rows, from_csv=True)
