"""Every page needs a login, except the few listed here (login, first run, static files)."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse

# Paths that answer without a login. /inzage/: parents' own pages, protected by link and code.
PUBLIC_PREFIXES = ("/inloggen/", "/eerste-keer/", "/static/", "/favicon.ico", "/inzage/")


class PrivateByDefault:
    """Deny by default: a new view is private unless its path is listed as public."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.user.is_authenticated and not request.path.startswith(PUBLIC_PREFIXES):
            if getattr(request, "htmx", False):
                response = HttpResponse(status=401)
                response["HX-Redirect"] = str(settings.LOGIN_URL)
                return response
            return redirect_to_login(request.get_full_path(), "/inloggen/")
        return self.get_response(request)
