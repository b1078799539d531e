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
from overdracht.web.models import Dossier, DossierVersion, Inzagereactie, Inzageverzoek
from overdracht.web.store import document, save_version

__all__ = ["Answer", "Paper", "enforce", "record_paper", "submit"]


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
    return _store(verzoek, answer, by=verzoek.wie, paper=None)


@dataclass(frozen=True)
class Paper:
    """The signed inzage form, as the IB'er read it in: the scan's name and hash, and who."""

    bestand: str
    sha256: str
    user: Any


def record_paper(verzoek: Inzageverzoek, answer: Answer, paper: Paper) -> DossierVersion | None:
    """An inzage on paper: what the signed form says, stored with its scan, and logged.

    The one route by which something the school enters counts as the person's own answer.
    """
    return _store(verzoek, answer, by=paper.user, paper=paper)


def _store(
    verzoek: Inzageverzoek, answer: Answer, *, by: Any, paper: Paper | None
) -> DossierVersion | None:
    with transaction.atomic():
        # The dossier first, as every save locks it: a staff save made meanwhile is not
        # overwritten, and the log (locked next) is always taken after it (no deadlock).
        dossier = Dossier.objects.select_for_update().get(pk=verzoek.dossier_id)
        seen = document(dossier.versions.get(number=verzoek.versie).data)
        Inzagereactie.objects.create(
            verzoek=verzoek,
            versie=verzoek.versie,
            vingerafdruk=content_fingerprint(seen),
            toestemmingen=answer.toestemmingen,
            bijlagen=resolved(answer.bijlagen, seen),
            zienswijze=answer.zienswijze,
            toelichting=answer.toelichting,
            papier=paper is not None,
            formulier=paper.bestand if paper else "",
            formulier_sha256=paper.sha256 if paper else "",
            ingelezen_door=paper.user if paper else None,
        )
        what = _summary(verzoek, answer)
        if paper is not None:
            what = (
                f"Ondertekend inzageformulier van {verzoek.wie} ingelezen "
                f"(sha256 {paper.sha256}); {what[0].lower()}{what[1:]}"
            )
        disclosure.note(by, dossier, what[:500], verzoek.versie)
        dossier.refresh_from_db()
        how = "inzage op papier" if paper is not None else "inzage"
        version = save_version(
            dossier,
            document(dossier.current.data),
            paper.user if paper is not None else None,
            base_number=None,
            herkomst=f"{how}: {_who(verzoek)}",
        )
        if version is not None:
            disclosure.note(
                by,
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
