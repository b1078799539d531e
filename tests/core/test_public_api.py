"""Every name in ``overdracht.__all__`` can be imported and used as documented."""

from __future__ import annotations

import subprocess
import sys
import warnings
from pathlib import Path

import pytest

import overdracht

from .conftest import ROOT, SAMPLES


def test_all_names_import() -> None:
    for name in overdracht.__all__:
        assert getattr(overdracht, name) is not None, name
    assert "render" not in overdracht.__all__


def test_every_public_function_works(tmp_path: Path) -> None:
    from overdracht import (
        Checklist,
        Dossier,
        Finding,
        ImportResult,
        OverdrachtError,
        Overzicht,
        RenderResult,
        Report,
        check,
        check_aanvragen,
        dossier_schema,
        evaluate,
        extract_dossier_json,
        import_workbook,
        list_checklists,
        load_checklist,
        load_dossier,
        parse_dossier,
        render_documents,
        write_template,
    )

    dossier = load_dossier(SAMPLES / "po-vo-concept.yaml")
    assert isinstance(dossier, Dossier)
    text = (SAMPLES / "po-vo-concept.yaml").read_text(encoding="utf-8")
    assert parse_dossier(text, "d.yaml") == dossier
    assert dossier_schema()["title"]
    report = check(dossier)
    assert isinstance(report, Report) and not report.complete
    assert all(isinstance(f, Finding) for f in report.findings)
    checklist = load_checklist("po-vo")
    assert isinstance(checklist, Checklist)
    assert evaluate(checklist, dossier).findings == report.findings
    assert ("po-vo", checklist.titel) in list_checklists()

    result = render_documents(
        SAMPLES / "po-vo-compleet.yaml", tmp_path / "docs", formats="pdf", pdfa=True
    )
    assert isinstance(result, RenderResult) and result.files
    rapport = next(p for p in result.files if "onderwijskundig-rapport" in p.name)
    assert '"leerling"' in extract_dossier_json(rapport)

    template = write_template(tmp_path / "invul.xlsx", transition="po-vo")
    assert template.exists()
    imported = import_workbook(
        SAMPLES / "import" / "leerlingen-po-vo.csv",
        tmp_path / "import",
        transition="po-vo",
        mapping=SAMPLES / "import" / "mapping-export.yaml",
    )
    assert isinstance(imported, ImportResult) and imported.written

    overzicht = check_aanvragen(SAMPLES / "aanvragen")
    assert isinstance(overzicht, Overzicht) and overzicht.aanvragen

    with pytest.raises(OverdrachtError):
        load_dossier(tmp_path / "bestaat-niet.yaml")


def test_render_is_the_subpackage_and_old_calls_still_work(tmp_path: Path) -> None:
    import overdracht.render
    from overdracht import render

    assert render is overdracht.render
    with pytest.warns(DeprecationWarning, match="render_documents"):
        result = render(SAMPLES / "po-vo-compleet.yaml", tmp_path, formats="docx")
    assert result.files


def test_render_is_the_subpackage_in_a_fresh_interpreter() -> None:
    code = (
        "from overdracht import render; import types; print(isinstance(render, types.ModuleType))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "True"


def test_public_names_are_typed_for_mypy(tmp_path: Path) -> None:
    script = tmp_path / "gebruik.py"
    script.write_text(
        "from overdracht import check, load_dossier, render_documents\n"
        "report = check(load_dossier('d.yaml'))\n"
        "reveal_type(report)\n"
        "reveal_type(render_documents)\n",
        encoding="utf-8",
    )
    with warnings.catch_warnings():
        out = subprocess.run(
            [sys.executable, "-m", "mypy", "--strict", str(script)],
            capture_output=True,
            text=True,
            cwd=ROOT,
        ).stdout
    assert 'Revealed type is "overdracht.checklists.report.Report"' in out
    assert "def (dossier:" in out
