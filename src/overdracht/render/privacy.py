"""Consent by construction: the dossier a document builder sees has no data it may not show.

Every document is built from :func:`shareable_dossier`, a copy of the dossier in which the
fields of every category without valid consent are emptied, attachments that parents did
not release are dropped, test results older than the checklist's ``toetsperiode`` allows
are gone, and an adult's parents (``volwassen_vanaf``) are left out. What is withheld
follows the resolved checklist (its ``toestemming`` and ``toetsperiode`` rules and its
settings, overlays applied), so the documents leave out exactly what the checklist report
says they leave out. A builder cannot leak what it never receives; no
template is trusted to leave something out.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from overdracht.checklists import Checklist, Report
from overdracht.checklists.consent import CATEGORY_LABELS, consent_given
from overdracht.checklists.context import Context
from overdracht.checklists.domain_rules import ToestemmingRule
from overdracht.checklists.route_rules import Toetsperiode, oldest_allowed_date
from overdracht.model.dossier import Dossier

# Attachments of these kinds travel only with consent for the matching category.
ATTACHMENT_CATEGORY = {"medisch": "medisch", "jeugdhulp": "jeugdhulp"}


@dataclass(frozen=True)
class Privacy:
    """What was withheld from the documents, for the sender's checklist report."""

    left_out: tuple[str, ...]  # consent categories
    attachments_withheld: tuple[str, ...]  # titles
    tests_withheld: int
    mentions_dropped: int = 0  # list items elsewhere that named withheld data
    mentions_to_check: tuple[str, ...] = ()  # free-text fields that may name withheld data


def _present(data: Any, parts: list[str]) -> bool:
    if not parts:
        return data not in (None, [], "", {})
    head, rest = parts[0], parts[1:]
    if head.endswith("[]"):
        items = data.get(head[:-2]) if isinstance(data, dict) else None
        return any(_present(item, rest) for item in items or [])
    return isinstance(data, dict) and _present(data.get(head), rest)


def _clear(data: Any, parts: list[str]) -> None:
    head, rest = parts[0], parts[1:]
    if not isinstance(data, dict):
        return
    if head.endswith("[]"):
        items = data.get(head[:-2]) or []
        if not rest:
            data[head[:-2]] = []
        for item in items:
            if rest:
                _clear(item, rest)
        return
    if head not in data:
        return
    if rest:
        _clear(data[head], rest)
    else:
        data[head] = [] if isinstance(data[head], list) else None


# Words that betray a withheld category wherever they appear.
CATEGORY_WORDS = {"jeugdhulp": ("jeugdhulp",)}
_NEEDLE_MAX = 60  # short values (names, providers) identify; long free text does not


def _strings(data: Any) -> list[str]:
    if isinstance(data, str):
        return [data]
    if isinstance(data, dict):
        return [s for value in data.values() for s in _strings(value)]
    if isinstance(data, list):
        return [s for value in data for s in _strings(value)]
    return []


def _get(data: Any, parts: list[str]) -> list[Any]:
    if not parts:
        return [data]
    head, rest = parts[0], parts[1:]
    if not isinstance(data, dict):
        return []
    if head.endswith("[]"):
        return [v for item in data.get(head[:-2]) or [] for v in _get(item, rest)]
    return _get(data.get(head), rest)


def _scrub_mentions(data: Any, needles: list[str], path: str = "") -> tuple[int, list[str]]:
    """Drop list items that name withheld data; return (dropped, other paths naming it)."""
    dropped = 0
    flagged: list[str] = []
    if isinstance(data, dict):
        for key, value in data.items():
            d, f = _scrub_mentions(value, needles, f"{path}.{key}" if path else key)
            dropped, flagged = dropped + d, flagged + f
    elif isinstance(data, list):
        keep = []
        for index, item in enumerate(data):
            if isinstance(item, str) and any(n in item.lower() for n in needles):
                dropped += 1
                continue
            d, f = _scrub_mentions(item, needles, f"{path}[{index + 1}]")
            dropped, flagged = dropped + d, flagged + f
            keep.append(item)
        data[:] = keep
    elif isinstance(data, str) and any(n in data.lower() for n in needles):
        flagged.append(path)
    return dropped, flagged


