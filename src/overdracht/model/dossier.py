"""The dossier: everything the old school hands over for one pupil and one transition."""

from __future__ import annotations

from datetime import date

from pydantic import Field

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
    toestemmingen: list[Toestemming] = Field(default_factory=list)
    inzage: Inzage | None = None
    zienswijze_aanvraag: str | None = Field(
        default=None, description="Zienswijze van ouders op de TLV-aanvraag"
    )
    warme_overdracht: WarmeOverdracht | None = None
    ondersteuningsroute: list[RouteFase] = Field(default_factory=list)
    bijlagen: list[Bijlage] = Field(default_factory=list)
    kennismaking: Afspraak | None = None
    terugkoppeling: Afspraak | None = None

    def leeftijd_op(self, peildatum: date) -> int:
        """Age of the pupil in whole years on ``peildatum``."""
        born = self.leerling.geboortedatum
        years = peildatum.year - born.year
        if (peildatum.month, peildatum.day) < (born.month, born.day):
            years -= 1
        return years
