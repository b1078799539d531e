"""Page furniture as artifacts in tagged PDFs (WeasyPrint 70).

WeasyPrint tags the text of page margins (our running header with the pupil's name and the
"pagina 1 van 3" footer) as ``/Span`` marked content whose structure elements hang outside
the structure tree (its own comment: "it could be included in tree as Artifact, but that's
only allowed in PDF 2.0"). PDF/UA and PDF/A-3a want page furniture marked as
``/Artifact``, so that a screen reader does not read the header on every page and the
structure tree holds only the document itself.

Two small adjustments do that, applied once on import:

- ``Stream.marked`` writes an artifact instead of tagged content for boxes we flagged;
- the tag tree builder skips margin boxes (their content is not tagged any more).

:func:`mark_page_furniture` flags the boxes of every margin box of a laid-out document.
WeasyPrint is pinned in ``pyproject.toml``; ``tests/render/test_pdf_structure.py`` fails
when an upgrade changes the internals these adjustments rely on.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager
from typing import Any

from weasyprint.document import Document
from weasyprint.formatting_structure import boxes
from weasyprint.pdf import stream as pdf_stream
from weasyprint.pdf import tags as pdf_tags

_FLAG = "_overdracht_artifact"
_original_marked = pdf_stream.Stream.marked
_original_build_box_tree = pdf_tags._build_box_tree


def _marked(self: Any, box: Any, tag: str) -> AbstractContextManager[None]:
    if getattr(box, _FLAG, False):
        return self.artifact()  # type: ignore[no-any-return]
    return _original_marked(self, box, tag)  # type: ignore[no-any-return]


def _build_box_tree(box: Any, *args: Any) -> Iterator[Any]:
    if isinstance(box, boxes.MarginBox):
        return iter(())
    return _original_build_box_tree(box, *args)  # type: ignore[no-any-return]


def _install() -> None:
    if pdf_stream.Stream.marked is not _marked:
        pdf_stream.Stream.marked = _marked
        pdf_tags._build_box_tree = _build_box_tree


def mark_page_furniture(document: Document) -> None:
    """Flag every box in the page margins of ``document`` as an artifact."""
    for page in document.pages:
        for child in page._page_box.children:
            if isinstance(child, boxes.MarginBox):
                for box in child.descendants():
                    setattr(box, _FLAG, True)


_install()
