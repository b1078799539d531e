"""Render the koude overdracht: the onderwijskundig rapport and its companion documents.

One view model per document, built from the dossier, the checklist report and consent;
DOCX (docxtpl) and PDF (jinja2 HTML + WeasyPrint) are both rendered from it. The heavy
renderers are imported on first use, so importing this package stays cheap.

The function is :func:`render_documents` (also ``overdracht.render_documents``). This
package is ``overdracht.render``, so ``from overdracht import render`` gives the package;
calling it still works for older scripts, with a DeprecationWarning.
"""

from __future__ import annotations

import sys
import types
import warnings
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from overdracht.model.dossier import Dossier
    from overdracht.render.documents import RenderResult

__all__ = ["extract_dossier_json", "render_documents"]


def render_documents(
    dossier: Dossier | str | Path,
    output_dir: str | Path,
    *,
    formats: str | Sequence[str] = ("docx", "pdf"),
    final: bool = False,
    force: bool = False,
    pdfa: bool = False,
    overlay: str | Path | None = None,
    peildatum: date | None = None,
    name: str | None = None,
) -> RenderResult:
    """Render every document a dossier's transition needs into ``output_dir``.

    ``dossier`` is a :class:`~overdracht.model.Dossier` or the path of a dossier file.
    Writes, per document and format, ``<name>-<document>.<docx|pdf>``: the onderwijskundig
    rapport, a TLV-dossier summary (to SBO, SO, VSO, PrO), the verslag warme overdracht,
    the terugkoppelingsformulier and the checklist report for the sender.

    - Sections without valid consent are left out of every document (the checklist report
      lists them). An incomplete dossier, or one parents have not seen, gets a CONCEPT mark.
    - ``final=True`` raises :class:`~overdracht.errors.IncompleteError` (exit code 1) instead
      of rendering a concept.
    - Existing files are never overwritten unless ``force``; files are written atomically.
    - PDFs are tagged (PDF/UA-1); ``pdfa=True`` writes PDF/A-3a instead, and the rapport
      carries the shareable dossier as JSON.

    Returns a :class:`~overdracht.render.documents.RenderResult` with the files written.
    """
    from overdracht.model.dossier import Dossier
    from overdracht.model.loading import load_dossier
    from overdracht.render.documents import parse_formats, render_dossier

    if isinstance(dossier, Dossier):
        stem, dossier_path, model = name or "dossier", "", dossier
    else:
        path = Path(dossier)
        stem, dossier_path, model = name or path.stem, str(path), load_dossier(path)
    return render_dossier(
        model,
        Path(output_dir),
        stem=stem,
        dossier_path=dossier_path,
        formats=parse_formats(formats),
        final=final,
        force=force,
        pdfa=pdfa,
        overlay=Path(overlay) if overlay else None,
        peildatum=peildatum,
    )


def extract_dossier_json(pdf: str | Path) -> str:
    """The dossier JSON embedded in a PDF/A written with ``pdfa=True``."""
    from overdracht.render.attachment import extract_dossier_json as _extract

    return _extract(Path(pdf))


class _CallablePackage(types.ModuleType):
    """Old scripts call ``overdracht.render(...)``: forward the call, with a warning."""

    def __call__(self, *args: Any, **kwargs: Any) -> RenderResult:
        warnings.warn(
            "overdracht.render(...) is verouderd; gebruik overdracht.render_documents(...)",
            DeprecationWarning,
            stacklevel=2,
        )
        return render_documents(*args, **kwargs)


sys.modules[__name__].__class__ = _CallablePackage
