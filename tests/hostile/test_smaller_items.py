"""Class 9: braces in the DOCX, long words in the PDF, UTF-16 CSV, stopping a batch cleanly."""

from __future__ import annotations

import codecs
import importlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from overdracht.render.pdf import _pdf_text

from .conftest import SAMPLES, run, sample, write_yaml


def test_docxtpl_escapes_in_a_dossier_reach_the_docx_as_typed(tmp_path: Path) -> None:
    from docx2python import docx2python

    data = sample("po-vo-compleet")
    data["ontwikkeling"]["werkhouding"] = "Schrijft {_{ zo }_} en {_% zo %_} en {{ zo }}."
    dossier = write_yaml(tmp_path / "d.yaml", data)
    code, _, err = run("render", dossier, "-o", tmp_path / "uit", "--format", "docx")
    assert code == 0, err
    with docx2python(tmp_path / "uit" / "d-onderwijskundig-rapport.docx") as document:
        assert "Schrijft {_{ zo }_} en {_% zo %_} en {{ zo }}." in document.text


def test_a_long_word_gets_break_opportunities_in_the_pdf_only() -> None:
    word = "x" * 100_000
    text = _pdf_text(f"kort {word} kort")
    assert text.replace("\u200b", "") == f"kort {word} kort"
    assert max(len(piece) for piece in text.split("\u200b")) <= 35
    assert _pdf_text("gewone woorden, ook een e-mailadres@school.nl") == (
        "gewone woorden, ook een e-mailadres@school.nl"
    )


def test_utf16_csv_from_excel_is_read(tmp_path: Path) -> None:
    text = (SAMPLES / "import" / "leerlingen-po-vo.csv").read_bytes().decode("cp1252")
    source = tmp_path / "unicode.csv"
    source.write_bytes(codecs.BOM_UTF16_LE + text.replace(";", "\t").encode("utf-16-le"))
    code, _, err = run(
        "import", source, "-t", "po-vo", "-o", tmp_path / "uit",
        "--mapping", SAMPLES / "import" / "mapping-export.yaml",
    )  # fmt: skip
    assert code in (0, 1), err
    assert "ontbreekt de kolom" not in err
    assert any((tmp_path / "uit").glob("leerling-*.yaml"))


def test_csv_with_nul_bytes_gets_an_encoding_hint(tmp_path: Path) -> None:
    source = tmp_path / "zonder-kenmerk.csv"
    source.write_bytes("Stamnr;Achternaam\n1;Bakker\n".encode("utf-16-le"))
    code, _, err = run("import", source, "-t", "po-vo", "-o", tmp_path / "uit")
    assert code == 3
    assert err == (
        f"Fout: {source}: dit bestand is geen leesbare CSV-tekst (het bevat nultekens: een "
        "andere codering zoals UTF-16 zonder kenmerk, of een werkmap met de extensie .csv). "
        "Sla het in Excel op als 'CSV UTF-8 (door komma's gescheiden)' of als .xlsx en "
        "probeer opnieuw.\n"
    )


def test_ctrl_c_while_a_command_loads_exits_130(monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(_: str) -> object:
        raise KeyboardInterrupt

    monkeypatch.setattr(importlib, "import_module", interrupted)
    code, _, err = run("check", SAMPLES / "po-vo-compleet.yaml")
    assert (code, err) == (
        130,
        "Afgebroken door de gebruiker; er zijn geen half geschreven bestanden.\n",
    )


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs Linux /proc")
def test_the_forkserver_ignores_ctrl_c_from_its_start() -> None:
    # Before: it imported the renderers with Ctrl-C still live and printed a traceback.
    code = (
        "import multiprocessing, signal\n"
        "from multiprocessing import forkserver\n"
        "from overdracht.render.batch import _start_forkserver\n"
        "multiprocessing.get_context('forkserver').set_forkserver_preload(['json'])\n"
        "_start_forkserver()\n"
        "print(forkserver._forkserver._forkserver_pid)\n"
        "print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    pid, ours = result.stdout.split()
    assert ours == "True"  # this process still stops on Ctrl-C
    status = Path(f"/proc/{pid}/status").read_text() if Path(f"/proc/{pid}").exists() else ""
    if status:  # it may already have exited with its parent
        line = next(x for x in status.splitlines() if x.startswith("SigIgn:"))
        ignored = int(line.split()[1], 16)
        assert ignored & (1 << (signal.SIGINT - 1))


def test_sigterm_during_a_batch_keeps_the_manifest(tmp_path: Path) -> None:
    folder = tmp_path / "dossiers"
    folder.mkdir()
    for number in range(12):
        (folder / f"d{number:02}.yaml").write_bytes((SAMPLES / "po-vo-compleet.yaml").read_bytes())
    out = tmp_path / "uit"
    command = [sys.executable, "-m", "overdracht", "render", str(folder), "-o", str(out)]
    process = subprocess.Popen(
        [*command, "--jobs", "2", "--format", "docx"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    deadline = time.monotonic() + 120
    while not any(out.glob("*.docx")) and time.monotonic() < deadline:
        time.sleep(0.05)
    os.killpg(process.pid, signal.SIGTERM)
    _, err = process.communicate(timeout=120)
    assert process.returncode == 130, err
    assert "Traceback" not in err
    manifest = json.loads((out / ".overdracht-render.json").read_text(encoding="utf-8"))
    assert manifest  # the dossiers finished before the signal are recorded
    assert all((out / name).exists() for entry in manifest.values() for name in entry["bestanden"])
    # A rerun skips what was finished and makes the rest, without --force.
    again = subprocess.run(
        [*command, "--jobs", "1", "--format", "docx"], capture_output=True, text=True, check=False
    )
    assert again.returncode in (0, 1), again.stderr
    assert f"{len(manifest)} overgeslagen" in again.stdout
