"""overdracht: complete, lawful and fast handover of a pupil's dossier between schools.

The public API, usable from a school's own scripts without the CLI::

    from overdracht import load_dossier, load_checklist, check
    report = check(load_dossier("dossier.yaml"))

Renderers and importers are loaded on first use, so checking stays fast.
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

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
    "render": "overdracht.render",
    "import_workbook": "overdracht.importing",
    "write_template": "overdracht.importing",
    "check_aanvragen": "overdracht.tlv",
    "OverdrachtError": "overdracht.errors",
}

__all__ = ["__version__", *sorted(_LAZY)]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'overdracht' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)
