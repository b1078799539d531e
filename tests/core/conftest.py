from __future__ import annotations

import copy
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from overdracht.checklists import Report, evaluate, load_checklist
from overdracht.model import Dossier

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"


def sample_data(name: str) -> dict[str, Any]:
    return yaml.safe_load((SAMPLES / f"{name}.yaml").read_text(encoding="utf-8"))


def run_check(
    data: dict[str, Any], checklist_id: str | None = None, peildatum: date | None = None
) -> Report:
    dossier = Dossier.model_validate(data)
    checklist = load_checklist(checklist_id or dossier.overgang.id)
    return evaluate(checklist, dossier, peildatum=peildatum)


def errors_of(report: Report, rule: str) -> list[str]:
    return [f.message for f in report.findings if f.rule == rule and f.severity == "error"]


def status_of(report: Report, rule: str) -> set[str]:
    return {f.status for f in report.findings if f.rule == rule}


@pytest.fixture
def sample() -> Callable[[str], dict[str, Any]]:
    def load(name: str) -> dict[str, Any]:
        return copy.deepcopy(sample_data(name))

    return load
