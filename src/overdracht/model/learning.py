"""Development, test results, schooladvies and attendance (whitelist groups b, c, e)."""

from __future__ import annotations

from datetime import date
from typing import Literal, get_args

from pydantic import Field

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
        default=None, description="Sterke kanten en talenten: waar de leerling goed in is"
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


class Doorstroomtoets(DossierModel):
    """Result of the doorstroomtoets per domain, or the reason for ontheffing."""

    naam: str | None = None
    datum: date | None = None
    uitslagen: list[DomeinUitslag] = Field(default_factory=list)
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
    """A school the pupil attended before (schoolloopbaan, whitelist group b)."""

    naam: Tekst
    plaats: str | None = None
    van: date | None = None
    tot: date | None = None
    reden: str | None = Field(
        default=None, description="Reden van de overstap naar een volgende school"
    )


class Doublure(DossierModel):
    """A year repeated or skipped (schoolloopbaan)."""

    soort: Literal["doublure", "versnelling"]
    groep_of_leerjaar: Tekst = Field(description="Bijvoorbeeld 'groep 3' of 'leerjaar 2'")
    schooljaar: str | None = Field(
        default=None, pattern=r"^20\d\d-20\d\d$", description="Bijv. 2022-2023"
    )
    reden: str | None = None
