"""Import pupils from an Excel/CSV export: the report in the page and as importverslag.xlsx.

The workbook goes through the library's importer (``read_dossiers``: the same reading, limits
and row checks as ``overdracht import``); the correct pupils become dossiers in the database.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import URLPattern, path

from overdracht.errors import OverdrachtError
from overdracht.importing import read_dossiers
from overdracht.importing.fields import transition_ids
from overdracht.importing.template import template_bytes
from overdracht.web import gates, importverslag, store
from overdracht.web.permissions import Capability, requires
from overdracht.web.uploads import original_name, save_upload, temporary_folder, user_messages
from overdracht.web.views.dossiers import transitions

WORKBOOK_TYPES = ".xlsx,.xlsm,.xls,.ods,.csv"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ROWS_PER_PAGE = 200
only_importers = requires(Capability.IMPORT)


def _choices() -> list[tuple[str, str]]:
    titles = dict(transitions())
    return [(t, titles.get(t, t)) for t in transition_ids()]


class ImportForm(forms.Form):
    bestand = forms.FileField(
        label="Bestand met leerlingen",
        help_text="Een Excel-werkmap (.xlsx, .xlsm, .xls), een OpenDocument-werkmap (.ods) of "
        "een CSV-bestand (.csv): het ingevulde sjabloon of een export uit uw "
        "leerlingadministratie.",
        error_messages={"required": "Kies het bestand met de leerlingen."},
        widget=forms.ClearableFileInput(attrs={"accept": WORKBOOK_TYPES}),
    )
    overgang = forms.ChoiceField(
        label="Overgang",
        help_text="Naar welke school gaan deze leerlingen?",
        error_messages={"required": "Kies de overgang van deze leerlingen."},
    )
    mapping = forms.FileField(
        label="Koppelbestand (niet verplicht)",
        required=False,
        help_text="Alleen nodig als de kolommen van uw export anders heten dan in het sjabloon: "
        "een YAML-bestand dat ze koppelt (zie 'Importeren uit Excel of CSV' in de "
        "handleiding).",
        widget=forms.ClearableFileInput(attrs={"accept": ".yaml,.yml"}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["overgang"].choices = [("", "Kies een overgang"), *_choices()]  # type: ignore[attr-defined]


@only_importers
@gates.one_at_a_time(gates.IMPORTS, "bestanden")
def import_page(request: HttpRequest) -> HttpResponse:
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        token = _import(request, form)
        if token is not None:
            return redirect("importverslag", token=token)
    status = 400 if request.method == "POST" else 200
    context = {"form": form, "transitions": _choices()}
    return render(request, "overdracht/importeren.html", context, status=status)


def _import(request: HttpRequest, form: ImportForm) -> str | None:
    """Run the import; the dossiers are stored and the report kept. None when refused."""
    upload, mapping_upload = form.cleaned_data["bestand"], form.cleaned_data["mapping"]
    name = original_name(upload)
    with temporary_folder() as folder:
        source = save_upload(upload, folder)
        names: dict[Path, str] = {source: name}
        mapping: Path | None = None
        if mapping_upload is not None:
            mapping = save_upload(mapping_upload, folder)
            names[mapping] = original_name(mapping_upload)
        try:
            imported = read_dossiers(
                source, transition=form.cleaned_data["overgang"], mapping=mapping
            )
        except OverdrachtError as exc:
            lines = user_messages(exc, names)
            about_mapping = mapping is not None and lines[0].startswith(names[mapping])
            form.add_error("mapping" if about_mapping else "bestand", lines)
            return None
    made = store.create_dossiers(
        [item.dossier for item in imported.dossiers], request.user, f"import {name}"[:200]
    )
    rows = {
        (row.sheet, row.number): dossier.public_id
        for item, dossier in zip(imported.dossiers, made, strict=True)
        for row in item.rows
    }
    return importverslag.save(
        request, imported, bestand=name, overgang=form.cleaned_data["overgang"], dossiers=rows
    )


@only_importers
def report_page(request: HttpRequest, token: str) -> HttpResponse:
    data = importverslag.load(token) if importverslag.allowed(request, token) else None
    if data is None:
        raise Http404
    page = Paginator(data["rijen"], ROWS_PER_PAGE).get_page(request.GET.get("pagina"))
    context = {
        "verslag": data,
        "token": token,
        "page": page,
        "overgang_titel": dict(transitions()).get(data["overgang"], data["overgang"]),
    }
    return render(request, "overdracht/importverslag.html", context)


@only_importers
def report_download(request: HttpRequest, token: str) -> HttpResponse:
    content = importverslag.workbook(token) if importverslag.allowed(request, token) else None
    if content is None:
        raise Http404
    return _attachment(content, XLSX, "importverslag.xlsx")


@only_importers
def template_download(request: HttpRequest) -> HttpResponse:
    transition = request.GET.get("overgang", "")
    if transition not in transition_ids():
        messages.error(request, "Kies eerst de overgang waarvoor u het sjabloon wilt hebben.")
        return redirect("importeren")
    return _attachment(template_bytes(transition), XLSX, f"sjabloon-{transition}.xlsx")


def _attachment(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


urlpatterns: list[URLPattern] = [
    path("importeren/", import_page, name="importeren"),
    path("importeren/sjabloon/", template_download, name="import_sjabloon"),
    path("importeren/verslag/<str:token>/", report_page, name="importverslag"),
    path(
        "importeren/verslag/<str:token>/importverslag.xlsx",
        report_download,
        name="importverslag_xlsx",
    ),
]
