"""Inzage: the IB'er asks for it; parents and the pupil answer on their own page, without an
account. The public pages live under ``/inzage/`` (see ``middleware.PUBLIC_PREFIXES``)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import segno
from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import URLPattern, path
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from overdracht.checklists.consent import CATEGORY_LABELS
from overdracht.errors import OverdrachtError
from overdracht.web import disclosure
from overdracht.web.inzage import links
from overdracht.web.inzage.apply import submit
from overdracht.web.inzage.forms import AnswerForm
from overdracht.web.inzage.people import plan_for
from overdracht.web.inzage.preview import readable_report, report_pdf
from overdracht.web.models import Dossier, Inzagereactie, Inzageverzoek
from overdracht.web.store import active_overlay, document
from overdracht.web.views.documents import dossier_context

SESSION_KEY = "inzage_geopend"


# --- Staff -------------------------------------------------------------------------------------


def overview(request: HttpRequest, public_id: str) -> HttpResponse:
    dossier = get_object_or_404(Dossier, public_id=public_id)
    version = dossier.current
    plan = plan_for(document(version.data), active_overlay())
    verzoeken = list(dossier.inzageverzoeken.prefetch_related("reacties"))
    return render(
        request,
        "overdracht/inzage/overzicht.html",
        {
            **dossier_context(dossier, "inzage"),
            "versie": version,
            "plan": plan,
            "geldig_tot": timezone.now() + dt.timedelta(days=settings.INZAGE_DAGEN),
            "verzoeken": [(v, links.state(v).value, v.reacties.last()) for v in verzoeken],
        },
    )


@require_POST
def ask(request: HttpRequest, public_id: str) -> HttpResponse:
    dossier = get_object_or_404(Dossier, public_id=public_id)
    try:
        made = links.ask(dossier, request.user, active_overlay())
    except OverdrachtError as exc:
        messages.error(request, exc.message)
        return redirect("inzage_overzicht", public_id=public_id)
    doc = document(dossier.current.data)
    letters = []
    for link in made:
        url = request.build_absolute_uri(f"/inzage/{link.token}/")
        letters.append(
            {
                "link": link,
                "url": url,
                "qr": segno.make(url, error="m").svg_inline(scale=4, title="QR-code"),
            }
        )
    response = render(
        request,
        "overdracht/inzage/brieven.html",
        {"dossier": dossier, "doc": doc, "brieven": letters},
    )
    response["Cache-Control"] = "no-store"
    return response


@require_POST
def withdraw(request: HttpRequest, public_id: str, pk: int) -> HttpResponse:
    verzoek = get_object_or_404(Inzageverzoek, pk=pk, dossier__public_id=public_id)
    links.withdraw(verzoek, request.user)
    messages.success(request, f"De link voor {verzoek.naam} is ingetrokken.")
    return redirect("inzage_overzicht", public_id=public_id)


# --- Parents and pupil (no account) ------------------------------------------------------------


def _not_valid(request: HttpRequest) -> HttpResponse:
    # The same calm page for a forged, expired or withdrawn link: it tells nothing.
    return _public(
        request,
        "overdracht/inzage/ongeldig.html",
        {},
        status=404,
    )


def _public(
    request: HttpRequest, template: str, context: dict[str, Any], status: int = 200
) -> HttpResponse:
    response = render(request, template, context, status=status)
    response["Cache-Control"] = "no-store"
    response["Referrer-Policy"] = "no-referrer"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def _opened(request: HttpRequest, verzoek: Inzageverzoek) -> bool:
    return verzoek.pk in request.session.get(SESSION_KEY, [])


@never_cache
def parent_page(request: HttpRequest, token: str) -> HttpResponse:
    verzoek = links.find(token)
    if verzoek is None:
        return _not_valid(request)
    if not _opened(request, verzoek):
        return _code_page(request, verzoek, token)
    return _answer_page(request, verzoek, token, None)


def _code_page(request: HttpRequest, verzoek: Inzageverzoek, token: str) -> HttpResponse:
    fout = ""
    status = 200
    if request.method == "POST":
        result = links.check_code(verzoek, token, request.POST.get("code", ""))
        if result is links.CodeResult.OK:
            request.session.cycle_key()
            request.session[SESSION_KEY] = [*request.session.get(SESSION_KEY, []), verzoek.pk]
            return redirect("inzage_ouder", token=token)
        fout = {
            links.CodeResult.WRONG: "De code klopt niet. Kijk de code op de brief na en "
            "probeer het opnieuw.",
            links.CodeResult.RESTING: "U hebt een paar keer een verkeerde code ingevuld. "
            "Wacht een kwartier en probeer het dan opnieuw.",
            links.CodeResult.CLOSED: "U hebt te vaak een verkeerde code ingevuld. Vraag de "
            "school om een nieuwe brief.",
        }[result]
        status = 400
    return _public(request, "overdracht/inzage/code.html", {"fout": fout}, status=status)


def _answer_page(
    request: HttpRequest, verzoek: Inzageverzoek, token: str, form: AnswerForm | None
) -> HttpResponse:
    dossier = verzoek.dossier
    doc = document(dossier.versions.get(number=verzoek.versie).data)
    plan = plan_for(doc, active_overlay())
    if form is None:
        form = AnswerForm(plan, verzoek.beslist_toestemming)
    categories = {f"toestemming_{c.categorie}": c for c in plan.categorieen}
    reactie = verzoek.reacties.last()
    return _public(
        request,
        "overdracht/inzage/ouder.html",
        {
            "verzoek": verzoek,
            "token": token,
            "doc": doc,
            "plan": plan,
            "form": form,
            "categorieen": categories,
            "rapport": readable_report(doc),
            "reactie": reactie,
            "keuzes": _choices(reactie),
            "verstrekkingen": disclosure.entries_for(dossier).filter(soort="verstrekking"),
        },
        status=400 if form.errors else 200,
    )


def _choices(reactie: Inzagereactie | None) -> list[tuple[str, bool]]:
    if reactie is None:
        return []
    return [
        (CATEGORY_LABELS.get(c, c).capitalize(), bool(yes))
        for c, yes in reactie.toestemmingen.items()
    ] + [(f"Bijlage {b['titel']}", bool(b["meesturen"])) for b in reactie.bijlagen]


@never_cache
@require_POST
def parent_submit(request: HttpRequest, token: str) -> HttpResponse:
    verzoek = links.find(token)
    if verzoek is None:
        return _not_valid(request)
    if not _opened(request, verzoek):
        return redirect("inzage_ouder", token=token)
    doc = document(verzoek.dossier.versions.get(number=verzoek.versie).data)
    form = AnswerForm(plan_for(doc, active_overlay()), verzoek.beslist_toestemming, request.POST)
    if not form.is_valid():
        return _answer_page(request, verzoek, token, form)
    submit(verzoek, form.answer())
    messages.success(request, "Dank u wel. Uw keuzes zijn doorgegeven aan de school.")
    return redirect("inzage_ouder", token=token)


@never_cache
def parent_pdf(request: HttpRequest, token: str) -> HttpResponse:
    verzoek = links.find(token)
    if verzoek is None or not _opened(request, verzoek):
        return _not_valid(request)
    try:
        content = report_pdf(document(verzoek.dossier.versions.get(number=verzoek.versie).data))
    except OverdrachtError as exc:  # being made (busy), or failed: a calm page, not a 500
        page = _public(request, "overdracht/documentfout_kaal.html", {"renderfout": exc})
        seconds = getattr(exc, "refresh_seconds", None)
        if seconds:
            page["Refresh"] = str(seconds)
        return page
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = 'inline; filename="onderwijskundig-rapport-concept.pdf"'
    response["Cache-Control"] = "no-store"
    return response


urlpatterns: list[URLPattern] = [
    path("dossiers/<str:public_id>/inzage/", overview, name="inzage_overzicht"),
    path("dossiers/<str:public_id>/inzage/vragen/", ask, name="inzage_vragen"),
    path("dossiers/<str:public_id>/inzage/<int:pk>/intrekken/", withdraw, name="inzage_intrekken"),
    path("inzage/<str:token>/", parent_page, name="inzage_ouder"),
    path("inzage/<str:token>/indienen/", parent_submit, name="inzage_indienen"),
    path("inzage/<str:token>/rapport.pdf", parent_pdf, name="inzage_pdf"),
]
