"""Shared fixtures: samples rendered once per test session, read back as text."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from docx2python import docx2python
from pypdf import PdfReader

from overdracht.model import Dossier
from overdracht.render.documents import render_dossier

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
HERE = Path(__file__).resolve().parent
FULL = HERE / "dossiers" / "po-vo-volledig.yaml"
TODAY = date(2026, 4, 15)


def load_data(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def docx_text(path: Path) -> str:
    with docx2python(path) as result:
        header = "\n".join(str(x) for x in _flatten(result.header))
        return header + "\n" + str(result.text)


def _flatten(value: Any) -> list[str]:
    if isinstance(value, list):
        return [s for v in value for s in _flatten(v)]
    return [str(value)]


def pdf_pages(path: Path) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(path).pages]


def pdf_text(path: Path) -> str:
    """Text in reading order (pdftotext when available, else pypdf)."""
    try:
        out = subprocess.run(
            ["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True, text=True
        )
        return out.stdout
    except FileNotFoundError:
        return "\n".join(pdf_pages(path))


def render_data(data: dict[str, Any], out: Path, stem: str, **kwargs: Any) -> list[Path]:
    result = render_dossier(Dossier.model_validate(data), out, stem=stem, today=TODAY, **kwargs)
    return result.files


@pytest.fixture(scope="session")
def rendered_samples(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every sample rendered to DOCX and PDF, once."""
    out = tmp_path_factory.mktemp("samples")
    for path in sorted(SAMPLES.glob("*.yaml")):
        render_data(load_data(path), out, path.stem)
    render_data(load_data(FULL), out, FULL.stem)
    return out
