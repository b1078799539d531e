"""Parents' and pupils' answers, written into the dossier the library checks and renders.

The answers live in :class:`~overdracht.web.models.Inzagereactie` and are re-applied on every
save (:func:`enforce`, called by the store), so staff cannot change what a parent chose: a form
that sets a consent back is overruled. Staff can only ask again.

The latest round counts: the reactions on the highest dossier version that anyone answered for.
A group ("ouders", "leerling") agrees to a category or bijlage only when every person of that
group who was asked in that round answered yes; it has seen the dossier when every one of them
answered.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone

from overdracht.checklists.consent import CATEGORY_LABELS
from overdracht.checklists.fingerprint import content_fingerprint
from overdracht.model import Dossier as DossierDoc
from overdracht.model.handover import Inzage, Toestemming
from overdracht.web import disclosure
from overdracht.web.models import Dossier, DossierVersion, Inzagereactie, Inzageverzoek

GROUPS = ("ouders", "leerling")


@dataclass
class Derived:
    """What the latest round of answers says, in the dossier's own terms."""

    categorieen: set[str] = field(default_factory=set)  # categories that were asked
    toestemmingen: list[Toestemming] = field(default_factory=list)
    bijlagen: dict[str, bool] = field(default_factory=dict)  # titel -> meesturen
    inzage: Inzage | None = None


def _person(verzoek: Inzageverzoek) -> tuple[str, int | None]:
    return (verzoek.giver, verzoek.ouder_nummer)


def derive(dossier: Dossier) -> Derived | None:
    reacties = list(
        Inzagereactie.objects.filter(verzoek__dossier=dossier).select_related("verzoek")
    )
    if not reacties:
        return None
    round_version = max(r.versie for r in reacties)
    latest: dict[tuple[str, int | None], Inzagereactie] = {}
    for reactie in sorted(reacties, key=lambda r: (r.ingediend_op, r.pk)):
        if reactie.versie == round_version:
            latest[_person(reactie.verzoek)] = reactie
    asked = [
        v
        for v in dossier.inzageverzoeken.filter(versie=round_version)
        if v.ingetrokken_op is None or _person(v) in latest
    ]
    members: dict[str, set[tuple[str, int | None]]] = {g: set() for g in GROUPS}
    deciders: dict[str, set[tuple[str, int | None]]] = {g: set() for g in GROUPS}
    for verzoek in asked:
        members[verzoek.giver].add(_person(verzoek))
        if verzoek.beslist_toestemming:
            deciders[verzoek.giver].add(_person(verzoek))

    def agreeing(answer: Any) -> list[str]:
        groups = []
        for group in GROUPS:
            people = deciders[group]
            if people and all(p in latest and answer(latest[p]) for p in people):
                groups.append(group)
        return groups

    def refusing(answer: Any) -> list[str]:
        return [
            g for g in GROUPS if any(p in latest and not answer(latest[p]) for p in deciders[g])
        ]

    def day(groups: list[str]) -> date:
        people = [p for g in groups for p in members[g] if p in latest]
        return max(timezone.localdate(latest[p].ingediend_op) for p in people)

    derived = Derived()
    for reactie in latest.values():
        derived.categorieen.update(reactie.toestemmingen)
    for categorie in sorted(derived.categorieen):

        def said_yes(r: Inzagereactie, c: str = categorie) -> bool:
            return r.toestemmingen.get(c) is True

        # One "no" of someone who decides is a refusal; the category stays out.
        refused = refusing(said_yes)
        groups = refused or agreeing(said_yes)
        if groups:
            word = "Geweigerd" if refused else "Gegeven"
            derived.toestemmingen.append(
                Toestemming.model_validate(
                    {
                        "categorie": categorie,
                        "gegeven_door": groups,
                        "datum": day(groups),
                        "schriftelijk": True,
                        "geweigerd": bool(refused),
                        "toelichting": f"{word} via de inzagepagina (versie {round_version})",
                    }
                )
            )
    titles = {b["titel"] for r in latest.values() for b in r.bijlagen}
    for titel in sorted(titles):
        derived.bijlagen[titel] = bool(
            agreeing(lambda r, t=titel: any(b["titel"] == t and b["meesturen"] for b in r.bijlagen))
        )
    seen = [g for g in GROUPS if members[g] and all(p in latest for p in members[g])]
    if seen:
        answers = [latest[p] for g in seen for p in members[g]]
        reasons = [
            f"{_who(r.verzoek).capitalize()}: {r.toelichting.strip()}"
            for r in answers
            if r.toelichting.strip()
        ]
        derived.inzage = Inzage.model_validate(
            {
                "datum": day(seen),
                "door": seen,
                "zienswijze": "oneens"
                if any(r.zienswijze == "oneens" for r in answers)
                else "eens",
                "toelichting": "\n".join(reasons) or None,
                "versie": round_version,
                "vingerafdruk": answers[0].vingerafdruk,
            }
        )
    return derived


