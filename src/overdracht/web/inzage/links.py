"""Personal inzage links: made, opened with a code, withdrawn, expired.

A link holds 256 random bits; only its SHA-256 is stored. The short code on the letter is the
second factor (the school hands the letter over separately from the link, or the link is only on
the letter and the code is given by phone). Its hash is keyed by the link, so the database alone
does not reveal it. Wrong codes are rate-limited: after every ``MAX_TRIES`` wrong codes the link
rests for ``REST``; after ``MAX_TOTAL`` it is closed for good and the school must ask again.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from overdracht.errors import UsageError
from overdracht.web import disclosure
from overdracht.web.inzage.people import plan_for
from overdracht.web.models import Dossier, Inzageverzoek
from overdracht.web.store import document

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read from paper
CODE_LENGTH = 8
MAX_TRIES = 5
REST = dt.timedelta(minutes=15)
MAX_TOTAL = 20


class State(Enum):
    OPEN = "open"
    EXPIRED = "verlopen"
    WITHDRAWN = "ingetrokken"


@dataclass(frozen=True)
class NewLink:
    """A link as made: the only moment its secret and code are known."""

    verzoek: Inzageverzoek
    token: str
    code: str


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def normalize_code(code: str) -> str:
    return "".join(c for c in code.upper() if c.isalnum())


def hash_code(token: str, code: str) -> str:
    return hmac.new(token.encode(), normalize_code(code).encode(), hashlib.sha256).hexdigest()


def _new_code() -> str:
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    return f"{raw[:4]}-{raw[4:]}"


@transaction.atomic
def ask(dossier: Dossier, user: Any, overlay: Path | None = None) -> list[NewLink]:
    """New links for everyone who must see the current version; earlier open links are
    withdrawn (a person has one valid link at a time)."""
    version = dossier.current
    if version.definitief:
        raise UsageError(
            "Deze versie is definitief. Inzage vraagt u voor een conceptversie: wijzig het "
            "dossier eerst, dan ontstaat een nieuwe conceptversie."
        )
    plan = plan_for(document(version.data), overlay)
    if not plan.personen:
        raise UsageError(
            "Er is niemand om inzage te vragen. Vul bij 'Ouders' in wie het gezag heeft, of "
            "controleer de geboortedatum van de leerling."
        )
    for old in open_links(dossier):
        withdraw(old, user, reason="vervangen door een nieuwe link")
    expires = timezone.now() + dt.timedelta(days=settings.INZAGE_DAGEN)
    made: list[NewLink] = []
    for person in plan.personen:
        token = secrets.token_urlsafe(32)
        code = _new_code()
        verzoek = Inzageverzoek.objects.create(
            dossier=dossier,
            versie=version.number,
            giver=person.giver,
            ouder_nummer=person.ouder_nummer,
            rol=person.rol,
            naam=person.naam,
            beslist_toestemming=person.beslist_toestemming,
            token_hash=hash_token(token),
            code_hash=hash_code(token, code),
            aangemaakt_door=user if getattr(user, "is_authenticated", False) else None,
            verloopt_op=expires,
        )
        disclosure.note(
            user,
            dossier,
            f"Inzagelink gemaakt voor {verzoek.wie}, geldig tot "
            f"{timezone.localtime(expires).strftime('%d-%m-%Y')}",
            version,
        )
        made.append(NewLink(verzoek, token, code))
    return made


def open_links(dossier: Dossier) -> list[Inzageverzoek]:
    return [
        v
        for v in dossier.inzageverzoeken.filter(ingetrokken_op__isnull=True)
        if state(v) is State.OPEN
    ]


def state(verzoek: Inzageverzoek) -> State:
    if verzoek.ingetrokken_op is not None:
        return State.WITHDRAWN
    if timezone.now() >= verzoek.verloopt_op:
        return State.EXPIRED
    return State.OPEN


def find(token: str) -> Inzageverzoek | None:
    """The link's request, if it is open; None for a forged, expired or withdrawn link."""
    if not token or len(token) > 100:
        return None
    verzoek = (
        Inzageverzoek.objects.select_related("dossier").filter(token_hash=hash_token(token)).first()
    )
    if verzoek is None:
        return None
    current = state(verzoek)
    if current is State.EXPIRED and not verzoek.verlopen_gemeld:
        verzoek.verlopen_gemeld = True
        verzoek.save(update_fields=["verlopen_gemeld"])
        disclosure.note(
            "systeem", verzoek.dossier, f"Inzagelink voor {verzoek.wie} verlopen", verzoek.versie
        )
    return verzoek if current is State.OPEN else None


class CodeResult(Enum):
    OK = "ok"
    WRONG = "fout"
    RESTING = "wacht"
    CLOSED = "dicht"


def check_code(verzoek: Inzageverzoek, token: str, code: str) -> CodeResult:
    """Compare the code, counting wrong ones; logs the first opening."""
    now = timezone.now()
    if verzoek.mislukte_pogingen >= MAX_TOTAL:
        return CodeResult.CLOSED
    if verzoek.geblokkeerd_tot is not None and now < verzoek.geblokkeerd_tot:
        return CodeResult.RESTING
    if hmac.compare_digest(hash_code(token, code), verzoek.code_hash):
        if verzoek.geopend_op is None:
            verzoek.geopend_op = now
            verzoek.save(update_fields=["geopend_op"])
            disclosure.note(
                verzoek.wie,
                verzoek.dossier,
                f"Inzagelink geopend door {verzoek.wie}",
                verzoek.versie,
            )
        return CodeResult.OK
    Inzageverzoek.objects.filter(pk=verzoek.pk).update(mislukte_pogingen=F("mislukte_pogingen") + 1)
    verzoek.refresh_from_db(fields=["mislukte_pogingen"])
    if verzoek.mislukte_pogingen >= MAX_TOTAL:
        disclosure.note(
            "systeem",
            verzoek.dossier,
            f"Inzagelink voor {verzoek.wie} gesloten na {MAX_TOTAL} verkeerde codes",
            verzoek.versie,
        )
        return CodeResult.CLOSED
    if verzoek.mislukte_pogingen % MAX_TRIES == 0:
        verzoek.geblokkeerd_tot = now + REST
        verzoek.save(update_fields=["geblokkeerd_tot"])
        return CodeResult.RESTING
    return CodeResult.WRONG


def withdraw(verzoek: Inzageverzoek, user: Any, reason: str = "") -> None:
    if verzoek.ingetrokken_op is not None:
        return
    verzoek.ingetrokken_op = timezone.now()
    verzoek.save(update_fields=["ingetrokken_op"])
    why = f" ({reason})" if reason else ""
    disclosure.note(
        user, verzoek.dossier, f"Inzagelink voor {verzoek.wie} ingetrokken{why}", verzoek.versie
    )
