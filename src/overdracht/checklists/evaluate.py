"""Evaluate a checklist against a dossier: every rule becomes findings (data, not text output)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Literal

from overdracht.checklists.consent import CATEGORY_LABELS
from overdracht.checklists.context import Context
from overdracht.checklists.domain_rules import ToestemmingRule
from overdracht.checklists.loader import Checklist, load_checklist
from overdracht.checklists.report import Finding, Report, Severity
from overdracht.checklists.schema import Rule
from overdracht.model.dossier import Dossier


def _severity(rule: Rule, applies: bool) -> Severity | None:
    """Severity of a missing item; None means the rule does not apply."""
    if rule.niveau == "verplicht":
        return "error"
    if rule.niveau == "verplicht-als":
        if applies:
            return "error"
        return "warning" if rule.anders == "aanbevolen" else None
    return "warning" if applies else None


def _reason(rule: Rule, severity: Severity, applies: bool, ctx: Context) -> str:
    """Why a required item is required here: the clause after 'Verplicht omdat'."""
    if severity == "error" and rule.niveau == "verplicht-als" and rule.als is not None:
        return rule.als.explain(ctx) if applies else ""
    return ""


def evaluate_rule(rule: Rule, ctx: Context) -> list[Finding]:
    """Findings for one rule: 'aanwezig', 'n.v.t.', or one finding per problem."""
    applies = rule.als is None or rule.als.holds(ctx)
    severity = _severity(rule, applies)
    base = {"rule": rule.id, "source": rule.bron, "title": rule.titel, "action": rule.actie or ""}

    def info(text: str, status: Literal["aanwezig", "n.v.t."]) -> list[Finding]:
        return [
            Finding(**base, severity="info", path=rule.main_path(), problem=text, status=status)
        ]

    if severity is None:
        why = rule.als.describe() if rule.als else ""
        return info(f"niet van toepassing (alleen nodig als {why})", "n.v.t.")
    if isinstance(rule, ToestemmingRule) and not rule.applies(ctx):
        return info("niet van toepassing (geen gegevens in deze categorie)", "n.v.t.")
    if isinstance(rule, ToestemmingRule) and rule.refused(ctx):
        return info(
            "toestemming geweigerd: deze gegevens blijven buiten alle documenten", "aanwezig"
        )
    problems = rule.check(ctx)
    if not problems:
        return info("aanwezig", "aanwezig")
    reason = _reason(rule, severity, applies, ctx)
    return [
        Finding(
            **base,
            severity=severity,
            path=problem.path,
            problem=problem.message,
            reason=reason,
            advice=rule.uitleg or "",
            due=problem.due,
            status="ontbreekt" if severity == "error" else "aanbevolen",
        )
        for problem in problems
    ]


def evaluate(
    checklist: Checklist,
    dossier: Dossier,
    *,
    dossier_path: str = "",
    peildatum: date | None = None,
) -> Report:
    """Check ``dossier`` against every rule of ``checklist``."""
    ctx = Context(
        dossier,
        peildatum or dossier.overgang.peildatum or date.today(),
        checklist.instellingen,
        checklist.van,
    )
    findings: list[Finding] = []
    left_out: list[str] = []
    left_out_fields: list[str] = []
    for rule in checklist.regels:
        rule_findings = evaluate_rule(rule, ctx)
        findings.extend(rule_findings)
        if isinstance(rule, ToestemmingRule) and (
            any(f.severity != "info" for f in rule_findings) or rule.refused(ctx)
        ):
            left_out.append(rule.categorie)
            left_out_fields.extend(rule.gegevens)
    return Report(
        dossier=dossier_path,
        transition=checklist.id,
        checklist_title=checklist.titel,
        findings=findings,
        left_out_fields=list(dict.fromkeys(left_out_fields)),
        left_out=sorted(
            set(left_out),
            key=lambda c: list(CATEGORY_LABELS).index(c) if c in CATEGORY_LABELS else 99,
        ),
    )


def check(
    dossier: Dossier,
    *,
    overlay: Path | None = None,
    dossier_path: str = "",
    peildatum: date | None = None,
    checklist_id: str | None = None,
) -> Report:
    """Check a dossier against the checklist of its own transition (``overgang.id``)."""
    checklist = load_checklist(checklist_id or dossier.overgang.id, overlay)
    return evaluate(checklist, dossier, dossier_path=dossier_path, peildatum=peildatum)
