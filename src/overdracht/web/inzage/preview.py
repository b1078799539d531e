"""What parents see: the onderwijskundig rapport as it goes when they agree to everything.

Built by the library's own view model and renderer, so the readable page and the PDF hold
exactly the text the documents would hold; a category they refuse is left out of the real
documents by the library, as always.

The PDF is rendered in a worker process (WeasyPrint is not thread-safe), once for everyone who
asks for the same content on the same day, and then served from a small cache in memory.
"""

from __future__ import annotations

import hashlib
import json
import logging
import threading
from collections import OrderedDict
from datetime import date
from typing import Any

from overdracht.checklists.consent import CATEGORY_LABELS
from overdracht.model import Dossier as DossierDoc
from overdracht.render.view import DocumentView
from overdracht.web import renderpool
from overdracht.web.documents import RenderFailed
from overdracht.web.inzage.people import peildatum_of
from overdracht.web.rendercache import RenderPending
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
    """The readable report as a PDF: rendered once per content and day, then served."""
    overlay = overlay_for(doc)
    basis = {"inhoud": doc.model_dump(mode="json"), "aanvulling": str(overlay or "")}
    basis["dag"] = date.today().isoformat()
    key = hashlib.sha256(json.dumps(basis, sort_keys=True).encode()).hexdigest()
    with _lock:
        if key in _pdfs:
            _pdfs.move_to_end(key)
            return _pdfs[key]

    def make() -> bytes:
        try:
            pdf = renderpool.run(renderpool.pdf_job, readable_report(doc))
        except renderpool.WorkerFailed as exc:
            log.error("Inzagerapport maken mislukt (%s)", exc.kind)
            raise RenderFailed() from None
        with _lock:
            _pdfs[key] = pdf
            while len(_pdfs) > KEEP:
                _pdfs.popitem(last=False)
        return pdf

    # As for staff previews (rendercache.served): a few server threads wait, more are told.
    gate = renderpool.waiting()
    if not gate.acquire(blocking=False):
        renderpool.in_background(f"inzage:{key}", make)
        raise RenderPending()
    try:
        return renderpool.once(f"inzage:{key}", make)
    finally:
        gate.release()


log = logging.getLogger(__name__)
KEEP = 32  # parents' PDFs kept in memory (a few hundred kB each)
_pdfs: OrderedDict[str, bytes] = OrderedDict()
_lock = threading.Lock()
