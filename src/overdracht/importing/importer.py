"""The import use case: workbook in, one dossier file per pupil and an error report out."""

from __future__ import annotations

import contextlib
import functools
import logging
import os
from collections.abc import Iterator
from pathlib import Path

from overdracht.errors import InvalidInputError, UsageError, os_reason
from overdracht.importing.building import BuildResult, BuiltDossier, build_dossiers
from overdracht.importing.fields import (
    LEERLINGEN,
    SCHOOL,
    SheetSpec,
    sheets_for,
    transition_ids,
)
from overdracht.importing.headers import (
    Mapping,
    is_instruction,
    load_mapping,
    match_sheet,
    normalise,
)
from overdracht.importing.reading import Progress, RawSheet, RawWorkbook, read_workbook
from overdracht.importing.report import REPORT_NAME, ImportResult, Problem, report_bytes
from overdracht.importing.safety import DEFAULT_LIMITS, Limits
from overdracht.importing.sheets import SheetRows, read_rows
from overdracht.importing.writing import DossierWriter
from overdracht.importing.yamlout import to_yaml
from overdracht.model import Dossier
from overdracht.output import atomic_write_bytes, prepare_output_dir, refuse_existing

log = logging.getLogger(__name__)

CHECKING = "Rijen controleren"
WRITING = "Dossiers schrijven"
MAPPING_SCHOOL_SHEET = "School (vaste waarden uit --mapping)"


def check_transition(transition: str) -> str:
    if transition not in transition_ids():
        raise UsageError(
            f"onbekende overgang '{transition}'. Kies uit: {', '.join(transition_ids())}."
        )
    return transition


def dossier_yaml(dossier: Dossier) -> str:
    """The dossier file text, with the same keys as the model (what 'overdracht check' reads)."""
    data = dossier.model_dump(mode="json", exclude_none=True, exclude_defaults=True)
    return to_yaml(data)


