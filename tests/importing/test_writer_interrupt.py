"""An interrupted import keeps its original error and leaves only whole files behind."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from overdracht.importing.writing import HELPER_FROM, DossierWriter


def test_interrupt_while_the_helper_writes(tmp_path: Path) -> None:
    with pytest.raises(KeyboardInterrupt), DossierWriter(tmp_path, HELPER_FROM * 2) as writer:
        for number in range(HELPER_FROM):
            writer.add(f"leerling-{number}.yaml", f"nummer: {number}\n".encode())
        raise KeyboardInterrupt
    names = [p.name for p in tmp_path.iterdir()]
    assert not [n for n in names if n.startswith(".")]
    for path in tmp_path.iterdir():
        assert yaml.safe_load(path.read_text(encoding="utf-8"))["nummer"] >= 0
