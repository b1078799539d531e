"""Findings as data: the result of evaluating a checklist against a dossier.

A finding holds its parts as fields (what is wrong, why it is required, what to do, the
deadline); every renderer reads these fields. The one Dutch sentence for a person is
built from them in one place, :attr:`Finding.message`.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, computed_field

Severity = Literal["error", "warning", "info"]
Status = Literal["aanwezig", "ontbreekt", "aanbevolen", "n.v.t."]

# The order in which findings are shown: what blocks the handover first.
SEVERITY_ORDER: dict[str, int] = {"error": 0, "warning": 1, "info": 2}


class Finding(BaseModel):
    """One statement about one requirement of the checklist."""

    model_config = ConfigDict(frozen=True, defer_build=True)

    rule: str = Field(description="Id of the checklist rule")
    severity: Severity
    path: str = Field(description="Field in the dossier this is about, e.g. 'opp.evaluaties'")
    title: str = Field(default="", description="Title of the rule, e.g. 'Warme overdracht'")
    problem: str = Field(
        default="",
        description="What is wrong (or 'aanwezig', 'niet van toepassing (...)' for info), "
        "in Dutch, starting in lower case, without a final full stop",
    )
    reason: str = Field(
        default="",
        description="Why the requirement applies to this dossier, as the Dutch clause after "
        "'Verplicht omdat' (e.g. 'er een OPP is'); empty when it always applies",
    )
    advice: str = Field(default="", description="What the school can do (the rule's uitleg)")
    due: date | None = Field(default=None, description="Deadline this finding is about")
    source: str = Field(default="", description="Where the requirement comes from (law)")
    action: str = Field(
        default="",
        description="Where the school settles this instead of a field (the rule's actie), "
        "e.g. 'inzage-vragen'; empty: the field at 'path'",
    )
    status: Status = Field(default="ontbreekt", description="How the checklist report lists it")

    @property
    def level(self) -> str:
        """'Verplicht' or 'Aanbevolen' (empty for info findings)."""
        return {"error": "Verplicht", "warning": "Aanbevolen"}.get(self.severity, "")

    @computed_field  # type: ignore[prop-decorator]
    @property
    def message(self) -> str:
        """The whole finding as one Dutch text: 'Titel: probleem. Verplicht omdat …. Uitleg'."""
        text = f"{self.title or self.rule}: {self.problem}."
        if self.level:
            because = f" omdat {self.reason}" if self.reason and self.severity == "error" else ""
            text += f" {self.level}{because}."
        return f"{text} {self.advice}" if self.advice else text

    def to_json_dict(self) -> dict[str, Any]:
        """The documented JSON shape of one finding (the first five keys are the oldest)."""
        return {
            "rule": self.rule,
            "severity": self.severity,
            "path": self.path,
            "message": self.message,
            "source": self.source,
            "title": self.title,
            "problem": self.problem,
            "reason": self.reason,
            "advice": self.advice,
            "due": self.due.isoformat() if self.due else None,
            "status": self.status,
        }


class Report(BaseModel):
    """All findings for one dossier against one checklist."""

    dossier: str = Field(description="Path of the dossier file")
    transition: str
    checklist_title: str = Field(default="", exclude=True)
    findings: list[Finding] = Field(default_factory=list)
    left_out: list[str] = Field(
        default_factory=list,
        exclude=True,
        description="Sections that are left out of documents for lack of consent",
    )

    left_out_fields: list[str] = Field(
        default_factory=list,
        exclude=True,
        description="Dossier fields (paths) that must not appear in documents for lack of consent",
    )

    @property
    def complete(self) -> bool:
        """True when no finding is an error (warnings are allowed)."""
        return not any(f.severity == "error" for f in self.findings)

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "warning"]

    def to_json_dict(self) -> dict[str, object]:
        """The documented JSON shape of ``overdracht check --json``."""
        return {
            "dossier": self.dossier,
            "transition": self.transition,
            "complete": self.complete,
            "findings": [f.to_json_dict() for f in self.findings],
            "error": None,
        }
