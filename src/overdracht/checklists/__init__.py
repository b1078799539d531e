"""Checklists as data: load YAML checklists (+ overlays) and evaluate them into a Report."""

from overdracht.checklists.consent import consent_given
from overdracht.checklists.evaluate import check, evaluate
from overdracht.checklists.loader import Checklist, known_ids, list_checklists, load_checklist
from overdracht.checklists.report import Finding, Report
from overdracht.checklists.schema import RULE_KINDS

__all__ = [
    "RULE_KINDS",
    "Checklist",
    "Finding",
    "Report",
    "check",
    "consent_given",
    "evaluate",
    "known_ids",
    "list_checklists",
    "load_checklist",
]
