"""Beheer: dossiers past their retention period, and deleting them."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import URLPattern, path

from overdracht.web import retention
from overdracht.web.models import Dossier
from overdracht.web.permissions import Capability, requires


@requires(Capability.BEHEER)
def due_page(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        chosen = request.POST.getlist("dossier")
        if not chosen or request.POST.get("zeker") != "ja":
            messages.error(
                request,
                "Kies de dossiers die weg mogen en vink aan dat u zeker weet dat ze worden "
                "verwijderd.",
            )
        else:
            due = {d.dossier.public_id: d.dossier for d in retention.due()}
            gone = 0
            for public_id in chosen:
                dossier: Dossier | None = due.get(public_id)
                if dossier is not None:  # only what is really due
                    retention.delete(dossier, request.user)
                    gone += 1
            messages.success(
                request,
                f"{gone} dossier{'s' if gone != 1 else ''} verwijderd. In het verstrekkingenlog "
                "staat alleen nog dat ze zijn verwijderd.",
            )
            return redirect("bewaartermijn")
    return render(
        request,
        "overdracht/bewaartermijn.html",
        {"due": retention.due(), "jaren": settings.BEWAARTERMIJN_JAREN},
    )


urlpatterns: list[URLPattern] = [
    path("beheer/bewaartermijn/", due_page, name="bewaartermijn"),
]
