"""Join the rows of all sheets per pupil and validate each pupil's dossier.

Rows are joined by leerlingnummer only. A pupil who appears twice, or a row whose
leerlingnummer matches no pupil, is reported and never merged by guesswork. A
pupil is written only when all of its rows are correct: a dossier that silently
lacks a parent or a test result would be worse than none.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, get_args

from pydantic import ValidationError

from overdracht.checklists.transitions import transitions
from overdracht.importing.fields import LEERLINGEN, SCHOOL, SheetSpec
from overdracht.importing.origins import Origins, Path_, model_problems, pupil_origins
from overdracht.importing.reading import Progress
from overdracht.importing.report import Problem, RowOutcome, Status
from overdracht.importing.sheets import Row, SheetRows
from overdracht.model import Dossier, School
from overdracht.model.support import TlvSoort

BUILDING = "Dossiers maken"


@dataclass
class BuiltDossier:
    """A valid dossier and the rows it came from."""

    file_stem: str
    dossier: Dossier
    rows: list[Row]


@dataclass
class BuildResult:
    dossiers: list[BuiltDossier] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    outcomes: list[RowOutcome] = field(default_factory=list)
    school_problems: set[Problem] = field(default_factory=set)
    sheet_order: list[str] = field(default_factory=list)


def file_stem(leerlingnummer: str) -> str:
    """A stable, harmless file name: the leerlingnummer itself when it is plain, else a hash."""
    if re.fullmatch(r"[A-Za-z0-9_-]{1,40}", leerlingnummer):
        return f"leerling-{leerlingnummer}"
    digest = hashlib.sha256(leerlingnummer.encode("utf-8")).hexdigest()[:16]
    return f"leerling-{digest}"


def _set(data: dict[str, Any], path: tuple[str, ...], value: object) -> None:
    for part in path[:-1]:
        data = data.setdefault(part, {})
    data[path[-1]] = value


def build_dossiers(
    sheets: list[SheetRows],
    transition: str,
    *,
    progress: Progress | None = None,
    on_dossier: Callable[[BuiltDossier], None] | None = None,
) -> BuildResult:
    """Group rows per pupil, report duplicates and orphans, validate every dossier.

    ``on_dossier`` hears of every valid dossier as soon as it is built.
    """
    result = BuildResult(sheet_order=[s.name for s in sheets])
    school_rows = [s for s in sheets if s.spec is SCHOOL]
    pupil_rows = [r for s in sheets if s.spec is LEERLINGEN for r in s.rows]
    child_sheets = [s for s in sheets if s.spec not in (SCHOOL, LEERLINGEN)]
    for sheet in sheets:
        result.outcomes.extend(sheet.outcomes)
        result.problems.extend(sheet.warnings)

    school_row, school_ok = _school(school_rows, transition, result)
    pupils, blocked = _unique_pupils(pupil_rows, result)
    children: dict[str, list[tuple[SheetSpec, Row]]] = defaultdict(list)
    for sheet in child_sheets:
        per_key: dict[str, list[Row]] = defaultdict(list)
        for row in sheet.rows:
            if row.key is not None:
                per_key[row.key].append(row)
        for row in sheet.rows:
            if row.key is None:
                _reject(result, row, "het leerlingnummer ontbreekt")
            elif row.key in blocked:
                _reject(result, row, f"leerling {row.key} staat meer dan eens op blad Leerlingen")
            elif row.key not in pupils:
                row.problems.append(
                    Problem(
                        row.sheet,
                        row.number,
                        _key_label(row),
                        row.key,
                        f"leerlingnummer {row.key} staat niet op blad Leerlingen",
                        "controleer het leerlingnummer, of voeg de leerling toe aan "
                        "blad Leerlingen",
                    )
                )
                _reject(result, row, "geen leerling met dit leerlingnummer")
            elif sheet.spec.mode == "per_pupil" and len(per_key[row.key]) > 1:
                others = ", ".join(str(r.number) for r in per_key[row.key])
                row.problems.append(
                    Problem(
                        row.sheet,
                        row.number,
                        _key_label(row),
                        row.key,
                        f"leerlingnummer {row.key} staat meer dan eens op dit blad "
                        f"(rijen {others}); de rijen zijn niet samengevoegd",
                        "houd één rij per leerling over",
                    )
                )
                children[row.key].append((sheet.spec, row))
            else:
                children[row.key].append((sheet.spec, row))

    total = len(pupils)
    cache = _SectionCache()
    for done, (key, row) in enumerate(pupils.items(), start=1):
        before = len(result.dossiers)
        _build_one(
            key, row, children.get(key, []), school_row, school_ok, transition, result, cache
        )
        if on_dossier is not None and len(result.dossiers) > before:
            on_dossier(result.dossiers[-1])
        if progress is not None and (done % 200 == 0 or done == total):
            progress(BUILDING, done, total)
    return result


def _key_label(row: Row) -> str:
    column = next(
        (c for c in row.columns.values() if c.spec is not None and c.spec.kind == "key"), None
    )
    return column.label if column else "Leerlingnummer"


def _reject(result: BuildResult, row: Row, reason: str) -> None:
    result.problems.extend(row.problems)
    own = "; ".join(p.problem for p in row.problems if p.severity == "fout")
    result.outcomes.append(RowOutcome(row.sheet, row.number, "afgewezen", own or reason))


def _school(
    sheets: list[SheetRows], transition: str, result: BuildResult
) -> tuple[Row | None, bool]:
    """The sending school's row; False when it is missing or wrong (then no pupil is written)."""
    rows = [r for s in sheets for r in s.rows]
    if not rows:
        result.problems.append(
            Problem(
                SCHOOL.name,
                None,
                "",
                "",
                "de gegevens van de vertrekkende school ontbreken",
                "vul blad School in (zie 'overdracht template'), of zet de gegevens onder "
                "'vaste_waarden: School:' in een --mapping-bestand",
            )
        )
        return None, False
    first, extra = rows[0], rows[1:]
    for row in extra:
        row.problems.append(
            Problem(
                row.sheet,
                row.number,
                "",
                "",
                "blad School hoort precies één ingevulde rij te hebben",
                f"laat alleen rij {first.number} staan",
            )
        )
        _reject(result, row, "extra rij op blad School")
    named = first.values.get(("overgang", "id"))
    if named is not None and named != transition:
        column = first.columns.get(("overgang", "id"))
        first.problems.append(
            Problem(
                first.sheet,
                first.number,
                column.label if column else "",
                str(named),
                f"dit sjabloon is voor overgang {named}, maar er wordt ingelezen als {transition}",
                f"lees in met --transition {named}, of maak een sjabloon voor {transition}",
            )
        )
    data: dict[str, Any] = {"soort": transitions()[transition].van}
    for path, value in first.values.items():
        if path[0] == "vertrekkende_school":
            _set(data, path[1:], value)
    origins = Origins()
    origins.add_row(("vertrekkende_school",), first)
    ok = not first.failed
    try:
        School.model_validate(data)
    except ValidationError as exc:
        first.problems.extend(model_problems(exc, ("vertrekkende_school",), origins, first))
        ok = False
    result.problems.extend(first.problems)
    status: Status = "geïmporteerd" if ok else "afgewezen"
    detail = "gebruikt voor elke leerling" if ok else "schoolgegevens kloppen niet"
    result.outcomes.append(RowOutcome(first.sheet, first.number, status, detail))
    return first, ok


