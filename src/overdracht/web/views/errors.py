"""Calm Dutch error pages that give nothing away (no traceback, no pupil data)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import URLPattern

urlpatterns: list[URLPattern] = []


def _page(request: HttpRequest, status: int, title: str, text: str) -> HttpResponse:
    return render(
        request,
        "overdracht/fout.html",
        {"titel": title, "tekst": text, "status": status},
        status=status,
    )


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _page(
        request, 400, "Dit verzoek kan niet worden verwerkt", "Ga terug en probeer het opnieuw."
    )


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    text = (
        str(exception) if exception and str(exception) else "U hebt geen toegang tot deze pagina."
    )
    return _page(request, 403, "Geen toegang", text)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _page(
        request,
        404,
        "Deze pagina bestaat niet",
        "Het adres klopt niet, of het dossier is verwijderd. Ga naar de lijst met dossiers.",
    )


def server_error(request: HttpRequest) -> HttpResponse:
    # Honest: after an error we cannot know what was stored. What was typed is offered to be
    # sent again, so it is not lost.
    from overdracht.web.busy import send_again_page

    return send_again_page(
        request,
        status=500,
        titel="Er ging iets mis",
        tekst=(
            "Er ging iets mis bij het verwerken van uw verzoek; dat ligt niet aan u. Wat u net "
            "verstuurde, is misschien niet opgeslagen."
        ),
    )


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    return _page(
        request,
        403,
        "Het formulier is verlopen",
        "Uit veiligheid werkt een formulier maar een tijd. Ga terug, laad de pagina opnieuw en "
        "verstuur het nog eens.",
    )
