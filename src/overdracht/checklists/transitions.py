"""What each transition is, read from the checklists: its sectors and whether a TLV goes with it.

The checklists are the only place that says this (``van:``, ``naar:``, and the transitions
``aanvraag/tlv-aanvraag.yaml`` extends); nothing here repeats a list of transitions. Every
answer is cached, and nothing is read at import, so ``overdracht check`` starts as fast as
before and the web app can ask thousands of times a day.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import get_args

from overdracht.checklists.loader import (
    checklist_dir,
    list_checklists,
    load_checklist,
    overlay_bases,
)
from overdracht.errors import ChecklistError
from overdracht.model.people import SchoolSoort

# The school career's order (voorschool, bao, sbo, ..., hbo): transitions are listed by it.
_CAREER: tuple[str, ...] = get_args(SchoolSoort)


@dataclass(frozen=True)
class Transition:
    """One transition checklist, as the rest of the program needs to know it."""

    id: str
    titel: str
    van: str  # the sending school's soort ('voorschool', 'bao', 'vo', 'mbo')
    naar: str  # the receiving school's soort
    tlv: bool  # a TLV aanvraag is checked for it (tlv-aanvraag.yaml extends it)
    kinds: frozenset[str]  # the kinds of rule its checklist checks ('schooladvies', 'tlv', ...)


def tlv_checklist_path() -> Path:
    """The bundled checklist with the TLV requirements, applied on top of the transition."""
    return checklist_dir() / "aanvraag" / "tlv-aanvraag.yaml"


@cache
def tlv_transitions() -> tuple[str, ...]:
    """The transitions of a TLV aanvraag, in the order ``tlv-aanvraag.yaml`` names them."""
    return tuple(overlay_bases(tlv_checklist_path()))


@cache
def transitions() -> dict[str, Transition]:
    """Every bundled transition, in school-career order of the sending and receiving sector."""
    tlv = set(tlv_transitions())
    found: list[Transition] = []
    for checklist_id, titel in list_checklists():
        checklist = load_checklist(checklist_id)
        if checklist.van is None or checklist.naar is None:
            raise ChecklistError(
                f"{checklist_dir() / checklist_id}.yaml: een overgang zegt met 'van:' en "
                "'naar:' welke soort school de leerling verlaat en welke hem ontvangt"
            )
        kinds = frozenset(rule.soort for rule in checklist.regels)
        found.append(
            Transition(
                checklist_id, titel, checklist.van, checklist.naar, checklist_id in tlv, kinds
            )
        )
    found.sort(key=lambda t: (_CAREER.index(t.van), _CAREER.index(t.naar)))
    return {t.id: t for t in found}


def transition(transition_id: str) -> Transition | None:
    """The bundled transition ``transition_id``, or None if there is no such checklist."""
    return transitions().get(transition_id)
