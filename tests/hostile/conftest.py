"""Helpers for hostile and careless input: run the CLI, check written files are valid."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import yaml
from click.testing import CliRunner
from lxml import etree

from overdracht.cli import main

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
AANVRAGEN = SAMPLES / "aanvragen"


def run(*args: str | Path) -> tuple[int, str, str]:
    """Run the CLI like a user; an exception that is not an exit fails the test."""
    result = CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def sample(name: str) -> dict[str, Any]:
    data = yaml.safe_load((SAMPLES / f"{name}.yaml").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def aanvraag(name: str) -> dict[str, Any]:
    data = yaml.safe_load((AANVRAGEN / f"{name}.yaml").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def write_yaml(path: Path, data: dict[str, Any]) -> Path:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def assert_valid_office_file(path: Path) -> None:
    """Every XML part of a DOCX/XLSX parses as XML 1.0 (what Word and Excel insist on)."""
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.endswith((".xml", ".rels")):
                etree.fromstring(archive.read(name))  # raises on a forbidden character
