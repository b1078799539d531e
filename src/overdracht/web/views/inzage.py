"""Inzage: the IB'er asks for it; parents and the pupil answer on their own page, without an
account (:mod:`overdracht.web.views.inzage_ouder`, under ``/inzage/``, marked
``@login_not_required``)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import segno
from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import URLPattern, path, reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from overdracht.errors import OverdrachtError
from overdracht.model import Dossier as DossierDoc
from overdracht.web.inzage import links
from overdracht.web.inzage.forms import chosen
from overdracht.web.inzage.people import plan_for
from overdracht.web.models import Dossier, Inzageverzoek
from overdracht.web.permissions import Capability, requires
from overdracht.web.store import document, overlay_for
from overdracht.web.views.documents import dossier_context
from overdracht.web.views.inzage_ouder import (
    code_page,
    parent_end,
    parent_page,
    parent_pdf,
    parent_withdraw,
)

# Asking for inzage shows the letters' codes, and a lock-out is lifted after speaking to the
# parent: the IB'er's work (and the beheerder's), not the loket's or the administratie's.
ib_only = requires(Capability.ASK_INZAGE)
CONFIRM = "bevestigd"
CONFIRM_MISSING = (
    "Vink aan dat de eerder uitgedeelde brieven dan niet meer werken, of ga terug zonder "
    "nieuwe brieven te maken."
)


@ib_only
def overview(
    request: HttpRequest, public_id: str, *, fout: str = "", status: int = 200
) -> HttpResponse:
    dossier = get_object_or_404(Dossier, public_id=public_id)
    version = dossier.current
    doc = document(version.data)
    verzoeken = list(dossier.inzageverzoeken.prefetch_related("reacties"))
    rows = []
    for v in verzoeken:
        reactie = v.reacties.last()
        keuzes = chosen(reactie, capital=False)
        rows.append((v, links.state(v).value, links.lock(v).value, reactie, keuzes))
    return render(
        request,
        "overdracht/inzage/overzicht.html",
        {
            **dossier_context(dossier, "inzage"),
            "versie": version,
            "plan": plan_for(doc, overlay_for(doc)),
            "geldig_tot": timezone.now() + dt.timedelta(days=settings.INZAGE_DAGEN),
            "verzoeken": rows,
            "uitgedeeld": links.answering_links(dossier),
            "fout": fout,
        },
        status=status,
    )


@ib_only
@require_POST
def ask(request: HttpRequest, public_id: str) -> HttpResponse:
    """New letters for everyone; when letters handed out still work, only after confirming
    that they stop working."""
    dossier = get_object_or_404(Dossier, public_id=public_id)
    if links.answering_links(dossier) and request.POST.get(CONFIRM) != "ja":
        return overview(request, public_id, fout=CONFIRM_MISSING, status=400)
    try:
        made = links.ask(dossier, request.user)
    except OverdrachtError as exc:
        messages.error(request, exc.message)
        return redirect("inzage_overzicht", public_id=public_id)
    return _letters(request, dossier, made)


@ib_only
@require_http_methods(["GET", "POST"])
def renew(request: HttpRequest, public_id: str, pk: int) -> HttpResponse:
    """A new letter for one person: asks first (GET), then makes it (POST)."""
    verzoek = get_object_or_404(Inzageverzoek, pk=pk, dossier__public_id=public_id)
    dossier = verzoek.dossier
    if request.method == "POST" and request.POST.get(CONFIRM) == "ja":
        try:
            made = links.renew(verzoek, request.user)
        except OverdrachtError as exc:
            messages.error(request, exc.message)
            return redirect("inzage_overzicht", public_id=public_id)
        return _letters(request, dossier, [made])
    return render(
        request,
        "overdracht/inzage/nieuwe_brief.html",
        {
            **dossier_context(dossier, "inzage"),
            "verzoek": verzoek,
            "werkt": links.state(verzoek) is links.State.OPEN,
            "fout": CONFIRM_MISSING if request.method == "POST" else "",
        },
        status=400 if request.method == "POST" else 200,
    )


def _letters(request: HttpRequest, dossier: Dossier, made: list[links.NewLink]) -> HttpResponse:
    """The letters, with their codes: shown this once (the app keeps neither link nor code)."""
    doc = document(dossier.current.data)
    letters = []
    for link in made:
        url = request.build_absolute_uri(reverse("inzage_link", args=[link.token]))
        letters.append(
            {
                "link": link,
                "url": url,
                "je": link.verzoek.giver == "leerling",
                "qr": segno.make(url, error="m").svg_inline(scale=4, title="QR-code"),
            }
        )
    response = render(
        request,
        "overdracht/inzage/brieven.html",
        {
            "dossier": dossier,
            "doc": doc,
            "brieven": letters,
            "datum": timezone.localdate(),
            "contact": contact(doc, request.user),
        },
    )
    response["Cache-Control"] = "no-store"
    return response


def contact(doc: DossierDoc, user: Any) -> dict[str, str]:
    """Who the letter names for questions: the school's contact person with their phone or
    e-mail; without those, the staff member who makes the letters."""
    school = doc.vertrekkende_school
    naam = school.contactpersoon or ""
    bereik = " of ".join(str(v) for v in (school.telefoon, school.email) if v)
    if not (naam and bereik):
        full = user.get_full_name() if hasattr(user, "get_full_name") else ""
        naam = naam or full or str(getattr(user, "username", ""))
        bereik = bereik or str(getattr(user, "email", "") or "")
    return {"naam": naam, "bereik": bereik, "school": str(school.naam or "de school")}


@ib_only
@require_POST
def withdraw(request: HttpRequest, public_id: str, pk: int) -> HttpResponse:
    verzoek = get_object_or_404(Inzageverzoek, pk=pk, dossier__public_id=public_id)
    links.withdraw(verzoek, request.user)
    messages.success(request, f"De link voor {verzoek.naam} is ingetrokken.")
    return redirect("inzage_overzicht", public_id=public_id)


@ib_only
@require_POST
def unlock(request: HttpRequest, public_id: str, pk: int) -> HttpResponse:
    verzoek = get_object_or_404(Inzageverzoek, pk=pk, dossier__public_id=public_id)
    links.unlock(verzoek, request.user)
    messages.success(
        request,
        f"De blokkade is opgeheven: {verzoek.naam} kan de code weer invullen. Dit staat in "
        "het logboek.",
    )
    return redirect("inzage_overzicht", public_id=public_id)


urlpatterns: list[URLPattern] = [
    path("dossiers/<str:public_id>/inzage/", overview, name="inzage_overzicht"),
    path("dossiers/<str:public_id>/inzage/vragen/", ask, name="inzage_vragen"),
    path("dossiers/<str:public_id>/inzage/<int:pk>/intrekken/", withdraw, name="inzage_intrekken"),
    path("dossiers/<str:public_id>/inzage/<int:pk>/nieuwe-brief/", renew, name="inzage_brief"),
    path("dossiers/<str:public_id>/inzage/<int:pk>/openzetten/", unlock, name="inzage_openzetten"),
    # The parents' and pupil's pages: only the first address holds the link's token.
    path("inzage/", parent_page, name="inzage_ouder"),
    path("inzage/rapport.pdf", parent_pdf, name="inzage_pdf"),
    path("inzage/afsluiten/", parent_end, name="inzage_afsluiten"),
    path("inzage/intrekken/", parent_withdraw, name="inzage_toestemming_intrekken"),
    path("inzage/<str:token>/", code_page, name="inzage_link"),
]
