"""The documents of a dossier: preview in the page, download, and make a version final."""

from __future__ import annotations

import io
import zipfile
from typing import Any

from django import forms
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import URLPattern, path
from django.views.decorators.http import require_POST

from overdracht.errors import OverdrachtError
from overdracht.web import disclosure, documents, sending
from overdracht.web.models import Dossier, DossierVersion
from overdracht.web.permissions import Capability, may, requires
from overdracht.web.views.dossiers import transitions


def dossier_version(public_id: str, number: int | None = None) -> tuple[Dossier, DossierVersion]:
    """The dossier and one of its versions (the current one when ``number`` is None), or 404."""
    dossier = get_object_or_404(Dossier, public_id=public_id)
    wanted = dossier.current_number if number is None else number
    version = get_object_or_404(DossierVersion, dossier=dossier, number=wanted)
    return dossier, version


def dossier_context(dossier: Dossier, tab: str) -> dict[str, Any]:
    """What the tabs above every dossier page need."""
    return {
        "dossier": dossier,
        "tab": tab,
        "overgang_titel": dict(transitions()).get(dossier.overgang, dossier.overgang),
    }


@requires(Capability.READ_DOSSIER)
def documents_page(
    request: HttpRequest,
    public_id: str,
    *,
    fout: OverdrachtError | None = None,
    verstuurformulier: SendForm | None = None,
    versie: int | None = None,
    status: int = 200,
) -> HttpResponse:
    """The documents of the current version (or ``?versie=N``): preview, downloads, final."""
    number = versie if versie is not None else _int(request.GET.get("versie"))
    dossier, version = dossier_version(public_id, number)
    context = dossier_context(dossier, "documenten")
    context.update(version=version, fout=fout, formats=documents.FORMATS)
    try:
        listing = documents.listing(version)
    except OverdrachtError as exc:
        context["renderfout"] = exc
        page = render(request, "overdracht/documenten.html", context, status=status)
        return _refreshing(page, exc)
    chosen = request.GET.get("document", documents.MAIN)
    if chosen not in listing.soorten:
        chosen = listing.soorten[0] if listing.soorten else documents.MAIN
    context.update(
        listing=listing,
        gekozen=chosen,
        gekozen_titel=documents.TITLES.get(chosen, chosen),
        documenten=[(s, documents.TITLES.get(s, s)) for s in listing.soorten],
        weggelaten=_labels(listing.left_out),
        is_huidig=version.number == dossier.current_number,
        mag_versturen=may(request.user, Capability.MAKE_FINAL),
        verstuurformulier=verstuurformulier
        or (send_form(dossier, version) if version.definitief else None),
    )
    return render(request, "overdracht/documenten.html", context, status=status)


@requires(Capability.READ_DOSSIER)
def document_file(
    request: HttpRequest, public_id: str, number: int, soort: str, formaat: str
) -> HttpResponse:
    """One document as a download, or (``voorbeeld``) as a PDF shown inside the page."""
    dossier, version = dossier_version(public_id, number)
    inline = formaat == "voorbeeld"
    wanted = "pdf" if inline else formaat
    what = documents.describe(soort, wanted) if wanted in documents.FORMATS else ""
    if inline:
        what = what.replace(")", ", voorbeeld)")
    try:
        data = documents.document_bytes(version, soort, wanted)
        if data is None:
            raise Http404
        # A preview is as good as a download (the browser can save it): both are access.
        documents.record_access(request.user, dossier, version, what, data)
    except OverdrachtError as exc:  # also: the log's key is missing, so nothing may leave
        return _failed(request, dossier, version, exc, inline)
    name = documents.download_name(dossier, version.number, soort, wanted)
    response = HttpResponse(data, content_type=documents.FORMATS[wanted][1])
    response["Content-Disposition"] = f'{"inline" if inline else "attachment"}; filename="{name}"'
    response["Cache-Control"] = "private, no-store"
    return response


