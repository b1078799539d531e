"""overdracht: complete, lawful and fast handover of a pupil's dossier between schools.

The public API, usable from a school's own scripts without the CLI::

    from overdracht import load_dossier, check, render_documents
    report = check(load_dossier("dossier.yaml"))
    render_documents("dossier.yaml", "uit/")

Everything in ``__all__`` is typed (the package ships ``py.typed``). Names are loaded on
first use, so checking stays fast. ``overdracht.render`` is the subpackage with the
renderers; the function that renders a dossier's documents is :func:`render_documents`.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from overdracht.checklists import Checklist as Checklist
    from overdracht.checklists import Finding as Finding
    from overdracht.checklists import Report as Report
    from overdracht.checklists import check as check
    from overdracht.checklists import evaluate as evaluate
    from overdracht.checklists import list_checklists as list_checklists
    from overdracht.checklists import load_checklist as load_checklist
    from overdracht.consent import apply_answers as apply_answers
    from overdracht.consent import derive_answers as derive_answers
    from overdracht.errors import OverdrachtError as OverdrachtError
    from overdracht.importing import ImportResult as ImportResult
    from overdracht.importing import import_workbook as import_workbook
    from overdracht.importing import write_template as write_template
    from overdracht.model import Dossier as Dossier
    from overdracht.model import dossier_schema as dossier_schema
    from overdracht.model import load_dossier as load_dossier
    from overdracht.model import parse_dossier as parse_dossier
    from overdracht.render import extract_dossier_json as extract_dossier_json
    from overdracht.render import render_documents as render_documents
    from overdracht.render.documents import RenderResult as RenderResult
    from overdracht.tlv import Overzicht as Overzicht
    from overdracht.tlv import check_aanvragen as check_aanvragen

_LAZY: dict[str, str] = {
    "Dossier": "overdracht.model",
    "load_dossier": "overdracht.model",
    "parse_dossier": "overdracht.model",
    "dossier_schema": "overdracht.model",
    "Checklist": "overdracht.checklists",
    "Finding": "overdracht.checklists",
    "Report": "overdracht.checklists",
    "check": "overdracht.checklists",
    "evaluate": "overdracht.checklists",
    "list_checklists": "overdracht.checklists",
    "load_checklist": "overdracht.checklists",
    "derive_answers": "overdracht.consent",
    "apply_answers": "overdracht.consent",
    "render_documents": "overdracht.render",
    "extract_dossier_json": "overdracht.render",
    "RenderResult": "overdracht.render.documents",
    "import_workbook": "overdracht.importing",
    "write_template": "overdracht.importing",
    "ImportResult": "overdracht.importing",
    "check_aanvragen": "overdracht.tlv",
    "Overzicht": "overdracht.tlv",
    "OverdrachtError": "overdracht.errors",
}

__all__ = ["__version__", *sorted(_LAZY)]


def __getattr__(name: str) -> Any:
    if name == "render":  # the subpackage, whether or not it was imported before
        return importlib.import_module("overdracht.render")
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'overdracht' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)
