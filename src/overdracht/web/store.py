"""The dossier store: every save validated by the pydantic model, kept as a new version.

Views call these functions; they call the library (``overdracht.check``) and never the other
way round.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db import transaction
from django.db.models import F, QuerySet
from django.utils import timezone

from overdracht.checklists import Checklist, Report, evaluate
from overdracht.checklists.loader import load_checklist, overlay_bases
from overdracht.errors import OverdrachtError
from overdracht.model import Dossier as DossierDoc
from overdracht.web.changes import describe_changes
from overdracht.web.inzage.answers import enforce
from overdracht.web.models import Dossier, DossierVersion, Inzagereactie, Overlay, Status
from overdracht.web.privatefiles import private_folder, write_private

User = AbstractBaseUser | AnonymousUser


class VersionConflict(OverdrachtError):
    """Someone else saved the dossier after this form was opened."""

    def __init__(self, current: DossierVersion) -> None:
        who = current.created_by.get_username() if current.created_by else "iemand anders"
        when = timezone.localtime(current.created_at).strftime("%d-%m-%Y %H:%M")
        super().__init__(
            f"{who} heeft dit dossier op {when} ook opgeslagen (versie {current.number}). "
            "Uw wijzigingen zijn niet opgeslagen maar staan nog in het formulier; vergelijk ze "
            "met de nieuwe versie en sla opnieuw op."
        )
        self.current = current


def document(data: dict[str, Any]) -> DossierDoc:
    """The stored JSON as the pydantic document (it was validated when it was saved)."""
    return DossierDoc.model_validate(data)


def as_json(doc: DossierDoc) -> dict[str, Any]:
    """The pydantic document as the JSON we store: the same keys as a dossier file."""
    data: dict[str, Any] = doc.model_dump(mode="json", exclude_none=True, exclude_defaults=False)
    return data


def active_overlay() -> Path | None:
    """The file of the active regional overlay, written to the data folder; None if none."""
    # Only the id: this runs on every live checklist update, the text is read once.
    pk = Overlay.objects.filter(actief=True).order_by("-created_at").values_list("pk").first()
    if pk is None:
        return None
    folder = Path(settings.DATA_DIR) / "aanvullingen"
    path = folder / f"aanvulling-{pk[0]}.yaml"
    if not path.exists():
        private_folder(folder)
        write_private(path, Overlay.objects.get(pk=pk[0]).inhoud)
    return path


def overlay_for(doc: DossierDoc) -> Path | None:
    """The active overlay's file if it extends this dossier's checklist, else None."""
    return _extending(active_overlay(), doc)


def _extending(overlay: Path | None, doc: DossierDoc) -> Path | None:
    return overlay if overlay is not None and doc.overgang.id in _bases(overlay) else None


def check_document(doc: DossierDoc) -> Report:
    """The checklist report of a dossier, with the active overlay (if it extends this checklist)."""
    return evaluate(_checklist(doc.overgang.id, overlay_for(doc)), doc)


@functools.lru_cache(maxsize=64)
def _checklist(transition: str, overlay: Path | None) -> Checklist:
    # Checklists are package data and an overlay file never changes once written, so the
    # resolved checklist can serve every check (live updates, imports, reindexing).
    return load_checklist(transition, overlay)


@functools.cache
def _bases(overlay: Path) -> tuple[str, ...]:
    # An overlay file never changes once written (a new upload gets a new name).
    return tuple(overlay_bases(overlay))


@dataclass(frozen=True)
class Deadline:
    date: dt.date
    what: str


def next_deadline(doc: DossierDoc, report: Report) -> Deadline | None:
    """The first date that matters: a deadline in the findings, else the start at the new school."""
    candidates: list[Deadline] = []
    for finding in report.findings:
        due = getattr(finding, "due", None) or getattr(finding, "deadline", None)
        if isinstance(due, dt.date) and finding.severity != "info":
            candidates.append(Deadline(due, finding.title or finding.rule))
    start = doc.overgang.geplande_startdatum
    candidates.append(Deadline(start, "start op de nieuwe school"))
    return min(candidates, key=lambda d: d.date)


def sort_name(achternaam: str, voornamen: str) -> str:
    """Dutch alphabetical order ignores a tussenvoegsel typed into the surname ('de Vries')."""
    return f"{_TUSSENVOEGSEL.sub('', achternaam)} {voornamen}".lower()


_TUSSENVOEGSEL = re.compile(r"^(?:(?:[a-z]+|'t|'s)\s+)+")


def _index(dossier: Dossier, doc: DossierDoc, report: Report, final: bool) -> None:
    leerling = doc.leerling
    dossier.leerling_naam = leerling.volledige_naam
    dossier.leerling_sorteernaam = sort_name(leerling.achternaam, leerling.voornamen)
    dossier.leerlingnummer = leerling.leerlingnummer or ""
    dossier.overgang = doc.overgang.id
    dossier.schooljaar = doc.overgang.schooljaar
    dossier.ontbreekt = len(report.errors)
    if final:
        dossier.status = Status.DEFINITIEF
    else:
        dossier.status = Status.COMPLEET if report.complete else Status.ONVOLLEDIG
    deadline = next_deadline(doc, report)
    dossier.volgende_termijn = deadline.date if deadline else None
    dossier.volgende_termijn_wat = deadline.what if deadline else ""
    dossier.toestemming_ingetrokken = (
        dossier.pk is not None and withdrawn_since_final(dossier).exists()
    )


def withdrawn_since_final(dossier: Dossier) -> QuerySet[Inzagereactie]:
    """The consents a parent or the pupil withdrew after the latest final version (a later
    final version takes them in): for the overview's marker and the dossier's warning."""
    latest = (
        DossierVersion.objects.filter(dossier=dossier, definitief=True, definitief_op__isnull=False)
        .order_by("-definitief_op")
        .values_list("definitief_op", flat=True)
        .first()
    )
    found = Inzagereactie.objects.filter(verzoek__dossier=dossier, na_definitief=True)
    if latest is not None:
        found = found.filter(ingediend_op__gt=latest)
    return found


def _user(user: User | None) -> Any:
    return user if user is not None and user.is_authenticated else None


@transaction.atomic
def create_dossier(doc: DossierDoc, user: User | None, herkomst: str = "") -> Dossier:
    """A new dossier with ``doc`` as its first version.

    Consent and inzage in ``doc`` (an uploaded file, say) are the school's word, not the
    parents': they are kept as entered by the school and do not count (see ``enforce``).
    """
    doc = enforce(None, doc)
    report = check_document(doc)
    dossier = Dossier(current_number=1)
    _index(dossier, doc, report, final=False)
    dossier.save()
    DossierVersion.objects.create(
        dossier=dossier,
        number=1,
        data=as_json(doc),
        created_by=_user(user),
        wijzigingen=["Dossier aangemaakt"],
        herkomst=herkomst,
    )
    return dossier


@transaction.atomic
def save_version(
    dossier: Dossier,
    doc: DossierDoc,
    user: User | None,
    *,
    base_number: int | None,
    herkomst: str = "",
) -> DossierVersion | None:
    """Store ``doc`` as the next version; None when nothing changed.

    ``base_number`` is the version the user's form was based on: if another version was saved
    in the meantime, :class:`VersionConflict` is raised and nothing is stored.
    """
    locked = Dossier.objects.select_for_update().get(pk=dossier.pk)
    current = locked.versions.get(number=locked.current_number)
    if base_number is not None and base_number != locked.current_number:
        raise VersionConflict(current)
    doc = enforce(locked, doc)  # what parents and the pupil chose is never overwritten
    data = as_json(doc)
    if data == current.data:
        return None
    report = check_document(doc)
    number = locked.current_number + 1
    version = DossierVersion.objects.create(
        dossier=locked,
        number=number,
        data=data,
        created_by=_user(user),
        wijzigingen=describe_changes(current.data, data),
        herkomst=herkomst,
    )
    locked.current_number = number
    _index(locked, doc, report, final=False)
    locked.save()
    dossier.refresh_from_db()
    return version


@transaction.atomic
def mark_final(dossier: Dossier, user: User | None) -> DossierVersion:
    """Freeze the current version (the caller checked that it is complete)."""
    locked = Dossier.objects.select_for_update().get(pk=dossier.pk)
    version = locked.versions.get(number=locked.current_number)
    version.definitief = True
    version.definitief_op = timezone.now()
    version.definitief_door = _user(user)
    version.save()
    doc = document(version.data)
    _index(locked, doc, check_document(doc), final=True)
    locked.save()
    dossier.refresh_from_db()
    return version


def reindex(dossier: Dossier) -> None:
    """Recompute the overview columns (after an overlay changed, say)."""
    version = dossier.current
    doc = document(version.data)
    _index(dossier, doc, check_document(doc), final=version.definitief)
    dossier.save()


class _Checker:
    """The checklist report of many dossiers, the active overlay looked up once."""

    def __init__(self) -> None:
        self.overlay = active_overlay()  # one query for the whole batch

    def __call__(self, doc: DossierDoc) -> Report:
        return evaluate(_checklist(doc.overgang.id, _extending(self.overlay, doc)), doc)


@transaction.atomic
def create_dossiers(docs: Sequence[DossierDoc], user: User | None, herkomst: str) -> list[Dossier]:
    """Many new dossiers at once (an import): the same as ``create_dossier`` for each, in bulk.

    The checklist of each transition is loaded once, and the rows go to the database in a few
    large inserts.
    """
    report = _Checker()
    docs = [enforce(None, doc) for doc in docs]  # as in create_dossier
    dossiers: list[Dossier] = []
    for doc in docs:
        dossier = Dossier(current_number=1)
        _index(dossier, doc, report(doc), final=False)
        dossiers.append(dossier)
    # PostgreSQL and SQLite both return the new primary keys from a bulk insert.
    Dossier.objects.bulk_create(dossiers, batch_size=BULK_BATCH)
    author = _user(user)
    DossierVersion.objects.bulk_create(
        (
            DossierVersion(
                dossier=dossier,
                number=1,
                data=as_json(doc),
                created_by=author,
                wijzigingen=["Dossier aangemaakt"],
                herkomst=herkomst,
            )
            for dossier, doc in zip(dossiers, docs, strict=True)
        ),
        batch_size=BULK_BATCH,
    )
    return dossiers


@dataclass(frozen=True)
class Existing:
    """A dossier the database already has for an imported pupil (:func:`match_existing`)."""

    dossier: Dossier
    by: str  # "BSN" or "leerlingnummer": what matched
    same_pupil: bool  # False: the BSN or leerlingnummer belongs to another pupil


def _pupil(data: Mapping[str, Any]) -> tuple[str, str]:
    leerling = data.get("leerling") or {}
    return str(leerling.get("geboortedatum", "")), str(leerling.get("achternaam", "")).casefold()


def match_existing(docs: Sequence[DossierDoc]) -> list[Existing | None]:
    """For each document, the dossier that pupil already has: the same BSN, or else the same
    leerlingnummer at the same vertrekkende school (BRIN). A match whose birth date or surname
    differs is another pupil: ``same_pupil`` is False (an error for the import)."""
    current = (
        DossierVersion.objects.filter(number=F("dossier__current_number"))
        .select_related("dossier")
        .order_by("-dossier__updated_at")
    )
    bsns = sorted({d.leerling.bsn for d in docs if d.leerling.bsn})
    numbers = sorted({d.leerling.leerlingnummer for d in docs if d.leerling.leerlingnummer})
    by_bsn: dict[str, DossierVersion] = {}
    for stored in current.filter(data__leerling__bsn__in=bsns) if bsns else ():
        by_bsn.setdefault(str(stored.data["leerling"]["bsn"]), stored)
    by_number: dict[tuple[str, str], DossierVersion] = {}
    for stored in current.filter(dossier__leerlingnummer__in=numbers) if numbers else ():
        school = stored.data.get("vertrekkende_school") or {}
        by_number.setdefault((stored.dossier.leerlingnummer, str(school.get("brin", ""))), stored)
    found: list[Existing | None] = []
    for doc in docs:
        pupil = (doc.leerling.geboortedatum.isoformat(), doc.leerling.achternaam.casefold())
        version: DossierVersion | None = None
        by = ""
        if doc.leerling.bsn and doc.leerling.bsn in by_bsn:
            version, by = by_bsn[doc.leerling.bsn], "BSN"
        elif doc.leerling.leerlingnummer:
            key = (doc.leerling.leerlingnummer, doc.vertrekkende_school.brin or "")
            version, by = by_number.get(key), "leerlingnummer"
        found.append(
            None
            if version is None
            else Existing(version.dossier, by, _pupil(version.data) == pupil)
        )
    return found


def known_schools(limit: int = 1000) -> list[tuple[str, str]]:
    """(naam, BRIN) of the schools in the dossiers, sorted by name: offered when typing a
    school in the form (school names are no pupil data)."""
    current = DossierVersion.objects.filter(number=F("dossier__current_number"))
    found: set[tuple[str, str]] = set()
    for part in ("vertrekkende_school", "ontvangende_school"):
        rows = current.values_list(f"data__{part}__naam", f"data__{part}__brin").distinct()
        for naam, brin in rows[:limit]:
            if isinstance(naam, str) and naam:
                found.add((naam, brin if isinstance(brin, str) else ""))
    return sorted(found, key=lambda school: (school[0].casefold(), school[1]))[:limit]


def merged_document(dossier: Dossier, doc: DossierDoc) -> DossierDoc:
    """The dossier's current version with what ``doc`` says put over it: parts that ``doc``
    does not fill (typed in the form) stay; consents and inzage are kept by ``save_version``."""
    current = dossier.versions.get(number=dossier.current_number).data

    def merge(old: Any, new: Any) -> Any:
        if isinstance(old, dict) and isinstance(new, dict):
            return {**old, **{key: merge(old.get(key), value) for key, value in new.items()}}
        return new

    return document(merge(current, doc.model_dump(mode="json", exclude_unset=True)))


@transaction.atomic
def reindex_all() -> int:
    """``reindex`` every dossier (after the active overlay changed); returns how many."""
    report = _Checker()
    versions = DossierVersion.objects.filter(number=F("dossier__current_number")).select_related(
        "dossier"
    )
    changed: list[Dossier] = []
    for version in versions.iterator(chunk_size=BULK_BATCH):
        doc = document(version.data)
        _index(version.dossier, doc, report(doc), final=version.definitief)
        changed.append(version.dossier)
    Dossier.objects.bulk_update(changed, INDEX_FIELDS, batch_size=BULK_BATCH)
    return len(changed)


BULK_BATCH = 500
INDEX_FIELDS = [
    "leerling_naam",
    "leerling_sorteernaam",
    "leerlingnummer",
    "overgang",
    "schooljaar",
    "status",
    "ontbreekt",
    "volgende_termijn",
    "volgende_termijn_wat",
]
