"""Excel/CSV -> dossiers, with an error report that accounts for every row.

``write_template`` makes a workbook for filling in; ``import_workbook`` reads a
filled workbook (or a school's own export) and writes one dossier per pupil;
``read_dossiers`` does the same without writing files (for the web app's database).
"""

from overdracht.importing.dossiers import ImportedDossiers, read_dossiers
from overdracht.importing.fields import TRANSITIONS
from overdracht.importing.importer import import_workbook
from overdracht.importing.report import ImportResult, Problem, RowOutcome
from overdracht.importing.safety import Limits
from overdracht.importing.template import write_template

__all__ = [
    "TRANSITIONS",
    "ImportResult",
    "ImportedDossiers",
    "Limits",
    "Problem",
    "RowOutcome",
    "import_workbook",
    "read_dossiers",
    "write_template",
]
