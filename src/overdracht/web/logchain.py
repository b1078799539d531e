"""What makes the verstrekkingenlog tamper-evident against someone who can write to the database.

- **A key outside the database.** Every entry's ``hash`` is an HMAC-SHA256, with a key kept in
  the data folder (``verstrekkingenlog-sleutel.txt``, 0600), over the previous entry's hash and
  all of the entry's own columns. Whoever changes, inserts or renumbers rows in the database
  cannot recompute the chain without that key.
- **An anchor outside the database.** After every append, the new head (number and HMAC of the
  last entry) is appended to ``verstrekkingenlog-anker.txt`` (0600) beside it. Rows removed at
  the end, or a log emptied altogether, no longer reach the head that the anchor names.
- **Older logs.** Entries written before the key existed have a plain SHA-256 chain
  (``gesleuteld`` false). The first append with a key *seals* them: an entry, itself keyed,
  that names their number and last hash. They can no longer be changed unnoticed afterwards;
  what was changed before the seal cannot be told (the README says so).

:func:`verify` walks the log and the anchor and reports, in Dutch, everything that does not fit.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import hashlib
import hmac
import json
import logging
import os
import re
import secrets
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import DatabaseError, transaction

from overdracht.errors import OverdrachtError
from overdracht.web.models import Logregel, Logstand

log = logging.getLogger(__name__)

GENESIS = "0" * 64
KEY_FILE = "verstrekkingenlog-sleutel.txt"
ANCHOR_FILE = "verstrekkingenlog-anker.txt"
MAX_PROBLEMS = 20
_ANCHOR_HEADER = (
    "# Verstrekkingenlog van overdracht: per regel het volgnummer en de controlecode (HMAC) van\n"
    "# de laatste logregel na elke toevoeging. Niet wijzigen; bewaar dit bestand in de back-up.\n"
)


class LogKeyMissing(OverdrachtError):
    """The log has keyed entries but its key is gone: nothing may be logged (or sent) now."""

    def __init__(self) -> None:
        super().__init__(
            "De sleutel van het verstrekkingenlog ontbreekt in de gegevensmap "
            f"({KEY_FILE}). Zonder sleutel kan niets worden vastgelegd, en dus ook niets worden "
            "bekeken of verstuurd. Zet het bestand terug uit de back-up en meld dit aan de "
            "beheerder en de functionaris gegevensbescherming."
        )


def _data_dir() -> Path:
    return Path(settings.DATA_DIR)


def make_key(data_dir: Path) -> bool:
    """Make the log key in ``data_dir`` (0600) unless there is one; True when it was made."""
    try:
        fd = os.open(
            data_dir / KEY_FILE, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600
        )
    except FileExistsError:
        return False
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(secrets.token_hex(32) + "\n")
        handle.flush()
        os.fsync(handle.fileno())
    return True


def read_key() -> bytes | None:
    try:
        text = (_data_dir() / KEY_FILE).read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return None
    try:
        return bytes.fromhex(text) if text else None
    except ValueError:  # not the key the app wrote: as good as missing, never replaced
        return None


def key_for_append() -> bytes:
    """The key to sign new entries with; made on first use, never silently replaced."""
    key = read_key()
    if key is not None:
        return key
    if Logregel.objects.filter(gesleuteld=True).exists():
        raise LogKeyMissing()
    make_key(_data_dir())
    key = read_key()
    if key is None:  # pragma: no cover - the folder is not writable: a clear refusal, not a 500
        raise LogKeyMissing()
    return key


def content(entry: Logregel) -> str:
    """The canonical text an entry's hash covers (everything but its own hash)."""
    return json.dumps(
        {
            "volgnummer": entry.volgnummer,
            "tijdstip": entry.tijdstip.astimezone(dt.UTC).isoformat(),
            "soort": entry.soort,
            "door": entry.door,
            "dossier": entry.dossier_ref,
            "versie": entry.versie,
            "wat": entry.wat,
            "aan": entry.aan,
            "sha256": entry.sha256,
            "weggelaten": list(entry.weggelaten),
        },
        ensure_ascii=False,
        sort_keys=True,
        separators=(",", ":"),
    )


