"""Make and edit a dossier: a form generated from the model, the checklist live beside it."""

from __future__ import annotations

import json
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import URLPattern, path, reverse
from django.views.decorators.http import require_POST
from pydantic import ValidationError

from overdracht.checklists import list_checklists
from overdracht.model import Dossier as DossierDoc
from overdracht.web import store
from overdracht.web.changes import describe_changes
from overdracht.web.checklist_html import checklist_html
from overdracht.web.formdata import (
    Raw,
    apply_row_action,
    container,
    data_from_params,
    error_map,
    new_document,
    raw_from_document,
    raw_from_post,
    to_data,
)
from overdracht.web.formview import build_form
from overdracht.web.labels import label_for
from overdracht.web.livecheck import live_checklist
from overdracht.web.models import Dossier, DossierVersion
from overdracht.web.permissions import Capability, requires


def _transitions() -> dict[str, str]:
    return dict(list_checklists())


def _page(
    request: HttpRequest,
    raw: Raw,
    *,
    dossier: Dossier | None = None,
    version: DossierVersion | None = None,
    base_number: int | None = None,
    errors: dict[str, list[str]] | None = None,
    extra: dict[str, Any] | None = None,
    status: int = 200,
    focus_row: str = "",
) -> HttpResponse:
    form = build_form(raw, errors, focus_row)
    read_only = bool(version and version.definitief and "bewerken" not in request.GET)
    if dossier is None:
        action = f"{reverse('dossier_nieuw')}?overgang={raw['overgang']['id']}"
    else:
        action = reverse("dossier", args=[dossier.public_id])
    context = {
        "form": form,
        "dossier": dossier,
        "version": version,
        "base_number": base_number if base_number is not None else "",
        "read_only": read_only,
        "form_url": action,
        "checklist": checklist_html(live_checklist(to_data(raw), dossier)),
        "transition_title": _transitions().get(str(raw["overgang"]["id"]), ""),
        "title": dossier.leerling_naam if dossier else "Nieuw dossier",
        "tab": "gegevens",
        "overgang_titel": _transitions().get(dossier.overgang, "") if dossier else "",
        **(extra or {}),
    }
    return render(request, "overdracht/dossier_formulier.html", context, status=status)


def _added_row(raw: Raw, action: str, list_name: str) -> str:
    """The name of the row an 'add' action made (it gets the focus)."""
    if not action.startswith("toevoegen:"):
        return ""
    rows = container(raw, list_name)
    return f"{list_name}.{len(rows) - 1}" if isinstance(rows, list) and rows else ""


def _rows_fragment(request: HttpRequest, raw: Raw, list_name: str, url: str) -> HttpResponse:
    focus = _added_row(raw, request.POST.get("_actie", ""), list_name)
    widget = build_form(raw, focus_row=focus).widget(list_name)
    response = render(
        request,
        "overdracht/_formdeel.html",
        {"w": widget, "form_url": url, "top": "." not in list_name},
    )
    response["HX-Trigger"] = "checklistBijwerken"
    return response


@requires(Capability.EDIT_DOSSIER)
def dossier_new(request: HttpRequest) -> HttpResponse:
    """Choose the transition, then fill in the form; the first save makes the dossier."""
    transition = request.GET.get("overgang", "")
    if transition not in _transitions():
        return render(
            request,
            "overdracht/dossier_nieuw.html",
            {"transitions": list_checklists(), "fout": bool(transition)},
            status=400 if transition else 200,
        )
    if request.method != "POST":
        return _page(request, new_document(transition))
    raw = raw_from_post(request.POST)
    action = request.POST.get("_actie", "")
    url = f"{reverse('dossier_nieuw')}?overgang={transition}"
    if action:
        list_name = apply_row_action(raw, action)
        if request.htmx and list_name:  # type: ignore[attr-defined]
            return _rows_fragment(request, raw, list_name, url)
        return _page(request, raw, focus_row=_added_row(raw, action, list_name or ""))
    try:
        doc = DossierDoc.model_validate(to_data(raw))
    except ValidationError as exc:
        return _page(request, raw, errors=error_map(exc))
    dossier = store.create_dossier(doc, request.user)
    messages.success(request, "Het dossier is aangemaakt en opgeslagen (versie 1).")
    return redirect("dossier", public_id=dossier.public_id)


