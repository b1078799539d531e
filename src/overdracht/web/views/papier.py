"""Inzage on paper: the IB'er reads in the form a parent or the pupil signed.

The one route by which the school enters someone's choices and they count: the signed form is
uploaded and kept (its SHA-256 in the log), and what it says is recorded as that person's
answer. Someone who already answered on their own page changes it there, not on paper.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import URLPattern, path

from overdracht.errors import OverdrachtError
from overdracht.web.inzage import links
from overdracht.web.inzage.apply import Paper, record_paper
from overdracht.web.inzage.forms import AnswerForm
from overdracht.web.inzage.paper import discard, store_scan
from overdracht.web.inzage.people import plan_for
from overdracht.web.models import Dossier, Inzageverzoek
from overdracht.web.permissions import Capability, requires
from overdracht.web.store import document, overlay_for
from overdracht.web.views.documents import dossier_context

ONLY_IB = requires(Capability.ASK_INZAGE)


class PaperForm(AnswerForm):
    """The parent's own questions, as the IB'er copies them from the signed form, and the scan."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["zienswijze"].label = "Zienswijze op het formulier"
        toelichting = self.fields["toelichting"]
        toelichting.label = "Toelichting op het formulier (overnemen zoals het er staat)"
        toelichting.help_text = "Mag leeg blijven als er niets bij staat."
        self.fields["formulier"] = forms.FileField(
            label="Scan of foto van het ondertekende formulier (PDF, JPG of PNG, tot 10 MB)",
            error_messages={"required": "Kies de scan van het ondertekende formulier."},
        )


def _verzoek(public_id: str, pk: int) -> tuple[Dossier, Inzageverzoek]:
    dossier = get_object_or_404(Dossier, public_id=public_id)
    verzoek = get_object_or_404(Inzageverzoek, pk=pk, dossier=dossier)
    return dossier, verzoek


def _refusal(verzoek: Inzageverzoek) -> str:
    if verzoek.ingetrokken_op is not None:
        return "Deze inzage is ingetrokken. Vraag opnieuw inzage en lees dan het formulier in."
    if links.state(verzoek) is links.State.FINAL:
        return (
            "Deze versie is al definitief: reageren kan niet meer. Wil de ouder of leerling nu "
            "iets anders? Maak een nieuwe conceptversie en vraag opnieuw inzage."
        )
    if verzoek.reacties.filter(papier=False).exists():
        return (
            "Deze persoon heeft al zelf gereageerd op de inzagepagina. Een andere keuze geeft "
            "alleen die persoon zelf door, op die pagina."
        )
    return ""


@ONLY_IB
def paper_inzage(request: HttpRequest, public_id: str, pk: int) -> HttpResponse:
    dossier, verzoek = _verzoek(public_id, pk)
    doc = document(dossier.versions.get(number=verzoek.versie).data)
    plan = plan_for(doc, overlay_for(doc))
    refusal = _refusal(verzoek)
    form = PaperForm(plan, verzoek.beslist_toestemming)
    if request.method == "POST" and not refusal:
        form = PaperForm(plan, verzoek.beslist_toestemming, request.POST, request.FILES)
        if form.is_valid():
            try:
                name, sha256 = store_scan(form.cleaned_data["formulier"])
            except OverdrachtError as exc:
                form.add_error("formulier", exc.message)
            else:
                try:
                    record_paper(verzoek, form.answer(), Paper(name, sha256, request.user))
                except BaseException:
                    discard(name)
                    raise
                messages.success(
                    request,
                    f"Het formulier van {verzoek.naam} is ingelezen en in het logboek vastgelegd.",
                )
                return redirect("inzage_overzicht", public_id=dossier.public_id)
    context = {
        **dossier_context(dossier, "inzage"),
        "verzoek": verzoek,
        "plan": plan,
        "form": form,
        "weigering": refusal,
        "open": links.state(verzoek) == links.State.OPEN,
    }
    status = 400 if form.errors else (409 if refusal and request.method == "POST" else 200)
    return render(request, "overdracht/inzage/papier.html", context, status=status)


urlpatterns: list[URLPattern] = [
    path(
        "dossiers/<str:public_id>/inzage/<int:pk>/papier/",
        paper_inzage,
        name="inzage_papier",
    ),
]
