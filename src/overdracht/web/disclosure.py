"""The verstrekkingenlog: every disclosure of pupil data, every access to it inside the school,
and every state change around inzage and definitief, as an append-only, hash-chained log.

A *verstrekking* (:func:`record`) is a deliberate act that names who receives the data outside
the school: final documents sent to the receiving school, the loket's letter to a school. Looking
at or downloading data inside the school (a preview, a concept, the internal checklistrapport, a
dossier file) is *toegang* (:func:`access`): logged with who, what, version and hash, but never
shown to parents as sent (:func:`real_disclosures`).

Each entry's hash is an HMAC over the previous entry's hash and all of its own columns, with a
key kept outside the database, and every new head is anchored in a file outside it
(:mod:`overdracht.web.logchain`): an entry changed, inserted or deleted afterwards, even by
someone who can write to the database, is detected by :func:`verify_chain`.

Views that disclose call :func:`record`; views that show or download data call :func:`access`;
state changes call :func:`note`.
"""

from __future__ import annotations

import random
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from django.db import IntegrityError, OperationalError, transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from overdracht.model import Dossier as DossierDoc
from overdracht.web import logchain
from overdracht.web.models import Dossier, DossierVersion, Logregel, Logsoort, Logstand

GENESIS = logchain.GENESIS
entry_hash = logchain.entry_hash  # the unkeyed hash of entries from before the key
_RETRIES = 5


def _actor(user: Any) -> str:
    """Who did it: a staff account's username, or a description such as 'ouder (moeder)'."""
    if isinstance(user, str):
        return user
    if user is not None and getattr(user, "is_authenticated", False):
        return str(user.get_username())
    return "onbekend"


def _append(
    soort: str,
    door: str,
    *,
    dossier_ref: str = "",
    versie: int | None = None,
    wat: str,
    aan: str = "",
    sha256: str = "",
    weggelaten: Iterable[str] = (),
) -> Logregel:
    entry = _entry(soort, door, dossier_ref, versie, wat, aan, sha256, list(weggelaten))
    return _append_entries([entry])[-1]  # after the seal, if this append made one


def _entry(
    soort: str,
    door: str,
    dossier_ref: str,
    versie: int | None,
    wat: str,
    aan: str,
    sha256: str,
    weggelaten: list[str],
) -> Logregel:
    """An entry not yet numbered, chained or stored."""
    return Logregel(
        soort=soort,
        door=door[:200],
        dossier_ref=dossier_ref,
        versie=versie,
        wat=wat[:500],
        aan=aan[:300],
        sha256=sha256,
        weggelaten=weggelaten,
    )


def _append_entries(entries: list[Logregel]) -> list[Logregel]:
    for attempt in range(_RETRIES):
        try:
            with transaction.atomic():
                return _chain_and_store(entries)
        except (IntegrityError, OperationalError):
            # Two appends at the same moment: the unique volgnummer (or SQLite's lock) refused
            # one; try again a moment later, at a random moment so the two do not meet again.
            if attempt == _RETRIES - 1:
                raise
            time.sleep(random.uniform(0.01, 0.05) * (attempt + 1))
    raise AssertionError("unreachable")


def _chain_and_store(entries: list[Logregel]) -> list[Logregel]:
    """Number, key and store ``entries`` after the current head; anchor the new head."""
    head = Logstand.objects.select_for_update().filter(pk=1).first()
    if head is None:
        head = Logstand.objects.create(pk=1)
    key = logchain.key_for_append()
    last = Logregel.objects.order_by("-volgnummer").first()
    now = timezone.now()
    if last is not None and not last.gesleuteld:
        entries = [_seal(last), *entries]
    previous = last.hash if last is not None else GENESIS
    number = last.volgnummer if last is not None else 0
    for entry in entries:
        number += 1
        entry.volgnummer = number
        entry.tijdstip = now
        entry.vorige_hash = previous
        entry.gesleuteld = True
        entry.hash = logchain.entry_mac(key, previous, entry)
        previous = entry.hash
    if len(entries) == 1:
        entries[0].save()
    else:
        Logregel.objects.bulk_create(entries, batch_size=500)
    head.aantal = number
    head.laatste_hash = previous
    head.save()
    logchain.after_commit(lambda: logchain.anchor(number, previous))
    return entries


def seal_legacy() -> bool:
    """Seal a log from before the key (once, at start); True when the seal was written now."""
    last = Logregel.objects.order_by("-volgnummer").first()
    if last is None or last.gesleuteld:
        return False
    _append_entries([])
    return True


def _seal(last: Logregel) -> Logregel:
    """The one entry that binds a log from before the key: it names the old head, keyed."""
    return _entry(
        Logsoort.GEBEURTENIS,
        "overdracht",
        "",
        None,
        f"Log verzegeld met de sleutel buiten de database: regels 1 tot en met "
        f"{last.volgnummer} zijn van een eerdere versie, zonder sleutel; de laatste daarvan "
        f"heeft controlecode {last.hash}. Vanaf hier heeft elke regel een sleutel.",
        "",
        "",
        [],
    )


def _version_number(version: DossierVersion | int | None) -> int | None:
    if isinstance(version, DossierVersion):
        return version.number
    return version


def receivers(dossier: Dossier, version: DossierVersion | int | None = None) -> str:
    """The receiving school (and its samenwerkingsverband) of a dossier version, for 'aan'."""
    number = _version_number(version) or dossier.current_number
    stored = dossier.versions.filter(number=number).first()
    if stored is None:
        return ""
    doc = DossierDoc.model_validate(stored.data)
    school = doc.ontvangende_school
    return f"{school.naam} ({school.swv})" if school.swv else school.naam