@requires(Capability.READ_DOSSIER, post=Capability.EDIT_DOSSIER)
def dossier_detail(request: HttpRequest, public_id: str) -> HttpResponse:
    """The form for the current version; saving makes a new version."""
    dossier = get_object_or_404(Dossier, public_id=public_id)
    current = dossier.current
    url = reverse("dossier", args=[dossier.public_id])
    if request.method != "POST":
        return _page(
            request,
            raw_from_document(current.data),
            dossier=dossier,
            version=current,
            base_number=current.number,
        )
    raw = raw_from_post(request.POST)
    base = _int(request.POST.get("_versie"))
    action = request.POST.get("_actie", "")
    if action:
        list_name = apply_row_action(raw, action)
        if request.htmx and list_name:  # type: ignore[attr-defined]
            return _rows_fragment(request, raw, list_name, url)
        return _page(
            request,
            raw,
            dossier=dossier,
            version=current,
            base_number=base,
            focus_row=_added_row(raw, action, list_name or ""),
        )
    try:
        doc = DossierDoc.model_validate(to_data(raw))
    except ValidationError as exc:
        return _page(
            request,
            raw,
            dossier=dossier,
            version=current,
            base_number=base,
            errors=error_map(exc),
        )
    try:
        version = store.save_version(dossier, doc, request.user, base_number=base)
    except store.VersionConflict as conflict:
        return _conflict(request, raw, dossier, base, conflict)
    if version is None:
        messages.info(request, "Er was niets gewijzigd; er is geen nieuwe versie gemaakt.")
    else:
        messages.success(request, f"Het dossier is opgeslagen (versie {version.number}).")
    return redirect("dossier", public_id=dossier.public_id)


def _conflict(
    request: HttpRequest,
    raw: Raw,
    dossier: Dossier,
    base: int | None,
    conflict: store.VersionConflict,
) -> HttpResponse:
    """Someone else saved first: show their changes and keep what this user typed."""
    theirs = conflict.current
    base_version = dossier.versions.filter(number=base).first() if base else None
    changes = (
        describe_changes(base_version.data, theirs.data) if base_version else theirs.wijzigingen
    )
    values = _changed_values(base_version.data if base_version else {}, theirs.data)
    return _page(
        request,
        raw,
        dossier=dossier,
        version=theirs,
        base_number=theirs.number,
        extra={
            "conflict": conflict.message,
            "conflict_changes": changes,
            "conflict_values": values,
        },
        status=409,
    )


def _changed_values(old: Any, new: Any, where: tuple[str | int, ...] = ()) -> list[tuple[str, str]]:
    """(label, new value) of every changed field, for comparing with one's own input."""
    if old == new:
        return []
    if isinstance(old, dict) or isinstance(new, dict):
        old_d = old if isinstance(old, dict) else {}
        new_d = new if isinstance(new, dict) else {}
        found: list[tuple[str, str]] = []
        for key in dict.fromkeys([*old_d, *new_d]):
            found += _changed_values(old_d.get(key), new_d.get(key), (*where, key))
        return found
    if (isinstance(old, list) and any(isinstance(i, dict) for i in old)) or (
        isinstance(new, list) and any(isinstance(i, dict) for i in new)
    ):
        old_l = old if isinstance(old, list) else []
        new_l = new if isinstance(new, list) else []
        found = []
        for index in range(max(len(old_l), len(new_l))):
            a = old_l[index] if index < len(old_l) else None
            b = new_l[index] if index < len(new_l) else None
            found += _changed_values(a, b, (*where, index))
        return found
    if isinstance(new, list):
        text = "; ".join(str(v) for v in new)
    else:
        text = "" if new is None else str(new)
    return [(label_for(where), text or "(leeggemaakt)")]


def _int(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() else None


@requires(Capability.EDIT_DOSSIER)
@require_POST
def checklist_update(request: HttpRequest) -> HttpResponse:
    """The checklist for what is in the form now (htmx, on every change). Reads only."""
    params = _params(request)
    dossier = Dossier.objects.filter(public_id=(params.get("_dossier") or [""])[0]).first()
    return HttpResponse(checklist_html(live_checklist(data_from_params(params), dossier)))


def _params(request: HttpRequest) -> dict[str, list[str]]:
    """The fields the form sent: JSON from the page's script (only the filled-in fields), or
    an ordinary form post."""
    if request.content_type == "application/json":
        try:
            sent = json.loads(request.body)
        except (ValueError, UnicodeDecodeError):
            sent = {}
        if not isinstance(sent, dict):
            return {}
        return {
            str(k): [str(x) for x in v] if isinstance(v, list) else [str(v)]
            for k, v in sent.items()
        }
    return {key: request.POST.getlist(key) for key in request.POST}


urlpatterns: list[URLPattern] = [
    path("dossiers/nieuw/", dossier_new, name="dossier_nieuw"),
    path("dossiers/checklist-bijwerken/", checklist_update, name="checklist_bijwerken"),
    path("dossiers/<str:public_id>/", dossier_detail, name="dossier"),
]
