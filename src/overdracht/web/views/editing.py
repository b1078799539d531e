"""Make and edit a dossier: a form generated from the model, the checklist live beside it.

(Placeholder until the form generator lands: shows the stored document read-only.)
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import URLPattern, path

from overdracht.web.models import Dossier


def dossier_new(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "overdracht/fout.html",
        {"titel": "Nieuw dossier", "tekst": "Nog niet beschikbaar."},
    )


def dossier_detail(request: HttpRequest, public_id: str) -> HttpResponse:
    dossier = get_object_or_404(Dossier, public_id=public_id)
    return render(
        request,
        "overdracht/fout.html",
        {"titel": dossier.leerling_naam, "tekst": "Het formulier is nog niet beschikbaar."},
    )


urlpatterns: list[URLPattern] = [
    path("dossiers/nieuw/", dossier_new, name="dossier_nieuw"),
    path("dossiers/<str:public_id>/", dossier_detail, name="dossier"),
]
