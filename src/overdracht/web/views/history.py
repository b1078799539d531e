"""History: every save is a version (who, when, what changed); view and restore an older one."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import URLPattern, path
from django.views.decorators.http import require_POST

from overdracht.errors import OverdrachtError
from overdracht.web.documents import Overtaken
from overdracht.web.models import Dossier
from overdracht.web.permissions import Capability, requires
from overdracht.web.store import VersionConflict, document, save_version
from overdracht.web.summary import summarize
from overdracht.web.views.documents import dossier_context, dossier_version


@requires(Capability.READ_DOSSIER)
def version_list(request: HttpRequest, public_id: str) -> HttpResponse:
    dossier = get_object_or_404(Dossier, public_id=public_id)
    context = dossier_context(dossier, "versies")
    context["versies"] = dossier.versions.select_related("created_by", "definitief_door").order_by(
        "-number"
    )
    return render(request, "overdracht/versies.html", context)


@requires(Capability.READ_DOSSIER)
def version_detail(
    request: HttpRequest,
    public_id: str,
    number: int,
    *,
    fout: OverdrachtError | None = None,
) -> HttpResponse:
    """One version, read-only: a readable summary of its data."""
    dossier, version = dossier_version(public_id, number)
    context = dossier_context(dossier, "versies")
    context.update(
        version=version,
        secties=summarize(version.data),
        is_huidig=version.number == dossier.current_number,
        fout=fout,
    )
    return render(request, "overdracht/versie.html", context)


@requires(Capability.EDIT_DOSSIER)
@require_POST
def restore(request: HttpRequest, public_id: str, number: int) -> HttpResponse:
    """Restoring makes a NEW version with the old data; the history keeps everything."""
    dossier, version = dossier_version(public_id, number)
    base = request.POST.get("huidig", "")
    try:
        restored = save_version(
            dossier,
            document(version.data),
            request.user,
            base_number=int(base) if base.isdigit() else None,
            herkomst=f"hersteld van versie {version.number}",
        )
    except VersionConflict as exc:
        return version_detail(request, public_id, number, fout=Overtaken(exc.current, "hersteld"))
    except OverdrachtError as exc:
        return version_detail(request, public_id, number, fout=exc)
    if restored is None:
        messages.info(
            request,
            f"Versie {version.number} is gelijk aan de huidige versie; er is niets veranderd.",
        )
    else:
        messages.success(
            request,
            f"Versie {version.number} is hersteld als nieuwe versie {restored.number}.",
        )
    return redirect("versies", public_id=dossier.public_id)


urlpatterns: list[URLPattern] = [
    path("dossiers/<str:public_id>/versies/", version_list, name="versies"),
    path("dossiers/<str:public_id>/versies/<int:number>/", version_detail, name="versie"),
    path(
        "dossiers/<str:public_id>/versies/<int:number>/herstellen/",
        restore,
        name="versie_herstellen",
    ),
]