@requires(Capability.READ_DOSSIER)
def documents_zip(request: HttpRequest, public_id: str, number: int) -> HttpResponse:
    """Every document of a version in every format, as one ZIP, for the school itself."""
    dossier, version = dossier_version(public_id, number)
    try:
        files = documents.all_documents(version)
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for soort, formaat, data in files:
                name = documents.download_name(dossier, version.number, soort, formaat)
                archive.writestr(name, data)
        documents.record_access(
            request.user, dossier, version, "alle documenten (ZIP)", buffer.getvalue()
        )
    except OverdrachtError as exc:
        return _failed(request, dossier, version, exc, inline=False)
    name = f"documenten-{documents.short_id(dossier)}-v{version.number}.zip"
    response = HttpResponse(buffer.getvalue(), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "private, no-store"
    return response


class SendForm(forms.Form):
    """'Versturen': to whom, in which format. The receiver is named by the person who sends."""

    aan = forms.CharField(
        label="Aan",
        max_length=300,
        help_text="De school of instantie die de documenten krijgt, zoals die in het log komt.",
        error_messages={"required": "Vul in aan wie u de documenten verstuurt."},
    )
    formaat = forms.ChoiceField(
        label="Formaat",
        choices=[
            ("pdfa", "PDF/A (aanbevolen)"),
            ("pdf", "PDF"),
            ("docx", "DOCX"),
        ],
        initial="pdfa",
    )


def send_form(dossier: Dossier, version: DossierVersion) -> SendForm:
    return SendForm(initial={"aan": disclosure.receivers(dossier, version), "formaat": "pdfa"})


# Sending is a disclosure the school decides on, like making a version final.
@requires(Capability.MAKE_FINAL)
@require_POST
def send_documents(request: HttpRequest, public_id: str, number: int) -> HttpResponse:
    """Send the documents of a final version (not the checklistrapport): a logged disclosure."""
    dossier, version = dossier_version(public_id, number)
    form = SendForm(request.POST)
    if not version.definitief:
        return documents_page(request, public_id, fout=sending.NotFinal(), status=400)
    if not form.is_valid():
        return documents_page(request, public_id, verstuurformulier=form, versie=number, status=400)
    try:
        sent = sending.send(
            request.user, dossier, version, form.cleaned_data["aan"], form.cleaned_data["formaat"]
        )
    except OverdrachtError as exc:
        return _failed(request, dossier, version, exc, inline=False)
    response = HttpResponse(sent.data, content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{sent.name}"'
    response["Cache-Control"] = "private, no-store"
    return response


@requires(Capability.MAKE_FINAL)
@require_POST
def make_final(request: HttpRequest, public_id: str) -> HttpResponse:
    """'Definitief maken': refuse with what is missing, or freeze the version and its documents."""
    dossier = get_object_or_404(Dossier, public_id=public_id)
    base = _int(request.POST.get("versie"))
    try:
        version = documents.make_final(
            dossier, request.user, base_number=base if base is not None else -1
        )
    except OverdrachtError as exc:
        return documents_page(request, public_id, fout=exc)
    messages.success(
        request,
        f"Versie {version.number} is definitief. De documenten zijn nu gemaakt en bewaard en "
        "veranderen niet meer. Wijzigt u het dossier later, dan wordt dat een nieuwe "
        "conceptversie.",
    )
    return redirect("documenten", public_id=dossier.public_id)


def _failed(
    request: HttpRequest,
    dossier: Dossier,
    version: DossierVersion,
    exc: OverdrachtError,
    inline: bool,
) -> HttpResponse:
    """A calm page instead of a file (also inside the preview frame); the dossier is untouched."""
    if inline:
        page = render(request, "overdracht/documentfout_kaal.html", {"renderfout": exc})
        return _refreshing(page, exc)
    context = dossier_context(dossier, "documenten")
    context.update(version=version, renderfout=exc)
    return _refreshing(render(request, "overdracht/documenten.html", context), exc)


def _refreshing(response: HttpResponse, exc: OverdrachtError) -> HttpResponse:
    """While documents are being made, the browser asks again by itself (``Refresh``)."""
    seconds = getattr(exc, "refresh_seconds", None)
    if seconds:
        response["Refresh"] = str(seconds)
    return response


def _labels(categories: tuple[str, ...]) -> str:
    from overdracht.checklists.consent import CATEGORY_LABELS

    return ", ".join(CATEGORY_LABELS.get(c, c) for c in categories)


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value else None
    except ValueError:
        return None


urlpatterns: list[URLPattern] = [
    path("dossiers/<str:public_id>/documenten/", documents_page, name="documenten"),
    path(
        "dossiers/<str:public_id>/documenten/v<int:number>/alles.zip",
        documents_zip,
        name="documenten_zip",
    ),
    path(
        "dossiers/<str:public_id>/documenten/v<int:number>/<slug:soort>/<slug:formaat>/",
        document_file,
        name="document",
    ),
    path(
        "dossiers/<str:public_id>/documenten/v<int:number>/versturen/",
        send_documents,
        name="documenten_versturen",
    ),
    path("dossiers/<str:public_id>/definitief/", make_final, name="definitief_maken"),
]
