"""Retention: a dossier may be kept until a period after its transition's start date
(``BEWAARTERMIJN_JAREN``, default two years); then the beheerder deletes it.

Deleting removes the dossier, its versions, its files and its inzage links and answers; only a
log entry without pupil data remains (the verstrekkingenlog keeps what was sent, by opaque id).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import transaction

from overdracht.web import disclosure
from overdracht.web.documents import final_folder
from overdracht.web.models import Bestand, DefinitiefDocument, Dossier


@dataclass(frozen=True)
class Due:
    dossier: Dossier
    start: dt.date
    bewaren_tot: dt.date


def keep_until(start: dt.date, years: int | None = None) -> dt.date:
    years = settings.BEWAARTERMIJN_JAREN if years is None else years
    try:
        return start.replace(year=start.year + years)
    except ValueError:  # 29 February
        return start.replace(year=start.year + years, day=28)


def due(today: dt.date | None = None) -> list[Due]:
    """Dossiers whose retention period has passed, oldest first."""
    today = today or dt.date.today()
    out: list[Due] = []
    for dossier in Dossier.objects.order_by("pk").iterator(chunk_size=500):
        version = dossier.versions.filter(number=dossier.current_number).only("data").first()
        if version is None:
            continue
        raw = version.data.get("overgang", {}).get("geplande_startdatum")
        try:
            start = dt.date.fromisoformat(str(raw))
        except ValueError:
            continue
        until = keep_until(start)
        if until <= today:
            out.append(Due(dossier, start, until))
    return sorted(out, key=lambda d: d.bewaren_tot)


def delete(dossier: Dossier, user: Any, why: str = "na de bewaartermijn") -> None:
    """Delete the dossier and everything of it; log it without pupil data (``why``: when)."""
    files = [Path(settings.UPLOAD_DIR) / b.opslag for b in Bestand.objects.filter(dossier=dossier)]
    files += [
        final_folder() / d.bestand
        for d in DefinitiefDocument.objects.filter(version__dossier=dossier)
    ]
    versions = dossier.versions.count()
    public_id = dossier.public_id
    with transaction.atomic():
        dossier.delete()
        disclosure.note_deleted(
            user,
            public_id,
            f"Dossier verwijderd {why} ({versions} versies, {len(files)} bestanden)",
        )
    for path in files:
        path.unlink(missing_ok=True)
