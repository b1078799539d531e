"""The DOCX says what the PDF says, and looks like it: the same words for every document type,
Arial headings, light table lines with padding, Dutch, no template leftovers."""

from __future__ import annotations

import re
import subprocess
import zipfile
from collections import Counter
from pathlib import Path

import pytest
from docx2python import docx2python

from .conftest import SAMPLES

DOCUMENTS = (
    "onderwijskundig-rapport",
    "tlv-samenvatting",
    "verslag-warme-overdracht",
    "terugkoppelingsformulier",
    "checklistrapport",
)
STEMS = sorted(p.stem for p in SAMPLES.glob("*.yaml"))
# Words split at hyphens: the PDF may break "gz-psycholoog" at the end of a line.
_WORD = re.compile(r"\w[\w@./']*\w|\w")
_FOOTER = re.compile(r"^\s*Vertrouwelijk\s+pagina \d+ van \d+\s*$")


def _flat(value: object) -> list[str]:
    if isinstance(value, list):
        return [s for v in value for s in _flat(v)]
    return [str(value)]


def _docx_body_words(path: Path) -> Counter[str]:
    with docx2python(path) as result:
        return Counter(_WORD.findall("\n".join(_flat(result.body))))


def _pdf_body_words(path: Path, header: str) -> Counter[str]:
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True, text=True
    ).stdout
    lines = [
        line
        for line in text.splitlines()
        if line.strip() != header and not _FOOTER.match(line) and line.strip() != "Vertrouwelijk"
    ]
    return Counter(_WORD.findall("\n".join(lines)))


def _header(path: Path) -> str:
    with docx2python(path) as result:
        return next(line for line in _flat(result.header) if " · " in line).strip()


@pytest.mark.parametrize("document", DOCUMENTS)
def test_docx_and_pdf_hold_the_same_words(rendered_samples: Path, document: str) -> None:
    compared = 0
    for stem in STEMS:
        docx = rendered_samples / f"{stem}-{document}.docx"
        if not docx.exists():
            continue
        pdf = docx.with_suffix(".pdf")
        in_docx, in_pdf = _docx_body_words(docx), _pdf_body_words(pdf, _header(docx))
        # Every word of the DOCX as often in the PDF; the PDF may repeat a table header on
        # the next page (Word does so too, but only at print time).
        assert (stem, in_docx - in_pdf) == (stem, Counter())
        assert (stem, set(in_pdf) - set(in_docx)) == (stem, set())
        compared += 1
    assert compared >= 3


def _part(path: Path, name: str) -> str:
    with zipfile.ZipFile(path) as archive:
        return archive.read(name).decode("utf-8")


def test_docx_is_dutch_arial_and_without_template_leftovers(rendered_samples: Path) -> None:
    path = rendered_samples / "po-vo-concept-onderwijskundig-rapport.docx"
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
    assert not [n for n in names if "thumbnail" in n or n.startswith("customXml")]
    assert "word/stylesWithEffects.xml" not in names
    styles = _part(path, "word/styles.xml")
    assert "Theme=" not in styles  # no Calibri/Cambria theme font over Arial
    assert 'w:lang w:val="en-US"' not in styles
    assert '<w:rFonts w:ascii="Arial"' in styles
    app = _part(path, "docProps/app.xml")
    assert "<Application>overdracht</Application>" in app
    assert "Normal.dotm" not in app and "Macintosh" not in app
    core = _part(path, "docProps/core.xml")
    assert "<dc:language>nl-NL</dc:language>" in core
    assert "<dc:title>Onderwijskundig rapport – Lotte de Vries</dc:title>" in core


def test_docx_tables_light_lines_padding_and_content_widths(rendered_samples: Path) -> None:
    document = _part(
        rendered_samples / "po-vo-concept-onderwijskundig-rapport.docx", "word/document.xml"
    )
    assert 'w:color="B9C3CD"' in document and 'w:color="000000"' not in document
    assert '<w:top w:w="68" w:type="dxa"/>' in document
    # The toetsen table: name, domain, date, score (the empty 'Niveau' column is left out),
    # the name column widest.
    grid = re.findall(r"<w:tblGrid>(.*?)</w:tblGrid>", document)
    widths = [[int(w) for w in re.findall(r'w:w="(\d+)"', g)] for g in grid]
    toetsen = next(w for w in widths if len(w) == 4)
    assert toetsen[0] == max(toetsen) and sum(toetsen) <= 9864


def test_docx_footer_page_numbers_as_small_as_the_words_beside_them(
    rendered_samples: Path,
) -> None:
    footer = _part(
        rendered_samples / "po-vo-concept-onderwijskundig-rapport.docx", "word/footer1.xml"
    )
    runs = re.findall(r"<w:r>(.*?)</w:r>", footer)
    assert runs and all(
        '<w:sz w:val="16"/>' in run for run in runs if "<w:t" in run or "fldChar" in run
    )


def test_docx_concept_watermark_only_on_concepts(rendered_samples: Path) -> None:
    concept = _part(
        rendered_samples / "po-vo-concept-onderwijskundig-rapport.docx", "word/header1.xml"
    )
    assert 'string="CONCEPT"' in concept
    final = _part(
        rendered_samples / "po-vo-volledig-onderwijskundig-rapport.docx", "word/header1.xml"
    )
    assert "CONCEPT" not in final
