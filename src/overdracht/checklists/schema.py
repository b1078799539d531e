"""Pydantic models of checklist and overlay files (``checklists/*.yaml``)."""

from __future__ import annotations

from functools import cache
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

from overdracht.checklists.domain_rules import (
    Deskundigenadviezen,
    Doorstroomtoets,
    InzageRule,
    SchooladviesRule,
    TlvRule,
    ToestemmingRule,
)
from overdracht.checklists.route_rules import (
    Ondersteuningsroute,
    ProCriteria,
    Toetsperiode,
    WarmeOverdrachtRule,
)
from overdracht.checklists.rules import (
    Aantal,
    Aanwezig,
    DatumNa,
    DatumRecent,
    DatumUiterlijk,
    EenVan,
    WaardeIn,
)
from overdracht.checklists.tlv_rules import Procesregie, Termijn, TweedeAdvies
from overdracht.model.people import SchoolSoort

Rule = Annotated[
    Aanwezig
    | EenVan
    | WaardeIn
    | DatumNa
    | DatumRecent
    | DatumUiterlijk
    | Aantal
    | Deskundigenadviezen
    | ToestemmingRule
    | InzageRule
    | TlvRule
    | SchooladviesRule
    | Doorstroomtoets
    | WarmeOverdrachtRule
    | ProCriteria
    | Ondersteuningsroute
    | Toetsperiode
    | Procesregie
    | Termijn
    | TweedeAdvies,
    Field(discriminator="soort"),
]


@cache
def rule_adapter() -> TypeAdapter[Rule]:
    """Validator for one rule (an overlay's ``aanpassen:``); built on first use, not at import."""
    return TypeAdapter(Rule)


RULE_KINDS: dict[str, str] = {
    "aanwezig": "een veld is ingevuld (pad)",
    "een_van": "minstens één van de velden is ingevuld (paden)",
    "waarde_in": "een veld heeft een van de toegestane waarden (pad, toegestaan)",
    "datum_na": "een datum ligt na een andere datum (pad, na, gelijk_mag)",
    "datum_recent": "de laatste datum is niet ouder dan max_maanden (pad, max_maanden)",
    "datum_uiterlijk": "een datum ligt uiterlijk op een jaarlijkse datum (pad, uiterlijk MM-DD)",
    "aantal": "een lijst heeft minstens zoveel items (pad, minimaal)",
    "deskundigenadviezen": "aantal adviezen, discipline van het eerste, maximale ouderdom",
    "toestemming": "toestemming per categorie naar leeftijd (categorie, gegevens)",
    "inzage": "ouders (en leerling vanaf 16) hebben ingezien vóór verzending",
    "tlv": "TLV van de juiste soort met de velden die bij die soort horen (soorten)",
    "schooladvies": "definitief schooladvies op tijd; heroverweging met datum (uiterlijk)",
    "doorstroomtoets": "uitslag per domein of ontheffing met reden",
    "warme_overdracht": "warme overdracht met datum, deelnemers en afspraken",
    "pro_criteria": "landelijke criteria praktijkonderwijs of gemotiveerde uitzondering",
    "ondersteuningsroute": "fasen van de route met datum, in volgorde; plan van aanpak",
    "toetsperiode": "alleen toetsresultaten van dit en de vorige schooljaren",
    "procesregie": "wie de procesregie hoort te hebben volgens leervraag en leefvraag (matrix)",
    "termijn": "een termijn (datum + na_maanden) is niet verstreken of dichtbij "
    "(pad, waarschuwen_maanden)",
    "tweede_advies": "twee afzonderlijke deskundigen; discipline van het tweede advies",
}


class InstellingenBestand(BaseModel):
    """Partial settings as written in a file; merged over the defaults."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    toestemming_leerling_mee_vanaf: int | None = Field(default=None, ge=0, le=18)
    toestemming_leerling_alleen_vanaf: int | None = Field(default=None, ge=0, le=18)
    inzage_leerling_vanaf: int | None = Field(default=None, ge=0, le=18)
    persoon: Literal["kind", "leerling", "student"] | None = None
    document: str | None = Field(default=None, min_length=1)
    vertrekkend: str | None = Field(default=None, min_length=1)
    volwassen_vanaf: int | None = Field(default=None, ge=12, le=21)


class ChecklistFile(BaseModel):
    """One checklist or overlay file as written by a person."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    id: str | None = Field(default=None, pattern=r"^[a-z][a-z0-9-]*$")
    titel: str | None = None
    extends: str | list[str] | None = None
    abstract: bool = False
    van: SchoolSoort | None = None  # the sector the pupil leaves
    naar: SchoolSoort | None = None  # the sector the pupil goes to
    oso_overstaptype: str | None = None
    instellingen: InstellingenBestand | None = None
    regels: list[Rule] = Field(default_factory=list)
    aanpassen: dict[str, dict[str, Any]] = Field(default_factory=dict)
    uitschakelen: list[str] = Field(default_factory=list)

    @property
    def bases(self) -> list[str]:
        if self.extends is None:
            return []
        return [self.extends] if isinstance(self.extends, str) else list(self.extends)
