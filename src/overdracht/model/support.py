"""Support: ondersteuning, jeugdhulp, OPP, deskundigenadviezen and TLV (whitelist group d)."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import Field

from overdracht.model.base import DossierModel, Tekst

Discipline = Literal[
    "orthopedagoog",
    "psycholoog",
    "kinder- en jeugdpsycholoog",
    "gz-psycholoog",
    "pedagoog",
    "kinderpsychiater",
    "maatschappelijk werker",
    "arts",
    "jeugdarts",
    "anders",
]
TlvSoort = Literal["sbo", "so", "vso", "pro"]
Bekostigingscategorie = Literal["laag", "midden", "hoog", "n.v.t."]


class Jeugdhulp(DossierModel):
    """Jeugdhulp involved with the pupil or family (needs consent to travel)."""

    loopt: bool = True
    aanbieder: str | None = None
    soort: str | None = None
    sinds: date | None = None
    contactpersoon: str | None = None
    continuering: str | None = Field(
        default=None, description="Afspraak over voortzetting of overdracht van de hulp"
    )


class Verklaring(DossierModel):
    """A dyslexie- or dyscalculieverklaring: who diagnosed it, when, and what it allows.

    A diagnosis is begeleiding (whitelist group d): it travels without consent, except where
    a checklist puts it under consent (MBO to HBO: functiebeperking).
    """

    datum: date | None = Field(default=None, description="Datum van de verklaring")
    afgegeven_door: str | None = Field(
        default=None, description="Instelling of deskundige, bijvoorbeeld een orthopedagoog"
    )
    toelichting: str | None = Field(
        default=None, description="Wat de verklaring inhoudt en welke faciliteiten helpen"
    )


class Lichamelijk(DossierModel):
    """Sight, hearing and motor skills: medical information, it travels only with consent
    (the checklist's toestemming rule for 'medisch' names this part)."""

    zicht: str | None = Field(default=None, description="Bijvoorbeeld bril, slechtziendheid")
    gehoor: str | None = Field(default=None, description="Bijvoorbeeld gehoorapparaat, buisjes")
    motoriek: str | None = Field(
        default=None, description="Medische bijzonderheden, bijvoorbeeld fysiotherapie"
    )


class Regie(DossierModel):
    rol: Literal["school", "casemanager"]
    naam: str | None = None


class Ondersteuning(DossierModel):
    """Support given at the old school."""

    extra_ondersteuning: bool = False
    geboden_ondersteuning: list[Tekst] = Field(default_factory=list)
    handelingsadviezen: list[Tekst] = Field(default_factory=list)
    belemmeringen: list[Tekst] = Field(default_factory=list)
    diagnoses: list[Tekst] = Field(default_factory=list)
    dyslexieverklaring: Verklaring | None = None
    dyscalculieverklaring: Verklaring | None = None
    medisch: str | None = Field(default=None, description="Medische informatie (toestemming nodig)")
    lichamelijk: Lichamelijk | None = Field(
        default=None,
        title="Zicht, gehoor en motoriek",
        description="Medische informatie: gaat alleen mee met toestemming",
    )
    jeugdhulp: Jeugdhulp | None = None
    jgz: str | None = Field(default=None, description="Informatie van JGZ/CJG (toestemming nodig)")
    lwoo_aanwijzing: str | None = Field(default=None, description="Aanwijzing LWOO van het SWV VO")
    oza: str | None = Field(default=None, description="Onderwijs-zorgarrangement, indien nodig")
    leervraag: Literal["enkelvoudig", "complex"] | None = None
    leefvraag: Literal["enkelvoudig", "complex"] | None = None
    regie: Regie | None = None
    extra_begeleiding_overgang: str | None = None
    ondersteuningsafspraken: str | None = Field(
        default=None, description="MBO: bijlage bij de onderwijsovereenkomst"
    )


class OppEvaluatie(DossierModel):
    datum: date
    bevindingen: str | None = None


class Instemming(DossierModel):
    datum: date
    akkoord: bool = True
    toelichting: str | None = None


class Handelingsdeel(DossierModel):
    doelen: list[Tekst] = Field(default_factory=list)
    aanpak: str | None = None
    evaluatiemomenten: list[date] = Field(default_factory=list)


class Onderbouwing(DossierModel):
    bevorderend: list[Tekst] = Field(default_factory=list)
    belemmerend: list[Tekst] = Field(default_factory=list)


class Opp(DossierModel):
    """Ontwikkelingsperspectiefplan."""

    opgesteld_op: date | None = None
    uitstroomperspectief: str | None = None
    onderbouwing: Onderbouwing | None = None
    handelingsdeel: Handelingsdeel | None = None
    evaluaties: list[OppEvaluatie] = Field(default_factory=list)
    instemming_ouders: Instemming | None = None
    leerling_gehoord: date | None = None
    jeugdhulp_genoemd: str | None = Field(
        default=None, description="Welke jeugdhulp betrokken is (één kind, één plan)"
    )


class Deskundigenadvies(DossierModel):
    deskundige: Tekst
    discipline: Discipline
    datum: date
    advies: Tekst
    conclusie: Literal["positief", "negatief"] | None = Field(
        default=None, description="Adviseert de deskundige de TLV toe te kennen?"
    )


class Tlv(DossierModel):
    """Toelaatbaarheidsverklaring (or the aanvraag for one); the order of its dates: checklist."""

    swv: Tekst
    swv_nummer: str | None = Field(default=None, pattern=r"^(PO|VO)\s?\d{2}-?\d{1,2}$")
    soort: TlvSoort
    status: Literal["aangevraagd", "afgegeven"] = "afgegeven"
    beschikkingsnummer: str | None = None
    bekostigingscategorie: Bekostigingscategorie | None = None
    aangevraagd_op: date | None = None
    ingangsdatum: date | None = None
    einddatum: date | None = None
