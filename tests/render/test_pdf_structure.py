"""Accessible PDFs: tagged structure, Dutch, a title, page furniture as artifacts, good breaks."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from pypdf.generic import DictionaryObject

from overdracht.model.loading import load_dossier
from overdracht.render.documents import build_context, build_views
from overdracht.render.pdf import layout_pdf

from .conftest import FULL, SAMPLES, TODAY, pdf_text, render_data
from .pagination import bad_breaks

SAMPLE_PATHS = [*sorted(SAMPLES.glob("*.yaml")), FULL]
_TOKEN = re.compile(
    rb"/Artifact\s+BMC|<<\s*/MCID\s+\d+\s*>>\s*BDC|\bEMC\b|(-?[\d.]+)\s+Tm\b|\bTJ\b"
)


def _struct_types(reader: PdfReader) -> Counter[str]:
    found: Counter[str] = Counter()
    stack: list[Any] = [reader.trailer["/Root"]["/StructTreeRoot"].get_object()]
    while stack:
        node = stack.pop()
        node = node.get_object() if hasattr(node, "get_object") else node
        if isinstance(node, DictionaryObject):
            if "/S" in node:
                found[str(node["/S"])] += 1
            kids = node.get("/K")
            stack.extend(kids if isinstance(kids, list) else [kids] if kids is not None else [])
        elif isinstance(node, list):
            stack.extend(node)
    return found


def _text_positions(content: bytes) -> list[tuple[float, bool]]:
    """(y from the top in CSS px, drawn as artifact) for every text run on a page."""
    marks: list[bool] = []
    y = 0.0
    runs = []
    for match in _TOKEN.finditer(content):
        token = match.group(0)
        if token.startswith(b"/Artifact"):
            marks.append(True)
        elif token.endswith(b"BDC"):
            marks.append(False)
        elif token == b"EMC":
            marks.pop()
        elif match.group(1) is not None:
            y = float(match.group(1))
        elif token == b"TJ":
            runs.append((y, any(marks)))
    return runs


@pytest.fixture(scope="module")
def concept_pdfs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import yaml

    out = tmp_path_factory.mktemp("pdfstructuur")
    data = yaml.safe_load((SAMPLES / "po-vo-concept.yaml").read_text(encoding="utf-8"))
    render_data(data, out, "concept", formats=("pdf",))
    render_data(data, out, "archief", formats=("pdf",), pdfa=True)
    return out


def test_every_pdf_is_tagged_dutch_and_titled(concept_pdfs: Path) -> None:
    reader = PdfReader(concept_pdfs / "concept-onderwijskundig-rapport.pdf")
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "nl"
    assert root["/MarkInfo"]["/Marked"] == True  # noqa: E712 (a pypdf BooleanObject)
    assert root["/ViewerPreferences"]["/DisplayDocTitle"] == True  # noqa: E712
    assert reader.metadata is not None
    assert reader.metadata.title == "Onderwijskundig rapport – Lotte de Vries"
    assert reader.metadata.creation_date is not None
    assert b'pdfuaid:part="1"' in reader.xmp_metadata.stream.get_data()  # type: ignore[union-attr]
    types = _struct_types(reader)
    for tag in ("/Document", "/H1", "/H2", "/H3", "/Table", "/THead", "/TH", "/TD", "/Sect"):
        assert types[tag] > 0, tag
    assert not types["/Figure"]  # the CONCEPT marks are no figures


def _struct_elements(reader: PdfReader, kind: str) -> list[DictionaryObject]:
    found = []
    stack: list[Any] = [reader.trailer["/Root"]["/StructTreeRoot"].get_object()]
    while stack:
        node = stack.pop()
        node = node.get_object() if hasattr(node, "get_object") else node
        if isinstance(node, DictionaryObject):
            if node.get("/S") == kind:
                found.append(node)
            kids = node.get("/K")
            stack.extend(kids if isinstance(kids, list) else [kids] if kids is not None else [])
    return found


def test_table_cells_name_their_header_cells(concept_pdfs: Path) -> None:
    reader = PdfReader(concept_pdfs / "concept-onderwijskundig-rapport.pdf")
    header_ids = {str(th["/ID"]) for th in _struct_elements(reader, "/TH")}
    cells = _struct_elements(reader, "/TD")
    assert header_ids and cells
    linked = [td for td in cells if td["/A"].get("/Headers")]
    assert len(linked) == len(cells)
    assert all(str(h) in header_ids for td in linked for h in td["/A"]["/Headers"])


def test_running_header_page_numbers_and_concept_marks_are_artifacts(concept_pdfs: Path) -> None:
    reader = PdfReader(concept_pdfs / "concept-onderwijskundig-rapport.pdf")
    for page in reader.pages:
        runs = _text_positions(page.get_contents().get_data())  # type: ignore[union-attr]
        margins = [artifact for y, artifact in runs if y < 90 or y > 1040]
        body = [artifact for y, artifact in runs if 90 <= y <= 1040]
        assert margins and all(margins)
        assert body and not any(body)


def test_no_watermark_letters_in_the_text(concept_pdfs: Path) -> None:
    text = pdf_text(concept_pdfs / "concept-onderwijskundig-rapport.pdf")
    assert "C ON C EPT" not in text
    assert [line for line in text.splitlines() if "CONCEPT" in line] == [
        line for line in text.splitlines() if "CONCEPT: " in line
    ]
    assert len([line for line in text.splitlines() if "CONCEPT" in line]) == 1
    loose = [line for line in text.splitlines() if re.fullmatch(r"\s*[A-Z]\s*", line)]
    assert loose == []


def test_pdfa_is_a_tagged_pdfa_3a_with_the_dossier(concept_pdfs: Path) -> None:
    from overdracht.render import extract_dossier_json

    path = concept_pdfs / "archief-onderwijskundig-rapport.pdf"
    reader = PdfReader(path)
    xmp = reader.xmp_metadata.stream.get_data()  # type: ignore[union-attr]
    assert b'pdfaid:part="3"' in xmp and b'pdfaid:conformance="A"' in xmp
    assert reader.trailer["/Root"]["/Lang"] == "nl"
    assert _struct_types(reader)["/H1"] == 1
    assert list(reader.attachments) == ["overdracht-dossier.json"]
    assert '"achternaam": "de Vries"' in extract_dossier_json(path)


@pytest.mark.parametrize("path", SAMPLE_PATHS, ids=lambda p: p.stem)
def test_no_bad_page_breaks(path: Path) -> None:
    """No heading or table header ends a page, no signature block or write-in box is split,
    and no page holds only the last one or two rows of a table or list."""
    ctx = build_context(load_dossier(path), today=TODAY)
    problems = {view.soort: bad_breaks(layout_pdf(view)) for view in build_views(ctx, path.stem)}
    assert {k: v for k, v in problems.items() if v} == {}


def test_feedback_form_is_a_fillable_pdf(concept_pdfs: Path) -> None:
    reader = PdfReader(concept_pdfs / "concept-terugkoppelingsformulier.pdf")
    fields = reader.get_fields() or {}
    assert len(fields) == 6
    assert all(field.get("/FT") == "/Tx" for field in fields.values())
    assert "Hoe is de start van de leerling verlopen?" in {
        str(field.get("/TU")) for field in fields.values()
    }
    assert _struct_types(reader)["/Form"] == 6  # tagged, for screen readers
    # The OKR is no form.
    assert not PdfReader(concept_pdfs / "concept-onderwijskundig-rapport.pdf").get_fields()
