"""Consent, inzage, warm handover, ondersteuningsroute and attachments."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import Field, JsonValue

from overdracht.model.base import DossierModel, Tekst

Categorie = Literal[
    "jeugdhulp",
    "medisch",
    "mdo",
    "psychosociaal",
    "ondersteuningsbehoeften",
    "jgz",
    "overdracht",
]
Gever = Literal["ouders", "leerling"]
Herkomst = Literal["inzagepagina", "papier", "school"]

# Bookkeeping the web app writes itself; the dossier form does not show it.
NOT_IN_FORM: dict[str, JsonValue] = {"formulier": False}
HERKOMST_UITLEG = (
    "Wie dit vastlegde: 'inzagepagina' (de ouder of leerling zelf, via de inzagepagina), "
    "'papier' (een ondertekend formulier, door de school ingelezen en gelogd) of 'school' "
    "(door de school ingevoerd: telt niet als toestemming of inzage). Leeg: niet vastgelegd "
    "(een dossierbestand buiten de webapp)"
)


class Toestemming(DossierModel):
    """Explicit consent for one category of data beyond the whitelist."""

    categorie: Categorie
    gegeven_door: list[Gever] = Field(min_length=1)
    datum: date
    schriftelijk: bool = True
    toelichting: str | None = None
    geweigerd: bool = Field(
        default=False,
        description="Geweigerd door wie bij 'gegeven_door' staat: de gegevens gaan niet mee en "
        "de checklist telt het als een genomen besluit",
    )
    herkomst: Herkomst | None = Field(
        default=None, description=HERKOMST_UITLEG, json_schema_extra=NOT_IN_FORM
    )


class Reactie(DossierModel):
    """One person's own answer on the dossier: their zienswijze, in their words."""

    wie: Tekst = Field(description="Moeder, Vader, Leerling, ...: de rol, geen naam")
    gever: Gever
    zienswijze: Literal["eens", "oneens"]
    toelichting: str | None = None
    datum: date
    herkomst: Literal["inzagepagina", "papier"] = "inzagepagina"


class Inzage(DossierModel):
    """Parents (and pupil) saw the dossier before it is sent."""

    datum: date
    door: list[Gever] = Field(
        default_factory=lambda: list[Gever](["ouders"]),
        description="De groepen van wie iedereen die het moest zien, heeft gereageerd",
    )
    zienswijze: Literal["eens", "oneens", "geen reactie"] | None = None
    toelichting: str | None = None
    leerling_gehoord: date | None = None
    versie: int | None = Field(
        default=None,
        ge=1,
        description="De versie van het dossier die is ingezien (webapp)",
        json_schema_extra=NOT_IN_FORM,
    )
    vingerafdruk: str | None = Field(
        default=None,
        pattern="^[0-9a-f]{64}$",
        description="SHA-256 van de ingeziene inhoud; verandert het dossier daarna, dan geldt "
        "de inzage een oudere versie",
        json_schema_extra=NOT_IN_FORM,
    )
    reacties: list[Reactie] = Field(
        default_factory=list,
        description="Ieders eigen zienswijze (webapp)",
        json_schema_extra=NOT_IN_FORM,
    )
    wacht_op: list[Tekst] = Field(
        default_factory=list,
        description="Wie nog niet heeft gereageerd (webapp)",
        json_schema_extra=NOT_IN_FORM,
    )
    herkomst: Herkomst | None = Field(
        default=None, description=HERKOMST_UITLEG, json_schema_extra=NOT_IN_FORM
    )


class WarmeOverdracht(DossierModel):
    status: Literal["gepland", "gehouden"]
    datum: date | None = None
    vorm: Literal["gesprek", "telefonisch", "online"] | None = None
    deelnemers: list[Tekst] = Field(default_factory=list)
    afspraken: list[Tekst] = Field(default_factory=list)


class PlanVanAanpak(DossierModel):
    doelen: list[Tekst] = Field(default_factory=list)
    acties: list[Tekst] = Field(default_factory=list)
    verantwoordelijken: list[Tekst] = Field(default_factory=list)
    regie: str | None = None
    evaluatiedatum: date | None = None


Fasenaam = Literal[
    "signaleren", "consultatie", "leerlingbespreking", "mdo", "arrangeren", "evalueren"
]


class RouteFase(DossierModel):
    fase: Fasenaam
    datum: date
    toelichting: str | None = None
    plan_van_aanpak: PlanVanAanpak | None = None


class Bijlage(DossierModel):
    id: str | None = Field(
        default=None,
        pattern=r"^[A-Za-z0-9_-]{1,40}$",
        description="Vast kenmerk van de bijlage: blijft gelijk bij een nieuwe titel of volgorde, "
        "zodat het antwoord van ouders bij deze bijlage blijft (leeg: wordt gemaakt)",
        json_schema_extra={"formulier": "verborgen"},
    )
    titel: Tekst
    soort: str | None = None
    categorie: Literal["medisch", "jeugdhulp", "onderzoek", "overig"] = "overig"
    datum: date | None = None
    meesturen: bool = Field(
        default=False,
        description="Ouders gaven toestemming om deze bijlage mee te sturen",
        json_schema_extra={"formulier": "verborgen"},  # in the web app only parents choose
    )


class Afspraak(DossierModel):
    """A dated event such as kennismaking or terugkoppeling."""

    datum: date | None = None
    toelichting: str | None = None
