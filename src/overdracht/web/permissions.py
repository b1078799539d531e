"""Who may do what: one matrix of capabilities and roles, in this file only, failing closed.

Every page needs a login (Django's ``LoginRequiredMiddleware``; the few public views carry
``@login_not_required``). On top of that every staff view carries one ``@requires(...)`` with the
capability it needs. A user gets capabilities only through a known role: an account without a
profile (and not a superuser), with an unknown role or switched off has none, and sees the
Dutch 403 page everywhere except *Uitloggen*.

Decisions behind the matrix (least privilege, as a school's privacy officer expects):

- Only the IB'er and the beheerder read or change a dossier, make it final and ask for inzage
  (the inzage pages show the parents' codes).
- The leerlingadministratie imports workbooks and reads in dossier files, and sees the overview
  of dossiers (name, number, transition, status: what it keeps itself). It opens no dossier
  page, document, version or log, and downloads no dossier file or ZIP: those hold the
  special categories (jeugdhulp, medisch, diagnoses) and the BSN.
- The loket of the samenwerkingsverband sees only the TLV aanvragen (the loket pages): no
  overview of the school's dossiers, no dossier page, no bulk export.
- *Controleren* (is this PDF a final document of ours?) is open to every role: it tells only
  about a document the user already holds.
- Beheer, the bewaartermijn and the verstrekkingenlog of all dossiers are the beheerder's.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from enum import StrEnum
from functools import wraps
from types import MappingProxyType
from typing import Any, TypeVar

from django.contrib.auth.decorators import user_passes_test
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.http.response import HttpResponseBase

from overdracht.web.models import Role

F = TypeVar("F", bound=Callable[..., HttpResponseBase])


class Capability(StrEnum):
    """What a view lets a user do; the names are used in templates as ``mag.<name>``."""

    LIST_DOSSIERS = "list_dossiers"
    READ_DOSSIER = "read_dossier"
    EDIT_DOSSIER = "edit_dossier"
    MAKE_FINAL = "make_final"
    ASK_INZAGE = "ask_inzage"
    IMPORT = "import"
    MANAGE_FILES = "manage_files"
    DOWNLOAD_DOSSIER_FILE = "download_dossier_file"
    BULK_EXPORT = "bulk_export"
    LOKET = "loket"
    VERIFY = "verify"
    BEHEER = "beheer"
    LOG_OVERVIEW = "log_overview"


_B, _IB, _ADM, _LOKET = Role.BEHEERDER, Role.IB, Role.ADMINISTRATIE, Role.LOKET

# The one matrix: capability -> the roles that have it. Nothing else grants access.
MATRIX: Mapping[Capability, frozenset[Role]] = MappingProxyType(
    {
        Capability.LIST_DOSSIERS: frozenset({_B, _IB, _ADM}),
        Capability.READ_DOSSIER: frozenset({_B, _IB}),
        Capability.EDIT_DOSSIER: frozenset({_B, _IB}),
        Capability.MAKE_FINAL: frozenset({_B, _IB}),
        Capability.ASK_INZAGE: frozenset({_B, _IB}),
        Capability.IMPORT: frozenset({_B, _IB, _ADM}),
        Capability.MANAGE_FILES: frozenset({_B, _IB, _ADM}),
        Capability.DOWNLOAD_DOSSIER_FILE: frozenset({_B, _IB}),
        Capability.BULK_EXPORT: frozenset({_B, _IB}),
        Capability.LOKET: frozenset({_B, _IB, _LOKET}),
        Capability.VERIFY: frozenset({_B, _IB, _ADM, _LOKET}),
        Capability.BEHEER: frozenset({_B}),
        Capability.LOG_OVERVIEW: frozenset({_B}),
    }
)

# What the 403 page says to a user with a role that lacks the capability.
REFUSALS: Mapping[Capability, str] = MappingProxyType(
    {
        Capability.LIST_DOSSIERS: (
            "Het overzicht van de dossiers is voor de intern begeleider, de "
            "leerlingadministratie en de beheerder."
        ),
        Capability.READ_DOSSIER: (
            "De inhoud van een dossier is alleen voor de intern begeleider en de beheerder."
        ),
        Capability.EDIT_DOSSIER: (
            "Een dossier maken of wijzigen kan alleen de intern begeleider of de beheerder."
        ),
        Capability.MAKE_FINAL: (
            "Een versie definitief maken kan alleen de intern begeleider of de beheerder."
        ),
        Capability.ASK_INZAGE: (
            "Inzage vragen aan ouders en leerling kan alleen de intern begeleider of de beheerder."
        ),
        Capability.IMPORT: (
            "Importeren kan alleen de leerlingadministratie, een intern begeleider of de beheerder."
        ),
        Capability.MANAGE_FILES: (
            "Dossierbestanden inlezen kan alleen de leerlingadministratie, een intern begeleider "
            "of de beheerder."
        ),
        Capability.DOWNLOAD_DOSSIER_FILE: (
            "Een dossierbestand downloaden kan alleen de intern begeleider of de beheerder."
        ),
        Capability.BULK_EXPORT: (
            "Dossiers samen downloaden kan alleen de intern begeleider of de beheerder."
        ),
        Capability.LOKET: (
            "De TLV-aanvragen zijn voor het loket van het samenwerkingsverband, een intern "
            "begeleider en de beheerder."
        ),
        Capability.VERIFY: "Documenten controleren kan alleen een medewerker met een rol.",
        Capability.BEHEER: "Alleen een beheerder kan dit doen.",
        Capability.LOG_OVERVIEW: "Het verstrekkingenlog van alle dossiers is voor de beheerder.",
    }
)

NO_ROLE = (
    "Uw account heeft (nog) geen rol in overdracht. Vraag de beheerder om u een rol te geven; "
    "tot die tijd kunt u alleen uitloggen."
)

# Where each role starts after logging in: the first page it may use.
START_PAGES: Mapping[Role, str] = MappingProxyType(
    {_B: "dossiers", _IB: "dossiers", _ADM: "dossiers", _LOKET: "loket"}
)


def role_of(user: Any) -> Role | None:
    """The account's role: a superuser is a beheerder; else its profile's role, or None (no
    profile, an unknown role, or not logged in). Whether it may act: :func:`active_role`."""
    if getattr(user, "is_superuser", False):
        return Role.BEHEERDER
    profile = getattr(user, "profiel", None)
    if profile is None:
        return None
    try:
        return Role(profile.rol)
    except ValueError:
        return None


def active_role(user: Any) -> Role | None:
    """The role this user acts in now: None unless logged in with an account switched on."""
    if not getattr(user, "is_authenticated", False) or not getattr(user, "is_active", False):
        return None
    return role_of(user)


def may(user: Any, capability: Capability) -> bool:
    """Whether this user's role has this capability (never for a user without a role)."""
    role = active_role(user)
    return role is not None and role in MATRIX[capability]