def _unique_pupils(rows: list[Row], result: BuildResult) -> tuple[dict[str, Row], set[str]]:
    """Pupils by leerlingnummer; the same number or BSN twice blocks all rows involved."""
    by_key: dict[str, list[Row]] = defaultdict(list)
    by_bsn: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        if row.key is None:
            _reject(result, row, "het leerlingnummer ontbreekt")
            continue
        by_key[row.key].append(row)
        bsn = row.values.get(("leerling", "bsn"))
        if isinstance(bsn, str):
            by_bsn[bsn].append(row)
    blocked: set[str] = set()
    for key, same in by_key.items():
        if len(same) > 1:
            blocked.add(key)
            numbers = ", ".join(str(r.number) for r in same)
            for row in same:
                row.problems.append(
                    Problem(
                        row.sheet,
                        row.number,
                        _key_label(row),
                        key,
                        f"leerlingnummer {key} staat op meer rijen ({numbers}); de rijen zijn "
                        "niet samengevoegd",
                        "houd één rij per leerling over, of geef elke leerling een eigen "
                        "leerlingnummer",
                    )
                )
    for bsn, same in by_bsn.items():
        keys = {r.key for r in same}
        if len(keys) > 1:
            numbers = ", ".join(str(r.number) for r in same)
            for row in same:
                assert row.key is not None
                blocked.add(row.key)
                column = row.columns.get(("leerling", "bsn"))
                row.problems.append(
                    Problem(
                        row.sheet,
                        row.number,
                        column.label if column else "BSN",
                        str(bsn),
                        f"hetzelfde BSN staat bij verschillende leerlingnummers (rijen {numbers})",
                        "controleer welke rij klopt; één leerling hoort één leerlingnummer "
                        "te hebben",
                    )
                )
    pupils: dict[str, Row] = {}
    for key, same in by_key.items():
        if key in blocked:
            for row in same:
                _reject(result, row, "dubbele leerling")
        else:
            pupils[key] = same[0]
    return pupils, blocked


