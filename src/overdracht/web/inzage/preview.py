"""What parents see: the onderwijskundig rapport as it goes when they agree to everything.

Built by the library's own view model and renderer, so the readable page and the PDF hold
exactly the text the documents would hold; a category they refuse is left out of the real
documents by the library, as always.
"""

from __future__ import annotations

from typing import Any

from overdracht.checklists.consent import CATEGORY_LABELS
from overdracht.model import Dossier as DossierDoc
from overdracht.render.view import DocumentView
from overdracht.web.inzage.people import peildatum_of
from overdracht.web.store import overlay_for


def everything_shown(doc: DossierDoc) -> DossierDoc:
    """``doc`` with consent for every category and every bijlage released."""
    data: dict[str, Any] = doc.model_dump(mode="python")
    data["toestemmingen"] = [
        {
            "categorie": categorie,
            "gegeven_door": ["ouders", "leerling"],
            "datum": peildatum_of(doc),
        }
        for categorie in CATEGORY_LABELS
    ]
    for bijlage in data["bijlagen"]:
        bijlage["meesturen"] = True
    return DossierDoc.model_validate(data)


def readable_report(doc: DossierDoc, *, everything: bool = True) -> DocumentView:
    """The OKR as the parents read it: with ``everything`` as it goes when they agree to all
    (a concept), else as it goes now (a final version: what was refused is left out)."""
    from overdracht.render.documents import build_context
    from overdracht.render.okr import build_okr

    shown = everything_shown(doc) if everything else doc
    return build_okr(build_context(shown, overlay=overlay_for(doc)))


def report_pdf(doc: DossierDoc) -> bytes:
    from overdracht.render.pdf import render_pdf

    return render_pdf(readable_report(doc))
