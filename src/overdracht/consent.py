"""What parents and the pupil chose, written into the dossier; nobody else can change it.

The people asked and their answers come from wherever they are kept (the web app keeps them
in its database); :func:`derive_answers` turns them into the dossier's own terms, and
:func:`apply_answers` puts them into a dossier, overruling whatever else the dossier says about
the same choices::

    from overdracht.consent import Answer, Person, Request, apply_answers, derive_answers
    moeder = Person("ouders", 1, "moeder", decides=True)
    derived = derive_answers([Request(moeder, 3)], [Answer(moeder, 3, date(2026, 5, 1), ...)])
    dossier = apply_answers(dossier, derived)

Rules (what a careful school and its privacy officer expect):

- The latest round counts: the answers about the highest dossier version anyone answered for.
- A group ("ouders", "leerling") agrees to a category only when every person of the group who
  decides answered yes; one "no" keeps it out. A bijlage travels only when everyone who decides
  said yes to it.
- Answers name a bijlage by its stable id, so a new title or another order changes nothing.
- The inzage is combined per person: once everyone asked has answered, the zienswijze is each
  person's own; until then the dossier says who has not yet answered.
- Consent or an inzage that did not come from these answers is "door de school ingevoerd"
  (``herkomst: school``): kept so the school sees what it typed, but it does not count as consent
  or inzage. A refusal typed by the school is respected (the data stays out). A bijlage nobody
  answered for does not travel.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Literal

from overdracht.model.dossier import Dossier
from overdracht.model.handover import Inzage, Reactie, Toestemming

GROUPS = ("ouders", "leerling")
Source = Literal["inzagepagina", "papier"]
SCHOOL = "school"


@dataclass(frozen=True)
class Person:
    """Someone asked: a parent with gezag (``nummer`` is their place in ``ouders``) or the pupil."""

    giver: str  # "ouders" or "leerling"
    nummer: int | None
    rol: str  # "moeder", "vader", "ouder", ..., "leerling": no names
    decides: bool = True  # the law gives this person a say on consent at this age

    @property
    def key(self) -> tuple[str, int | None]:
        return (self.giver, self.nummer)


@dataclass(frozen=True)
class Request:
    """One person asked to look at one version (withdrawn: the link was taken back)."""

    person: Person
    version: int
    withdrawn: bool = False


@dataclass(frozen=True)
class Answer:
    """What one person submitted about one version."""

    person: Person
    version: int
    day: date
    toestemmingen: Mapping[str, bool] = field(default_factory=dict)
    bijlagen: Mapping[str, bool] = field(default_factory=dict)  # bijlage id -> meesturen
    zienswijze: Literal["eens", "oneens"] = "eens"
    toelichting: str = ""
    vingerafdruk: str | None = None
    source: Source = "inzagepagina"
    at: datetime | None = None  # when, to order answers of the same day


@dataclass
class Derived:
    """What the latest round of answers says, in the dossier's own terms."""

    version: int
    categorieen: set[str] = field(default_factory=set)  # the categories that were answered
    toestemmingen: list[Toestemming] = field(default_factory=list)
    bijlagen: dict[str, bool] = field(default_factory=dict)  # bijlage id -> meesturen
    inzage: Inzage | None = None


def derive_answers(requests: Sequence[Request], answers: Sequence[Answer]) -> Derived | None:
    """The latest round of ``answers`` as consent, bijlagen and inzage; None without answers.

    ``answers`` in the order they were given: a later answer of the same person replaces theirs.
    """
    if not answers:
        return None
    version = max(a.version for a in answers)
    latest: dict[tuple[str, int | None], Answer] = {}
    for answer in answers:
        if answer.version == version:
            latest[answer.person.key] = answer
    asked: dict[tuple[str, int | None], Person] = {}
    for request in requests:
        key = request.person.key
        if request.version == version and (not request.withdrawn or key in latest):
            asked[key] = request.person
    for key, answer in latest.items():
        asked.setdefault(key, answer.person)
    members = {g: [p for p in asked.values() if p.giver == g] for g in GROUPS}
    deciders = {g: [p for p in members[g] if p.decides] for g in GROUPS}
    labels = _labels(list(asked.values()))

    def agreeing(yes: Any) -> list[str]:
        return [
            g
            for g in GROUPS
            if deciders[g] and all(p.key in latest and yes(latest[p.key]) for p in deciders[g])
        ]

    def refusing(no: Any) -> list[str]:
        return [
            g for g in GROUPS if any(p.key in latest and no(latest[p.key]) for p in deciders[g])
        ]

    def day(groups: list[str]) -> date:
        return max(latest[p.key].day for g in groups for p in members[g] if p.key in latest)

    derived = Derived(version)
    for answer in latest.values():
        if answer.person.decides:
            derived.categorieen.update(answer.toestemmingen)
    for categorie in sorted(derived.categorieen):
        refused = refusing(lambda a, c=categorie: a.toestemmingen.get(c) is False)
        groups = refused or agreeing(lambda a, c=categorie: a.toestemmingen.get(c) is True)
        if groups:
            word = "Geweigerd" if refused else "Gegeven"
            sources = {latest[p.key].source for g in groups for p in deciders[g] if p.key in latest}
            source: Source = "papier" if "papier" in sources else "inzagepagina"
            where = "op een ondertekend formulier" if source == "papier" else "via de inzagepagina"
            derived.toestemmingen.append(
                Toestemming.model_validate(
                    {
                        "categorie": categorie,
                        "gegeven_door": groups,
                        "datum": day(groups),
                        "schriftelijk": True,
                        "geweigerd": bool(refused),
                        "toelichting": f"{word} {where} (versie {version})",
                        "herkomst": source,
                    }
                )
            )
    # A bijlage travels only when everyone who decides said yes to it.
    everyone = [p for g in GROUPS for p in deciders[g]]
    ids = {i for a in latest.values() if a.person.decides for i in a.bijlagen}
    for bijlage_id in sorted(ids):
        derived.bijlagen[bijlage_id] = bool(everyone) and all(
            p.key in latest and latest[p.key].bijlagen.get(bijlage_id) is True for p in everyone
        )
    derived.inzage = _inzage(version, asked, latest, labels)
    return derived


