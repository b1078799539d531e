"""Thin views: parse the request, call the store or the library, render a template.

Every module here defines ``urlpatterns``; add a new module to ``VIEW_MODULES``.
"""

from __future__ import annotations

from types import ModuleType

from overdracht.web.views import (
    accounts,
    beheer,
    bewaartermijn,
    documents,
    dossiers,
    editing,
    errors,
    files,
    history,
    importing,
    inzage,
    loket,
    papier,
    verificatie,
    verstrekkingen,
)

VIEW_MODULES: list[ModuleType] = [
    accounts,
    beheer,
    bewaartermijn,
    dossiers,
    editing,
    errors,
    importing,
    inzage,
    loket,
    verificatie,
    verstrekkingen,
]
VIEW_MODULES += [documents, history, files, papier]
