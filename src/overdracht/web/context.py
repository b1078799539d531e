"""Template context for every page: the navigation and what the user may do (``mag``).

The navigation shows only the pages the user's role may use (``permissions.MATRIX``); a user
without a role sees none, only *Uitloggen*.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse

from overdracht.web.permissions import Capability, capabilities, is_beheerder, may

# The main menu in order: URL name, label, the capability the page needs.
MENU: tuple[tuple[str, str, Capability], ...] = (
    ("dossiers", "Dossiers", Capability.LIST_DOSSIERS),
    ("importeren", "Importeren", Capability.IMPORT),
    ("loket", "TLV-aanvragen", Capability.LOKET),
    ("controleren", "Controleren", Capability.VERIFY),
    ("beheer", "Beheer", Capability.BEHEER),
    ("verstrekkingenlog", "Verstrekkingenlog", Capability.LOG_OVERVIEW),
    ("bewaartermijn", "Bewaartermijn", Capability.BEHEER),
)


def navigation(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav": [], "mag": {}}
    items = [(name, label) for name, label, needed in MENU if may(user, needed) and _exists(name)]
    return {"nav": items, "mag": capabilities(user), "is_beheerder": is_beheerder(user)}


def _exists(name: str) -> bool:
    try:
        reverse(name)
    except NoReverseMatch:
        return False
    return True
