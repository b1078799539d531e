"""The SWV loket: TLV aanvragen as ``overdracht tlv-check`` shows them, with its downloads.

Who: the loket of the samenwerkingsverband, the beheerder, and a school's intern begeleider
(who prepares the aanvraag and may check it exactly as the loket will before sending it).
"""

from __future__ import annotations

import hashlib
import io
import zipfile
from typing import Any

from django import forms
from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import URLPattern, path

from overdracht.errors import InvalidInputError, OverdrachtError
from overdracht.tlv import Aanvraag, Overzicht, tlv_transitions
from overdracht.tlv.html import html_page
from overdracht.tlv.letters import letter_docx, letter_name, needs_letter
from overdracht.tlv.overview import STATUS_ORDER
from overdracht.tlv.xlsx import xlsx_bytes
from overdracht.web import disclosure, gates, search
from overdracht.web.loket import Batch, from_database, from_zip, save_zip
from overdracht.web.permissions import Capability, requires
from overdracht.web.uploads import original_name, save_upload, temporary_folder, user_messages
from overdracht.web.views.dossiers import transitions

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
STATUS_LABELS = {
    "onleesbaar": "Onleesbaar",
    "onvolledig": "Onvolledig",
    "waarschuwingen": "Met waarschuwingen",
    "compleet": "Compleet",
}
FILTERS = ("status", "overgang")
SEARCH_KEY = "loket_zoek"

loket_only = requires(Capability.LOKET)


class ZipForm(forms.Form):
    aanvragen = forms.FileField(
        label="ZIP-bestand met aanvragen",
        help_text="Een .zip met aanvraagbestanden (.yaml, .yml of .json, zoals 'overdracht "
        "tlv-check' ze leest), ook in mappen.",
        error_messages={"required": "Kies het ZIP-bestand met de aanvragen."},
        widget=forms.ClearableFileInput(attrs={"accept": ".zip"}),
    )


def _params(request: HttpRequest) -> dict[str, str]:
    """The filters in the address, and the search text (a name) kept out of it."""
    return search.remembered(request, SEARCH_KEY, FILTERS)


def _batch(request: HttpRequest, token: str | None, params: dict[str, str]) -> Batch:
    if token is None:
        return from_database(params["overgang"], params["zoek"])
    batch = from_zip(request, token)
    if batch is None:
        raise Http404
    return batch


def _shown(batch: Batch, params: dict[str, str]) -> list[Aanvraag]:
    """The aanvragen that pass the filters (the database was already narrowed in its query)."""
    rows = batch.overzicht.aanvragen
    if params["status"] in STATUS_ORDER:
        rows = [a for a in rows if a.status == params["status"]]
    if batch.naam:
        if params["overgang"]:
            rows = [a for a in rows if a.overgang == params["overgang"]]
        query = params["zoek"].casefold()
        if query:
            rows = [
                a
                for a in rows
                if query in f"{a.leerling} {a.school} {a.brin} {a.bestand}".casefold()
            ]
    return rows


@loket_only
def loket_page(request: HttpRequest, token: str | None = None) -> HttpResponse:
    form = ZipForm()
    params, answer = search.read_filters(request, SEARCH_KEY, FILTERS)
    if answer is not None:
        return answer
    if request.method == "POST" and "zoek" not in request.POST:
        form = ZipForm(request.POST, request.FILES)
        if form.is_valid():
            with gates.IMPORTS.enter() as admitted:  # unpacking and checking takes memory
                if not admitted:
                    return gates.busy_page(request, "bestanden")
                new_token = _save_zip(request, form)
            if new_token is not None:
                return redirect("loket_zip", token=new_token)
    try:
        batch = _batch(request, token, params)
    except OverdrachtError as exc:  # an unusable overlay, say: the CLI's message
        return render(
            request,
            "overdracht/fout.html",
            {"titel": "Het overzicht kan niet worden gemaakt", "tekst": str(exc)},
            status=400,
        )
    shown = _shown(batch, params)
    titles = dict(transitions())
    context: dict[str, Any] = {
        "form": form,
        "batch": batch,
        "rows": [(a, batch.dossier_of(a)) for a in shown],
        "aantal": len(shown),
        "samenvatting": Overzicht(list(shown)).summary(),
        "params": params,
        "query": search.address_query(params),
        "token": token,
        "statuses": list(STATUS_LABELS.items()),
        "transitions": [(t, titles.get(t, t)) for t in tlv_transitions()],
        "brieven": sum(1 for a in shown if needs_letter(a)),
    }
    status = 400 if form.errors else 200
    return render(request, "overdracht/loket.html", context, status=status)


