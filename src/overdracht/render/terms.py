"""The words of the documents, by transition and age: kind, leerling or student.

The words themselves are checklist data (``instellingen:`` ``persoon``, ``document``,
``vertrekkend``, ``volwassen_vanaf`` in ``basis.yaml``, changed by ``voorschool-po.yaml`` and
the MBO checklists, and by a regional overlay); this module only combines them with the age
of the person on the peildatum. No builder asks which transition it renders.
"""

from __future__ import annotations

from dataclasses import dataclass

from overdracht.checklists.context import Instellingen


@dataclass(frozen=True)
class Termen:
    """Words for one document set: ``persoon`` is 'kind', 'leerling' or 'student'."""

    persoon: str
    document: str  # 'Onderwijskundig rapport', 'Overdrachtsformulier'
    vertrekkend: str  # 'vertrekkende school', 'voorschool'
    volwassen: bool  # an adult: no gender line; the reaction is theirs alone
    leerling_reageert: bool  # old enough to be heard beside the parents

    @classmethod
    def voor(cls, instellingen: Instellingen, leeftijd: int) -> Termen:
        return cls(
            persoon=instellingen.persoon,
            document=instellingen.document,
            vertrekkend=instellingen.vertrekkend,
            volwassen=leeftijd >= instellingen.volwassen_vanaf,
            leerling_reageert=leeftijd >= instellingen.toestemming_leerling_mee_vanaf,
        )

    @property
    def persoon_kop(self) -> str:
        """ "Kind", "Leerling", "Student": the word at the start of a label."""
        return self.persoon.capitalize()

    @property
    def vertrekkend_kop(self) -> str:
        return self.vertrekkend[:1].upper() + self.vertrekkend[1:]

    @property
    def van_de_persoon(self) -> str:
        """'van het kind', 'van de leerling', 'van de student'."""
        return f"van {'het' if self.persoon == 'kind' else 'de'} {self.persoon}"

    @property
    def nummer(self) -> str:
        """The label of the school's own number for the person."""
        return "Studentnummer" if self.persoon == "student" else "Leerlingnummer"

    @property
    def dit_persoon(self) -> str:
        """'dit kind', 'deze leerling', 'deze student'."""
        return f"{'dit' if self.persoon == 'kind' else 'deze'} {self.persoon}"

    @property
    def volgende(self) -> str:
        """'volgende kinderen', 'volgende leerlingen', 'volgende studenten'."""
        plural = {"kind": "kinderen", "leerling": "leerlingen", "student": "studenten"}
        return f"volgende {plural.get(self.persoon, self.persoon)}"

    @property
    def reagerenden(self) -> str:
        """Who may add their reaction: the parents, the parents and pupil, or the adult alone."""
        if self.volwassen:
            return f"de {self.persoon}"
        if self.leerling_reageert:
            return f"ouders en {self.persoon}"
        return "ouders"

    @property
    def wie_inziet(self) -> str:
        """Who must see the dossier before it goes, with the verb: 'de ouders hebben'."""
        return f"de {self.persoon} heeft" if self.volwassen else "de ouders hebben"

    def gever(self, gever: str) -> str:
        """Who gave consent, in words: 'ouders/verzorgers' or the person's own word."""
        return "ouders/verzorgers" if gever == "ouders" else self.persoon
