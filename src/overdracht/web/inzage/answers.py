"""The stored inzage answers as the library's terms (:mod:`overdracht.consent`), and back in.

The answers live in :class:`~overdracht.web.models.Inzagereactie`; :func:`enforce` puts them
into every dossier the store saves (a new dossier, a form save, an upload, a restore), so no
staff route can change what a parent or the pupil chose. What to make of the answers is the
library's: this module only reads the database.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.utils import timezone

from overdracht.consent import Answer, Derived, Person, Request, apply_answers, derive_answers
from overdracht.model import Dossier as DossierDoc
from overdracht.web.inzage import paper as _paper  # noqa: F401  (a scan goes with its answer)
from overdracht.web.models import Dossier, DossierVersion, Inzagereactie, Inzageverzoek


def person(verzoek: Inzageverzoek) -> Person:
    return Person(verzoek.giver, verzoek.ouder_nummer, verzoek.rol, verzoek.beslist_toestemming)


def resolved(entries: Sequence[dict[str, Any]], seen: DossierDoc) -> list[dict[str, Any]]:
    """An answer's bijlagen, each as ``{"id", "titel", "meesturen"}`` with its stable id.

    Entries carry the id; older ones only a title, in the order of the version the person saw
    (which never changes), so their place in that version gives the id.
    """
    out: list[dict[str, Any]] = []
    for index, entry in enumerate(entries):
        titel = entry.get("titel")
        bijlage_id = entry.get("id")
        if not bijlage_id:
            if index < len(seen.bijlagen) and seen.bijlagen[index].titel == titel:
                bijlage_id = seen.bijlagen[index].id
            else:
                bijlage_id = next((b.id for b in seen.bijlagen if b.titel == titel), None)
        if bijlage_id:
            out.append(
                {"id": str(bijlage_id), "titel": titel, "meesturen": bool(entry.get("meesturen"))}
            )
    return out


def bijlage_ids(entries: Sequence[dict[str, Any]], seen: DossierDoc) -> dict[str, bool]:
    """An answer's bijlagen as id -> meesturen."""
    return {e["id"]: e["meesturen"] for e in resolved(entries, seen)}


def _seen(dossier: Dossier, number: int, cache: dict[int, DossierDoc]) -> DossierDoc:
    if number not in cache:
        version = DossierVersion.objects.get(dossier=dossier, number=number)
        cache[number] = DossierDoc.model_validate(version.data)
    return cache[number]


def answer_of(reactie: Inzagereactie, seen: DossierDoc) -> Answer:
    return Answer(
        person=person(reactie.verzoek),
        version=reactie.versie,
        day=timezone.localdate(reactie.ingediend_op),
        toestemmingen={str(k): bool(v) for k, v in reactie.toestemmingen.items()},
        bijlagen=bijlage_ids(reactie.bijlagen, seen),
        zienswijze="oneens" if reactie.zienswijze == "oneens" else "eens",
        toelichting=reactie.toelichting,
        vingerafdruk=reactie.vingerafdruk or None,
        source="papier" if getattr(reactie, "papier", False) else "inzagepagina",
        at=reactie.ingediend_op,
    )


def derive_for(dossier: Dossier) -> Derived | None:
    """What the dossier's latest round of answers says; None when nobody answered."""
    if dossier.pk is None:
        return None
    reacties = list(
        Inzagereactie.objects.filter(verzoek__dossier=dossier)
        .select_related("verzoek")
        .order_by("ingediend_op", "pk")
    )
    if not reacties:
        return None
    seen: dict[int, DossierDoc] = {}
    answers = [answer_of(r, _seen(dossier, r.versie, seen)) for r in reacties]
    requests = [
        Request(person(v), v.versie, withdrawn=v.ingetrokken_op is not None)
        for v in dossier.inzageverzoeken.all()
    ]
    return derive_answers(requests, answers)


def enforce(dossier: Dossier | None, doc: DossierDoc) -> DossierDoc:
    """``doc`` as the store keeps it: the parents' and pupil's answers put back, and any other
    consent or inzage marked as entered by the school."""
    return apply_answers(doc, derive_for(dossier) if dossier is not None else None)