def record(
    user: Any,
    dossier: Dossier,
    version: DossierVersion | int | None,
    what: str,
    to_whom: str | None = None,
    sha256: str = "",
    left_out: Iterable[str] = (),
) -> Logregel:
    """Log a disclosure: data of ``dossier`` was sent to ``to_whom``, outside the school.

    ``user``: the account (``request.user``) or a description; ``version``: the version (or its
    number) that was sent; ``what``: in Dutch, e.g. ``"onderwijskundig rapport (PDF)"``;
    ``to_whom``: the receiver, named by the person who sends (default: the receiving school and
    its samenwerkingsverband, as :func:`receivers` suggests it); ``sha256``: of the file that
    was sent; ``left_out``: consent categories (ids such as ``"jeugdhulp"``, as in
    ``Report.left_out``) that were withheld.
    """
    aan = (to_whom if to_whom is not None else receivers(dossier, version)).strip()
    if not aan:
        raise ValueError("Een verstrekking noemt altijd aan wie.")
    return _append(
        Logsoort.VERSTREKKING,
        _actor(user),
        dossier_ref=dossier.public_id,
        versie=_version_number(version),
        wat=what,
        aan=aan,
        sha256=sha256,
        weggelaten=left_out,
    )


def access(
    user: Any,
    dossier: Dossier,
    version: DossierVersion | int | None,
    what: str,
    sha256: str = "",
) -> Logregel:
    """Log access inside the school: ``user`` looked at or downloaded ``what`` of a version.

    Not a disclosure: nothing was sent to anyone outside the school (as far as the app knows).
    """
    return _append(
        Logsoort.TOEGANG,
        _actor(user),
        dossier_ref=dossier.public_id,
        versie=_version_number(version),
        wat=what,
        sha256=sha256,
    )


@dataclass(frozen=True)
class Disclosure:
    """One entry for :func:`record_many` or :func:`access_many` (``to_whom`` empty for access)."""

    dossier: Dossier
    version: DossierVersion | int | None
    what: str
    to_whom: str
    sha256: str = ""
    left_out: tuple[str, ...] = ()


def record_many(user: Any, items: Sequence[Disclosure]) -> list[Logregel]:
    """Log many disclosures at once (every document of a version sent): one lock, one insert.

    The entries are chained exactly as :func:`record` chains them, one per item.
    """
    if any(not item.to_whom.strip() for item in items):
        raise ValueError("Een verstrekking noemt altijd aan wie.")
    return _many(Logsoort.VERSTREKKING, user, items)


def access_many(user: Any, items: Sequence[Disclosure]) -> list[Logregel]:
    """Log access to many dossiers at once (a ZIP of dossier files), one entry per dossier."""
    return _many(Logsoort.TOEGANG, user, [replace(item, to_whom="") for item in items])


def _many(soort: str, user: Any, items: Sequence[Disclosure]) -> list[Logregel]:
    door = _actor(user)
    entries = [
        _entry(
            soort,
            door,
            item.dossier.public_id,
            _version_number(item.version),
            item.what,
            item.to_whom,
            item.sha256,
            list(item.left_out),
        )
        for item in items
    ]
    if not entries:
        return []
    return _append_entries(entries)[-len(entries) :]  # without a seal this append made


def note(
    user: Any, dossier: Dossier, what: str, version: DossierVersion | int | None = None
) -> Logregel:
    """Log a state change of ``dossier`` (inzage asked, opened, submitted, final made, ...).

    ``what`` is a Dutch sentence without names: say 'ouder (moeder)', not the parent's name,
    because an entry can never be removed.
    """
    return _append(
        Logsoort.GEBEURTENIS,
        _actor(user),
        dossier_ref=dossier.public_id,
        versie=_version_number(version),
        wat=what,
    )


def note_deleted(user: Any, dossier_ref: str, what: str) -> Logregel:
    """Log that a dossier was deleted (retention); the entry holds no pupil data."""
    return _append(Logsoort.VERWIJDERD, _actor(user), dossier_ref=dossier_ref, wat=what)


def entries_for(dossier: Dossier) -> QuerySet[Logregel]:
    return Logregel.objects.filter(dossier_ref=dossier.public_id).order_by("volgnummer")


def disclosures() -> QuerySet[Logregel]:
    return Logregel.objects.filter(soort=Logsoort.VERSTREKKING).order_by("volgnummer")


# Entries from before access was told apart (unkeyed, see logchain) were all 'verstrekking'; these
# were downloads inside the school, not disclosures: a concept, a dossier file, the
# checklistrapport.
_LEGACY_ACCESS = (
    Q(wat__contains="concept)")
    | Q(aan="eigen school (download)")
    | Q(wat__startswith="checklistrapport")
)


def real_disclosures(dossier: Dossier) -> QuerySet[Logregel]:
    """What was really sent of ``dossier`` to someone outside the school: for the parents' page.

    Only disclosures that name a receiver; never access inside the school, never a preview or a
    concept, not even from entries written before access was logged apart.
    """
    return (
        entries_for(dossier)
        .filter(soort=Logsoort.VERSTREKKING)
        .exclude(Q(gesleuteld=False) & _LEGACY_ACCESS)
    )


ChainCheck = logchain.ChainCheck


def verify_chain() -> ChainCheck:
    """Walk the whole log and its anchor and report every deleted, inserted or altered entry."""
    return logchain.verify()
