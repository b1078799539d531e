"""The general rule kinds a checklist may use. Each kind checks one thing and says what is wrong."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from overdracht.checklists.conditions import Condition
from overdracht.checklists.context import Context, Problem
from overdracht.checklists.labels import field_label
from overdracht.checklists.paths import first, is_filled, present, resolve

Niveau = Literal["verplicht", "verplicht-als", "aanbevolen"]


class RuleBase(BaseModel):
    """Fields every rule has; ``soort`` picks the kind."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    titel: str = Field(min_length=1)
    niveau: Niveau
    als: Condition | None = None
    anders: Literal["aanbevolen", "n.v.t."] = "n.v.t."
    bron: str = Field(min_length=1, description="Wet of brondocument van deze eis")
    uitleg: str | None = Field(default=None, description="Wat de school moet doen")
    actie: Literal["inzage-vragen"] | None = Field(
        default=None,
        description="Waar de school dit regelt in plaats van in een veld: 'inzage-vragen' "
        "(ouders en leerling kiezen zelf; de webapp verwijst naar Inzage vragen)",
    )

    @model_validator(mode="after")
    def _condition_for_verplicht_als(self) -> RuleBase:
        if self.niveau == "verplicht-als" and self.als is None:
            raise ValueError("niveau 'verplicht-als' heeft een voorwaarde nodig onder 'als:'")
        return self

    def main_path(self) -> str:
        return ""

    def check(self, ctx: Context) -> list[Problem]:  # pragma: no cover - abstract
        raise NotImplementedError


class Aanwezig(RuleBase):
    """A field must be filled in."""

    soort: Literal["aanwezig"]
    pad: str

    def main_path(self) -> str:
        return self.pad

    def check(self, ctx: Context) -> list[Problem]:
        if present(ctx.data, self.pad):
            return []
        return [Problem(self.pad, f"{field_label(self.pad)} is niet ingevuld")]


class EenVan(RuleBase):
    """At least one of several fields must be filled in."""

    soort: Literal["een_van"]
    paden: list[str] = Field(min_length=2)

    def main_path(self) -> str:
        return self.paden[0]

    def check(self, ctx: Context) -> list[Problem]:
        if any(present(ctx.data, p) for p in self.paden):
            return []
        names = " of ".join(field_label(p) for p in self.paden)
        return [Problem(self.paden[0], f"{names} is niet ingevuld")]


class WaardeIn(RuleBase):
    """A field must hold one of the allowed values."""

    soort: Literal["waarde_in"]
    pad: str
    toegestaan: list[str] = Field(min_length=1)

    def main_path(self) -> str:
        return self.pad

    def check(self, ctx: Context) -> list[Problem]:
        value = first(ctx.data, self.pad)
        if value is None:
            return [Problem(self.pad, f"{field_label(self.pad)} is niet ingevuld")]
        if str(value) not in self.toegestaan:
            allowed = ", ".join(self.toegestaan)
            return [
                Problem(
                    self.pad,
                    f"{field_label(self.pad)} is '{value}', maar moet een van {allowed} zijn",
                )
            ]
        return []


class DatumNa(RuleBase):
    """A date must lie after another date (e.g. TLV einddatum after the ingangsdatum)."""

    soort: Literal["datum_na"]
    pad: str
    na: str
    gelijk_mag: bool = Field(default=False, description="Dezelfde dag is ook goed")

    def main_path(self) -> str:
        return self.pad

    def check(self, ctx: Context) -> list[Problem]:
        later, earlier = first(ctx.data, self.pad), first(ctx.data, self.na)
        if later is None:
            return [Problem(self.pad, f"{field_label(self.pad)} is niet ingevuld")]
        if earlier is None:
            return []
        if later < earlier or (later == earlier and not self.gelijk_mag):
            relation = "ligt vóór" if self.gelijk_mag else "ligt niet na"
            return [
                Problem(
                    self.pad,
                    f"{field_label(self.pad)} ({later:%d-%m-%Y}) {relation} "
                    f"{field_label(self.na)} ({earlier:%d-%m-%Y})",
                )
            ]
        return []


class DatumRecent(RuleBase):
    """The most recent date at a path is at most ``max_maanden`` old on the peildatum."""

    soort: Literal["datum_recent"]
    pad: str
    max_maanden: int = Field(ge=1, le=120)

    def main_path(self) -> str:
        return self.pad.replace("[]", "")

    def check(self, ctx: Context) -> list[Problem]:
        dates = [v for v in resolve(ctx.data, self.pad) if isinstance(v, date)]
        if not dates:
            return [Problem(self.main_path(), f"{field_label(self.pad)} is niet ingevuld")]
        if months_between(max(dates), ctx.peildatum) > self.max_maanden:
            return [
                Problem(
                    self.main_path(),
                    f"de meest recente datum is ouder dan {self.max_maanden} maanden",
                )
            ]
        return []


class Aantal(RuleBase):
    """A list must have at least ``minimaal`` items."""

    soort: Literal["aantal"]
    pad: str
    minimaal: int = Field(ge=1)

    def main_path(self) -> str:
        return self.pad

    def check(self, ctx: Context) -> list[Problem]:
        count = sum(1 for v in resolve(ctx.data, self.pad + "[]") if is_filled(v))
        if count >= self.minimaal:
            return []
        return [Problem(self.pad, f"{count} van de minimaal {self.minimaal} ingevuld")]


class DatumUiterlijk(RuleBase):
    """A date lies on or before a yearly deadline (MM-DD) in the calendar year the move is made."""

    soort: Literal["datum_uiterlijk"]
    pad: str
    uiterlijk: str = Field(pattern=r"^\d\d-\d\d$", description="MM-DD, bijv. 04-01")

    def main_path(self) -> str:
        return self.pad

    def check(self, ctx: Context) -> list[Problem]:
        value = first(ctx.data, self.pad)
        if not isinstance(value, date):
            return [Problem(self.pad, f"{field_label(self.pad)} is niet ingevuld")]
        month, day = (int(x) for x in self.uiterlijk.split("-"))
        deadline = date(int(ctx.dossier.overgang.schooljaar[:4]), month, day)
        if value > deadline:
            return [Problem(self.pad, f"de datum ligt na de uiterste datum {deadline:%d-%m-%Y}")]
        return []


def months_between(earlier: date, later: date) -> int:
    """Whole months from ``earlier`` to ``later`` (0 when ``earlier`` is later)."""
    months = (later.year - earlier.year) * 12 + later.month - earlier.month
    if later.day < earlier.day:
        months -= 1
    return max(months, 0)
