"""Excel/CSV -> dossiers, with an error report that accounts for every row.

``write_template`` makes a workbook for filling in; ``import_workbook`` reads a
filled workbook (or a school's own export) and writes one dossier per pupil;
``read_dossiers`` does the same without writing files (for the web app's database).

Names are loaded on first use, so a submodule (e.g. the file writer's worker process)
can be imported without the whole importer.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from overdracht.importing.dossiers import ImportedDossiers as ImportedDossiers
    from overdracht.importing.dossiers import read_dossiers as read_dossiers
    from overdracht.importing.importer import import_workbook as import_workbook
    from overdracht.importing.report import ImportResult as ImportResult
    from overdracht.importing.report import Problem as Problem
    from overdracht.importing.report import RowOutcome as RowOutcome
    from overdracht.importing.safety import Limits as Limits
    from overdracht.importing.template import write_template as write_template

_LAZY: dict[str, str] = {
    "ImportResult": "overdracht.importing.report",
    "ImportedDossiers": "overdracht.importing.dossiers",
    "Limits": "overdracht.importing.safety",
    "Problem": "overdracht.importing.report",
    "RowOutcome": "overdracht.importing.report",
    "import_workbook": "overdracht.importing.importer",
    "read_dossiers": "overdracht.importing.dossiers",
    "write_template": "overdracht.importing.template",
}

__all__ = sorted(_LAZY)


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'overdracht.importing' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)
