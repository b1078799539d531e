"""The pupil, the parents and the schools."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import Field, model_validator

from overdracht.model.base import (
    Brin,
    Bsn,
    DossierModel,
    Email,
    FieldError,
    Onderwijsnummer,
    Postcode,
    Tekst,
    Vestiging,
)

Leerweg = Literal[
    "vmbo-b",
    "vmbo-k",
    "vmbo-gt",
    "havo",
    "vwo",
    "pro",
    "vso",
    "lwoo",
    "mbo-1",
    "mbo-2",
    "mbo-3",
    "mbo-4",
    "hbo",
]
SchoolSoort = Literal["voorschool", "bao", "sbo", "so", "vo", "pro", "vso", "mbo", "hbo"]


class Leerling(DossierModel):
    """The pupil. Only data from the privacy whitelist (administratief) is kept."""

    voornamen: Tekst
    roepnaam: str | None = None
    tussenvoegsel: str | None = None
    achternaam: Tekst
    geboortedatum: date
    geslacht: Literal["m", "v", "x"] | None = None
    bsn: Bsn | None = Field(default=None, description="Burgerservicenummer (elfproef)")
    onderwijsnummer: Onderwijsnummer | None = None
    leerlingnummer: str | None = None
    groep: int | None = Field(default=None, ge=1, le=8, description="Groep in het PO (1-8)")
    leerjaar: int | None = Field(default=None, ge=1, le=6, description="Leerjaar in VO/MBO")
    leerweg: Leerweg | None = None
    lwoo: bool = False
    vve_indicatie: bool = False

    @model_validator(mode="after")
    def _one_identifier(self) -> Leerling:
        if self.bsn is None and self.onderwijsnummer is None:
            raise FieldError("bsn", "vul 'bsn' of 'onderwijsnummer' in: een van beide is nodig")
        return self

    @property
    def volledige_naam(self) -> str:
        first = self.roepnaam or self.voornamen.split()[0]
        return " ".join(p for p in (first, self.tussenvoegsel, self.achternaam) if p)

    @property
    def initialen(self) -> str:
        letters = "".join(f"{part[0]}." for part in self.voornamen.split())
        surname = " ".join(p for p in (self.tussenvoegsel, self.achternaam) if p)
        return f"{letters} {surname[0]}." if surname else letters


class Ouder(DossierModel):
    """A parent or guardian; consent needs those with gezag."""

    naam: Tekst
    relatie: Literal["moeder", "vader", "ouder", "voogd", "pleegouder", "verzorger"] = "ouder"
    gezag: bool = True
    telefoon: str | None = None
    email: Email | None = None
    adres: str | None = None
    postcode: Postcode | None = None
    woonplaats: str | None = None


class School(DossierModel):
    """A sending or receiving school (or voorschoolse voorziening)."""

    naam: Tekst
    brin: Brin | None = None
    vestiging: Vestiging | None = None
    soort: SchoolSoort
    plaats: str | None = None
    contactpersoon: str | None = None
    functie: str | None = None
    telefoon: str | None = None
    email: Email | None = None
    swv: str | None = Field(default=None, description="Samenwerkingsverband van de school")

    @model_validator(mode="after")
    def _brin_for_schools(self) -> School:
        if self.soort != "voorschool" and self.brin is None:
            raise FieldError("brin", "vul de BRIN-code van de school in (4 tekens, bijv. 12AB)")
        return self


class Overgang(DossierModel):
    """The transition this dossier is for."""

    id: Tekst = Field(description="Id van de overgang, bijv. po-vo (zie 'overdracht checklists')")
    schooljaar: str = Field(pattern=r"^20\d\d-20\d\d$", description="Schooljaar, bijv. 2026-2027")
    geplande_startdatum: date
    reden: str | None = None
    aanmelddatum: date | None = None
    peildatum: date | None = Field(
        default=None, description="Datum waarop de controle wordt gedaan (standaard: vandaag)"
    )
