"""Template context for every page: the navigation and the user's role."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse

from overdracht.web.permissions import IMPORT_ROLES, LOKET_ROLES, has_role, is_beheerder


def navigation(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav": []}
    items = [("dossiers", "Dossiers")]
    if has_role(user, IMPORT_ROLES):
        items.append(("importeren", "Importeren"))
    if has_role(user, LOKET_ROLES):
        items.append(("loket", "TLV-aanvragen"))
    items.append(("controleren", "Controleren"))
    if is_beheerder(user):
        items.append(("beheer", "Beheer"))
        items.append(("verstrekkingenlog", "Verstrekkingenlog"))
        items.append(("bewaartermijn", "Bewaartermijn"))
    return {"nav": [item for item in items if _exists(item[0])], "is_beheerder": is_beheerder(user)}


def _exists(name: str) -> bool:
    try:
        reverse(name)
    except NoReverseMatch:
        return False
    return True
