"""Rule kinds for TLV aanvragen: procesregie (the matrix of seed 002) and deadlines (termijn)."""

from __future__ import annotations

import calendar
from datetime import date
from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, Field

from overdracht.checklists.context import Context, Problem
from overdracht.checklists.paths import resolve
from overdracht.checklists.rules import RuleBase
from overdracht.model.dossier import Dossier
from overdracht.model.support import Discipline

Vraag = Literal["enkelvoudig", "complex"]
Regierol = Literal["school", "casemanager"]

REGIE_TEKST: dict[str, str] = {
    "school": "de school (IB'er of zorgcoördinator)",
    "casemanager": "een casemanager (jeugdhulp of sociaal team)",
}
_ADJECTIVE = {"enkelvoudig": "enkelvoudige", "complex": "complexe"}


class RegieCel(BaseModel):
    """One cell of the procesregie matrix: leervraag x leefvraag -> who holds regie."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    leervraag: Vraag
    leefvraag: Vraag
    regie: Regierol


def _seed_matrix() -> list[RegieCel]:
    """Seed 002: the school leads unless the leefvraag is complex; then a casemanager."""
    return [
        RegieCel(leervraag="enkelvoudig", leefvraag="enkelvoudig", regie="school"),
        RegieCel(leervraag="complex", leefvraag="enkelvoudig", regie="school"),
        RegieCel(leervraag="enkelvoudig", leefvraag="complex", regie="casemanager"),
        RegieCel(leervraag="complex", leefvraag="complex", regie="casemanager"),
    ]


class Procesregie(RuleBase):
    """Who should hold procesregie, from leervraag and leefvraag; the dossier must agree."""

    soort: Literal["procesregie"]
    matrix: list[RegieCel] = Field(default_factory=_seed_matrix, min_length=1)

    def main_path(self) -> str:
        return "ondersteuning.regie"

    def expected(self, dossier: Dossier) -> Regierol | None:
        """The role the matrix gives for this dossier, or None when it cannot tell."""
        support = dossier.ondersteuning
        for cel in self.matrix:
            if cel.leervraag == support.leervraag and cel.leefvraag == support.leefvraag:
                return cel.regie
        return None

    def check(self, ctx: Context) -> list[Problem]:
        support = ctx.dossier.ondersteuning
        missing = [name for name in ("leervraag", "leefvraag") if getattr(support, name) is None]
        if missing:
            verb = "is" if len(missing) == 1 else "zijn"
            return [
                Problem(
                    f"ondersteuning.{missing[0]}",
                    f"{' en '.join(missing)} {verb} niet vastgelegd (enkelvoudig of complex); "
                    "daaruit volgt wie de procesregie hoort te hebben",
                )
            ]
        wanted = self.expected(ctx.dossier)
        if wanted is None:
            return []  # an overlay left this combination out of the matrix
        combination = (
            f"een {_ADJECTIVE[str(support.leervraag)]} leervraag en "
            f"een {_ADJECTIVE[str(support.leefvraag)]} leefvraag"
        )
        if support.regie is None:
            return [
                Problem(
                    "ondersteuning.regie",
                    f"er staat niet in wie de procesregie heeft; bij {combination} "
                    f"hoort die bij {REGIE_TEKST[wanted]}",
                )
            ]
        if support.regie.rol != wanted:
            return [
                Problem(
                    "ondersteuning.regie.rol",
                    f"de procesregie ligt bij {REGIE_TEKST[support.regie.rol]}, maar bij "
                    f"{combination} hoort die bij {REGIE_TEKST[wanted]}",
                )
            ]
        return []


class Termijn(RuleBase):
    """A deadline: the (latest) date at ``pad`` plus ``na_maanden`` must not have passed.

    It is also reported when it falls within ``waarschuwen_maanden`` of the peildatum,
    so the loket sees which aanvragen are in a hurry.
    """

    soort: Literal["termijn"]
    pad: str
    na_maanden: int = Field(default=0, ge=0, le=120, description="Termijn = datum + zoveel")
    waarschuwen_maanden: int = Field(default=0, ge=0, le=24)

    def main_path(self) -> str:
        return self.pad.replace("[]", "")

    def deadline(self, ctx: Context) -> date | None:
        """The deadline for this dossier, or None when the date is not filled in."""
        dates = [v for v in resolve(ctx.data, self.pad) if isinstance(v, date)]
        if not dates:
            return None
        return add_months(max(dates), self.na_maanden)

    def at_risk(self, ctx: Context) -> bool:
        """True when the deadline has passed or falls inside the warning period."""
        due = self.deadline(ctx)
        return due is not None and due <= add_months(ctx.peildatum, self.waarschuwen_maanden)

    def check(self, ctx: Context) -> list[Problem]:
        due = self.deadline(ctx)
        if due is None or not self.at_risk(ctx):
            return []  # whether the date is filled in is another rule's job
        if due < ctx.peildatum:
            return [Problem(self.main_path(), f"de termijn is verstreken op {due:%d-%m-%Y}", due)]
        months = self.waarschuwen_maanden
        return [
            Problem(
                self.main_path(),
                f"de termijn verstrijkt op {due:%d-%m-%Y} (binnen {months} "
                f"{'maand' if months == 1 else 'maanden'})",
                due,
            )
        ]


def add_months(day: date, months: int) -> date:
    """``day`` plus whole months; the 31st becomes the last day of a shorter month."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


class TweedeAdvies(RuleBase):
    """The advices are separate: by different deskundigen, the second of a fitting discipline."""

    soort: Literal["tweede_advies"]
    disciplines: list[str] = Field(
        # every named discipline of the model; "anders" is not a fitting one by default
        default_factory=lambda: [d for d in get_args(Discipline) if d != "anders"],
        min_length=1,
    )

    def main_path(self) -> str:
        return "deskundigenadviezen"

    def check(self, ctx: Context) -> list[Problem]:
        adviezen = sorted(ctx.dossier.deskundigenadviezen, key=lambda a: a.datum)
        if len(adviezen) < 2:
            return []  # the number of advices is the deskundigenadviezen rule's job
        first, second = adviezen[0], adviezen[1]
        problems: list[Problem] = []
        if first.deskundige.casefold() == second.deskundige.casefold():
            problems.append(
                Problem(
                    "deskundigenadviezen[2].deskundige",
                    f"beide adviezen zijn van {second.deskundige}; het moeten twee afzonderlijke "
                    "adviezen van verschillende deskundigen zijn",
                )
            )
        if second.discipline not in self.disciplines:
            problems.append(
                Problem(
                    "deskundigenadviezen[2].discipline",
                    f"het tweede advies is van een deskundige met discipline "
                    f"'{second.discipline}'; dat moet een van "
                    f"{', '.join(self.disciplines)} zijn",
                )
            )
        return problems
