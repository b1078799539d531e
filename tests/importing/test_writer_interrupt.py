"""An interrupted import keeps its original error and leaves only whole files behind."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from overdracht.importing.writing import PARALLEL_FROM, DossierWriter


def test_interrupt_while_the_worker_writes(tmp_path: Path) -> None:
    with pytest.raises(KeyboardInterrupt), DossierWriter(tmp_path, PARALLEL_FROM * 2) as writer:
        for number in range(PARALLEL_FROM):
            writer.add(f"leerling-{number}.yaml", f"nummer: {number}\n".encode())
        raise KeyboardInterrupt
    names = [p.name for p in tmp_path.iterdir()]
    assert not [n for n in names if n.startswith(".")]
    for path in tmp_path.iterdir():
        assert yaml.safe_load(path.read_text(encoding="utf-8"))["nummer"] >= 0


SIGTERM_SCRIPT = """
import os, signal, sys
from pathlib import Path
import click
from overdracht.cli.common import handle_errors
from overdracht.importing.writing import PARALLEL_FROM, DossierWriter

@click.command()
@handle_errors
def write() -> None:
    with DossierWriter(Path(sys.argv[1]), PARALLEL_FROM * 4) as writer:
        for number in range(PARALLEL_FROM * 4):
            writer.add(f"leerling-{number}.yaml", f"nummer: {number}\\n".encode() * 50)
            if number == PARALLEL_FROM:
                os.kill(os.getpid(), signal.SIGTERM)

write.main(args=[])
"""


def test_sigterm_stops_like_ctrl_c_and_leaves_only_whole_files(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", SIGTERM_SCRIPT, str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 143
    assert done.stderr == "Gestopt; er zijn geen half geschreven bestanden.\n"
    paths = list(tmp_path.iterdir())
    assert not [p for p in paths if p.name.startswith(".")]
    assert len(paths) < PARALLEL_FROM * 4
    for path in paths:
        number = int(path.stem.removeprefix("leerling-"))
        assert path.read_text(encoding="utf-8") == f"nummer: {number}\n" * 50
