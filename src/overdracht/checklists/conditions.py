"""Conditions for ``verplicht-als`` rules: a fixed set, no expressions in YAML."""

from __future__ import annotations

from collections.abc import Callable

from pydantic import BaseModel, ConfigDict, Field

from overdracht.checklists.context import Context
from overdracht.checklists.labels import field_label
from overdracht.checklists.paths import present, resolve

_Check = Callable[[Context], bool]


class Waarde(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    pad: str
    waarden: list[str] = Field(min_length=1)


class Condition(BaseModel):
    """All conditions that are set must hold; ``of`` holds when any of its parts holds."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    extra_ondersteuning: bool | None = None
    jeugdhulp_loopt: bool | None = None
    vve_indicatie: bool | None = None
    opp: bool | None = Field(default=None, description="Er is een OPP")
    lwoo: bool | None = None
    leerweg_in: list[str] | None = None
    van_school_in: list[str] | None = None
    naar_school_in: list[str] | None = None
    tlv_soort_in: list[str] | None = None
    leeftijd_vanaf: int | None = None
    leeftijd_onder: int | None = None
    aanwezig: str | None = Field(default=None, description="Pad van een veld dat ingevuld is")
    waarde: Waarde | None = None
    of: list[Condition] | None = None

    def holds(self, ctx: Context) -> bool:
        return all(check(ctx) for check in self._checks())

    def _checks(self) -> list[_Check]:
        d = self
        checks: list[_Check] = []
        if d.extra_ondersteuning is not None:
            checks.append(
                lambda c: c.dossier.ondersteuning.extra_ondersteuning == d.extra_ondersteuning
            )
        if d.jeugdhulp_loopt is not None:
            checks.append(lambda c: _jeugdhulp_loopt(c) == d.jeugdhulp_loopt)
        if d.vve_indicatie is not None:
            checks.append(lambda c: c.dossier.leerling.vve_indicatie == d.vve_indicatie)
        if d.opp is not None:
            checks.append(lambda c: (c.dossier.opp is not None) == d.opp)
        if d.lwoo is not None:
            checks.append(lambda c: c.dossier.leerling.lwoo == d.lwoo)
        if d.leerweg_in is not None:
            checks.append(lambda c: c.dossier.leerling.leerweg in (d.leerweg_in or []))
        if d.van_school_in is not None:
            checks.append(lambda c: c.dossier.vertrekkende_school.soort in (d.van_school_in or []))
        if d.naar_school_in is not None:
            checks.append(lambda c: c.dossier.ontvangende_school.soort in (d.naar_school_in or []))
        if d.tlv_soort_in is not None:
            checks.append(
                lambda c: (
                    c.dossier.tlv is not None and c.dossier.tlv.soort in (d.tlv_soort_in or [])
                )
            )
        if d.leeftijd_vanaf is not None:
            checks.append(lambda c: c.leeftijd >= (d.leeftijd_vanaf or 0))
        if d.leeftijd_onder is not None:
            checks.append(lambda c: c.leeftijd < (d.leeftijd_onder or 0))
        if d.aanwezig is not None:
            checks.append(lambda c: present(c.data, d.aanwezig or ""))
        if d.waarde is not None:
            w = d.waarde
            checks.append(lambda c: any(str(v) in w.waarden for v in resolve(c.data, w.pad)))
        if d.of is not None:
            parts = d.of
            checks.append(lambda c: any(part.holds(c) for part in parts))
        return checks

    def explain(self, ctx: Context) -> str:
        """Like :meth:`describe`, but for ``of`` only the parts that hold for this dossier."""
        if self.of is None:
            return self.describe()
        rest = self.model_copy(update={"of": None})
        holding = [part.explain(ctx) for part in self.of if part.holds(ctx)] or [
            part.describe() for part in self.of
        ]
        own = rest.describe()
        return " en ".join(p for p in (own, " en ".join(holding)) if p)

    def describe(self) -> str:
        """Dutch reason, e.g. 'de leerling extra ondersteuning krijgt'."""
        parts: list[str] = []
        if self.extra_ondersteuning is not None:
            parts.append(
                _yes_no(self.extra_ondersteuning, "de leerling extra ondersteuning krijgt")
            )
        if self.jeugdhulp_loopt is not None:
            parts.append(_yes_no(self.jeugdhulp_loopt, "er jeugdhulp loopt"))
        if self.vve_indicatie is not None:
            parts.append(_yes_no(self.vve_indicatie, "het kind een VVE-indicatie heeft"))
        if self.opp is not None:
            parts.append(_yes_no(self.opp, "er een OPP is"))
        if self.lwoo is not None:
            parts.append(_yes_no(self.lwoo, "de leerling leerwegondersteuning (LWOO) krijgt"))
        if self.leerweg_in:
            parts.append(f"de leerweg {', '.join(self.leerweg_in)} is")
        if self.van_school_in:
            parts.append(f"de leerling komt van {', '.join(self.van_school_in)}")
        if self.naar_school_in:
            parts.append(f"de leerling gaat naar {', '.join(self.naar_school_in)}")
        if self.tlv_soort_in:
            parts.append(f"het om een TLV {', '.join(s.upper() for s in self.tlv_soort_in)} gaat")
        if self.leeftijd_vanaf is not None:
            parts.append(f"de leerling {self.leeftijd_vanaf} jaar of ouder is")
        if self.leeftijd_onder is not None:
            parts.append(f"de leerling jonger dan {self.leeftijd_onder} jaar is")
        if self.aanwezig:
            parts.append(f"{field_label(self.aanwezig)} is ingevuld")
        if self.waarde:
            waarden = " of ".join(f"'{w}'" for w in self.waarde.waarden)
            parts.append(f"{field_label(self.waarde.pad)} {waarden} is")
        if self.of:
            parts.append(" of ".join(part.describe() for part in self.of))
        return " en ".join(parts)


def _yes_no(value: bool, text: str) -> str:
    return text if value else f"niet: {text}"


def _jeugdhulp_loopt(ctx: Context) -> bool:
    hulp = ctx.dossier.ondersteuning.jeugdhulp
    return hulp is not None and hulp.loopt
