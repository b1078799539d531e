"""Fuzz the writers: hostile text through render (DOCX and PDF) and folders through tlv-check."""

from __future__ import annotations

import json
import re
import subprocess
import tempfile
from pathlib import Path

import yaml
from docx import Document
from docx2python import docx2python
from hypothesis import given
from hypothesis import strategies as st

from overdracht.model import Dossier
from overdracht.xmltext import clean_text

from .conftest import aanvraag, assert_valid_office_file, run, sample, write_yaml
from .fuzzing import bounded, budget
from .strategies import TEMPLATE_SNIPPETS, hostile_text, mutated, yaml_soup

# Text pdftotext gives back as typed (no bidi reordering, no ligatures, no combining marks)
PDF_SAFE = st.text(
    alphabet=st.sampled_from("abcXYZ019 <>&\"'{}%#_=+-@|/:;,.!?*[]()éëü€"), min_size=1, max_size=60
)


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text.replace("\u200b", ""))


@budget(4)
@given(st.one_of(hostile_text, TEMPLATE_SNIPPETS), PDF_SAFE)
def test_hostile_text_appears_literally_in_docx_and_pdf(docx_text: str, pdf_text: str) -> None:
    data = sample("po-vo-compleet")
    data["ontwikkeling"]["werkhouding"] = f"BEGIN {docx_text} EINDE"
    data["ontwikkeling"]["cognitief"] = f"BEGIN {pdf_text} EINDE"
    data["leerling"]["roepnaam"] = docx_text or "x"
    expected = Dossier.model_validate(data).ontwikkeling
    assert expected is not None
    with tempfile.TemporaryDirectory() as folder, bounded(180):
        out = Path(folder) / "uit"
        dossier = write_yaml(Path(folder) / "d.yaml", data)
        code, _, err = run("render", dossier, "-o", out)
        assert code in (0, 1, 3), err
        if code == 3:  # the model refused it (e.g. an empty roepnaam): a Dutch message
            assert err.startswith("Fout: ")
            return
        for path in out.glob("*.docx"):
            assert_valid_office_file(path)
            Document(str(path))
        report = out / "d-onderwijskundig-rapport.docx"
        with docx2python(report) as document:
            assert _flat(expected.werkhouding or "") in _flat(document.text)
        pdf = subprocess.run(
            ["pdftotext", str(out / "d-onderwijskundig-rapport.pdf"), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        assert _flat(clean_text(f"BEGIN {pdf_text} EINDE").strip()) in _flat(pdf)


# (names starting with "." are skipped by tlv-check on purpose, like editor and macOS files)
_NAMES = st.sampled_from(
    ["a-b", "a b", "a_b", "A-B", "=1+1", "@x", "+x", "-x", "é", "x" * 150, "con", "a.b.c"]
)


@budget(8)
@given(
    st.lists(
        st.tuples(
            _NAMES,
            st.sampled_from([".yaml", ".yml", ".json"]),
            st.one_of(
                yaml_soup,
                mutated(aanvraag("05-sbo-route-onvolledig"), text_only=True).map(yaml.safe_dump),
                mutated(aanvraag("01-sbo-compleet")).map(yaml.safe_dump),
            ),
        ),
        min_size=1,
        max_size=5,
        unique_by=lambda t: (t[0] + t[1]).casefold(),
    )
)
def test_tlv_check_on_folders_of_hostile_files(files: list[tuple[str, str, str]]) -> None:
    with tempfile.TemporaryDirectory() as folder, bounded(180):
        root = Path(folder)
        aanvragen = root / "aanvragen"
        aanvragen.mkdir()
        for name, suffix, text in files:
            (aanvragen / f"{name}{suffix}").write_text(text, encoding="utf-8")
        overview, letters = root / "o.xlsx", root / "brieven"
        code, out, err = run(
            "tlv-check", aanvragen, "-o", overview, "--brieven", letters, "--json"
        )  # fmt: skip
        assert code in (0, 1, 3), err
        if code == 3:
            assert err.startswith("Fout: ")
            return
        assert_valid_office_file(overview)
        written = sorted(letters.glob("*.docx")) if letters.exists() else []
        for path in written:
            assert_valid_office_file(path)
        rows = json.loads(out)["aanvragen"]
        assert len(rows) == len(files)  # every file has a row, readable or not
        # one letter per incomplete aanvraag: none lost to a name collision
        assert len(written) == sum(1 for row in rows if row["status"] == "onvolledig")
