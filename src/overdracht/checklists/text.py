"""Plain-text (terminal) views of a Report and a Checklist, in Dutch.

Kept free of rich so that ``overdracht check`` starts fast.
"""

from __future__ import annotations

import json

from overdracht.checklists.consent import CATEGORY_LABELS
from overdracht.checklists.loader import Checklist
from overdracht.checklists.report import SEVERITY_ORDER, Finding, Report
from overdracht.checklists.schema import Rule
from overdracht.errors import OverdrachtError

MARKS = {
    "aanwezig": "✓ aanwezig  ",
    "ontbreekt": "✗ verplicht ",
    "aanbevolen": "! aanbevolen",
    "n.v.t.": "- n.v.t.    ",
}


def verdict(report: Report) -> str:
    errors, warnings = len(report.errors), len(report.warnings)
    extra = (
        f", {warnings} {'waarschuwing' if warnings == 1 else 'waarschuwingen'}" if warnings else ""
    )
    if report.complete:
        return f"COMPLEET{extra}"
    noun = "verplicht onderdeel ontbreekt" if errors == 1 else "verplichte onderdelen ontbreken"
    return f"ONVOLLEDIG: {errors} {noun}{extra}"


def summary_line(report: Report) -> str:
    """One line per dossier, for checking many at once."""
    return f"{report.dossier}: {report.transition}: {verdict(report)}"


def _finding_lines(finding: Finding) -> list[str]:
    lines = [f"  {MARKS[finding.status]}  {finding.message}"]
    if finding.severity != "info":
        lines.append(f"                 veld: {finding.path}  ·  bron: {finding.source}")
    return lines


def report_text(report: Report) -> str:
    """The full Dutch report: per requirement present, missing, recommended or not applicable."""
    title = f"{report.dossier} — {report.checklist_title} ({report.transition})"
    lines = [title, "=" * min(len(title), 100)]
    for finding in sorted(report.findings, key=lambda f: SEVERITY_ORDER[f.severity]):
        lines.extend(_finding_lines(finding))
    if report.left_out:
        labels = ", ".join(CATEGORY_LABELS.get(c, c) for c in report.left_out)
        lines.append("")
        lines.append(f"Weggelaten uit de documenten (geen geldige toestemming): {labels}.")
    lines.append("")
    lines.append(f"Uitslag: {verdict(report)}")
    return "\n".join(lines)


def unreadable_json_dict(dossier: str, exc: OverdrachtError) -> dict[str, object]:
    """The JSON entry of a dossier that could not be checked: the keys of a report + error."""
    return {
        "dossier": dossier,
        "transition": None,
        "complete": False,
        "findings": [],
        "error": exc.message,
        "details": exc.details,
    }


def reports_json(entries: list[dict[str, object]]) -> str:
    """``check --json``: always a list, one entry per dossier file, in the order given."""
    return json.dumps(entries, ensure_ascii=False, indent=2)


LEVEL_TEXT = {
    "verplicht": "verplicht",
    "verplicht-als": "verplicht als",
    "aanbevolen": "aanbevolen",
}


def rule_level(rule: Rule) -> str:
    """'verplicht', 'verplicht als <reden> (anders aanbevolen)' or 'aanbevolen'."""
    if rule.niveau == "verplicht-als" and rule.als is not None:
        text = f"verplicht als {rule.als.describe()}"
        return text + (" (anders aanbevolen)" if rule.anders == "aanbevolen" else "")
    if rule.niveau == "aanbevolen" and rule.als is not None:
        return f"aanbevolen als {rule.als.describe()}"
    return LEVEL_TEXT[rule.niveau]


def checklist_text(checklist: Checklist) -> str:
    """The items of a checklist in Dutch, grouped by level."""
    lines = [f"{checklist.titel} ({checklist.id})"]
    if checklist.overlay:
        lines.append(f"met regionale aanvulling: {checklist.overlay}")
    lines.append("")
    for niveau, heading in (
        ("verplicht", "Verplicht"),
        ("verplicht-als", "Verplicht onder voorwaarde"),
        ("aanbevolen", "Aanbevolen"),
    ):
        rules = [r for r in checklist.regels if r.niveau == niveau]
        if not rules:
            continue
        lines.append(f"{heading}:")
        for rule in rules:
            lines.append(f"  - {rule.titel}  [{rule.id}]")
            if niveau != "verplicht":
                lines.append(f"      {rule_level(rule)}")
            lines.append(f"      bron: {rule.bron}")
        lines.append("")
    if checklist.warnings:
        lines.append("Let op, deze aanpassingen van de overlay doen niets:")
        lines.extend(f"  - {warning}" for warning in checklist.warnings)
    return "\n".join(lines).rstrip()