def import_workbook(
    source: str | Path,
    output_dir: str | Path,
    *,
    transition: str,
    mapping: str | Path | None = None,
    force: bool = False,
    report: str | Path | None = None,
    progress: Progress | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> ImportResult:
    """Import pupils from an .xlsx/.xlsm/.xls/.ods/.csv file into dossier files.

    Writes ``<output_dir>/leerling-<leerlingnummer>.yaml`` for every pupil whose rows
    are all correct, and an error report workbook (default
    ``<output_dir>/importverslag.xlsx``) that accounts for every row read.
    Existing files are only replaced with ``force``. Raises ``InvalidInputError``
    when the file cannot be read at all, ``UsageError`` for a wrong transition or
    existing files. Rows that are rejected do not raise: see ``ImportResult``.
    ``progress(stage, done, total)`` is called in every stage: reading the file,
    checking its rows, building and writing the dossiers (``stage`` is Dutch text).
    """
    source, output_dir = Path(source), Path(output_dir)
    check_transition(transition)
    rules = load_mapping(Path(mapping)) if mapping is not None else Mapping()
    workbook = read_workbook(source, limits, progress)
    sheets = _read_sheets(workbook, transition, rules, progress)
    report_path = Path(report) if report is not None else output_dir / REPORT_NAME
    prepare_output_dir(output_dir)
    # one directory listing instead of 10,000 stat calls; casefolded for Windows and macOS
    present = {n.casefold() for n in os.listdir(output_dir)} if not force else set()
    if any(n.startswith("leerling-") and n.endswith(".yaml") for n in present):
        # dossiers from an earlier import: find out which would be replaced before writing
        built = build_dossiers(sheets, transition, progress=progress)
        names = [f"{d.file_stem}.yaml" for d in built.dossiers]
        maybe = [output_dir / n for n in names if n.casefold() in present]
        refuse_existing([*maybe, report_path], force)
        with _writing(output_dir), DossierWriter(output_dir, len(names)) as writer:
            for item in built.dossiers:
                _write(writer, item)
    else:
        # nothing can be in the way: write each dossier while the next ones are built
        refuse_existing([report_path], force)
        pupils = sum(len(s.rows) for s in sheets if s.spec is LEERLINGEN)
        with _writing(output_dir), DossierWriter(output_dir, pupils) as writer:
            built = build_dossiers(
                sheets,
                transition,
                progress=progress,
                on_dossier=functools.partial(_write, writer),
            )
            if progress is not None:
                progress(WRITING, 0, len(built.dossiers))
    if progress is not None:
        progress(WRITING, len(built.dossiers), len(built.dossiers))
    log.info("import: %d dossiers built, %d problems", len(built.dossiers), len(built.problems))
    result = _result(source, output_dir, built)
    result.written = writer.written
    atomic_write_bytes(report_path, report_bytes(result), force=True)
    result.report_path = report_path
    return result


@contextlib.contextmanager
def _writing(output_dir: Path) -> Iterator[None]:
    """A failing disk becomes a Dutch message; dossiers already written are complete."""
    try:
        yield
    except OSError as exc:
        raise UsageError(
            f"{output_dir}: de dossiers kunnen niet worden geschreven ({os_reason(exc)}). "
            "Controleer of de schijf vol is en of u schrijfrechten hebt; dossiers die al "
            "geschreven zijn, zijn volledig."
        ) from None


def _write(writer: DossierWriter, item: BuiltDossier) -> None:
    writer.add(f"{item.file_stem}.yaml", dossier_yaml(item.dossier).encode("utf-8"))


def _result(source: Path, output_dir: Path, built: BuildResult) -> ImportResult:
    names = [
        *built.sheet_order,
        *(o.sheet for o in built.outcomes),
        *(p.sheet for p in built.problems),
    ]
    order = {name: n for n, name in enumerate(dict.fromkeys(names))}
    outcomes = sorted(built.outcomes, key=lambda o: (order[o.sheet], o.row))
    problems = sorted(
        dict.fromkeys(built.problems),
        key=lambda p: (order[p.sheet], p.row or 0, p.severity != "fout"),
    )
    return ImportResult(source, output_dir, problems=problems, outcomes=outcomes)


def _read_sheets(
    workbook: RawWorkbook, transition: str, rules: Mapping, progress: Progress | None = None
) -> list[SheetRows]:
    """Recognise each sheet and read its rows; a lone unknown sheet is the pupil list."""
    specs = sheets_for(transition)
    candidates = [s for s in workbook.sheets if not is_instruction(s.name)]
    chosen: list[tuple[RawSheet, SheetSpec]] = []
    unknown: list[RawSheet] = []
    for raw in candidates:
        spec = match_sheet(raw.name, specs, rules)
        if spec is None:
            unknown.append(raw)
        elif any(spec is s for _, s in chosen):
            raise InvalidInputError(
                f"{workbook.path}: twee bladen zijn allebei '{spec.name}'. Voeg ze samen tot "
                "één blad, of hernoem er een."
            )
        else:
            chosen.append((raw, spec))
    if not any(spec is LEERLINGEN for _, spec in chosen):
        filled = [raw for raw in unknown if _has_data(raw)]
        if len(filled) == 1:  # a school's own export: one sheet, or a CSV
            chosen.insert(0, (filled[0], LEERLINGEN))
            unknown.remove(filled[0])
        else:
            raise InvalidInputError(
                f"{workbook.path}: er is geen blad 'Leerlingen'. Noem het blad met één rij per "
                "leerling 'Leerlingen' (zie 'overdracht template'), of wijs het aan onder "
                "'bladen:' in een --mapping-bestand."
            )
    if not any(spec is SCHOOL for _, spec in chosen):
        fixed = next((v for k, v in rules.vaste_waarden.items() if normalise(k) == "school"), None)
        if fixed:  # an export without a School sheet: the mapping names the school
            raw = RawSheet(MAPPING_SCHOOL_SHEET, [list(fixed), list(fixed.values())])
            chosen.insert(0, (raw, SCHOOL))
    result: list[SheetRows] = []
    total, before = sum(len(raw.rows) for raw, _ in chosen), 0
    for raw, spec in chosen:
        tick = None if progress is None else functools.partial(_checked, progress, before, total)
        result.append(
            read_rows(
                raw,
                spec,
                transition,
                rules,
                source=workbook.path,
                date1904=workbook.date1904,
                progress=tick,
            )
        )
        before += len(raw.rows)
    if progress is not None:
        progress(CHECKING, total, total)
    for raw in unknown:
        if _has_data(raw):
            result[0].warnings.append(
                Problem(
                    raw.name,
                    None,
                    "",
                    "",
                    f"onbekend blad voor overgang {transition}; dit blad is niet ingelezen",
                    "hernoem het blad naar een blad uit het sjabloon, of wijs het aan onder "
                    "'bladen:' in een --mapping-bestand",
                    "waarschuwing",
                )
            )
    return result


def _checked(progress: Progress, before: int, total: int, rows: int) -> None:
    progress(CHECKING, before + rows, total)


def _has_data(raw: RawSheet) -> bool:
    return any(any(str(c).strip() for c in row if c is not None) for row in raw.rows)
