"""Every page needs a login and a role check, unless it says otherwise.

Django's ``LoginRequiredMiddleware`` sends the anonymous to the login page, except for the few
views marked ``@login_not_required`` (log in, first run, the parents' /inzage/ pages; static
files are served by WhiteNoise before any view). A logged-in user reaches only views that say
who may use them (``permissions.requires``, ``any_role`` or ``role_free``): a new view that
forgets to say so is refused to everyone, not opened to everyone.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib.auth.middleware import LoginRequiredMiddleware
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import resolve_url

from overdracht.web.permissions import ROLE_CHECKED

logger = logging.getLogger(__name__)

# Django's admin checks its own rights (is_staff, which only the beheerder has).
OWN_CHECKS = frozenset({"admin"})


class LoginRequired(LoginRequiredMiddleware):
    """Django's middleware, failing closed on views without a role check. An htmx request
    without a login gets 401 with ``HX-Redirect``, so htmx loads the whole login page instead
    of swapping it into a part of the page."""

    def process_view(
        self,
        request: HttpRequest,
        view_func: Callable[..., Any],
        view_args: tuple[Any, ...],
        view_kwargs: dict[str, Any],
    ) -> HttpResponseBase | None:
        if not getattr(view_func, "login_required", True):
            return None  # public: @login_not_required
        if not request.user.is_authenticated:
            if getattr(request, "htmx", False):
                response = HttpResponse(status=401)
                response["HX-Redirect"] = resolve_url(settings.LOGIN_URL)
                return response
            return super().process_view(request, view_func, view_args, view_kwargs)
        match = request.resolver_match
        if getattr(view_func, ROLE_CHECKED, False) or (match and match.namespace in OWN_CHECKS):
            return None
        logger.error("View zonder rolcontrole geweigerd: %s", getattr(match, "view_name", "?"))
        raise PermissionDenied("Deze pagina is voor niemand opengesteld.")
