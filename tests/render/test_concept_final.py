"""CONCEPT on every page exactly when the dossier is incomplete or parents had no inzage."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader
from pypdf._page import PageObject

from overdracht.errors import IncompleteError

from .conftest import FULL, docx_text, load_data, render_data

OUTGOING = ("onderwijskundig-rapport", "verslag-warme-overdracht", "terugkoppelingsformulier")


# The CONCEPT marks are drawings (no text): the red of the header mark and the pale red
# of the watermark, each drawn on the page.
MARK_COLOURS = (b"0.690196 0 0.12549 rg", b"0.972549 0.890196 0.905882 rg")


def _marked(page: PageObject) -> bool:
    drawn = set(re.findall(rb"/(\w+) Do", page.get_contents().get_data()))  # type: ignore[union-attr]
    objects = page["/Resources"].get("/XObject", {})
    streams = [objects[f"/{name.decode()}"].get_object().get_data() for name in drawn]
    return all(any(colour in data for data in streams) for colour in MARK_COLOURS)


def _concept_everywhere(out: Path, stem: str) -> bool:
    marks = []
    for document in OUTGOING:
        marks += [_marked(page) for page in PdfReader(out / f"{stem}-{document}.pdf").pages]
        # The DOCX header repeats on every page in Word; it must hold the mark.
        marks.append(
            "CONCEPT" in docx_text(out / f"{stem}-{document}.docx").split("\n", 1)[0]
            or "CONCEPT: niet versturen" in docx_text(out / f"{stem}-{document}.docx")
        )
    assert all(marks) or not any(marks), "CONCEPT op sommige pagina's wel en op andere niet"
    return all(marks)


def test_complete_dossier_with_inzage_is_not_a_concept(tmp_path: Path) -> None:
    render_data(load_data(FULL), tmp_path, "klaar")
    assert not _concept_everywhere(tmp_path, "klaar")


def test_without_inzage_every_page_says_concept(tmp_path: Path) -> None:
    data = load_data(FULL)
    del data["inzage"]
    render_data(data, tmp_path, "geen-inzage")
    assert _concept_everywhere(tmp_path, "geen-inzage")


def test_incomplete_dossier_every_page_says_concept(tmp_path: Path) -> None:
    data = load_data(FULL)
    del data["schooladvies"]
    render_data(data, tmp_path, "onvolledig")
    assert _concept_everywhere(tmp_path, "onvolledig")


def test_final_refuses_and_lists_what_is_missing(tmp_path: Path) -> None:
    data = load_data(FULL)
    del data["schooladvies"]
    del data["inzage"]
    with pytest.raises(IncompleteError) as caught:
        render_data(data, tmp_path / "uit", "x", final=True)
    message = str(caught.value)
    assert "kunnen nog niet definitief worden gemaakt" in message
    assert "schooladvies" in message
    assert "ingezien" in message
    assert caught.value.exit_code == 1
    assert not (tmp_path / "uit").exists() or not any((tmp_path / "uit").iterdir())


def test_final_renders_a_complete_dossier(tmp_path: Path) -> None:
    files = render_data(load_data(FULL), tmp_path, "def", final=True)
    assert len(files) == 8
