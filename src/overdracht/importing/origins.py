"""Point a validation error of a dossier at the spreadsheet cell it came from."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from pydantic import ValidationError

from overdracht.importing.fields import SheetSpec
from overdracht.importing.headers import Column
from overdracht.importing.report import Problem
from overdracht.importing.sheets import Row
from overdracht.prefixes import longest_prefix
from overdracht.validation import error_message

Path_ = tuple[str | int, ...]


class Origins:
    """Where each dossier value came from, so a model error points at a cell."""

    def __init__(self) -> None:
        self.cells: dict[Path_, tuple[Row, Column | None]] = {}

    def add_row(self, prefix: Path_, row: Row) -> None:
        """Later rows win for the values they hold; empty columns only fill gaps."""
        self.cells.setdefault(prefix, (row, None))
        for path, column in row.columns.items():
            if path in row.values:
                self.cells[(*prefix, *path)] = (row, column)
            else:
                self.cells.setdefault((*prefix, *path), (row, column))

    def find(self, loc: Path_) -> tuple[Row, Column | None] | None:
        return longest_prefix(self.cells, loc)


def pupil_origins(
    data: dict[str, Any],
    row: Row,
    children: list[tuple[SheetSpec, Row]],
    school: Row | None,
) -> Origins:
    """Where each value of ``_pupil_data`` came from; only needed when validation fails."""
    origins = Origins()
    if school is not None:
        origins.add_row((), school)
    origins.add_row((), row)
    origins.cells[()] = (row, None)
    counts: dict[str, int] = defaultdict(int)
    for spec, child in children:
        if spec.mode == "list":
            origins.add_row((spec.target, counts[spec.target]), child)
            counts[spec.target] += 1
        else:
            origins.add_row((), child)
    toets = data.get("doorstroomtoets")
    uitslagen = toets.get("uitslagen") if isinstance(toets, dict) else None
    for number, item in enumerate(uitslagen if isinstance(uitslagen, list) else []):
        found = origins.cells.get(("doorstroomtoets", "uitslagen", item["domein"]))
        if found is not None:
            origins.cells[("doorstroomtoets", "uitslagen", number)] = found
    return origins


def model_problems(
    exc: ValidationError,
    prefix: Path_,
    origins: Origins,
    fallback: Row,
    *,
    skip: tuple[Path_, ...] = (),
) -> list[Problem]:
    problems: list[Problem] = []
    for error in exc.errors(include_url=False):
        loc: Path_ = (*prefix, *(p for p in error["loc"] if isinstance(p, (str, int))))
        if any(loc[: len(s)] == s for s in skip):
            continue
        found = origins.find(loc)
        row, column = found if found is not None else (fallback, None)
        text = error_message(error)
        if "BRIN-code" in text and len(loc) == 1:
            column = row.columns.get((str(loc[0]), "brin"), column)
            text = (
                "de BRIN-code ontbreekt; vul de BRIN-code van de school in (4 tekens, bijv. 12AB)"
            )
        if "'bsn' of 'onderwijsnummer'" in text:
            column = row.columns.get(("leerling", "bsn"), column)
            text = (
                "BSN en onderwijsnummer zijn allebei leeg; vul het BSN in, of het "
                "onderwijsnummer als de leerling geen BSN heeft"
            )
        problem, _, action = text.partition("; ")
        value = error.get("input")
        shown_value = "" if isinstance(value, (dict, list)) or value is None else str(value)
        problems.append(
            Problem(
                row.sheet,
                row.number,
                column.label if column else "",
                shown_value,
                problem,
                action or "verbeter de waarde in deze rij",
            )
        )
    return list(dict.fromkeys(problems))
