"""A folder of dossiers: parallel, failures isolated, unchanged dossiers skipped."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from overdracht.cli import main
from overdracht.render.batch import RenderOptions, render_batch

from .conftest import FULL, SAMPLES, docx_text

OKR_ONLY = RenderOptions(("docx", "pdf"), documents=("okr",))


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    dossiers = tmp_path / "dossiers"
    dossiers.mkdir()
    shutil.copy(FULL, dossiers / "a-volledig.yaml")
    shutil.copy(SAMPLES / "po-so-zonder-toestemming.yaml", dossiers / "b-so.yaml")
    (dossiers / "c-kapot.yaml").write_text("leerling: {voornamen: Jan}\n", encoding="utf-8")
    return dossiers


def test_one_failure_never_stops_the_others(folder: Path, tmp_path: Path) -> None:
    summary = render_batch(folder, tmp_path / "uit", OKR_ONLY, jobs=2)
    status = {o.dossier.name: o.status for o in summary.outcomes}
    assert status == {
        "a-volledig.yaml": "geschreven",
        "b-so.yaml": "geschreven",
        "c-kapot.yaml": "mislukt",
    }
    assert summary.exit_code == 3
    assert "c-kapot.yaml" in summary.failed[0].reason
    names = sorted(p.name for p in (tmp_path / "uit").iterdir() if not p.name.startswith("."))
    assert names == [
        "a-volledig-onderwijskundig-rapport.docx",
        "a-volledig-onderwijskundig-rapport.pdf",
        "b-so-onderwijskundig-rapport.docx",
        "b-so-onderwijskundig-rapport.pdf",
    ]
    assert not [p for p in (tmp_path / "uit").iterdir() if p.name.startswith(".tmp-")]


def test_second_run_skips_unchanged_and_force_renders_again(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "uit"
    render_batch(folder, out, OKR_ONLY, jobs=1)
    again = render_batch(folder, out, OKR_ONLY, jobs=1)
    assert again.count("overgeslagen") == 2 and again.count("geschreven") == 0
    forced = render_batch(
        folder, out, RenderOptions(("docx", "pdf"), force=True, documents=("okr",)), jobs=1
    )
    assert forced.count("geschreven") == 2


def test_changed_dossier_replaces_its_own_untouched_documents(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "uit"
    render_batch(folder, out, OKR_ONLY, jobs=1)
    changed = folder / "a-volledig.yaml"
    changed.write_text(
        changed.read_text(encoding="utf-8").replace("Lindelaan 4", "Eikenlaan 9"), encoding="utf-8"
    )
    # b's document was edited by hand: a changed b may not overwrite it.
    (folder / "b-so.yaml").write_text(
        (folder / "b-so.yaml").read_text(encoding="utf-8") + "\n", encoding="utf-8"
    )
    (out / "b-so-onderwijskundig-rapport.docx").write_bytes(b"met de hand bewerkt")
    summary = render_batch(folder, out, OKR_ONLY, jobs=1)
    status = {o.dossier.name: o.status for o in summary.outcomes}
    assert status["a-volledig.yaml"] == "geschreven"
    assert "Eikenlaan 9" in docx_text(out / "a-volledig-onderwijskundig-rapport.docx")
    assert status["b-so.yaml"] == "mislukt"
    assert (out / "b-so-onderwijskundig-rapport.docx").read_bytes() == b"met de hand bewerkt"


@pytest.mark.slow
def test_output_is_the_same_whatever_jobs_is(folder: Path, tmp_path: Path) -> None:
    one = render_batch(folder, tmp_path / "een", OKR_ONLY, jobs=1)
    two = render_batch(folder, tmp_path / "twee", OKR_ONLY, jobs=2)
    assert [(o.dossier.name, o.files) for o in one.outcomes] == [
        (o.dossier.name, o.files) for o in two.outcomes
    ]
    for name in ("a-volledig", "b-so"):
        path = f"{name}-onderwijskundig-rapport.docx"
        assert docx_text(tmp_path / "een" / path) == docx_text(tmp_path / "twee" / path)


def test_cli_batch_prints_a_summary(folder: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main,
        ["render", str(folder), "-o", str(tmp_path / "uit"), "--format", "docx", "--jobs", "1"],
    )
    assert result.exit_code == 3
    assert (
        "Klaar: 2 geschreven (1 als concept), 0 overgeslagen (ongewijzigd), 1 mislukt"
        in result.stdout
    )
    assert "c-kapot.yaml" in result.stderr


def test_empty_folder_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["render", str(tmp_path), "-o", str(tmp_path / "uit")])
    assert result.exit_code == 2
    assert "geen dossiers" in result.stderr


def test_check_never_imports_the_renderers() -> None:
    code = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from overdracht.cli import main\n"
        f"CliRunner().invoke(main, ['check', {str(FULL)!r}])\n"
        "import overdracht\n"
        "heavy = [m for m in ('weasyprint', 'docxtpl', 'docx') if m in sys.modules]\n"
        "assert not heavy, heavy\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_weasyprint_may_fetch_only_bundled_assets() -> None:
    from overdracht.render.pdf import BundledAssetsOnly
    from overdracht.resources import data_dir

    fetcher = BundledAssetsOnly(data_dir("templates"))
    font = data_dir("templates") / "lettertype" / "OverdrachtSans-Regular.ttf"
    assert fetcher.fetch(font.as_uri()).read()
    for url in (
        "file:///etc/passwd",
        "https://example.org/x.css",
        (data_dir("templates") / "document.html.j2").as_uri(),
    ):
        with pytest.raises(ValueError, match="alleen meegeleverde sjabloonbestanden"):
            fetcher.fetch(url)


def test_ctrl_c_stops_cleanly_and_says_what_was_done(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from overdracht.render import batch

    real = batch._render_one
    calls = []

    def interrupted_second_time(*args: object) -> batch.Outcome:
        calls.append(args)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(batch, "_render_one", interrupted_second_time)
    out = tmp_path / "uit"
    summary = render_batch(folder, out, OKR_ONLY, jobs=1)
    assert summary.interrupted
    assert [o.dossier.name for o in summary.outcomes] == ["a-volledig.yaml"]
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".overdracht")) == [
        "a-volledig-onderwijskundig-rapport.docx",
        "a-volledig-onderwijskundig-rapport.pdf",
    ]
    # The next run picks up where it stopped.
    monkeypatch.setattr(batch, "_render_one", real)
    again = render_batch(folder, out, OKR_ONLY, jobs=1)
    assert again.count("overgeslagen") == 1 and again.count("geschreven") == 1
