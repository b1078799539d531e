"""Personal inzage links: made, opened with a code, withdrawn, expired.

A link holds 256 random bits; only its SHA-256 is stored. The short code on the letter is the
second factor (the school hands the letter over separately from the link, or the link is only on
the letter and the code is given by phone). Its hash is keyed by the link, so the database alone
does not reveal it. Wrong codes are rate-limited: after every ``MAX_TRIES`` wrong codes the link
rests for ``REST``; after ``MAX_TOTAL`` it is locked until the IB'er lifts the lock (after
speaking to the parent) or makes a new letter.

Once a version the link is for (or a later one) is final, the link is closed for answers: the
parent can still look (their answers, the report, what was sent) until the link expires.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from enum import Enum
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from overdracht.errors import UsageError
from overdracht.web import disclosure
from overdracht.web.inzage.people import plan_for
from overdracht.web.models import Dossier, DossierVersion, Inzageverzoek
from overdracht.web.store import document, overlay_for

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read from paper
CODE_LENGTH = 8
MAX_TRIES = 5
REST = dt.timedelta(minutes=15)
MAX_TOTAL = 20


class State(Enum):
    OPEN = "open"
    FINAL = "definitief"  # the version is final: the parent can look, no longer answer
    EXPIRED = "verlopen"
    WITHDRAWN = "ingetrokken"


VIEWABLE = (State.OPEN, State.FINAL)


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
def ask(dossier: Dossier, user: Any) -> list[NewLink]:
    """New links for everyone who must see the current version; earlier links that still work
    are withdrawn (a person has one valid link at a time). The caller asks for confirmation
    first when there are such links (:func:`open_links`)."""
    version = dossier.current
    if version.definitief:
        raise UsageError(
            "Deze versie is definitief. Inzage vraagt u voor een conceptversie: wijzig het "
            "dossier eerst, dan ontstaat een nieuwe conceptversie."
        )
    doc = document(version.data)
    plan = plan_for(doc, overlay_for(doc))
    if not plan.personen:
        raise UsageError(
            "Er is niemand om inzage te vragen. Vul bij 'Ouders' in wie het gezag heeft, of "
            "controleer de geboortedatum van de leerling."
        )
    for old in open_links(dossier):
        withdraw(old, user, reason="vervangen door een nieuwe link")
    expires = timezone.now() + dt.timedelta(days=settings.INZAGE_DAGEN)
    return [_make(dossier, version, user, expires, **vars(person)) for person in plan.personen]


def _make(
    dossier: Dossier, version: DossierVersion, user: Any, expires: dt.datetime, **person: Any
) -> NewLink:
    token = secrets.token_urlsafe(32)
    code = _new_code()
    verzoek = Inzageverzoek.objects.create(
        dossier=dossier,
        versie=version.number,
        token_hash=hash_token(token),
        code_hash=hash_code(token, code),
        aangemaakt_door=user if getattr(user, "is_authenticated", False) else None,
        verloopt_op=expires,
        **person,
    )
    disclosure.note(
        user,
        dossier,
        f"Inzagelink gemaakt voor {verzoek.wie}, geldig tot "
        f"{timezone.localtime(expires).strftime('%d-%m-%Y')}; brief met code getoond aan "
        f"{_staff(user)}",
        version,
    )
    return NewLink(verzoek, token, code)


def _staff(user: Any) -> str:
    return str(getattr(user, "username", "") or user or "onbekend")


@transaction.atomic
def renew(verzoek: Inzageverzoek, user: Any) -> NewLink:
    """A new letter for one person (theirs was lost, or they were locked out): their old link
    stops working; the others' links stay as they are. The code is shown once, now."""
    dossier = verzoek.dossier
    version = dossier.current
    if version.definitief or version.number != verzoek.versie:
        raise UsageError(
            "Deze link hoort bij een oudere of definitieve versie. Vraag opnieuw inzage voor de "
            "huidige conceptversie."
        )
    withdraw(verzoek, user, reason="vervangen door een nieuwe brief")
    expires = timezone.now() + dt.timedelta(days=settings.INZAGE_DAGEN)
    return _make(
        dossier,
        version,
        user,
        expires,
        giver=verzoek.giver,
        ouder_nummer=verzoek.ouder_nummer,
        rol=verzoek.rol,
        naam=verzoek.naam,
        beslist_toestemming=verzoek.beslist_toestemming,
    )