def _who(verzoek: Inzageverzoek) -> str:
    return "de leerling" if verzoek.giver == "leerling" else f"ouder ({verzoek.rol})"


def enforce(dossier: Dossier, doc: DossierDoc) -> DossierDoc:
    """``doc`` with the parents' and pupil's answers put back (a no-op without answers)."""
    derived = derive(dossier)
    if derived is None:
        return doc
    data = doc.model_dump(mode="python")
    data["toestemmingen"] = [
        t for t in data["toestemmingen"] if t["categorie"] not in derived.categorieen
    ] + [t.model_dump(mode="python") for t in derived.toestemmingen]
    for bijlage in data["bijlagen"]:
        if bijlage["titel"] in derived.bijlagen:
            bijlage["meesturen"] = derived.bijlagen[bijlage["titel"]]
    if derived.inzage is not None:
        data["inzage"] = derived.inzage.model_dump(mode="python")
    return DossierDoc.model_validate(data)


@dataclass(frozen=True)
class Answer:
    toestemmingen: dict[str, bool]
    bijlagen: list[dict[str, Any]]  # {"titel", "meesturen"}
    zienswijze: str
    toelichting: str


def submit(verzoek: Inzageverzoek, answer: Answer) -> DossierVersion | None:
    """Store the answer and write it into a new version of the dossier."""
    from overdracht.web.store import document, save_version

    with transaction.atomic():
        # The dossier first, as every save locks it: a staff save made meanwhile is not
        # overwritten, and the log (locked next) is always taken after it (no deadlock).
        dossier = Dossier.objects.select_for_update().get(pk=verzoek.dossier_id)
        seen = dossier.versions.get(number=verzoek.versie)
        Inzagereactie.objects.create(
            verzoek=verzoek,
            versie=verzoek.versie,
            vingerafdruk=content_fingerprint(document(seen.data)),
            toestemmingen=answer.toestemmingen,
            bijlagen=answer.bijlagen,
            zienswijze=answer.zienswijze,
            toelichting=answer.toelichting,
        )
        disclosure.note(verzoek.wie, dossier, _summary(verzoek, answer), verzoek.versie)
        dossier.refresh_from_db()
        version = save_version(
            dossier,
            document(dossier.current.data),
            None,
            base_number=None,
            herkomst=f"inzage: {_who(verzoek)}",
        )
        if version is not None:
            disclosure.note(
                verzoek.wie,
                dossier,
                f"Keuzes van {verzoek.wie} verwerkt in versie {version.number}",
                version,
            )
    return version


def _summary(verzoek: Inzageverzoek, answer: Answer) -> str:
    parts = [f"zienswijze: {'eens' if answer.zienswijze == 'eens' else 'niet eens'}"]
    parts += [
        f"{CATEGORY_LABELS.get(c, c)}: {'ja' if yes else 'nee'}"
        for c, yes in answer.toestemmingen.items()
    ]
    parts += [
        f"bijlage {i}: {'ja' if b['meesturen'] else 'nee'}"
        for i, b in enumerate(answer.bijlagen, start=1)
    ]
    return f"Inzage ingediend door {verzoek.wie} ({'; '.join(parts)})"
