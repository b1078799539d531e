"""Locate the package data (checklists, templates) shipped inside the wheel.

In the wheel they live in ``overdracht/_data``; in a source checkout (editable
install, tests) they are the top-level ``checklists/`` and ``templates/`` folders.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path


@cache
def data_dir(name: str) -> Path:
    """Return the folder with the bundled ``name`` ("checklists" or "templates")."""
    packaged = Path(str(resources.files("overdracht"))) / "_data" / name
    if packaged.is_dir():
        return packaged
    source = Path(__file__).resolve().parents[2] / name
    if source.is_dir():
        return source
    raise FileNotFoundError(name)  # pragma: no cover - a broken installation