def open_links(dossier: Dossier) -> list[Inzageverzoek]:
    """The links that still open a page (to answer, or to look after final)."""
    return [
        v
        for v in dossier.inzageverzoeken.filter(ingetrokken_op__isnull=True)
        if state(v) in VIEWABLE
    ]


def answering_links(dossier: Dossier) -> list[Inzageverzoek]:
    """The links that still take answers: the letters that stop working when asked again."""
    return [v for v in open_links(dossier) if state(v) is State.OPEN]


def state(verzoek: Inzageverzoek) -> State:
    if verzoek.ingetrokken_op is not None:
        return State.WITHDRAWN
    if timezone.now() >= verzoek.verloopt_op:
        return State.EXPIRED
    if verzoek.dossier.versions.filter(definitief=True, number__gte=verzoek.versie).exists():
        return State.FINAL
    return State.OPEN


def can_answer(verzoek: Inzageverzoek) -> bool:
    return state(verzoek) is State.OPEN


def close_for_final(dossier: Dossier, user: Any, version: DossierVersion) -> None:
    """Log that making ``version`` final closed the links for answers (:func:`state` closes
    them: the parent can still look, no longer answer)."""
    for verzoek in dossier.inzageverzoeken.filter(
        ingetrokken_op__isnull=True, versie__lte=version.number
    ):
        if timezone.now() < verzoek.verloopt_op:
            disclosure.note(
                user,
                dossier,
                f"Inzagelink voor {verzoek.wie} gesloten voor reacties: versie {version.number} "
                "is definitief (inkijken kan nog tot de link verloopt)",
                version,
            )


def viewable(verzoek: Inzageverzoek) -> bool:
    return state(verzoek) in VIEWABLE


def find(token: str) -> Inzageverzoek | None:
    """The link's request, if it still opens a page; None for a forged, expired or withdrawn
    link."""
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
    return verzoek if current in VIEWABLE else None


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
            f"Inzagelink voor {verzoek.wie} geblokkeerd na {MAX_TOTAL} verkeerde codes",
            verzoek.versie,
        )
        return CodeResult.CLOSED
    if verzoek.mislukte_pogingen % MAX_TRIES == 0:
        verzoek.geblokkeerd_tot = now + REST
        verzoek.save(update_fields=["geblokkeerd_tot"])
        return CodeResult.RESTING
    return CodeResult.WRONG


class Lock(Enum):
    NONE = "geen"
    RESTING = "wacht"  # a few wrong codes: it rests for a quarter of an hour
    LOCKED = "geblokkeerd"  # too many wrong codes: the IB'er lifts it or makes a new letter


def lock(verzoek: Inzageverzoek) -> Lock:
    if verzoek.mislukte_pogingen >= MAX_TOTAL:
        return Lock.LOCKED
    if verzoek.geblokkeerd_tot is not None and timezone.now() < verzoek.geblokkeerd_tot:
        return Lock.RESTING
    return Lock.NONE


def unlock(verzoek: Inzageverzoek, user: Any) -> None:
    """Lift a lock-out (the IB'er spoke to the parent): the wrong codes count from zero."""
    if lock(verzoek) is Lock.NONE:
        return
    tries = verzoek.mislukte_pogingen
    verzoek.mislukte_pogingen = 0
    verzoek.geblokkeerd_tot = None
    verzoek.save(update_fields=["mislukte_pogingen", "geblokkeerd_tot"])
    disclosure.note(
        user,
        verzoek.dossier,
        f"Blokkade van de inzagelink voor {verzoek.wie} opgeheven na {tries} verkeerde codes",
        verzoek.versie,
    )


def withdraw(verzoek: Inzageverzoek, user: Any, reason: str = "") -> None:
    if verzoek.ingetrokken_op is not None:
        return
    verzoek.ingetrokken_op = timezone.now()
    verzoek.save(update_fields=["ingetrokken_op"])
    why = f" ({reason})" if reason else ""
    disclosure.note(
        user, verzoek.dossier, f"Inzagelink voor {verzoek.wie} ingetrokken{why}", verzoek.versie
    )
