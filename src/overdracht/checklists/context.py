"""What a rule sees while it is evaluated, and what it reports back."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from overdracht.model.dossier import Dossier


class Instellingen(BaseModel):
    """Configurable facts (REFERENCE: *configurable*), changeable by a regional overlay."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    toestemming_leerling_mee_vanaf: int = Field(default=12, ge=0, le=18)
    toestemming_leerling_alleen_vanaf: int = Field(default=16, ge=0, le=18)
    inzage_leerling_vanaf: int = Field(default=16, ge=0, le=18)
    # The words of the documents (render/terms.py): what the person is called, the name of
    # the written handover, what the sending side is called; from which age the person is an
    # adult (no gender line, the reaction is theirs alone).
    persoon: Literal["kind", "leerling", "student"] = "leerling"
    document: str = Field(default="Onderwijskundig rapport", min_length=1)
    vertrekkend: str = Field(default="vertrekkende school", min_length=1)
    volwassen_vanaf: int = Field(default=18, ge=12, le=21)


@dataclass(frozen=True)
class Problem:
    """One thing a rule finds missing or wrong."""

    path: str
    message: str
    due: date | None = None


@dataclass
class Context:
    dossier: Dossier
    peildatum: date
    instellingen: Instellingen
    van: str | None = None  # the sector the pupil leaves (the checklist's 'van:')
    data: dict[str, Any] = field(init=False)

    def __post_init__(self) -> None:
        self.data = self.dossier.model_dump(mode="python")

    @property
    def pupil_word(self) -> str:
        """'kind', 'leerling' or 'student': the checklist's ``persoon`` setting."""
        return self.instellingen.persoon

    @property
    def leeftijd(self) -> int:
        return self.dossier.leeftijd_op(self.peildatum)
