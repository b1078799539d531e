"""Read the rows of one sheet: find the header, convert every cell, note every problem."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from overdracht.errors import InvalidInputError
from overdracht.importing.fields import EXAMPLE_KEY, FieldSpec, SheetSpec
from overdracht.importing.headers import (
    Column,
    HeaderIndex,
    Mapping,
    find_header_row,
    normalise,
)
from overdracht.importing.reading import RawSheet
from overdracht.importing.report import Problem, RowOutcome
from overdracht.importing.values import CellProblem, Value, convert, is_empty, shown
from overdracht.xmltext import clean_text, has_forbidden

_CACHE_SIZE = 4096  # distinct values remembered per column

# Besluit uitwisseling leer- en begeleidingsgegevens: never part of a handover
NEVER_EXPORTED = frozenset(
    normalise(h)
    for h in (
        "geboorteplaats",
        "geboorteland",
        "nationaliteit",
        "religie",
        "godsdienst",
        "levensovertuiging",
        "verwijsindex",
        "signaal verwijsindex",
    )
)


@dataclass
class Row:
    """A data row with its converted values, keyed by dossier path."""

    sheet: str
    number: int
    key: str | None
    values: dict[tuple[str, ...], Value] = field(default_factory=dict)
    columns: dict[tuple[str, ...], Column] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return any(p.severity == "fout" for p in self.problems)


@dataclass
class SheetRows:
    """The outcome of reading one sheet."""

    spec: SheetSpec
    name: str
    rows: list[Row] = field(default_factory=list)
    outcomes: list[RowOutcome] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)


def read_rows(
    raw: RawSheet,
    spec: SheetSpec,
    transition: str,
    mapping: Mapping,
    *,
    source: Path,
    date1904: bool,
    progress: Callable[[int], None] | None = None,
) -> SheetRows:
    """Convert every data row of ``raw`` as sheet kind ``spec``.

    ``progress(rows)`` hears every 500 rows how many rows of this sheet are done.
    """
    fields = spec.fields_for(transition)
    index = HeaderIndex(fields, mapping, spec.target)
    result = SheetRows(spec, raw.name)
    if all(all(is_empty(c) for c in row) for row in raw.rows):
        return result
    header_at = find_header_row(raw.rows, index)
    if header_at is None:
        raise InvalidInputError(
            f"{source}: op blad '{raw.name}' staat geen herkenbare kopregel in de eerste 20 "
            f"rijen. Zet de kolomkoppen van het sjabloon (bijv. "
            f"{', '.join(repr(f.header) for f in fields[:3])}) in de eerste rij, of beschrijf "
            "uw eigen kolommen in een --mapping-bestand."
        )
    columns = _columns(raw, header_at, index, result, source)
    fixed = _fixed_values(spec, index, mapping, columns, source, date1904)
    _require_columns(spec, fields, columns, fixed, raw.name, source)
    by_path = {c.spec.path: c for c in columns if c.spec is not None and c.spec.kind != "ignore"}
    key_column = next((c for c in columns if c.spec is not None and c.spec.kind == "key"), None)
    # The same school, date or level recurs on many rows: convert each distinct cell once
    # per column. The type is part of the key: 1, 1.0 and True are equal but read differently.
    converted: list[tuple[Column, FieldSpec, dict[tuple[type, object], Value | CellProblem] | None]]
    converted = [
        (c, c.spec, None if c.spec.kind == "list" else {})  # a list value is mutable: no cache
        for c in columns
        if c.spec is not None and c.spec.kind not in {"key", "ignore"}
    ]
    for offset, cells in enumerate(raw.rows[header_at + 1 :]):
        number = header_at + offset + 2
        if progress is not None and offset % 500 == 0:
            progress(number - 1)
        if all(is_empty(c) for c in cells):
            result.outcomes.append(RowOutcome(raw.name, number, "leeg", "lege rij overgeslagen"))
            continue
        key = _key(cells, key_column)
        if key == EXAMPLE_KEY:
            result.outcomes.append(
                RowOutcome(
                    raw.name, number, "voorbeeld", "voorbeeldrij van het sjabloon overgeslagen"
                )
            )
            continue
        row = Row(raw.name, number, key, dict(fixed), by_path)
        for column, field_spec, known in converted:
            if column.index >= len(cells):
                continue
            cell = cells[column.index]
            if is_empty(cell):
                continue
            if isinstance(cell, str) and has_forbidden(cell):
                cell = clean_text(cell)
                row.problems.append(_cleaned(raw.name, number, column.label, cell))
            found = known.get((type(cell), cell)) if known is not None else None
            if found is None:
                try:
                    found = convert(cell, field_spec, date1904=date1904)
                except CellProblem as exc:
                    found = exc
                if known is not None and len(known) < _CACHE_SIZE:
                    known[(type(cell), cell)] = found
            if isinstance(found, CellProblem):
                row.problems.append(
                    Problem(
                        raw.name, number, column.label, shown(cell), found.problem, found.action
                    )
                )
            else:
                row.values[field_spec.path] = found
        if key is None and key_column is not None:
            row.problems.append(
                Problem(
                    raw.name,
                    number,
                    key_column.label,
                    "",
                    "het leerlingnummer ontbreekt",
                    "vul het leerlingnummer in; het koppelt de rijen van de bladen aan elkaar",
                )
            )
        for left, right in raw.merged_across.get(number - 1, []):
            row.problems.append(
                Problem(
                    raw.name,
                    number,
                    f"{_letter(left)}-{_letter(right)}",
                    "",
                    "samengevoegde cellen over meer kolommen; alleen de eerste kolom is gelezen",
                    "maak de samenvoeging ongedaan en vul elke kolom apart in",
                    "waarschuwing",
                )
            )
        result.rows.append(row)
    return result


def _cleaned(sheet: str, number: int, column: str, cell: str) -> Problem:
    return Problem(
        sheet,
        number,
        column,
        shown(cell),
        "onzichtbare stuurtekens (bijv. een regeleinde uit Word) zijn uit de tekst gehaald; "
        "Word en LibreOffice openen geen document waarin ze staan",
        "controleer of de tekst in deze cel nog klopt",
        "waarschuwing",
    )


def _letter(index: int) -> str:
    from overdracht.importing.headers import column_letter

    return column_letter(index)


def _key(cells: list[object], column: Column | None) -> str | None:
    if column is None or column.index >= len(cells) or is_empty(cells[column.index]):
        return None
    cell = cells[column.index]
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return clean_text(str(cell)).strip()


def _columns(
    raw: RawSheet, header_at: int, index: HeaderIndex, result: SheetRows, source: Path
) -> list[Column]:
    columns: list[Column] = []
    seen: dict[FieldSpec, Column] = {}
    for position, cell in enumerate(raw.rows[header_at]):
        header = shown(cell).strip()
        if not header:
            continue
        known, spec = index.lookup(header)
        column = Column(position, header, spec)
        if not known and normalise(header) in NEVER_EXPORTED:
            result.warnings.append(
                Problem(
                    raw.name,
                    header_at + 1,
                    column.label,
                    header,
                    "deze gegevens horen volgens de privacyregels niet bij een overdracht; "
                    "de kolom is niet ingelezen",
                    "verwijder de kolom uit het bestand",
                    "waarschuwing",
                )
            )
        elif not known:
            result.warnings.append(
                Problem(
                    raw.name,
                    header_at + 1,
                    column.label,
                    header,
                    "onbekende kolom; de gegevens in deze kolom zijn niet ingelezen",
                    "hernoem de kolom naar een kolomkop uit het sjabloon, wijs hem toe in een "
                    "--mapping-bestand, of zet hem daar op 'negeren'",
                    "waarschuwing",
                )
            )
        if spec is not None and spec.path:
            if spec in seen:
                raise InvalidInputError(
                    f"{source}: op blad '{raw.name}' betekenen kolom {seen[spec].label} en kolom "
                    f"{column.label} allebei '{spec.header}'. Verwijder of hernoem er een, of zet "
                    "er een op 'negeren' in een --mapping-bestand."
                )
            seen[spec] = column
        columns.append(column)
    return columns


def _fixed_values(
    spec: SheetSpec,
    index: HeaderIndex,
    mapping: Mapping,
    columns: list[Column],
    source: Path,
    date1904: bool,
) -> dict[tuple[str, ...], Value]:
    """Values from the mapping's ``vaste_waarden`` for this sheet (used when a cell is empty)."""
    fixed: dict[tuple[str, ...], Value] = {}
    wanted = {
        k: v for k, v in mapping.vaste_waarden.items() if k.casefold() == spec.name.casefold()
    }
    for values in wanted.values():
        for header, value in values.items():
            field_spec = index.resolve(header)
            if field_spec is None or not field_spec.path:
                raise InvalidInputError(
                    f"--mapping: vaste_waarden.{spec.name}.{header}: deze kolom bestaat niet op "
                    f"blad {spec.name}; kies een kolomkop uit het sjabloon."
                )
            try:
                fixed[field_spec.path] = convert(value, field_spec, date1904=date1904)
            except CellProblem as exc:
                raise InvalidInputError(
                    f"--mapping: vaste_waarden.{spec.name}.{header}: {exc.problem}; {exc.action}."
                ) from None
    return fixed


def _require_columns(
    spec: SheetSpec,
    fields: tuple[FieldSpec, ...],
    columns: list[Column],
    fixed: dict[tuple[str, ...], Value],
    name: str,
    source: Path,
) -> None:
    present = {c.spec for c in columns if c.spec is not None}
    missing = [f.header for f in fields if f.required and f not in present and f.path not in fixed]
    if missing:
        raise InvalidInputError(
            f"{source}: op blad '{name}' ontbreekt de kolom "
            f"{', '.join(repr(m) for m in missing)}. Voeg de kolom toe (zie 'overdracht "
            "template'), of wijs een eigen kolom aan in een --mapping-bestand."
        )
