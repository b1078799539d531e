"""Rule kinds on the handover itself and on the ondersteuningsroute and PrO criteria."""

from __future__ import annotations

from datetime import date
from itertools import pairwise
from typing import Literal

from pydantic import Field

from overdracht.checklists.context import Context, Problem
from overdracht.checklists.rules import RuleBase
from overdracht.model.handover import Fasenaam

FASE_NAMEN = {
    "signaleren": "1. begeleiden, observeren en signaleren",
    "consultatie": "2. collegiale consultatie",
    "leerlingbespreking": "3. interne leerlingbespreking",
    "mdo": "4. multidisciplinair overleg (MDO)",
    "arrangeren": "5. arrangeren, toeleiden en toegang",
    "evalueren": "6. uitvoeren en evalueren",
}
FASE_VOLGORDE = list(FASE_NAMEN)


class WarmeOverdrachtRule(RuleBase):
    """A warm handover planned or held: when, who, and (once held) the agreements."""

    soort: Literal["warme_overdracht"]

    def main_path(self) -> str:
        return "warme_overdracht"

    def check(self, ctx: Context) -> list[Problem]:
        wo = ctx.dossier.warme_overdracht
        if wo is None:
            return [Problem("warme_overdracht", "er is geen warme overdracht gepland of gehouden")]
        problems: list[Problem] = []
        if wo.datum is None:
            problems.append(Problem("warme_overdracht.datum", "de datum ontbreekt"))
        if not wo.deelnemers:
            problems.append(Problem("warme_overdracht.deelnemers", "de deelnemers ontbreken"))
        if wo.status == "gehouden" and not wo.afspraken:
            problems.append(
                Problem("warme_overdracht.afspraken", "de gemaakte afspraken zijn niet vastgelegd")
            )
        return problems


class ProCriteria(RuleBase):
    """National PrO criteria: IQ and delays on 2 of 4 domains incl. rekenen or begrijpend lezen."""

    soort: Literal["pro_criteria"]
    iq_min: int = 55
    iq_max: int = 80
    achterstand_min_jaren: float = 3.0
    domeinen_min: int = 2
    domeinen: list[str] = Field(
        default_factory=lambda: [
            "inzichtelijk_rekenen",
            "begrijpend_lezen",
            "technisch_lezen",
            "spelling",
        ]
    )
    kerndomeinen: list[str] = Field(
        default_factory=lambda: ["inzichtelijk_rekenen", "begrijpend_lezen"]
    )

    def main_path(self) -> str:
        return "intelligentieonderzoek"

    def check(self, ctx: Context) -> list[Problem]:
        d = ctx.dossier
        problems: list[Problem] = []
        if d.intelligentieonderzoek is None:
            problems.append(
                Problem("intelligentieonderzoek", "het intelligentieonderzoek ontbreekt")
            )
        elif not self.iq_min <= d.intelligentieonderzoek.totaal_iq <= self.iq_max:
            problems.append(
                Problem(
                    "intelligentieonderzoek.totaal_iq",
                    f"het IQ valt buiten de landelijke criteria ({self.iq_min}–{self.iq_max})",
                )
            )
        if not d.leerachterstanden:
            problems.append(Problem("leerachterstanden", "de didactische toetsgegevens ontbreken"))
        else:
            behind = {
                a.domein
                for a in d.leerachterstanden
                if a.domein in self.domeinen and a.achterstand_jaren >= self.achterstand_min_jaren
            }
            if len(behind) < self.domeinen_min or not behind & set(self.kerndomeinen):
                problems.append(
                    Problem(
                        "leerachterstanden",
                        f"geen achterstand van {self.achterstand_min_jaren:g} jaar of meer op "
                        f"{self.domeinen_min} domeinen waaronder inzichtelijk rekenen of "
                        "begrijpend lezen",
                    )
                )
        if problems and d.pro_uitzondering:
            return []  # a motivated exception replaces the criteria
        return problems


class Ondersteuningsroute(RuleBase):
    """Phases of the ondersteuningsroute documented with dates, in order; MDO with a plan."""

    soort: Literal["ondersteuningsroute"]
    fasen: list[Fasenaam] = Field(
        default_factory=lambda: list[Fasenaam](
            ["signaleren", "consultatie", "leerlingbespreking", "mdo"]
        )
    )
    plan_van_aanpak: bool = True

    def main_path(self) -> str:
        return "ondersteuningsroute"

    def check(self, ctx: Context) -> list[Problem]:
        route = ctx.dossier.ondersteuningsroute
        dates: dict[str, date] = {}
        for fase in route:
            dates.setdefault(fase.fase, fase.datum)
        problems = [
            Problem("ondersteuningsroute", f"fase {FASE_NAMEN[f]} is niet vastgelegd")
            for f in self.fasen
            if f not in dates
        ]
        present = [f for f in FASE_VOLGORDE if f in dates and f in self.fasen]
        for before, after in pairwise(present):
            if dates[after] < dates[before]:
                problems.append(
                    Problem(
                        "ondersteuningsroute",
                        f"fase {FASE_NAMEN[after]} ligt vóór fase {FASE_NAMEN[before]}",
                    )
                )
        mdo = next((f for f in route if f.fase == "mdo"), None)
        if self.plan_van_aanpak and mdo is not None:
            plan = mdo.plan_van_aanpak
            if plan is None:
                problems.append(
                    Problem("ondersteuningsroute", "het MDO heeft geen plan van aanpak")
                )
            else:
                parts = {
                    "doelen": plan.doelen,
                    "acties": plan.acties,
                    "verantwoordelijken": plan.verantwoordelijken,
                    "regie": plan.regie,
                    "evaluatiedatum": plan.evaluatiedatum,
                }
                missing = [name for name, value in parts.items() if not value]
                if missing:
                    problems.append(
                        Problem(
                            "ondersteuningsroute",
                            f"in het plan van aanpak van het MDO ontbreekt: {', '.join(missing)}",
                        )
                    )
        return problems


class Toetsperiode(RuleBase):
    """Test results older than this and ``schooljaren - 1`` prior school years may not travel."""

    soort: Literal["toetsperiode"]
    schooljaren: int = Field(default=3, ge=1)

    def main_path(self) -> str:
        return "toetsen"

    def check(self, ctx: Context) -> list[Problem]:
        oldest = oldest_allowed_date(ctx.dossier.overgang.schooljaar, self.schooljaren)
        old = [t for t in ctx.dossier.toetsen if t.datum < oldest]
        if not old:
            return []
        return [
            Problem(
                "toetsen",
                f"{_count(len(old))} van vóór {oldest:%d-%m-%Y} "
                f"{'mag' if len(old) == 1 else 'mogen'} niet mee en "
                f"{'wordt' if len(old) == 1 else 'worden'} weggelaten uit de documenten",
            )
        ]


def _count(number: int) -> str:
    return f"{number} toetsresultaat" if number == 1 else f"{number} toetsresultaten"


def oldest_allowed_date(schooljaar: str, schooljaren: int) -> date:
    """First day (1 August) of the oldest school year whose results may travel."""
    current_start = int(schooljaar[:4]) - 1  # the move happens after the school year N-1/N
    return date(current_start - (schooljaren - 1), 8, 1)
