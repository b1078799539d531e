"""The page *Controleren*: is this PDF exactly a final document of this app, and which one."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import URLPattern, path

from overdracht.web.permissions import Capability, requires
from overdracht.web.verify import find_final, sha256_of


@requires(Capability.VERIFY)
def verify_page(request: HttpRequest) -> HttpResponse:
    context: dict[str, Any] = {"fout": ""}
    status = 200
    if request.method == "POST":
        upload = request.FILES.get("bestand")
        if upload is None or upload.size == 0:
            context["fout"] = "Kies het bestand dat u wilt controleren."
        elif upload.size is not None and upload.size > settings.MAX_UPLOAD_BYTES:
            mb = settings.MAX_UPLOAD_BYTES // (1024 * 1024)
            context["fout"] = f"Het bestand is groter dan {mb} MB; zo groot is geen document."
        else:
            data = upload.read()
            context.update(
                gecontroleerd=True,
                naam=upload.name,
                sha256=sha256_of(data),
                matches=find_final(data),
            )
        if context["fout"]:
            status = 400
    return render(request, "overdracht/verificatie.html", context, status=status)


urlpatterns: list[URLPattern] = [path("controleren/", verify_page, name="controleren")]