class _SectionCache:
    """Validated sections that recur on many pupils: the schools and the transition.

    Every pupil of a year group has the same sending school, and mostly the same
    receiving school and start date. Pydantic accepts an already validated model
    instance as it is, so a section is validated (BRIN check included) once per
    distinct content instead of once per pupil. Only sections taken from a dossier
    that validated completely are cached, so an error is always reported as before.
    """

    SECTIONS = ("vertrekkende_school", "ontvangende_school", "overgang")

    def __init__(self) -> None:
        self.models: dict[tuple[str, tuple[tuple[str, object], ...]], object] = {}

    def substitute(self, data: dict[str, Any]) -> list[tuple[str, Any]]:
        """Replace cached sections in ``data``; return the keys of sections still to learn."""
        missing: list[tuple[str, Any]] = []
        for section in self.SECTIONS:
            value = data.get(section)
            if not isinstance(value, dict):
                continue
            try:
                key = (section, tuple(sorted(value.items())))
                cached = self.models.get(key)
            except TypeError:  # an unhashable value: validate it every time
                continue
            if cached is None:
                missing.append(key)
            else:
                data[section] = cached
        return missing

    def learn(self, dossier: Dossier, keys: list[tuple[str, Any]]) -> None:
        for key in keys:
            self.models[key] = getattr(dossier, key[0])


def _pupil_data(
    key: str,
    row: Row,
    children: list[tuple[SheetSpec, Row]],
    school: Row | None,
    transition: str,
) -> dict[str, Any]:
    """The dossier data of one pupil: School sheet, then the pupil's row, then other sheets."""
    data: dict[str, Any] = {
        "leerling": {"leerlingnummer": key},
        "vertrekkende_school": {"soort": transitions()[transition].van},
        "ontvangende_school": {"soort": transitions()[transition].naar},
        "overgang": {"id": transition},
    }
    if school is not None:
        for path, value in school.values.items():
            _set(data, path, value)
    for path, value in row.values.items():
        _set(data, path, value)
    lists: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for spec, child in children:
        if spec.mode == "list":
            item: dict[str, Any] = {}
            for path, value in child.values.items():
                _set(item, path, value)
            lists[spec.target].append(item)
        else:
            for path, value in child.values.items():
                _set(data, path, value)
    data.update(lists)
    _fix_sections(data, transition)
    return data


def _build_one(
    key: str,
    row: Row,
    children: list[tuple[SheetSpec, Row]],
    school: Row | None,
    school_ok: bool,
    transition: str,
    result: BuildResult,
    cache: _SectionCache,
) -> None:
    school_sheet = school.sheet if school is not None else SCHOOL.name
    data = _pupil_data(key, row, children, school, transition)
    learn = cache.substitute(data)
    rows = [row, *(child for _, child in children)]
    problems: list[Problem] = []
    dossier: Dossier | None = None
    try:
        dossier = Dossier.model_validate(data)
    except ValidationError as exc:
        origins = pupil_origins(data, row, children, school)
        bad = {(p.sheet, p.row, p.column) for r in rows for p in r.problems}
        # without a School sheet, its fields are reported once, not for every pupil
        skip = _SCHOOL_PATHS if school is None else ()
        for problem in model_problems(exc, (), origins, row, skip=skip):
            if problem.sheet == school_sheet:
                if problem not in result.school_problems:  # report once, not per pupil
                    result.school_problems.add(problem)
                    result.problems.append(problem)
            elif (problem.sheet, problem.row, problem.column) not in bad:
                problems.append(problem)
    else:
        cache.learn(dossier, learn)
    for r in rows:
        result.problems.extend(r.problems)
    result.problems.extend(problems)
    failed = [r for r in rows if r.failed] or ([row] if problems else [])
    if dossier is not None and not failed and school_ok:
        stem = file_stem(key)
        result.dossiers.append(BuiltDossier(stem, dossier, rows))
        detail = f"{stem}.yaml"
        for r in rows:
            result.outcomes.append(RowOutcome(r.sheet, r.number, "geïmporteerd", detail))
        return
    if failed:
        first = failed[0]
        reason = f"leerling {key} niet geïmporteerd: zie blad {first.sheet} rij {first.number}"
    else:
        reason = f"leerling {key} niet geïmporteerd: de gegevens van blad School kloppen niet"
    for r in rows:
        own = [p.problem for p in r.problems if p.severity == "fout"]
        own += [p.problem for p in problems if p.sheet == r.sheet and p.row == r.number]
        result.outcomes.append(RowOutcome(r.sheet, r.number, "afgewezen", "; ".join(own) or reason))


def _fix_sections(data: dict[str, Any], transition: str) -> None:
    """Shape the few values that the sheet layout flattens."""
    toets = data.get("doorstroomtoets")
    if isinstance(toets, dict) and isinstance(toets.get("uitslagen"), dict):
        toets["uitslagen"] = [
            {"domein": domein, "referentieniveau": niveau}
            for domein, niveau in toets["uitslagen"].items()
        ]
    tlv = data.get("tlv")
    receiving = transitions()[transition].naar
    if isinstance(tlv, dict) and "soort" not in tlv and receiving in get_args(TlvSoort):
        tlv["soort"] = receiving


_SCHOOL_PATHS: tuple[Path_, ...] = (
    ("vertrekkende_school",),
    ("overgang", "schooljaar"),
    ("overgang", "geplande_startdatum"),
)
