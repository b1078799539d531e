"""The import without files: workbook in, dossiers and the row report out, nothing written.

The web app stores the dossiers in its database; ``import_workbook`` writes them as files.
Both read, check and build the rows in exactly the same way.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from overdracht.importing.building import BuiltDossier, build_dossiers
from overdracht.importing.headers import Mapping, load_mapping
from overdracht.importing.importer import _read_sheets, _result, check_transition
from overdracht.importing.reading import Progress, read_workbook
from overdracht.importing.report import ImportResult, report_bytes
from overdracht.importing.safety import DEFAULT_LIMITS, Limits


@dataclass
class ImportedDossiers:
    """The valid dossiers of a workbook and what happened to every row."""

    dossiers: list[BuiltDossier]
    result: ImportResult

    def report_xlsx(self) -> bytes:
        """The import report (``importverslag.xlsx``) as bytes."""
        return report_bytes(self.result)


def read_dossiers(
    source: str | Path,
    *,
    transition: str,
    mapping: str | Path | None = None,
    progress: Progress | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> ImportedDossiers:
    """Read pupils from an .xlsx/.xlsm/.xls/.ods/.csv file into dossiers, writing nothing.

    The same checks as ``import_workbook``: only pupils whose rows are all correct become
    dossiers, and ``result`` accounts for every row read (its ``written`` stays empty).
    Raises ``InvalidInputError`` when the file or the mapping cannot be read at all and
    ``UsageError`` for an unknown transition.
    """
    source = Path(source)
    check_transition(transition)
    rules = load_mapping(Path(mapping)) if mapping is not None else Mapping()
    workbook = read_workbook(source, limits, progress)
    sheets = _read_sheets(workbook, transition, rules, progress)
    built = build_dossiers(sheets, transition, progress=progress)
    result = _result(source, source.parent, built)
    # an imported row names its dossier file; without files, name the pupil's number instead
    made = {
        f"{item.file_stem}.yaml": "dossier gemaakt (leerlingnummer "
        f"{item.dossier.leerling.leerlingnummer})"
        for item in built.dossiers
    }
    result.outcomes = [
        replace(o, detail=made[o.detail]) if o.detail in made else o for o in result.outcomes
    ]
    return ImportedDossiers(built.dossiers, result)
