"""What happened to every row, and the error report workbook for the administrator."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from overdracht.errors import EXIT_INCOMPLETE, EXIT_OK
from overdracht.importing.simplexlsx import SheetData, workbook_bytes

Severity = Literal["fout", "waarschuwing"]
# "al aanwezig" and "nieuwe versie": the web app matched the pupil to a dossier it already has.
Status = Literal["geïmporteerd", "afgewezen", "leeg", "voorbeeld", "al aanwezig", "nieuwe versie"]

REPORT_NAME = "importverslag.xlsx"
PROBLEM_HEADERS = ("Blad", "Rij", "Kolom", "Waarde", "Probleem", "Wat te doen", "Soort")
ROW_HEADERS = ("Blad", "Rij", "Resultaat", "Toelichting")


@dataclass(frozen=True)
class Problem:
    """One problem, pointing at the cell (or row, or sheet) where it can be fixed."""

    sheet: str
    row: int | None
    column: str
    value: str
    problem: str
    action: str
    severity: Severity = "fout"

    @property
    def where(self) -> str:
        parts = [f"blad {self.sheet}"]
        if self.row is not None:
            parts.append(f"rij {self.row}")
        if self.column:
            parts.append(f"kolom {self.column}")
        return ", ".join(parts)


@dataclass(frozen=True)
class RowOutcome:
    """The fate of one input row: every row read ends up here exactly once."""

    sheet: str
    row: int
    status: Status
    detail: str = ""


@dataclass
class ImportResult:
    """Everything ``import_workbook`` did; the CLI prints it, scripts can inspect it."""

    source: Path
    output_dir: Path
    written: list[Path] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    outcomes: list[RowOutcome] = field(default_factory=list)
    report_path: Path | None = None

    def _count(self, status: Status) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def rows_per_sheet(self) -> dict[str, int]:
        """Data rows per sheet: imported or rejected (empty and example rows not included)."""
        counts = Counter(
            o.sheet for o in self.outcomes if o.status in ("geïmporteerd", "afgewezen")
        )
        return dict(counts)

    @property
    def rows_read(self) -> int:
        return sum(self.rows_per_sheet.values())

    @property
    def rows_imported(self) -> int:
        return self._count("geïmporteerd")

    @property
    def rows_rejected(self) -> int:
        return self._count("afgewezen")

    @property
    def empty_rows(self) -> int:
        return self._count("leeg")

    @property
    def example_rows(self) -> int:
        return self._count("voorbeeld")

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "fout"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "waarschuwing"]

    @property
    def exit_code(self) -> int:
        """0 when every row was imported, 1 when rows were rejected."""
        return EXIT_INCOMPLETE if self.rows_rejected or self.errors else EXIT_OK


def report_bytes(result: ImportResult) -> bytes:
    """The error report as an .xlsx: sheet 'Problemen' and sheet 'Rijen' (every row's fate)."""
    problems: list[tuple[str, int | None, str, str, str, str, str]] = [
        (p.sheet, p.row, p.column, p.value, p.problem, p.action, p.severity)
        for p in result.problems
    ] or [("", None, "", "", "Geen problemen gevonden.", "", "")]
    return workbook_bytes(
        [
            SheetData(
                "Problemen",
                PROBLEM_HEADERS,
                problems,
                widths=(16, 6, 28, 24, 60, 60, 14),
                wrapped=frozenset({4, 5}),
            ),
            SheetData(
                "Rijen",
                ROW_HEADERS,
                ((o.sheet, o.row, o.status, o.detail) for o in result.outcomes),
                widths=(16, 6, 14, 60),
            ),
        ]
    )
