"""Login throttling per account and per address, kept in Django's cache.

A gate backend, first in ``AUTHENTICATION_BACKENDS``, refuses every login (also the admin's) for
an account or an address that failed too often, before any password is checked; failures are
counted from Django's ``user_login_failed`` signal. The counters live in the server's memory:
a restart clears them, which only the school's IT can do. Neither the account name nor the
address is stored or logged in the clear.
"""

from __future__ import annotations

import hashlib
import logging
from typing import Any

from django.conf import settings
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.dispatch import receiver
from django.http import HttpRequest

log = logging.getLogger("overdracht.inloggen")

LOCKED_MESSAGE = (
    "Er is te vaak een verkeerd wachtwoord gegeven. Inloggen is daarom even geblokkeerd: "
    "probeer het over {minuten} minuten opnieuw. Bent u het wachtwoord vergeten? Vraag de "
    "beheerder om een nieuw wachtwoord."
)


def _key(kind: str, value: str) -> str:
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{value}".encode()).hexdigest()[:32]
    return f"inlogpogingen:{kind}:{digest}"


def _keys(request: HttpRequest | None, username: str | None) -> list[tuple[str, int]]:
    """(cache key, limit) for the account and the address of this attempt."""
    keys = []
    if username:
        keys.append((_key("account", username.casefold()), settings.LOGIN_FAILURES_PER_ACCOUNT))
    address = request.META.get("REMOTE_ADDR") if request is not None else None
    if address:
        keys.append((_key("adres", address), settings.LOGIN_FAILURES_PER_ADDRESS))
    return keys


def is_locked(request: HttpRequest | None, username: str | None) -> bool:
    return any((cache.get(key) or 0) >= limit for key, limit in _keys(request, username))


def lock_minutes() -> int:
    return int(settings.LOGIN_LOCK_SECONDS) // 60


class LoginGate:
    """An authentication backend that authenticates nobody: it refuses a locked account or
    address (``PermissionDenied`` stops Django from asking the next backend). It has no
    ``get_user``, so sessions and ``force_login`` keep to the ModelBackend."""

    def authenticate(
        self, request: HttpRequest | None, username: str | None = None, **kwargs: Any
    ) -> None:
        if is_locked(request, username):
            if request is not None:
                request.login_throttled = True  # type: ignore[attr-defined]
            raise PermissionDenied
        return None


@receiver(user_login_failed)
def count_failure(
    sender: object, credentials: dict[str, Any], request: HttpRequest | None = None, **_: Any
) -> None:
    for key, limit in _keys(request, credentials.get("username")):
        if cache.add(key, 1, timeout=settings.LOGIN_LOCK_SECONDS):
            continue
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.add(key, 1, timeout=settings.LOGIN_LOCK_SECONDS)
            continue
        if count == limit:
            what = "een account" if key.startswith("inlogpogingen:account") else "een adres"
            log.warning(
                "Inloggen %d minuten geblokkeerd voor %s na %d pogingen",
                lock_minutes(),
                what,
                count,
            )


@receiver(user_logged_in)
def forget_failures(sender: object, request: HttpRequest | None, user: Any, **_: Any) -> None:
    """A good login clears the account's count (not the address's: one good account must not
    let an address go on guessing others)."""
    cache.delete(_key("account", str(user.get_username()).casefold()))
