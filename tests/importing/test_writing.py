"""Dossier files are written atomically, by a helper process for large imports."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from overdracht.importing import import_workbook, writing
from overdracht.importing.writing import HELPER_FROM, DossierWriter

from .conftest import pupil, with_school


@pytest.mark.parametrize("expected", [1, HELPER_FROM], ids=["direct", "helper"])
def test_every_file_is_written_and_no_temporary_file_stays(tmp_path: Path, expected: int) -> None:
    count = max(expected, 20)
    with DossierWriter(tmp_path, expected) as writer:
        for number in range(count):
            writer.add(f"leerling-{number}.yaml", f"nummer: {number}\n".encode() * (number % 7))
    assert writer.written == [tmp_path / f"leerling-{n}.yaml" for n in range(count)]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        f"leerling-{n}.yaml" for n in range(count)
    )
    assert (tmp_path / "leerling-12.yaml").read_bytes() == b"nummer: 12\n" * 5


@pytest.mark.parametrize("expected", [1, HELPER_FROM], ids=["direct", "helper"])
def test_a_failed_write_raises_oserror(tmp_path: Path, expected: int) -> None:
    (tmp_path / "leerling-2.yaml").mkdir()  # a folder where a dossier should go
    writer = DossierWriter(tmp_path, expected)
    with pytest.raises(IsADirectoryError, match=r"leerling-2\.yaml"), writer:
        for number in range(5):
            writer.add(f"leerling-{number}.yaml", b"x: 1\n")
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize("name", ["../leerling.yaml", "a/b.yaml", ".verborgen", ""])
def test_only_plain_file_names(tmp_path: Path, name: str) -> None:
    with DossierWriter(tmp_path, 1) as writer, pytest.raises(ValueError, match="plain file"):
        writer.add(name, b"")


def test_import_through_the_helper(
    xlsx: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(writing, "HELPER_FROM", 1)
    source = xlsx(with_school([pupil("1001"), pupil("1002", BSN="123456782")]))
    result = import_workbook(source, tmp_path / "o", transition="po-vo")
    assert [p.name for p in result.written] == ["leerling-1001.yaml", "leerling-1002.yaml"]
    assert all(p.read_text(encoding="utf-8").startswith("leerling:") for p in result.written)
