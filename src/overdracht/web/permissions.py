"""Who may do what. Every staff account may work with dossiers; beheer needs the beheerder role."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

from overdracht.web.models import Role

F = TypeVar("F", bound=Callable[..., HttpResponse])


def role_of(user: Any) -> str:
    if getattr(user, "is_superuser", False):
        return Role.BEHEERDER
    profile = getattr(user, "profiel", None)
    return str(profile.rol) if profile is not None else Role.IB


def is_beheerder(user: Any) -> bool:
    return bool(user.is_authenticated) and role_of(user) == Role.BEHEERDER


def beheerder_required(view: F) -> F:
    """Only a beheerder may use this view; others get the Dutch 403 page."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not is_beheerder(request.user):
            raise PermissionDenied("Alleen een beheerder kan dit doen.")
        return view(request, *args, **kwargs)

    return wrapper  # type: ignore[return-value]


# Who may use which part besides the beheerder (who may use everything). The SWV's loket sees
# TLV aanvragen, not a school's import; a school's IB'er sees the loket page too, to check an
# aanvraag exactly as the loket will before sending it.
IMPORT_ROLES = frozenset({Role.IB, Role.ADMINISTRATIE})
LOKET_ROLES = frozenset({Role.LOKET, Role.IB})


def has_role(user: Any, roles: frozenset[str]) -> bool:
    return bool(user.is_authenticated) and (is_beheerder(user) or role_of(user) in roles)


def role_required(roles: frozenset[str], refusal: str) -> Callable[[F], F]:
    """Only these roles (and the beheerder) may use this view; others get the Dutch 403 page."""

    def decorate(view: F) -> F:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not has_role(request.user, roles):
                raise PermissionDenied(refusal)
            return view(request, *args, **kwargs)

        return wrapper  # type: ignore[return-value]

    return decorate