def entry_hash(previous: str, entry: Logregel) -> str:
    """The unkeyed SHA-256 of entries from before the key (anyone can compute it)."""
    return hashlib.sha256(f"{previous}\n{content(entry)}".encode()).hexdigest()


def entry_mac(key: bytes, previous: str, entry: Logregel) -> str:
    """The HMAC-SHA256 of an entry: only who holds the key can compute it."""
    return hmac.new(key, f"{previous}\n{content(entry)}".encode(), hashlib.sha256).hexdigest()


def after_commit(action: Callable[[], None]) -> None:
    """Run ``action`` once the entry's transaction committed: an entry rolled back is never
    anchored (it would read as deleted)."""
    transaction.on_commit(action)


def anchor(volgnummer: int, head: str) -> None:
    """Append the new head to the anchor file (after the entry's transaction committed)."""
    path = _data_dir() / ANCHOR_FILE
    try:
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_NOFOLLOW, 0o600)
        with os.fdopen(fd, "a", encoding="utf-8") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            if handle.tell() == 0:
                handle.write(_ANCHOR_HEADER)
            handle.write(f"{volgnummer} {head}\n")
            handle.flush()
            os.fsync(handle.fileno())
    except OSError as exc:
        # The entry is stored and keyed; the check will name the head that was not anchored.
        log.error("Ankerbestand van het verstrekkingenlog niet bijgewerkt (%s)", exc.strerror)


def read_anchor() -> list[tuple[int, str]] | None:
    """The anchored heads, oldest first; None when there is no anchor file."""
    path = _data_dir() / ANCHOR_FILE
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except FileNotFoundError:
        return None
    heads: list[tuple[int, str]] = []
    for line in lines:
        number, _, head = line.strip().partition(" ")
        if number.isdigit() and len(head) == 64:
            heads.append((int(number), head))
    return heads


@dataclass
class ChainCheck:
    """The result of :func:`verify`: the problems found (in Dutch), none when sound."""

    aantal: int = 0
    laatste_hash: str = ""
    zonder_sleutel: int = 0
    problemen: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problemen


def _all_entries() -> Iterator[Logregel]:
    return Logregel.objects.order_by("volgnummer").iterator(chunk_size=2000)


# How a verzendbewijs (sending.receipt) names the log's head when the documents were sent.
_RECEIPT_HEAD = re.compile(r"Controlecode van regel (\d+):\s*\n\s*([0-9a-f]{64})")


def receipt_head(text: str) -> tuple[int, str] | None:
    """The log entry and controlecode a verzendbewijs names, or None if it names none."""
    match = _RECEIPT_HEAD.search(text)
    return (int(match.group(1)), match.group(2)) if match else None


def verify(receipts: Sequence[tuple[str, tuple[int, str]]] = ()) -> ChainCheck:
    """Walk the whole log and the anchor; report every deleted, inserted or altered entry.

    ``receipts``: (name, (number, controlecode)) of verzendbewijzen held outside the school,
    each a head of the log at the time of sending: the entry must still be exactly that.
    """
    result = ChainCheck()
    try:
        with transaction.atomic():  # a savepoint: PostgreSQL stays usable after an error
            hashes = _walk(result)
            head = Logstand.objects.filter(pk=1).first()
    except DatabaseError:
        result.problemen.append(
            "de tabellen van het verstrekkingenlog ontbreken of zijn niet te lezen: de database "
            "is buiten de app om veranderd."
        )
        return result
    if head is not None and head.aantal > result.aantal and head.aantal not in hashes:
        result.problemen.append(
            f"de laatste regel(s) na regel {result.aantal} ontbreken: het log had "
            f"{head.aantal} regels."
        )
    elif head is not None and head.aantal and head.laatste_hash != hashes.get(head.aantal):
        result.problemen.append("de laatste regel past niet bij de stand van het log.")
    _check_anchor(result, hashes)
    for name, (number, code) in receipts:
        if hashes.get(number) != code:
            result.problemen.append(
                f"regel {number} staat niet meer in het log zoals bij het versturen ({name}): "
                "het log is herschreven of ingekort."
            )
    if len(result.problemen) > MAX_PROBLEMS:  # a rewritten chain: every later entry differs
        rest = len(result.problemen) - MAX_PROBLEMS
        result.problemen[MAX_PROBLEMS:] = [f"en nog {rest} andere problemen."]
    return result


