"""Who must be asked, and about what, derived from the checklist's consent and inzage rules.

The age matrix is the library's (:func:`overdracht.checklists.consent.required_givers` with the
checklist's settings): nothing about ages is decided here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Any

from overdracht.checklists import load_checklist
from overdracht.checklists.consent import CATEGORY_LABELS, required_givers
from overdracht.checklists.context import Instellingen
from overdracht.checklists.domain_rules import ToestemmingRule
from overdracht.checklists.paths import present, resolve
from overdracht.model import Dossier as DossierDoc
from overdracht.render.privacy import ATTACHMENT_CATEGORY
from overdracht.web.labels import label_for

# One line per category, for parents: what saying yes means.
EXPLANATIONS: dict[str, str] = {
    "jeugdhulp": "Ja betekent: de nieuwe school leest welke jeugdhulp uw kind krijgt of kreeg.",
    "medisch": "Ja betekent: medische informatie (zoals een diagnose of medicijnen) gaat mee.",
    "mdo": "Ja betekent: wat in de besprekingen met hulpverleners (MDO) is afgesproken gaat mee.",
    "psychosociaal": "Ja betekent: wat de school schreef over hoe uw kind zich voelt en over "
    "de thuissituatie gaat mee.",
    "ondersteuningsbehoeften": "Ja betekent: wat uw kind nodig heeft aan extra hulp gaat mee.",
    "jgz": "Ja betekent: informatie van de jeugdgezondheidszorg (GGD, CJG) gaat mee.",
    "overdracht": "Ja betekent: het dossier mag naar de nieuwe school.",
}
# The same for the pupil, who is addressed as "je".
EXPLANATIONS_JE: dict[str, str] = {
    "jeugdhulp": "Ja betekent: de nieuwe school leest welke jeugdhulp je krijgt of kreeg.",
    "medisch": "Ja betekent: medische informatie (zoals een diagnose of medicijnen) gaat mee.",
    "mdo": "Ja betekent: wat in de besprekingen met hulpverleners (MDO) is afgesproken gaat mee.",
    "psychosociaal": "Ja betekent: wat de school schreef over hoe je je voelt en over je "
    "thuissituatie gaat mee.",
    "ondersteuningsbehoeften": "Ja betekent: wat je nodig hebt aan extra hulp gaat mee.",
    "jgz": "Ja betekent: informatie van de jeugdgezondheidszorg (GGD, CJG) gaat mee.",
    "overdracht": "Ja betekent: je dossier mag naar de nieuwe school.",
}


@dataclass(frozen=True)
class Person:
    """Someone to ask: a gezaghebbende ouder or the pupil."""

    giver: str  # "ouders" or "leerling": the group whose say this person's answer counts for
    ouder_nummer: int | None  # 1-based position in the dossier's ouders
    rol: str  # "moeder", "vader", "ouder", ..., or "leerling": used in the log (no names)
    naam: str
    beslist_toestemming: bool  # the law gives this person a say on consent at this age


@dataclass(frozen=True)
class Category:
    categorie: str
    label: str
    uitleg: str
    uitleg_je: str  # the same, for the pupil
    inhoud: tuple[str, ...]  # what the dossier holds in this category, as text


@dataclass(frozen=True)
class Plan:
    """Everything the inzage of one dossier version asks."""

    leeftijd: int
    peildatum: date
    consent_givers: frozenset[str]
    personen: tuple[Person, ...]
    categorieen: tuple[Category, ...]
    bijlagen: tuple[tuple[int, str, str], ...]  # (index, titel, categorie)


def settings_for(doc: DossierDoc, overlay: Path | None) -> Instellingen:
    return load_checklist(doc.overgang.id, overlay).instellingen


def peildatum_of(doc: DossierDoc) -> date:
    """The same peildatum the checklist uses."""
    return doc.overgang.peildatum or date.today()


def plan_for(doc: DossierDoc, overlay: Path | None = None) -> Plan:
    """Who to ask and what, for ``doc`` at its peildatum."""
    checklist = load_checklist(doc.overgang.id, overlay)
    s = checklist.instellingen
    peildatum = peildatum_of(doc)
    age = doc.leeftijd_op(peildatum)
    givers = frozenset(
        required_givers(age, s.toestemming_leerling_mee_vanaf, s.toestemming_leerling_alleen_vanaf)
    )
    people: list[Person] = []
    parents_see = age < s.volwassen_vanaf  # the inzage rule: parents of a minor see it
    if parents_see or "ouders" in givers:
        for number, ouder in enumerate(doc.ouders, start=1):
            if ouder.gezag:
                people.append(
                    Person("ouders", number, ouder.relatie, ouder.naam, "ouders" in givers)
                )
    if "leerling" in givers or age >= s.inzage_leerling_vanaf:
        people.append(
            Person("leerling", None, "leerling", doc.leerling.volledige_naam, "leerling" in givers)
        )
    return Plan(
        age,
        peildatum,
        givers,
        tuple(people),
        tuple(_categories(doc, checklist.regels)),
        tuple((index, str(b.titel), b.categorie) for index, b in enumerate(doc.bijlagen)),
    )


def _categories(doc: DossierDoc, rules: list[Any]) -> list[Category]:
    """The categories beyond the whitelist that this dossier holds data of."""
    data = doc.model_dump(mode="python")
    wanted: dict[str, list[str]] = {}
    for rule in rules:
        if isinstance(rule, ToestemmingRule):
            paths = list(rule.gegevens)
            if not paths or any(present(data, p) for p in paths):
                wanted.setdefault(rule.categorie, []).extend(paths)
    order = list(CATEGORY_LABELS)
    return [
        Category(
            categorie,
            CATEGORY_LABELS.get(categorie, categorie),
            EXPLANATIONS.get(categorie, "Ja betekent: deze gegevens gaan mee."),
            EXPLANATIONS_JE.get(categorie, "Ja betekent: deze gegevens gaan mee."),
            tuple(dict.fromkeys(_texts(data, paths))),
        )
        for categorie, paths in sorted(
            wanted.items(), key=lambda kv: order.index(kv[0]) if kv[0] in order else 99
        )
    ]


def _texts(data: Any, paths: list[str]) -> list[str]:
    """What the dossier holds at ``paths``, as "Label: value" lines a parent can read."""
    out: list[str] = []
    for path in paths:
        parts = [part.removesuffix("[]") for part in path.split(".")]
        for value in resolve(data, path):
            out.extend(_labelled(value, parts))
    return out


def _labelled(value: Any, parts: list[str]) -> list[str]:
    if value in (None, "", [], {}) or isinstance(value, bool):
        return []
    if isinstance(value, dict):
        return [t for key, v in value.items() for t in _labelled(v, [*parts, str(key)])]
    if isinstance(value, list):
        return [t for v in value for t in _labelled(v, parts)]
    if isinstance(value, Enum):
        value = value.value
    text = value.strftime("%d-%m-%Y") if isinstance(value, date) else str(value)
    return [f"{label_for(parts).rsplit(' › ', 1)[-1]}: {text}"]


def attachment_needs_consent(categorie: str) -> bool:
    return categorie in ATTACHMENT_CATEGORY
