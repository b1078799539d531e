"""The overview of all dossiers: filter, search, page.

The search text never goes in an address (overdracht.web.search): the form POSTs it, and it is
kept for the overview's other pages and its ZIP.
"""

from __future__ import annotations

import functools
from typing import Any

from django.core.paginator import Paginator
from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import URLPattern, path, reverse

from overdracht.checklists import list_checklists
from overdracht.web import search
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


FILTERS = ("overgang", "status", "schooljaar")
SEARCH_KEY = "dossiers_zoek"


def filter_params(request: HttpRequest) -> dict[str, str]:
    """The overview's filters: those in the address, and the search text kept in the session."""
    return search.remembered(request, SEARCH_KEY, FILTERS)


@requires(Capability.LIST_DOSSIERS)
def dossier_list(request: HttpRequest) -> HttpResponse:
    params, answer = search.read_filters(request, SEARCH_KEY, FILTERS)
    if answer is not None:
        return answer
    page = Paginator(filtered(params), PAGE_SIZE).get_page(request.GET.get("pagina"))
    query = search.address_query(params)
    context: dict[str, Any] = {
        "page": page,
        "params": params,
        "query": query,
        "transitions": transitions(),
        "transition_titles": dict(transitions()),
        "statuses": [("concept", "Concept (alle)"), *Status.choices],
        "schooljaren": Dossier.objects.order_by("-schooljaar")
        .values_list("schooljaar", flat=True)
        .distinct(),
    }
    template = "overdracht/dossiers_tabel.html" if request.htmx else "overdracht/dossiers.html"  # type: ignore[attr-defined]
    response = render(request, template, context)
    if request.method == "POST" and request.htmx:  # type: ignore[attr-defined]
        # The address shows the filters without the search text (htmx puts it in the history).
        response["HX-Push-Url"] = reverse("dossiers") + (f"?{query}" if query else "")
    return response


urlpatterns: list[URLPattern] = [path("dossiers/", dossier_list, name="dossiers")]
