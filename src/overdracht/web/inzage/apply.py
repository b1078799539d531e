"""A parent's or pupil's answer from the inzage page: stored, logged, and written into a new
version of the dossier.

What the answers mean for the dossier is the library's (:mod:`overdracht.consent`); reading them
from the database is :mod:`overdracht.web.inzage.answers`. The store applies them on every save
(:func:`overdracht.web.store.save_version`), so staff cannot change what a parent chose.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import transaction

from overdracht.checklists.consent import CATEGORY_LABELS
from overdracht.checklists.fingerprint import content_fingerprint
from overdracht.web import disclosure
from overdracht.web.inzage.answers import enforce, resolved
from overdracht.web.models import DossierVersion, Inzagereactie, Inzageverzoek
from overdracht.web.store import document, save_version

__all__ = ["Answer", "enforce", "submit"]


def _who(verzoek: Inzageverzoek) -> str:
    return "de leerling" if verzoek.giver == "leerling" else f"ouder ({verzoek.rol})"


@dataclass(frozen=True)
class Answer:
    toestemmingen: dict[str, bool]
    bijlagen: list[dict[str, Any]]  # {"titel", "meesturen"} in the order shown, or with "id"
    zienswijze: str
    toelichting: str


def submit(verzoek: Inzageverzoek, answer: Answer) -> DossierVersion | None:
    """Store the answer and write it into a new version of the dossier."""
    dossier = verzoek.dossier
    with transaction.atomic():
        seen = document(dossier.versions.get(number=verzoek.versie).data)
        Inzagereactie.objects.create(
            verzoek=verzoek,
            versie=verzoek.versie,
            vingerafdruk=content_fingerprint(seen),
            toestemmingen=answer.toestemmingen,
            bijlagen=resolved(answer.bijlagen, seen),
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
