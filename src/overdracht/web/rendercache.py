"""Concept documents are rendered once per version, then served from the database.

A preview is asked for again and again (the documents page, the PDF in its frame, a download,
a colleague looking at the same dossier); rendering takes seconds, serving a few milliseconds.
A render is kept as :class:`~overdracht.web.models.Voorbeeld` rows beside its version, under a
key of everything it depends on, so a changed dossier, another overlay or a new day (a concept
carries today's date) is rendered afresh. Per dossier only the latest render of each kind is
kept, none older than a day, and the rows are deleted with the dossier.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator, Mapping
from datetime import date, timedelta
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from overdracht.errors import OverdrachtError
from overdracht.web import renderpool
from overdracht.web.models import DossierVersion, Voorbeeld
from overdracht.web.renderpool import Rendered

KEEP_FOR = timedelta(days=1)


class RenderPending(OverdrachtError):
    """The documents are being made right now, by a worker; the page asks again by itself."""

    refresh_seconds = 3

    def __init__(self) -> None:
        super().__init__(
            "De documenten worden nu gemaakt. Het is even druk: deze pagina ververst zichzelf "
            "over een paar seconden."
        )


def key(version: DossierVersion, overlay: Path | None, wat: str) -> str:
    """SHA-256 of everything a concept render of ``version`` depends on."""
    basis = {
        "inhoud": version.data,
        "aanvulling": str(overlay or ""),
        "dag": date.today().isoformat(),
        "wat": wat,
    }
    return hashlib.sha256(json.dumps(basis, sort_keys=True, default=str).encode()).hexdigest()


def load(version: DossierVersion, sleutel: str) -> Rendered | None:
    """The kept render, if there is one; each file's bytes are read when asked for (the
    documents page needs only their names, the preview one file)."""
    rows = list(
        Voorbeeld.objects.filter(version=version, sleutel=sleutel)
        .order_by("volgorde")
        .values_list("pk", "soort", "formaat", "concept", "weggelaten")
    )
    if not rows:
        return None
    _, _, _, concept, left_out = rows[0]
    files = _StoredFiles({(soort, formaat): pk for pk, soort, formaat, _, _ in rows})
    return Rendered(files, concept=concept, left_out=tuple(left_out))


class _StoredFiles(Mapping[tuple[str, str], bytes]):
    """(soort, formaat) -> bytes, read from the database on access."""

    def __init__(self, rows: dict[tuple[str, str], int]) -> None:
        self._rows = rows

    def __getitem__(self, item: tuple[str, str]) -> bytes:
        pk = self._rows[item]
        return bytes(Voorbeeld.objects.values_list("inhoud", flat=True).get(pk=pk))

    def __iter__(self) -> Iterator[tuple[str, str]]:
        return iter(self._rows)

    def __len__(self) -> int:
        return len(self._rows)


def store(version: DossierVersion, wat: str, sleutel: str, rendered: Rendered) -> None:
    """Keep ``rendered``; older renders of the same kind for this dossier go."""
    with transaction.atomic():
        Voorbeeld.objects.filter(version__dossier_id=version.dossier_id, wat=wat).exclude(
            version=version, sleutel=sleutel
        ).delete()
        # A render counts for its day only (a concept carries the date): older ones are dead
        # weight, so the database holds at most about a day's previews.
        Voorbeeld.objects.filter(created_at__lt=timezone.now() - KEEP_FOR).delete()
        Voorbeeld.objects.bulk_create(
            [
                Voorbeeld(
                    version=version,
                    wat=wat,
                    sleutel=sleutel,
                    soort=soort,
                    formaat=formaat,
                    volgorde=index,
                    concept=rendered.concept,
                    weggelaten=list(rendered.left_out),
                    inhoud=data,
                )
                for index, ((soort, formaat), data) in enumerate(rendered.files.items())
            ],
            ignore_conflicts=True,  # the same render kept at the same moment by another request
        )


def served(
    version: DossierVersion, wat: str, overlay: Path | None, make: Callable[[], Rendered]
) -> Rendered:
    """The kept render of this kind, or ``make()`` it once (however many ask at once) and keep
    it."""
    sleutel = key(version, overlay, wat)
    found = load(version, sleutel)
    if found is not None:
        return found

    def make_and_keep() -> Rendered:
        again = load(version, sleutel)  # made by someone else while we looked
        if again is not None:
            return again
        result = make()
        store(version, wat, sleutel, result)
        return result

    shared = f"{version.pk}:{sleutel}"
    # At most a few of the server's threads wait for renders; when more people ask at once, the
    # render goes on in the background and the page says so (and asks again by itself), so
    # the overview, the forms and the checklist stay fast for everyone else.
    gate = renderpool.waiting()
    if not gate.acquire(blocking=False):
        renderpool.in_background(shared, make_and_keep)
        raise RenderPending()
    try:
        return renderpool.once(shared, make_and_keep)
    finally:
        gate.release()


def forget(version: DossierVersion) -> None:
    """Drop the concept renders of a version (it was made final: its own documents count)."""
    Voorbeeld.objects.filter(version=version).delete()
