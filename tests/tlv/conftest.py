from __future__ import annotations

import copy
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from overdracht.checklists import Report, evaluate, load_checklist
from overdracht.model import Dossier
from overdracht.tlv.checking import tlv_checklist_path

ROOT = Path(__file__).resolve().parents[2]
AANVRAGEN = ROOT / "samples" / "aanvragen"
SWV = ROOT / "samples" / "swv-voorbeeld.yml"
PEILDATUM = date(2027, 4, 12)


@cache
def _raw(name: str) -> dict[str, Any]:
    return yaml.safe_load((AANVRAGEN / f"{name}.yaml").read_text(encoding="utf-8"))


def aanvraag(name: str) -> dict[str, Any]:
    """A sample aanvraag as a dict, to change one thing per test."""
    return copy.deepcopy(_raw(name))


def run_tlv(data: dict[str, Any], *, peildatum: date = PEILDATUM, swv: bool = False) -> Report:
    dossier = Dossier.model_validate(data)
    overlays = [tlv_checklist_path(), *([SWV] if swv else [])]
    checklist = load_checklist(dossier.overgang.id, overlays)
    return evaluate(checklist, dossier, peildatum=peildatum)


def problems(report: Report, rule: str, severity: str | None = None) -> list[str]:
    return [
        f.message
        for f in report.findings
        if f.rule == rule and f.severity != "info" and (severity is None or f.severity == severity)
    ]


def status_of(report: Report, rule: str) -> set[str]:
    return {f.status for f in report.findings if f.rule == rule}


@pytest.fixture
def sbo() -> dict[str, Any]:
    return aanvraag("01-sbo-compleet")


@pytest.fixture
def so() -> dict[str, Any]:
    return aanvraag("02-so-compleet")


@pytest.fixture
def vso() -> dict[str, Any]:
    return aanvraag("03-vso-compleet")


@pytest.fixture
def pro() -> dict[str, Any]:
    return aanvraag("04-pro-compleet")
