"""The dossier: everything the old school hands over for one pupil and one transition."""

from __future__ import annotations

import hashlib
from datetime import date

from pydantic import Field, model_validator

from overdracht.model.base import DossierModel
from overdracht.model.handover import (
    Afspraak,
    Bijlage,
    Inzage,
    RouteFase,
    Toestemming,
    WarmeOverdracht,
)
from overdracht.model.learning import (
    Doorstroomtoets,
    Doublure,
    EerdereSchool,
    Intelligentieonderzoek,
    Leerachterstand,
    Ontwikkeling,
    Opleiding,
    Resultaat,
    Schooladvies,
    Toets,
    Verzuim,
)
from overdracht.model.people import Leerling, Ouder, Overgang, School
from overdracht.model.support import Deskundigenadvies, Ondersteuning, Opp, Tlv


class Dossier(DossierModel):
    """A pupil's handover dossier. Keys are the Dutch domain words."""

    leerling: Leerling
    ouders: list[Ouder] = Field(default_factory=list)
    vertrekkende_school: School
    ontvangende_school: School
    overgang: Overgang
    ontwikkeling: Ontwikkeling | None = None
    eerdere_scholen: list[EerdereSchool] = Field(
        default_factory=list,
        description="Schoolloopbaan: de scholen vóór de huidige school, oudste eerst",
    )
    doublures: list[Doublure] = Field(
        default_factory=list,
        title="Doublures en versnellingen",
        description="Schoolloopbaan: een jaar overgedaan of overgeslagen",
    )
    toetsen: list[Toets] = Field(default_factory=list)
    schooladvies: Schooladvies | None = None
    doorstroomtoets: Doorstroomtoets | None = None
    intelligentieonderzoek: Intelligentieonderzoek | None = None
    leerachterstanden: list[Leerachterstand] = Field(default_factory=list)
    pro_uitzondering: str | None = Field(
        default=None, description="Gemotiveerde uitzondering op de landelijke PrO-criteria"
    )
    verzuim: Verzuim | None = None
    opleidingen: list[Opleiding] = Field(default_factory=list)
    resultaten: list[Resultaat] = Field(default_factory=list)
    ondersteuning: Ondersteuning = Field(default_factory=Ondersteuning)
    opp: Opp | None = None
    deskundigenadviezen: list[Deskundigenadvies] = Field(default_factory=list)
    tlv: Tlv | None = None
    toestemmingen: list[Toestemming] = Field(
        default_factory=list,
        description="In de webapp geven ouders en leerling toestemming zelf (Inzage vragen, of "
        "hun ondertekende inzageformulier); wat de school hier invult, telt niet als toestemming "
        "(een weigering wel)",
    )
    inzage: Inzage | None = Field(
        default=None,
        description="In de webapp leggen ouders en leerling de inzage zelf vast (Inzage vragen, "
        "of hun ondertekende inzageformulier); een datum die de school hier invult, telt niet "
        "als inzage",
    )
    zienswijze_aanvraag: str | None = Field(
        default=None, description="Zienswijze van ouders op de TLV-aanvraag"
    )
    warme_overdracht: WarmeOverdracht | None = None
    ondersteuningsroute: list[RouteFase] = Field(default_factory=list)
    bijlagen: list[Bijlage] = Field(
        default_factory=list,
        description="Of een bijlage meegaat, kiezen ouders en leerling zelf (Inzage vragen)",
    )
    kennismaking: Afspraak | None = None
    terugkoppeling: Afspraak | None = None

    @model_validator(mode="after")
    def _bijlage_ids(self) -> Dossier:
        """Every bijlage gets a stable id; one without (an older file) gets one from its place
        and title, the same on every load, and keeps it from then on."""
        seen: set[str] = set()
        for bijlage in self.bijlagen:
            if bijlage.id is not None:
                if bijlage.id in seen:
                    raise ValueError(
                        f"twee bijlagen hebben hetzelfde id '{bijlage.id}'; "
                        "laat het id van de kopie leeg"
                    )
                seen.add(bijlage.id)
        for index, bijlage in enumerate(self.bijlagen):
            if bijlage.id is None:
                bijlage.id = _new_id(f"{index}:{bijlage.titel}", seen)
                seen.add(bijlage.id)
        return self

    def leeftijd_op(self, peildatum: date) -> int:
        """Age of the pupil in whole years on ``peildatum``."""
        born = self.leerling.geboortedatum
        years = peildatum.year - born.year
        if (peildatum.month, peildatum.day) < (born.month, born.day):
            years -= 1
        return years


def _new_id(seed: str, taken: set[str]) -> str:
    for attempt in range(1000):
        candidate = "b" + hashlib.sha256(f"{attempt}:{seed}".encode()).hexdigest()[:11]
        if candidate not in taken:
            return candidate
    raise ValueError("te veel bijlagen")  # pragma: no cover - 1000 collisions of 44 bits
