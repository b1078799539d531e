"""The overview of all dossiers: filter, search, page."""

from __future__ import annotations

import functools
from typing import Any
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import URLPattern, path

from overdracht.checklists import list_checklists
from overdracht.web.models import Dossier, Status
from overdracht.web.permissions import Capability, requires

PAGE_SIZE = 50


@functools.cache
def transitions() -> list[tuple[str, str]]:
    """(id, title) of every transition's checklist, for choices."""
    return list(list_checklists())


def filtered(params: dict[str, str]) -> QuerySet[Dossier]:
    dossiers = Dossier.objects.all()
    if params.get("overgang"):
        dossiers = dossiers.filter(overgang=params["overgang"])
    status = params.get("status")
    if status == "concept":
        dossiers = dossiers.exclude(status=Status.DEFINITIEF)
    elif status in Status.values:
        dossiers = dossiers.filter(status=status)
    if params.get("schooljaar"):
        dossiers = dossiers.filter(schooljaar=params["schooljaar"])
    query = params.get("zoek", "").strip()
    if query:
        dossiers = dossiers.filter(
            Q(leerling_naam__icontains=query)
            | Q(leerling_sorteernaam__icontains=query)
            | Q(leerlingnummer=query)
        )
    return dossiers.order_by("leerling_sorteernaam", "pk")


@requires(Capability.LIST_DOSSIERS)
def dossier_list(request: HttpRequest) -> HttpResponse:
    keys = ("overgang", "status", "schooljaar", "zoek")
    params = {k: request.GET.get(k, "") for k in keys}
    page = Paginator(filtered(params), PAGE_SIZE).get_page(request.GET.get("pagina"))
    context: dict[str, Any] = {
        "page": page,
        "params": params,
        "query": urlencode({k: v for k, v in params.items() if v}),
        "transitions": transitions(),
        "transition_titles": dict(transitions()),
        "statuses": [("concept", "Concept (alle)"), *Status.choices],
        "schooljaren": Dossier.objects.order_by("-schooljaar")
        .values_list("schooljaar", flat=True)
        .distinct(),
    }
    template = "overdracht/dossiers_tabel.html" if request.htmx else "overdracht/dossiers.html"  # type: ignore[attr-defined]
    return render(request, template, context)


urlpatterns: list[URLPattern] = [path("dossiers/", dossier_list, name="dossiers")]