def _walk(result: ChainCheck) -> dict[int, str]:
    key = read_key()
    previous = GENESIS
    expected = 1
    keyed_seen = False
    hashes: dict[int, str] = {}
    for entry in _all_entries():
        number = entry.volgnummer
        if number > expected:
            missing = (
                f"regel {expected} ontbreekt"
                if number == expected + 1
                else f"regels {expected} tot en met {number - 1} ontbreken"
            )
            result.problemen.append(f"{missing}: verwijderd uit het log.")
        elif number < expected:
            result.problemen.append(f"regel {number} staat dubbel in het log.")
        if entry.vorige_hash != previous:
            result.problemen.append(
                f"regel {number} sluit niet aan op de regel ervoor "
                "(een regel ervoor is verwijderd of veranderd)."
            )
        if entry.gesleuteld:
            if key is None and not keyed_seen:
                result.problemen.append(
                    f"de sleutel van het log ({KEY_FILE}) ontbreekt in de gegevensmap of is "
                    "onleesbaar: de regels met sleutel zijn niet te controleren. Zet hem terug "
                    "uit de back-up."
                )
            keyed_seen = True
            if key is not None and not hmac.compare_digest(
                entry_mac(key, entry.vorige_hash, entry), entry.hash
            ):
                result.problemen.append(
                    f"regel {number} klopt niet met de sleutel: achteraf veranderd, of buiten "
                    "de app toegevoegd."
                )
        else:
            result.zonder_sleutel += 1
            if keyed_seen:
                result.problemen.append(
                    f"regel {number} heeft geen sleutel, maar staat na regels met sleutel: "
                    "buiten de app toegevoegd of herschreven."
                )
            elif entry_hash(entry.vorige_hash, entry) != entry.hash:
                result.problemen.append(f"regel {number} is achteraf veranderd.")
        previous = entry.hash
        expected = number + 1
        hashes[number] = entry.hash
        result.aantal += 1
        result.laatste_hash = entry.hash
    return hashes


def _check_anchor(result: ChainCheck, hashes: dict[int, str]) -> None:
    try:
        heads = read_anchor()
    except OSError as exc:
        result.problemen.append(
            f"het ankerbestand ({ANCHOR_FILE}) is niet te lezen ({exc.strerror}); geef het "
            "account van de app weer leesrecht."
        )
        return
    if heads is None:
        if result.aantal > result.zonder_sleutel:
            result.problemen.append(
                f"het ankerbestand ({ANCHOR_FILE}) ontbreekt in de gegevensmap, terwijl het log "
                "regels met sleutel heeft. Zet het terug uit de back-up."
            )
        return
    if not heads:
        return
    last_number = max(number for number, _ in heads)
    if not hashes:
        result.problemen.append(
            f"het log is leeg, maar volgens het ankerbestand had het {last_number} regels: "
            "het log is leeggemaakt."
        )
        return
    if last_number not in hashes:
        result.problemen.append(
            f"volgens het ankerbestand had het log {last_number} regels, maar het heeft er "
            f"{len(hashes)}: regels aan het eind zijn verwijderd."
        )
    changed = sorted({n for n, head in heads if n in hashes and hashes[n] != head})
    if changed:
        shown = ", ".join(str(n) for n in changed[:5]) + (" …" if len(changed) > 5 else "")
        result.problemen.append(
            f"de regel(s) {shown} zijn niet meer de regels die in het ankerbestand staan: "
            "het log is herschreven."
        )
