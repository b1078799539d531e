"""Classes 6, 7 and 8: unique letter names, Dutch write errors, nothing found is not success."""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path
from typing import Any

import pytest

from .conftest import SAMPLES, aanvraag, run, write_yaml


def test_letters_with_similar_file_names_all_survive(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    names = ["a-b.yaml", "a b.yaml", "a_b.yaml", "a-b.json", "A-B.yml"]
    for name in names:
        write_yaml(folder / name, aanvraag("05-sbo-route-onvolledig"))
    letters = tmp_path / "brieven"
    code, out, _ = run("tlv-check", folder, "--brieven", letters)
    assert code == 1
    assert "5 brieven aan scholen geschreven" in out
    written = sorted(p.name for p in letters.iterdir())
    assert len(written) == 5
    assert len({n.casefold() for n in written}) == 5
    assert "aanvulling-a_b.docx" in written  # a unique name stays as it was


def _fail_with(monkeypatch: pytest.MonkeyPatch, number: int, where: str) -> None:
    def fail(*_: Any, **__: Any) -> Any:
        raise OSError(number, os.strerror(number))

    if where == "mkstemp":
        monkeypatch.setattr(tempfile, "mkstemp", fail)
    else:
        monkeypatch.setattr(os, "fsync", fail)


DISK_FULL = (
    "dit bestand kan niet worden geschreven (de schijf is vol). Maak ruimte vrij op de schijf "
    "(of kies een andere map) en probeer het opnieuw. Er is geen half bestand achtergebleven."
)
READ_ONLY = (
    "dit bestand kan niet worden geschreven (alleen-lezen schijf). Kies een map waarin u mag "
    "schrijven. Er is geen half bestand achtergebleven."
)


@pytest.mark.parametrize(
    ("number", "where", "message"),
    [(errno.ENOSPC, "fsync", DISK_FULL), (errno.EROFS, "mkstemp", READ_ONLY)],
)
def test_write_errors_are_dutch_with_exit_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, number: int, where: str, message: str
) -> None:
    out = tmp_path / "uit"
    out.mkdir()
    _fail_with(monkeypatch, number, where)
    code, _, err = run("render", SAMPLES / "po-vo-compleet.yaml", "-o", out, "--format", "docx")
    assert code == 2
    assert err.startswith(f"Fout: {out}/po-vo-compleet-") and err.endswith(f"{message}\n")
    code, _, err = run("tlv-check", SAMPLES / "aanvragen", "-o", out / "o.xlsx", "--json")
    assert (code, err.splitlines()[-1]) == (2, f"Fout: {out / 'o.xlsx'}: {message}")
    code, _, err = run("template", out / "t.xlsx", "-t", "po-vo")
    assert (code, err) == (2, f"Fout: {out / 't.xlsx'}: {message}\n")
    assert os.listdir(out) == []


def test_batch_render_reports_a_full_disk_in_dutch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "dossiers"
    folder.mkdir()
    (folder / "a.yaml").write_bytes((SAMPLES / "po-vo-compleet.yaml").read_bytes())
    _fail_with(monkeypatch, errno.ENOSPC, "fsync")
    code, _, err = run("render", folder, "-o", tmp_path / "uit", "--jobs", "1", "--format", "docx")
    assert code == 2
    assert "OSError" not in err and "de schijf is vol" in err


def test_check_on_an_empty_folder_says_so(tmp_path: Path) -> None:
    code, out, err = run("check", tmp_path)
    assert (code, out) == (3, "")
    assert err == (
        f"Fout: {tmp_path}: geen dossiers gevonden (gezocht naar .yaml-, .yml- en "
        ".json-bestanden).\n"
    )


def test_check_on_a_folder_with_dossiers_only_in_subfolders(tmp_path: Path) -> None:
    (tmp_path / "groep8").mkdir()
    (tmp_path / "groep8" / "a.yaml").write_bytes((SAMPLES / "po-vo-compleet.yaml").read_bytes())
    code, _, err = run("check", tmp_path)
    assert code == 3
    assert err.endswith("Er staan wel dossiers in submappen; geef die submap op.\n")