def withheld_paths(
    checklist: Checklist, dossier: Dossier, report: Report, peildatum: date
) -> dict[str, list[str]]:
    """Consent category -> dossier paths to empty, for every category without consent.

    The categories and their fields are the checklist's ``toestemming`` rules. A category the
    report leaves out is withheld; so is one whose rule says ``altijd: true`` (jeugdhulp,
    medical and MDO data) whenever consent is missing, whatever the rule's level or condition.
    """
    rule_paths: dict[str, list[str]] = {}
    missing = set(report.left_out)
    settings = checklist.instellingen
    for rule in checklist.regels:
        if not isinstance(rule, ToestemmingRule):
            continue
        rule_paths.setdefault(rule.categorie, []).extend(rule.gegevens)
        if rule.altijd and not consent_given(
            dossier,
            rule.categorie,
            peildatum,
            settings.toestemming_leerling_mee_vanaf,
            settings.toestemming_leerling_alleen_vanaf,
        ):
            missing.add(rule.categorie)
    return {categorie: list(dict.fromkeys(rule_paths.get(categorie, []))) for categorie in missing}


def travels(checklist: Checklist, dossier: Dossier, categorie: str) -> bool:
    """True if ``dossier`` (a shareable one) holds data of ``categorie``.

    That is a field of the category's ``toestemming`` rules or an attachment of its kind. A
    category whose rule names no fields (consent for the handover as a whole) travels with
    every document; a category this checklist has no rule for does not.
    """
    rules = [
        r for r in checklist.regels if isinstance(r, ToestemmingRule) and r.categorie == categorie
    ]
    paths = [p for r in rules for p in r.gegevens]
    if rules and not paths:
        return True
    data = dossier.model_dump(mode="python")
    return any(_present(data, p.split(".")) for p in paths) or any(
        ATTACHMENT_CATEGORY.get(b.categorie) == categorie for b in dossier.bijlagen
    )


def test_window_start(checklist: Checklist, dossier: Dossier, peildatum: date) -> date | None:
    """The oldest test date that may travel, from the checklist's ``toetsperiode`` rule.

    None when the checklist has no such rule, or its condition (``als:``) does not hold.
    """
    rule = next((r for r in checklist.regels if isinstance(r, Toetsperiode)), None)
    if rule is None:
        return None
    if rule.als is not None and not rule.als.holds(
        Context(dossier, peildatum, checklist.instellingen, checklist.van)
    ):
        return None
    return oldest_allowed_date(dossier.overgang.schooljaar, rule.schooljaren)


def shareable_dossier(
    checklist: Checklist, dossier: Dossier, report: Report, peildatum: date
) -> tuple[Dossier, Privacy]:
    """A copy of ``dossier`` holding only what may travel, and what was withheld."""
    data = dossier.model_dump(mode="python")
    withheld = withheld_paths(checklist, dossier, report, peildatum)
    left_out: list[str] = []
    needles: set[str] = set()
    for categorie, paths in withheld.items():
        split = [p.split(".") for p in paths]
        needles.update(CATEGORY_WORDS.get(categorie, ()))
        for parts in split:
            for value in _get(data, parts):
                needles.update(v.lower() for v in _strings(value) if 3 < len(v) <= _NEEDLE_MAX)
        if categorie in report.left_out or any(_present(data, parts) for parts in split):
            left_out.append(categorie)
        for parts in split:
            _clear(data, parts)

    kept, dropped = [], []
    for bijlage in data["bijlagen"]:
        needs = ATTACHMENT_CATEGORY.get(bijlage["categorie"])
        if bijlage["meesturen"] and (needs is None or needs not in withheld):
            kept.append(bijlage)
        else:
            dropped.append(str(bijlage["titel"]))
    data["bijlagen"] = kept

    tests_withheld = 0
    start = test_window_start(checklist, dossier, peildatum)
    if start is not None:
        recent = [t for t in data["toetsen"] if t["datum"] >= start]
        tests_withheld = len(data["toetsen"]) - len(recent)
        data["toetsen"] = recent

    # An adult decides alone: the parents are no longer the contact, their data stays home.
    if dossier.leeftijd_op(peildatum) >= checklist.instellingen.volwassen_vanaf:
        data["ouders"] = []

    dropped_mentions, to_check = _scrub_mentions(data, sorted(needles)) if needles else (0, [])

    order = list(CATEGORY_LABELS)
    left_out.sort(key=lambda c: order.index(c) if c in order else len(order))
    privacy = Privacy(
        tuple(left_out), tuple(dropped), tests_withheld, dropped_mentions, tuple(to_check)
    )
    return Dossier.model_validate(data), privacy
