"""Class 2: characters XML forbids never reach a document; the importer warns when it drops them."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document

from overdracht.importing import import_workbook
from overdracht.model import Dossier
from overdracht.xmltext import clean_text

from .conftest import SAMPLES, aanvraag, assert_valid_office_file, run, sample, write_yaml


def test_clean_text_keeps_words_apart() -> None:
    assert clean_text("Jan\x0bJansen\x01\ufffe\ud800") == "Jan Jansen"
    assert clean_text("tab\tregel\nterug\r") == "tab\tregel\nterug\r"


def test_model_cleans_text_given_through_the_library() -> None:
    data = sample("po-vo-compleet")
    data["leerling"]["voornamen"] = "Sanne\x01"
    data["ontwikkeling"]["cognitief"] = "Gemiddeld\ufffe niveau"
    dossier = Dossier.model_validate(data)
    assert dossier.leerling.voornamen == "Sanne"
    assert dossier.ontwikkeling is not None
    assert dossier.ontwikkeling.cognitief == "Gemiddeld niveau"


@pytest.mark.parametrize("char", ["\x01", "\v", "\ufffe", "\x1f"])
def test_render_writes_valid_docx_from_escaped_control_characters(
    tmp_path: Path, char: str
) -> None:
    data = sample("po-vo-compleet")
    data["leerling"]["voornamen"] = f"Sanne{char}Maria"
    data["ontwikkeling"]["cognitief"] = f"Gemiddeld{char} niveau"
    dossier = write_yaml(tmp_path / "d.yaml", data)  # PyYAML writes them as escapes
    assert "\\" in dossier.read_text(encoding="utf-8")
    code, _, err = run("render", dossier, "-o", tmp_path / "uit", "--format", "docx")
    assert code == 0, err
    files = sorted((tmp_path / "uit").glob("*.docx"))
    assert files
    for path in files:
        assert_valid_office_file(path)
        Document(str(path))  # python-docx opens it, as Word would


def test_tlv_letters_with_control_characters_in_school_name(tmp_path: Path) -> None:
    data = aanvraag("05-sbo-route-onvolledig")
    data["vertrekkende_school"]["naam"] = '=HYPERLINK("http://x")\x01School\ufffe'
    folder = tmp_path / "in"
    folder.mkdir()
    write_yaml(folder / "a.yaml", data)
    letters = tmp_path / "brieven"
    code, _, err = run("tlv-check", folder, "--brieven", letters, "-o", tmp_path / "o.xlsx")
    assert code == 1, err
    written = list(letters.glob("*.docx"))
    assert len(written) == 1
    assert_valid_office_file(written[0])
    assert_valid_office_file(tmp_path / "o.xlsx")


def test_import_drops_control_characters_with_a_warning(tmp_path: Path) -> None:
    text = (SAMPLES / "import" / "leerlingen-po-vo.csv").read_bytes().decode("cp1252")
    source = tmp_path / "leerlingen.csv"
    source.write_text(
        text.replace("Noor Elise", "Noor\x0bElise").replace("Het Baken", "Het Baken\ufffe", 1),
        encoding="utf-8",
    )
    result = import_workbook(
        source,
        tmp_path / "uit",
        transition="po-vo",
        mapping=SAMPLES / "import" / "mapping-export.yaml",
    )
    assert [p.problem for p in result.warnings if "stuurtekens" in p.problem] == [
        "onzichtbare stuurtekens (bijv. een regeleinde uit Word) zijn uit de tekst gehaald; "
        "Word en LibreOffice openen geen document waarin ze staan"
    ] * 2
    assert [(p.column, p.value) for p in result.warnings if "stuurtekens" in p.problem] == [
        ("D (Voornamen)", "Noor Elise"),
        ("I (VO-school)", "Het Baken"),
    ]
    written = (tmp_path / "uit" / "leerling-2601.yaml").read_text(encoding="utf-8")
    assert "Noor Elise" in written and "\ufffe" not in written
