"""Findings as data: the result of evaluating a checklist against a dossier."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Severity = Literal["error", "warning", "info"]

SEVERITY_RANK: dict[str, int] = {"info": 0, "warning": 1, "error": 2}


class Finding(BaseModel):
    """One statement about one requirement of the checklist."""

    model_config = ConfigDict(frozen=True)

    rule: str = Field(description="Id of the checklist rule")
    severity: Severity
    path: str = Field(description="Field in the dossier this is about, e.g. 'opp.evaluaties'")
    message: str = Field(description="Dutch explanation for the user")
    source: str = Field(default="", description="Where the requirement comes from (law, seed)")
    title: str = Field(default="", exclude=True, description="Title of the rule, for display")
    status: Literal["aanwezig", "ontbreekt", "aanbevolen", "n.v.t.", "uitgesloten"] = Field(
        default="ontbreekt", exclude=True
    )


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
            "findings": [f.model_dump() for f in self.findings],
        }
