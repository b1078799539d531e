"""The parent's or pupil's own session on the inzage pages, apart from any staff login.

Why not Django's CSRF middleware: the inzage pages send ``Referrer-Policy: no-referrer`` (the
link on the letter must never leak), and browsers then send ``Origin: null`` with a form post,
which Django's origin check refuses. So the parent's posts are protected in a way that does not
depend on the Origin header:

- a cookie of its own (``inzage``, path ``/inzage/``, ``SameSite=Strict``, HttpOnly): a browser
  does not send it with a request that another site started, so another site cannot post in the
  parent's name;
- a random form key kept in that session and put in every form, compared by the view
  (the synchronizer-token pattern).

The session (Django's own session store) names the opened link by its id and the hash of its
token, never the token itself; after the code the parent's pages have no token in their address.
"""

from __future__ import annotations

import secrets
from importlib import import_module
from typing import Any

from django.conf import settings
from django.contrib.sessions.backends.base import SessionBase
from django.http import HttpRequest, HttpResponse

from overdracht.web.models import Inzageverzoek

COOKIE = "inzage"
COOKIE_PATH = "/inzage/"
FORM_FIELD = "sleutel"


def _store(key: str | None) -> SessionBase:
    engine: Any = import_module(settings.SESSION_ENGINE)
    store: SessionBase = engine.SessionStore(session_key=key)
    return store


class ParentSession:
    """The inzage session of one browser: which link it opened, its form key, a thank-you."""

    def __init__(self, request: HttpRequest) -> None:
        self.store = _store(request.COOKIES.get(COOKIE))
        self._send = False

    # The form key ----------------------------------------------------------------------------

    @property
    def form_key(self) -> str:
        key = self.store.get(FORM_FIELD)
        if not key:
            key = secrets.token_urlsafe(32)
            self.store[FORM_FIELD] = key
            self._send = True
        return str(key)

    def form_ok(self, request: HttpRequest) -> bool:
        """Did the post come from a page this session was given?"""
        expected = self.store.get(FORM_FIELD)
        given = request.POST.get(FORM_FIELD, "")
        return bool(expected) and secrets.compare_digest(str(expected), given)

    # The opened link -------------------------------------------------------------------------

    def open(self, verzoek: Inzageverzoek) -> None:
        """The right code was given: this browser may see ``verzoek``'s page (a new session id,
        so a session id known before the code is worth nothing after it)."""
        self.store.cycle_key()
        self.store["verzoek"] = verzoek.pk
        self.store["link"] = verzoek.token_hash
        self.store[FORM_FIELD] = secrets.token_urlsafe(32)
        self._send = True

    def holds(self, verzoek: Inzageverzoek) -> bool:
        return bool(
            self.store.get("verzoek") == verzoek.pk
            and secrets.compare_digest(str(self.store.get("link", "")), verzoek.token_hash)
        )

    def opened(self) -> Inzageverzoek | None:
        """The link this browser opened with its code (still to be checked for validity)."""
        pk = self.store.get("verzoek")
        if pk is None:
            return None
        verzoek = Inzageverzoek.objects.select_related("dossier").filter(pk=pk).first()
        return verzoek if verzoek is not None and self.holds(verzoek) else None

    def end(self) -> None:
        self.store.flush()
        self._send = True

    # A message for the next page -------------------------------------------------------------

    def flash(self, text: str) -> None:
        self.store["melding"] = text
        self._send = True

    def take_flash(self) -> str:
        text = self.store.pop("melding", "")
        if text:
            self._send = True
        return str(text)

    def attach(self, response: HttpResponse) -> HttpResponse:
        """Save the session (if it changed) and set or remove its cookie on ``response``."""
        if not self._send and not self.store.modified:
            return response
        if not self.store.keys():
            if self.store.session_key:
                self.store.delete()
            response.delete_cookie(COOKIE, path=COOKIE_PATH, samesite="Strict")
            return response
        self.store.save()
        response.set_cookie(
            COOKIE,
            str(self.store.session_key),
            path=COOKIE_PATH,
            secure=settings.SESSION_COOKIE_SECURE,
            httponly=True,
            samesite="Strict",
        )
        return response
