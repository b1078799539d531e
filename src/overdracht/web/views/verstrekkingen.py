"""The verstrekkingenlog in the app: per dossier for the IB'er, the whole log with its check and
an export (XLSX/CSV) for the beheerder and the privacy officer."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import URLPattern, path
from django.utils import timezone

from overdracht.importing.simplexlsx import SheetData, workbook_bytes
from overdracht.web import disclosure
from overdracht.web.models import Dossier, Logregel, Logsoort
from overdracht.web.permissions import Capability, requires
from overdracht.web.views.documents import dossier_context

HEADERS = (
    "Nr.",
    "Tijdstip",
    "Soort",
    "Door",
    "Dossier",
    "Leerling",
    "Versie",
    "Wat",
    "Aan",
    "SHA-256",
    "Weggelaten (geen toestemming)",
    "Hash van de regel",
)


@requires(Capability.READ_DOSSIER)
def dossier_log(request: HttpRequest, public_id: str) -> HttpResponse:
    dossier = get_object_or_404(Dossier, public_id=public_id)
    entries = list(disclosure.entries_for(dossier))
    context = dossier_context(dossier, "logboek")
    real = {e.pk for e in disclosure.real_disclosures(dossier)}
    context["verstrekkingen"] = [e for e in entries if e.pk in real]
    context["toegang"] = [
        e
        for e in entries
        if e.soort == Logsoort.TOEGANG or (e.soort == "verstrekking" and e.pk not in real)
    ]
    context["gebeurtenissen"] = [
        e for e in entries if e.soort not in (Logsoort.VERSTREKKING, Logsoort.TOEGANG)
    ]
    return render(request, "overdracht/logboek.html", context)


@requires(Capability.LOG_OVERVIEW)
def log_overview(request: HttpRequest) -> HttpResponse:
    check = disclosure.verify_chain()
    recent = Logregel.objects.order_by("-volgnummer")[:50]
    return render(
        request,
        "overdracht/verstrekkingenlog.html",
        {"controle": check, "regels": recent, "namen": _names(recent)},
    )


def _names(entries: Iterable[Logregel]) -> dict[str, str]:
    """Pupil names for the entries whose dossier still exists (none after retention)."""
    refs = {e.dossier_ref for e in entries if e.dossier_ref}
    return dict(
        Dossier.objects.filter(public_id__in=refs).values_list("public_id", "leerling_naam")
    )


def _rows(entries: Sequence[Logregel]) -> list[list[str | int | None]]:
    names = _names(entries)
    rows: list[list[str | int | None]] = []
    for e in entries:
        leerling = names.get(e.dossier_ref, "(dossier verwijderd)") if e.dossier_ref else ""
        rows.append(
            [
                e.volgnummer,
                timezone.localtime(e.tijdstip).strftime("%d-%m-%Y %H:%M:%S"),
                e.get_soort_display(),
                e.door,
                e.dossier_ref,
                leerling,
                e.versie,
                e.wat,
                e.aan,
                e.sha256,
                e.weggelaten_labels,
                e.hash,
            ]
        )
    return rows


def _entries(request: HttpRequest) -> list[Logregel]:
    entries = Logregel.objects.order_by("volgnummer")
    if request.GET.get("alles") != "1":
        entries = entries.filter(soort="verstrekking")
    return list(entries)


def formula_safe(value: str | int | None) -> str:
    """A cell a spreadsheet never runs as a formula (OWASP CSV injection)."""
    text = "" if value is None else str(value)
    return f"'{text}" if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


@requires(Capability.LOG_OVERVIEW)
def export_csv(request: HttpRequest) -> HttpResponse:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(HEADERS)
    for row in _rows(_entries(request)):
        writer.writerow([formula_safe(v) for v in row])
    response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="verstrekkingenlog.csv"'
    return response


@requires(Capability.LOG_OVERVIEW)
def export_xlsx(request: HttpRequest) -> HttpResponse:
    # Inline strings: a cell holding '=...' stays text, never becomes a formula.
    sheet = SheetData(
        name="Verstrekkingenlog",
        headers=HEADERS,
        rows=_rows(_entries(request)),
        widths=(6, 20, 14, 18, 18, 24, 7, 40, 30, 66, 30, 66),
        wrapped=frozenset({7, 8}),
    )
    response = HttpResponse(
        workbook_bytes([sheet]),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = 'attachment; filename="verstrekkingenlog.xlsx"'
    return response


urlpatterns: list[URLPattern] = [
    path("dossiers/<str:public_id>/logboek/", dossier_log, name="dossier_logboek"),
    path("beheer/verstrekkingenlog/", log_overview, name="verstrekkingenlog"),
    path("beheer/verstrekkingenlog.csv", export_csv, name="verstrekkingenlog_csv"),
    path("beheer/verstrekkingenlog.xlsx", export_xlsx, name="verstrekkingenlog_xlsx"),
]