def _save_zip(request: HttpRequest, form: ZipForm) -> str | None:
    upload = form.cleaned_data["aanvragen"]
    name = original_name(upload)
    try:
        if upload.size > settings.MAX_UPLOAD_BYTES:
            raise InvalidInputError(
                f"{name}: het bestand is {upload.size // (1024 * 1024)} MB; de grens is "
                f"{settings.MAX_UPLOAD_BYTES // (1024 * 1024)} MB. Verdeel de aanvragen over "
                "meer ZIP-bestanden."
            )
        with temporary_folder() as folder:
            archive = save_upload(upload, folder)
            try:
                return save_zip(request, archive, name)
            except OverdrachtError as exc:
                raise InvalidInputError(" ".join(user_messages(exc, {archive: name}))) from None
    except OverdrachtError as exc:
        form.add_error("aanvragen", exc.message)
        return None


@loket_only
def download(request: HttpRequest, soort: str, token: str | None = None) -> HttpResponse:
    params = _params(request)
    batch = _batch(request, token, params)
    shown = _shown(batch, params)
    overzicht = Overzicht(list(shown), overlay=batch.overzicht.overlay)
    if soort == "overzicht.xlsx":
        content, kind, what = xlsx_bytes(overzicht), XLSX, "TLV-overzicht (XLSX)"
        _log(request, batch, shown, what, content)
    elif soort == "overzicht.html":
        content = html_page(overzicht).encode("utf-8")
        kind, what = "text/html; charset=utf-8", "TLV-overzicht (HTML)"
        _log(request, batch, shown, what, content)
    elif soort == "brieven.zip":
        content, kind = _letters(request, batch, shown), "application/zip"
    else:
        raise Http404
    response = HttpResponse(content, content_type=kind)
    response["Content-Disposition"] = f'attachment; filename="tlv-{soort}"'
    return response


def _letters(request: HttpRequest, batch: Batch, shown: list[Aanvraag]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for aanvraag in shown:
            if not needs_letter(aanvraag):
                continue
            letter = letter_docx(aanvraag)
            archive.writestr(letter_name(aanvraag), letter)
            dossier = batch.dossier_of(aanvraag)
            if dossier is not None:
                disclosure.record(
                    request.user,
                    dossier,
                    dossier.current_number,
                    "TLV-brief: wat er ontbreekt aan de aanvraag (DOCX)",
                    to_whom=aanvraag.school or "de school van de aanvraag",
                    sha256=hashlib.sha256(letter).hexdigest(),
                )
    return buffer.getvalue()


def _log(
    request: HttpRequest, batch: Batch, shown: list[Aanvraag], what: str, content: bytes
) -> None:
    """Every database dossier in a downloaded overview: access by whoever downloaded it (the
    loket's own working list, not sent to anyone; the letters to schools are disclosures)."""
    digest = hashlib.sha256(content).hexdigest()
    for aanvraag in shown:
        dossier = batch.dossier_of(aanvraag)
        if dossier is not None:
            disclosure.access(request.user, dossier, dossier.current_number, what, sha256=digest)


urlpatterns: list[URLPattern] = [
    path("loket/", loket_page, name="loket"),
    path("loket/zip/<str:token>/", loket_page, name="loket_zip"),
    path("loket/download/<str:soort>", download, name="loket_download"),
    path("loket/zip/<str:token>/download/<str:soort>", download, name="loket_zip_download"),
]
