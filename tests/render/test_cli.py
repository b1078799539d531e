"""The render and extract commands as a user meets them: messages and exit codes."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from overdracht.cli import main
from overdracht.model.loading import dossier_to_json, load_dossier

from .conftest import FULL, SAMPLES


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_render_writes_every_document(tmp_path: Path) -> None:
    code, out, _ = run(
        "render", str(SAMPLES / "po-vo-lwoo.yaml"), "-o", str(tmp_path), "--format", "docx,pdf"
    )
    assert code == 0
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == sorted(
        f"po-vo-lwoo-{d}.{f}"
        for d in (
            "onderwijskundig-rapport",
            "verslag-warme-overdracht",
            "terugkoppelingsformulier",
            "checklistrapport",
        )
        for f in ("docx", "pdf")
    )
    assert out.count("geschreven: ") == 8


def test_existing_files_are_not_overwritten_without_force(tmp_path: Path) -> None:
    args = ("render", str(FULL), "-o", str(tmp_path), "--format", "docx")
    assert run(*args)[0] == 0
    before = {p.name: p.stat().st_mtime_ns for p in tmp_path.iterdir()}
    code, _, err = run(*args)
    assert code == 2
    assert "bestaan al en worden niet overschreven" in err
    assert "--force" in err
    assert {p.name: p.stat().st_mtime_ns for p in tmp_path.iterdir()} == before
    assert run(*args, "--force")[0] == 0


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write anywhere")
def test_unwritable_output_folder_is_a_usage_error(tmp_path: Path) -> None:
    locked = tmp_path / "dicht"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        code, _, err = run("render", str(FULL), "-o", str(locked))
    finally:
        locked.chmod(0o700)
    assert code == 2
    assert "geen schrijfrechten" in err


def test_output_folder_that_cannot_be_made_is_a_usage_error(tmp_path: Path) -> None:
    blocker = tmp_path / "bestand"
    blocker.write_text("x")
    code, _, err = run("render", str(FULL), "-o", str(blocker / "uit"))
    assert code == 2
    assert "de uitvoermap kan niet worden gemaakt" in err
    assert "Kies een andere map met -o" in err


def test_final_refusal_exit_code_and_list(tmp_path: Path) -> None:
    code, _, err = run(
        "render", str(SAMPLES / "po-vo-concept.yaml"), "-o", str(tmp_path), "--final"
    )
    assert code == 1
    assert "kunnen nog niet definitief worden gemaakt" in err
    assert "  - " in err
    assert list(tmp_path.iterdir()) == []


def test_invalid_dossier_exit_3(tmp_path: Path) -> None:
    bad = tmp_path / "kapot.yaml"
    bad.write_text("leerling: {voornamen: Jan}\n", encoding="utf-8")
    code, _, err = run("render", str(bad), "-o", str(tmp_path / "uit"))
    assert code == 3
    assert "kapot.yaml" in err
    assert not (tmp_path / "uit").exists()


def test_unknown_format_is_a_usage_error(tmp_path: Path) -> None:
    code, _, err = run("render", str(FULL), "-o", str(tmp_path), "--format", "odt")
    assert code == 2
    assert "onbekend formaat" in err


def test_pdfa_attachment_extracts_back_to_the_same_dossier(tmp_path: Path) -> None:
    data = FULL.read_text(encoding="utf-8")
    # Without withheld data (old tests, unreleased attachments) the whole dossier travels.
    import yaml

    parsed = yaml.safe_load(data)
    parsed["toetsen"] = [t for t in parsed["toetsen"] if t["datum"].year >= 2024]
    parsed["bijlagen"] = [b for b in parsed["bijlagen"] if b["meesturen"]]
    source = tmp_path / "dossier.yaml"
    source.write_text(yaml.safe_dump(parsed, allow_unicode=True), encoding="utf-8")
    code, _, _ = run(
        "render", str(source), "-o", str(tmp_path / "uit"), "--format", "pdf", "--pdfa"
    )
    assert code == 0
    pdf = tmp_path / "uit" / "dossier-onderwijskundig-rapport.pdf"
    code, out, _ = run("extract", str(pdf))
    assert code == 0
    assert json.loads(out) == json.loads(dossier_to_json(load_dossier(source)))
    # An independent PDF reader finds the same attachment, and the file claims PDF/A-3a.
    from pypdf import PdfReader

    reader = PdfReader(pdf)
    assert json.loads(reader.attachments["overdracht-dossier.json"][0]) == json.loads(out)
    xmp = reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode("utf-8")
    assert 'pdfaid:part="3"' in xmp or "<pdfaid:part>3</pdfaid:part>" in xmp
    assert 'pdfaid:conformance="A"' in xmp or "<pdfaid:conformance>A</pdfaid:conformance>" in xmp


def test_extract_without_dossier_is_explained(tmp_path: Path) -> None:
    run("render", str(FULL), "-o", str(tmp_path), "--format", "pdf")
    code, _, err = run("extract", str(tmp_path / "po-vo-volledig-onderwijskundig-rapport.pdf"))
    assert code == 3
    assert "geen dossier" in err and "--pdfa" in err


@pytest.mark.skipif(
    shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed"
)
@pytest.mark.slow
def test_libreoffice_converts_every_docx(rendered_samples: Path, tmp_path: Path) -> None:
    import subprocess

    docx = sorted(rendered_samples.glob("*.docx"))
    profile = tmp_path / "profiel"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path / "pdf"),
            *map(str, docx),
        ],
        check=True,
        capture_output=True,
        timeout=600,
    )
    converted = {p.stem for p in (tmp_path / "pdf").glob("*.pdf")}
    assert converted == {p.stem for p in docx}
    for path in (tmp_path / "pdf").glob("*.pdf"):
        assert path.stat().st_size > 1000


def test_overlay_is_applied_and_the_transition_keeps_its_name(tmp_path: Path) -> None:
    overlay = SAMPLES / "swv-voorbeeld.yml"
    code, _, err = run(
        "render",
        str(SAMPLES / "po-sbo-compleet.yaml"),
        "-o",
        str(tmp_path),
        "--format",
        "pdf",
        "--overlay",
        str(overlay),
    )
    assert code == 0, err
    from .conftest import pdf_text

    okr = " ".join(pdf_text(tmp_path / "po-sbo-compleet-onderwijskundig-rapport.pdf").split())
    assert "Van basisschool naar speciaal basisonderwijs (SBO)" in okr
    report = " ".join(pdf_text(tmp_path / "po-sbo-compleet-checklistrapport.pdf").split())
    assert "SWV Eemland (voorbeeld)" in report
