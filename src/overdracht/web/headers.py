"""Headers on every response that is not a static file."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest
from django.http.response import HttpResponseBase


def no_store(
    get_response: Callable[[HttpRequest], HttpResponseBase],
) -> Callable[[HttpRequest], HttpResponseBase]:
    """``Cache-Control: no-store``: no page, download or PDF with pupil data is kept by the
    browser or by a proxy (a shared computer, the back button after logging out). Static files
    are served before this (WhiteNoise) and stay cacheable."""

    def middleware(request: HttpRequest) -> HttpResponseBase:
        response = get_response(request)
        response["Cache-Control"] = "no-store"
        return response

    return middleware
