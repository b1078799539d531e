"""Dossier files are written atomically, by a worker process for large imports."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from overdracht.importing import import_workbook, writing
from overdracht.importing.writing import PARALLEL_FROM, DossierWriter

from .conftest import pupil, with_school


@pytest.mark.parametrize("expected", [1, PARALLEL_FROM], ids=["direct", "worker"])
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


@pytest.mark.parametrize("expected", [1, PARALLEL_FROM], ids=["direct", "worker"])
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


def test_import_through_the_worker(
    xlsx: Callable[..., Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(writing, "PARALLEL_FROM", 1)
    source = xlsx(with_school([pupil("1001"), pupil("1002", BSN="123456782")]))
    result = import_workbook(source, tmp_path / "o", transition="po-vo")
    assert [p.name for p in result.written] == ["leerling-1001.yaml", "leerling-1002.yaml"]
    assert all(p.read_text(encoding="utf-8").startswith("leerling:") for p in result.written)


@pytest.mark.parametrize("expected", [1, PARALLEL_FROM], ids=["direct", "worker"])
def test_files_are_private_and_a_symlink_is_replaced_not_followed(
    tmp_path: Path, expected: int
) -> None:
    outside = tmp_path / "elders.txt"
    outside.write_text("niet aanraken", encoding="utf-8")
    folder = tmp_path / "uit"
    folder.mkdir()
    (folder / "leerling-1.yaml").symlink_to(outside)
    with DossierWriter(folder, expected) as writer:
        for number in range(3):
            writer.add(f"leerling-{number}.yaml", b"bsn: '123456782'\n")
    assert outside.read_text(encoding="utf-8") == "niet aanraken"
    for path in folder.iterdir():
        assert not path.is_symlink()
        assert path.stat().st_mode & 0o777 == 0o600
