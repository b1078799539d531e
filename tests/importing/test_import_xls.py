"""Legacy .xls: measured before calamine reads it, so a tiny file cannot claim a gigabyte.

The .xls files in data/ are made by data/maak_xls.py with LibreOffice; the tests
only read them, so they need no LibreOffice.
"""

from __future__ import annotations

import shutil
import struct
from pathlib import Path

import pytest
import yaml

from overdracht.errors import InvalidInputError
from overdracht.importing import Limits, import_workbook
from overdracht.importing.xlsscan import measure, workbook_stream

DATA = Path(__file__).parent / "data"


def test_xls_imports(tmp_path: Path) -> None:
    result = import_workbook(DATA / "leerlingen.xls", tmp_path / "o", transition="po-vo")
    assert (result.exit_code, result.errors) == (0, [])
    dossiers = {
        p.stem: yaml.safe_load(p.read_text(encoding="utf-8"))["leerling"]
        for p in (tmp_path / "o").glob("*.yaml")
    }
    assert {k: (v["geboortedatum"], v["bsn"]) for k, v in dossiers.items()} == {
        "leerling-1001": ("2014-03-14", "111222333"),
        "leerling-1002": ("2013-11-02", "012345672"),
    }


def test_sheets_are_measured_like_calamine_sees_them() -> None:
    sheets = measure((DATA / "leerlingen.xls").read_bytes())
    assert [(s.name, s.rows, s.columns) for s in sheets] == [
        ("School", 2, 5),
        ("Leerlingen", 3, 7),
    ]


def test_far_away_cell_is_rejected_before_reading(tmp_path: Path) -> None:
    # 6 KB on disk; calamine would allocate 65536 x 256 cells (about 1 GB)
    with pytest.raises(
        InvalidInputError, match="blad 'Leerlingen' is 65536 rijen bij 256 kolommen"
    ):
        import_workbook(DATA / "ver-weg.xls", tmp_path / "o", transition="po-vo")


def _with_declared_dimension(source: Path, target: Path, rows: int, columns: int) -> Path:
    """Copy ``source`` with the DIMENSIONS record of its last sheet changed."""
    data = bytearray(source.read_bytes())
    record = struct.pack("<HH", 0x0200, 14)
    at = data.rfind(record)
    assert at > 0
    struct.pack_into("<IIHH", data, at + 4, 0, rows, 0, columns)
    target.write_bytes(bytes(data))
    return target


def test_declared_dimension_is_checked(tmp_path: Path) -> None:
    source = _with_declared_dimension(DATA / "leerlingen.xls", tmp_path / "groot.xls", 60_000, 200)
    assert measure(source.read_bytes())[-1].extent == (60_000, 200)
    with pytest.raises(InvalidInputError, match="blad 'Leerlingen' is 60000 rijen bij 200"):
        import_workbook(source, tmp_path / "o", transition="po-vo")


def test_limits_apply_to_xls(tmp_path: Path) -> None:
    with pytest.raises(
        InvalidInputError, match="blad 'Leerlingen' heeft 7 kolommen; de grens is 5"
    ):
        import_workbook(
            DATA / "leerlingen.xls",
            tmp_path / "o",
            transition="po-vo",
            limits=Limits(max_columns=5),
        )


@pytest.mark.parametrize("cut", [100, 600, 3000])
def test_broken_xls_is_a_clear_error(tmp_path: Path, cut: int) -> None:
    broken = tmp_path / "kapot.xls"
    broken.write_bytes((DATA / "leerlingen.xls").read_bytes()[:cut])
    with pytest.raises(InvalidInputError, match=r"kapot\.xls: het bestand is geen geldige Excel"):
        import_workbook(broken, tmp_path / "o", transition="po-vo")


def test_xlsx_named_xls_is_a_clear_error(tmp_path: Path) -> None:
    wrong = tmp_path / "eigenlijk-xlsx.xls"
    shutil.copy(Path(__file__).parents[2] / "samples" / "import" / "leerlingen-po-vo.xlsx", wrong)
    with pytest.raises(InvalidInputError, match="verkeerde extensie"):
        import_workbook(wrong, tmp_path / "o", transition="po-vo")


def test_encrypted_xls_is_refused(tmp_path: Path) -> None:
    data = bytearray((DATA / "leerlingen.xls").read_bytes())
    stream = workbook_stream(bytes(data))
    first_record = struct.unpack_from("<HH", stream, 0)[1] + 4  # after the globals' BOF
    at = data.find(stream[:64])
    assert at > 0
    # turn the record after BOF into FILEPASS, as Excel does when a password is set
    struct.pack_into("<H", data, at + first_record, 0x002F)
    encrypted = tmp_path / "wachtwoord.xls"
    encrypted.write_bytes(bytes(data))
    with pytest.raises(InvalidInputError, match="beveiligd"):
        import_workbook(encrypted, tmp_path / "o", transition="po-vo")
