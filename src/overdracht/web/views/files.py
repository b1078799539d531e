"""Dossier files in and out: upload YAML/JSON files as new dossiers; download YAML or a ZIP."""

from __future__ import annotations

import tempfile
from datetime import date
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import TooManyFilesSent
from django.db.models import F
from django.http import FileResponse, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import URLPattern, path

from overdracht.web import dossierfiles, gates
from overdracht.web.dossierfiles import Problem
from overdracht.web.models import DossierVersion
from overdracht.web.permissions import Capability, may, requires
from overdracht.web.views.documents import dossier_version
from overdracht.web.views.dossiers import filter_params, filtered

CHOICES_IN_FILE = (
    "Toestemming en inzage uit een bestand zijn bewaard als 'door de school ingevoerd' en tellen "
    "niet mee: die kiezen ouders en leerling zelf. Vraag inzage, of lees hun ondertekende "
    "inzageformulier in."
)


@requires(Capability.DOWNLOAD_DOSSIER_FILE)
def dossier_file(request: HttpRequest, public_id: str, number: int | None = None) -> HttpResponse:
    """One dossier (its current version, or version ``number``) as a YAML dossier file."""
    dossier, version = dossier_version(public_id, number)
    data = dossierfiles.dossier_yaml(version).encode("utf-8")
    dossierfiles.record_export(request.user, version, data, "dossierbestand (YAML)")
    response = HttpResponse(data, content_type="application/yaml; charset=utf-8")
    name = dossierfiles.yaml_name(dossier, number)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "private, no-store"
    return response


@requires(Capability.MANAGE_FILES)
@gates.one_at_a_time(gates.IMPORTS, "bestanden")
def files_page(request: HttpRequest) -> HttpResponse:
    """Upload dossier files (several at once): all become dossiers, or none do."""
    problems: list[Problem] = []
    if request.method == "POST":
        try:
            uploads = request.FILES.getlist("bestanden")
        except TooManyFilesSent:
            limit = settings.DATA_UPLOAD_MAX_NUMBER_FILES
            problems = [
                Problem(
                    f"U kunt ten hoogste {limit} bestanden tegelijk inlezen. "
                    "Kies er minder en lees de rest daarna in.",
                    [],
                )
            ]
            uploads = []
        if not uploads and not problems:
            problems = [Problem("Kies een of meer dossierbestanden (.yaml, .yml of .json).", [])]
        elif uploads:
            dossiers, problems = dossierfiles.read_uploads(uploads)
            if not problems:
                stored = dossierfiles.store_uploads(dossiers, request.user)
                if any(doc.toestemmingen or doc.inzage for _name, doc in dossiers):
                    messages.info(request, CHOICES_IN_FILE)
                if len(stored) == 1:
                    messages.success(request, "Het dossier is ingelezen.")
                    if not may(request.user, Capability.READ_DOSSIER):  # administratie
                        return redirect("dossiers")
                    return redirect("dossier", public_id=stored[0].public_id)
                messages.success(request, f"{len(stored)} dossiers zijn ingelezen.")
                return redirect("dossiers")
    params = filter_params(request)
    context = {
        "problemen": problems,
        "query": urlencode({k: v for k, v in params.items() if v and k != "zoek"}),
        "aantal_dossiers": filtered(params).count(),
        "limiet": settings.DATA_UPLOAD_MAX_NUMBER_FILES,
    }
    return render(request, "overdracht/dossierbestanden.html", context)


@requires(Capability.BULK_EXPORT)
def all_files_zip(request: HttpRequest) -> HttpResponseBase:
    """Every dossier of the (filtered) overview as its YAML file, in one ZIP."""
    params = filter_params(request)
    dossiers = filtered(params)
    versions = (
        DossierVersion.objects.filter(
            dossier__in=dossiers.values("pk"), number=F("dossier__current_number")
        )
        .select_related("dossier")
        .order_by("dossier__leerling_sorteernaam", "dossier__pk")
    )
    # FileResponse closes it once sent
    target = tempfile.SpooledTemporaryFile(max_size=20 * 1024 * 1024)  # noqa: SIM115
    count = dossierfiles.write_yaml_zip(versions.iterator(chunk_size=500), target, request.user)
    if count == 0:
        target.close()
        messages.warning(request, "Er zijn geen dossiers die bij deze filters passen.")
        return redirect("dossierbestanden")
    target.seek(0)
    response = FileResponse(
        target,
        as_attachment=True,
        filename=f"dossiers-{date.today().isoformat()}.zip",
        content_type="application/zip",
    )
    response["Cache-Control"] = "private, no-store"
    return response


urlpatterns: list[URLPattern] = [
    path("dossierbestanden/", files_page, name="dossierbestanden"),
    path("dossierbestanden/alles.zip", all_files_zip, name="dossierbestanden_zip"),
    path("dossiers/<str:public_id>/dossierbestand/", dossier_file, name="dossierbestand"),
    path(
        "dossiers/<str:public_id>/versies/<int:number>/dossierbestand/",
        dossier_file,
        name="dossierbestand_versie",
    ),
]