def _inzage(
    version: int,
    asked: Mapping[tuple[str, int | None], Person],
    latest: Mapping[tuple[str, int | None], Answer],
    labels: Mapping[tuple[str, int | None], str],
) -> Inzage:
    people = sorted(asked.values(), key=_order)
    answered = [latest[p.key] for p in people if p.key in latest]
    waiting = [labels[p.key] for p in people if p.key not in latest]
    complete = [
        g
        for g in GROUPS
        if any(p.giver == g for p in people)
        and all(p.key in latest for p in people if p.giver == g)
    ]
    zienswijze: str | None = None
    if not waiting:
        zienswijze = "oneens" if any(a.zienswijze == "oneens" for a in answered) else "eens"
    sources = {a.source for a in answered}
    fingerprints = [a.vingerafdruk for a in answered if a.vingerafdruk]
    return Inzage.model_validate(
        {
            "datum": max(a.day for a in answered),
            "door": complete,
            "zienswijze": zienswijze,
            "versie": version,
            "vingerafdruk": fingerprints[0] if fingerprints else None,
            "reacties": [
                Reactie(
                    wie=labels[a.person.key],
                    gever=a.person.giver,
                    zienswijze=a.zienswijze,
                    toelichting=a.toelichting.strip() or None,
                    datum=a.day,
                    herkomst=a.source,
                )
                for a in answered
            ],
            "wacht_op": waiting,
            "herkomst": "papier" if "papier" in sources else "inzagepagina",
        }
    )


def _order(person: Person) -> tuple[int, int]:
    return (GROUPS.index(person.giver) if person.giver in GROUPS else 9, person.nummer or 0)


def _labels(people: Sequence[Person]) -> dict[tuple[str, int | None], str]:
    """'Moeder', 'Vader', 'Leerling'; 'Ouder 1 (moeder)' when two share a role."""
    roles = [p.rol.strip().lower() or "ouder" for p in people]
    out: dict[tuple[str, int | None], str] = {}
    for person, rol in zip(people, roles, strict=True):
        if roles.count(rol) > 1 and person.nummer is not None:
            out[person.key] = f"Ouder {person.nummer} ({rol})"
        else:
            out[person.key] = rol.capitalize()
    return out


def apply_answers(doc: Dossier, derived: Derived | None) -> Dossier:
    """``doc`` with what parents and the pupil chose put back; nothing else counts as theirs.

    Consent and inzage that ``derived`` does not give are marked as entered by the school
    (``herkomst: school``); bijlagen nobody answered for stay behind (``meesturen: false``).
    """
    data = doc.model_dump(mode="python")
    answered: set[str] = derived.categorieen if derived is not None else set()
    toestemmingen = [
        {**t, "herkomst": SCHOOL} for t in data["toestemmingen"] if t["categorie"] not in answered
    ]
    if derived is not None:
        toestemmingen += [t.model_dump(mode="python") for t in derived.toestemmingen]
    data["toestemmingen"] = toestemmingen
    chosen = derived.bijlagen if derived is not None else {}
    for bijlage in data["bijlagen"]:
        bijlage["meesturen"] = chosen.get(bijlage["id"], False)
    if derived is not None and derived.inzage is not None:
        heard = (data["inzage"] or {}).get("leerling_gehoord")  # the school heard the pupil
        data["inzage"] = {**derived.inzage.model_dump(mode="python"), "leerling_gehoord": heard}
    elif data["inzage"] is not None:
        data["inzage"] = {**data["inzage"], "herkomst": SCHOOL, "reacties": [], "wacht_op": []}
    return Dossier.model_validate(data)


def counts(herkomst: str | None) -> bool:
    """Whether consent or an inzage with this provenance counts for the checklist.

    The school may record on paper what a person signed (``papier``); what it typed itself
    does not count. None is a dossier file from outside the web app (the command line), where
    the school keeps the signed forms itself.
    """
    return herkomst != SCHOOL
