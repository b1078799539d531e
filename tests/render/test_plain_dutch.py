"""No programmer's text in what users read: every document, report, overview and letter of
every sample is scanned for field paths, Python values, absolute paths and '(en)' plurals."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from docx2python import docx2python

from overdracht.model.dossier import Dossier
from overdracht.tlv import check_aanvragen
from overdracht.tlv.html import write_html
from overdracht.tlv.letters import write_letters
from overdracht.tlv.xlsx import write_xlsx

from .conftest import ROOT

TOP_FIELDS = "|".join(sorted(Dossier.model_fields))
LEAKS = {
    "veldpad": re.compile(rf"\[\]|\b(?:{TOP_FIELDS})\.[a-z_]+"),
    "veldnaam": re.compile(r"(?<![@\w./-])[a-z]+_[a-z_]+\b"),
    "Python-waarde": re.compile(r"\bNone\b|\bTrue\b|\bFalse\b|\{\}|datetime"),
    "absoluut pad": re.compile(r"(?:^|[\s'\"(])/(?:tmp|home|work|usr|root|var)/|[A-Z]:\\"),
    "meervoud met haakjes": re.compile(r"\w\((?:en|s|n|e)\)"),
    "code tussen haakjes": re.compile(r"\((?:pro|vso|sbo|so|vo|bao)\)"),
}
# The documented form of an input error ('file:line: field: problem') names the field on
# purpose: it says what to fix in the file. The overview repeats it for an unreadable file.
INPUT_ERROR = re.compile(r"\.ya?ml:\d+: ")


def _texts(path: Path) -> Iterator[str]:
    if path.suffix == ".pdf":
        yield subprocess.run(
            ["pdftotext", str(path), "-"], capture_output=True, check=True, text=True
        ).stdout
    elif path.suffix == ".docx":
        with docx2python(path) as result:
            yield result.text
    elif path.suffix == ".xlsx":
        for sheet in openpyxl.load_workbook(path, read_only=True).worksheets:
            for row in sheet.iter_rows(values_only=True):
                yield "\t".join("" if v is None else str(v) for v in row)
    elif path.suffix == ".html":
        yield re.sub(r"<[^>]+>", " ", path.read_text(encoding="utf-8"))


def leaks_in(folder: Path) -> list[str]:
    found = []
    for path in sorted(folder.rglob("*")):
        for text in _texts(path):
            for line in text.splitlines():
                if INPUT_ERROR.search(line):
                    continue
                for kind, pattern in LEAKS.items():
                    for match in pattern.finditer(line):
                        found.append(f"{path.name}: {kind} {match.group(0)!r} in {line.strip()!r}")
    return found


@pytest.mark.slow
def test_documents_of_all_samples_are_plain_dutch(rendered_samples: Path) -> None:
    assert leaks_in(rendered_samples) == []


@pytest.fixture(scope="module")
def tlv_outputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("tlv-uitvoer")
    overzicht = check_aanvragen(
        ROOT / "samples" / "aanvragen",
        overlay=ROOT / "samples" / "swv-voorbeeld.yml",
        peildatum=date(2027, 4, 12),
    )
    write_xlsx(overzicht, out / "overzicht.xlsx")
    write_html(overzicht, out / "overzicht.html")
    assert write_letters(overzicht, out / "brieven")
    return out


def test_tlv_overviews_and_letters_are_plain_dutch(tlv_outputs: Path) -> None:
    assert leaks_in(tlv_outputs) == []


def test_the_scan_finds_what_it_looks_for(tmp_path: Path) -> None:
    (tmp_path / "x.html").write_text(
        "<p>'opp.evaluaties[].datum' is None; zie /tmp/a/b; 1 vermelding(en); "
        "praktijkonderwijs (pro); warme_overdracht</p>",
        encoding="utf-8",
    )
    kinds = {line.split(": ", 1)[1].split(" '")[0] for line in leaks_in(tmp_path)}
    assert kinds == set(LEAKS)