def capabilities(user: Any) -> dict[str, bool]:
    """Every capability by name, for templates: ``{% if mag.read_dossier %}``."""
    return {str(c): may(user, c) for c in Capability}


def is_beheerder(user: Any) -> bool:
    return active_role(user) == Role.BEHEERDER


def start_page(user: Any) -> str:
    """The URL name of the first page this user may use; 403 for a user without a role."""
    role = active_role(user)
    if role is None:
        raise PermissionDenied(NO_ROLE)
    return START_PAGES[role]


ROLE_CHECKED = "role_checked"  # set on every view that says who may use it (see middleware)


def _passes(allowed: Callable[[Any], bool], refusal: Callable[[Any], str]) -> Callable[[F], F]:
    """``user_passes_test`` that sends the anonymous to the login page (as Django's
    ``permission_required`` does) but shows a logged-in user the Dutch 403 page."""

    def check(user: Any) -> bool:
        if allowed(user):
            return True
        if user.is_authenticated:
            raise PermissionDenied(refusal(user))
        return False

    def decorate(view: F) -> F:
        wrapped = user_passes_test(check)(view)
        setattr(wrapped, ROLE_CHECKED, True)
        return wrapped

    return decorate


def requires(capability: Capability, *, post: Capability | None = None) -> Callable[[F], F]:
    """Only roles with this capability in :data:`MATRIX` may use this view; with ``post``, a
    POST to it (saving, uploading) needs that capability instead."""
    read = _passes(lambda user: may(user, capability), _refusal(capability))
    if post is None:
        return read
    write = _passes(lambda user: may(user, post), _refusal(post))

    def decorate(view: F) -> F:
        on_get, on_post = read(view), write(view)

        @wraps(view)
        def by_method(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            chosen = on_post if request.method == "POST" else on_get
            return chosen(request, *args, **kwargs)

        setattr(by_method, ROLE_CHECKED, True)
        return by_method  # type: ignore[return-value]

    return decorate


def _refusal(capability: Capability) -> Callable[[Any], str]:
    return lambda user: REFUSALS[capability] if active_role(user) is not None else NO_ROLE


def role_free(view: F) -> F:
    """A logged-in view that needs no role (Uitloggen): a user without a role can leave."""
    setattr(view, ROLE_CHECKED, True)
    return view


# Any role at all (the start page); a user without a role gets the 403 page.
any_role: Callable[[F], F] = _passes(lambda user: active_role(user) is not None, lambda _: NO_ROLE)

# The beheer pages (kept as a name: views of other branches may still use it).
beheerder_required: Callable[[F], F] = requires(Capability.BEHEER)
