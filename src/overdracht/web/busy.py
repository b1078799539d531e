"""A busy or unreachable database costs the user a few seconds, never what they typed.

With WAL and immediate transactions (settings.py) saves queue for the write lock; should one
still fail (the wait ran out, PostgreSQL broke a deadlock, the database server restarted), the
user gets a calm Dutch page with what they sent ready to send again, instead of a 500.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.db import OperationalError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

log = logging.getLogger(__name__)

# Never written back into a page: passwords and parents' codes are typed again.
SECRET_FIELDS = frozenset(
    {
        "csrfmiddlewaretoken",
        "password",
        "password1",
        "password2",
        "old_password",
        "new_password1",
        "new_password2",
        "code",
    }
)


def kept_fields(request: HttpRequest) -> list[tuple[str, str]]:
    """What the user sent, field by field, to send again (secrets left out)."""
    if request.method != "POST":
        return []
    return [
        (name, value)
        for name in request.POST
        if name not in SECRET_FIELDS
        for value in request.POST.getlist(name)
    ]


def send_again_page(
    request: HttpRequest, *, status: int, titel: str, tekst: str, retry: bool = True
) -> HttpResponse:
    """A calm page that offers to send the same form again (when there was one)."""
    secrets = request.method == "POST" and any(
        name in SECRET_FIELDS - {"csrfmiddlewaretoken"} for name in request.POST
    )
    # A form with a password or code cannot be sent again without it: typed again, from the
    # form itself.
    fields = kept_fields(request) if retry and not secrets else []
    response = render(
        request,
        "overdracht/opnieuw.html",
        {
            "titel": titel,
            "tekst": tekst,
            "velden": fields,
            "actie": request.get_full_path(),
            "bestanden": bool(request.method == "POST" and request.FILES),
            "geheimen": secrets,
        },
        status=status,
    )
    response["Cache-Control"] = "no-store"  # the page holds what was typed
    response["Referrer-Policy"] = "no-referrer"  # its address may be a parent's link
    return response


class DatabaseBusy:
    """Turn a database that cannot answer now into a 503 page that keeps the form."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, OperationalError):
            return None
        match = request.resolver_match
        # The route's name, not the path: a parent's link holds a secret token.
        log.warning(
            "Database bezet of onbereikbaar (%s) bij %s %s",
            type(exception).__name__,
            request.method,
            match.view_name if match else "?",
        )
        if getattr(request, "htmx", False):
            return HttpResponse(
                "De database is even bezet. Probeer het over een paar seconden opnieuw.",
                status=503,
                headers={"Retry-After": "5", "Cache-Control": "no-store"},
            )
        response = send_again_page(
            request,
            status=503,
            titel="Even geduld: probeer het opnieuw",
            tekst=(
                "Het is nu erg druk, of de database is even niet bereikbaar. Wat u net "
                "verstuurde, is daarom niet verwerkt."
            ),
        )
        response["Retry-After"] = "5"
        return response
