"""Development, test results, schooladvies and attendance (whitelist groups b, c, e)."""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Literal, get_args

from pydantic import BeforeValidator, Field

from overdracht.model.base import DossierModel, Tekst

Referentieniveau = Literal["<1F", "1F", "2F", "1S"]
AdviesNiveau = Literal[
    "vso",
    "pro",
    "vmbo-b",
    "vmbo-b/k",
    "vmbo-k",
    "vmbo-k/gt",
    "vmbo-gt",
    "vmbo-gt/havo",
    "havo",
    "havo/vwo",
    "vwo",
]
# From low to high: heroverweging may only move an advice to the right.
ADVIES_VOLGORDE: tuple[str, ...] = get_args(AdviesNiveau)
Domein = Literal[
    "inzichtelijk_rekenen",
    "begrijpend_lezen",
    "technisch_lezen",
    "spelling",
    "taalverzorging",
    "rekenen",
    "lezen",
]


class Ontwikkeling(DossierModel):
    """Information on development; which parts are needed depends on the transition."""

    sterke_kanten: str | None = Field(
        default=None, description="Waar het kind of de leerling goed in is, talenten en interesses"
    )
    cognitief: str | None = None
    sociaal_emotioneel: str | None = None
    werkhouding: str | None = None
    thuissituatie: str | None = Field(default=None, description="Alleen voor zover relevant")
    leefomstandigheden: str | None = None
    ondersteuningsbehoeften: str | None = None
    taal: str | None = None
    spel: str | None = None
    motoriek: str | None = None
    sociale_omgang: str | None = None
    pedagogisch_didactische_aanpak: str | None = None
    wensen: str | None = Field(default=None, description="Wensen van leerling en ouders")


class Toets(DossierModel):
    """One test result (leerresultaten)."""

    naam: Tekst
    domein: str | None = None
    datum: date
    score: str | None = None
    referentieniveau: Referentieniveau | None = None
    toelichting: str | None = None


class Schooladvies(DossierModel):
    """PO→VO schooladvies; after heroverweging both are kept.

    That a heroverweging may only raise the advice is a rule of the checklist (kind
    ``schooladvies``), not of the model: a lowered advice can be saved and shown.
    """

    voorlopig: AdviesNiveau | None = None
    voorlopig_datum: date | None = None
    definitief: AdviesNiveau | None = None
    definitief_datum: date | None = None
    heroverwogen: AdviesNiveau | None = Field(
        default=None, description="Bijgesteld (hoger) advies na heroverweging"
    )
    heroverweging_datum: date | None = None
    toelichting: str | None = None

    @property
    def geldend(self) -> str | None:
        return self.heroverwogen or self.definitief


class DomeinUitslag(DossierModel):
    domein: Literal["lezen", "taalverzorging", "rekenen"]
    referentieniveau: Referentieniveau


# The doorstroomtoetsen the minister admitted (from 2024, when the eindtoets became the
# doorstroomtoets); a school picks one, so the receiving school knows what the levels mean.
DoorstroomtoetsNaam = Literal[
    "Dia-doorstroomtoets",
    "Doorstroomtoets Leerling in beeld",
    "IEP Doorstroomtoets",
    "Route 8 Doorstroomtoets",
]
DOORSTROOMTOETSEN: tuple[str, ...] = get_args(DoorstroomtoetsNaam)
# How schools and LAS exports write them ("Route 8", "Doorstroomtoets (IEP)", "Cito").
_TOETS_WORDS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\bdia\b"), "Dia-doorstroomtoets"),
    (re.compile(r"leerling\s*in\s*beeld|\bcito\b"), "Doorstroomtoets Leerling in beeld"),
    (re.compile(r"\biep\b"), "IEP Doorstroomtoets"),
    (re.compile(r"\broute\s*8\b"), "Route 8 Doorstroomtoets"),
)


def _known_toets(value: object) -> object:
    """The admitted toets a written name stands for; anything else is left to be refused."""
    if not isinstance(value, str):
        return value
    found = {name for pattern, name in _TOETS_WORDS if pattern.search(value.casefold())}
    return found.pop() if len(found) == 1 else value


class Doorstroomtoets(DossierModel):
    """Result of the doorstroomtoets per domain, or the reason for ontheffing."""

    naam: Annotated[DoorstroomtoetsNaam | None, BeforeValidator(_known_toets)] = Field(
        default=None, title="Toets", description="Welke van de toegelaten doorstroomtoetsen"
    )
    datum: date | None = None
    uitslagen: list[DomeinUitslag] = Field(default_factory=list)
    toetsadvies: AdviesNiveau | None = Field(
        default=None,
        description="Het advies dat uit de toets volgt; is het hoger dan het schooladvies, "
        "dan heroverweegt de school het advies",
    )
    ontheffing: bool = False
    reden_ontheffing: str | None = None


class Verzuim(DossierModel):
    """Attendance over (at most) the last 12 months (the order of the dates: checklist)."""

    periode_van: date
    periode_tot: date
    geoorloofd_uren: float = Field(default=0, ge=0)
    ongeoorloofd_uren: float = Field(default=0, ge=0)
    toelichting: str | None = None


class Intelligentieonderzoek(DossierModel):
    instrument: Tekst
    datum: date
    totaal_iq: int = Field(ge=30, le=160)
    onderzoeker: str | None = None


class Leerachterstand(DossierModel):
    """Didactic delay on one domain, in years (for the PrO/LWOO criteria)."""

    domein: Domein
    achterstand_jaren: float = Field(ge=0, le=10)
    toets: str | None = None
    datum: date | None = None


class Opleiding(DossierModel):
    """Education followed (VO→MBO minimal set): completed or broken off."""

    naam: Tekst
    van: date | None = None
    tot: date | None = None
    status: Literal["voltooid", "afgebroken", "lopend"]
    diploma: bool = False


class Resultaat(DossierModel):
    """A grade or result (cijferlijst) for VO→VO / VO→MBO."""

    vak: Tekst
    cijfer: str
    periode: str | None = None


class EerdereSchool(DossierModel):
    """A school the pupil attended before the sending school (schoolloopbaan, group b)."""

    naam: Tekst
    plaats: str | None = None
    van: date | None = None
    tot: date | None = None
    reden: str | None = Field(default=None, description="Waarom de overstap naar een andere school")


class Doublure(DossierModel):
    """A year repeated or skipped (schoolloopbaan, group b)."""

    soort: Literal["doublure", "versnelling"] = Field(
        description="Doublure: een jaar overgedaan; versnelling: een jaar overgeslagen"
    )
    groep_of_leerjaar: Tekst = Field(description="Bijvoorbeeld groep 3 of leerjaar 2")
    schooljaar: str | None = Field(
        default=None, pattern=r"^20\d\d-20\d\d$", description="Bijvoorbeeld 2022-2023"
    )
    reden: str | None = None
