"""Class 3: the import budgets the text a workbook expands to before reading it."""

from __future__ import annotations

from pathlib import Path

from .bombs import ods_repeat_bomb, run_limited, shared_string_bomb


def test_ods_with_repeated_text_is_refused_under_a_memory_limit(tmp_path: Path) -> None:
    bomb = ods_repeat_bomb(tmp_path / "bom.ods")
    assert bomb.stat().st_size < 2000
    result = run_limited("import", bomb, "-t", "po-vo", "-o", tmp_path / "uit")
    assert result.returncode == 3, result.stderr
    assert result.stderr.startswith(
        f"Fout: {bomb}: blad 'Leerlingen' bevat uitgepakt 4116 MB tekst (een tekst die in veel "
        "cellen herhaald wordt, telt elke keer mee); de grens is 100 MB."
    )
    assert "Traceback" not in result.stderr


def test_xlsx_with_one_huge_shared_string_everywhere_is_refused(tmp_path: Path) -> None:
    bomb = shared_string_bomb(tmp_path / "bom.xlsx")
    assert bomb.stat().st_size < 1024 * 1024
    result = run_limited("import", bomb, "-t", "po-vo", "-o", tmp_path / "uit")
    assert result.returncode == 3, result.stderr
    assert "blad 'Leerlingen' bevat uitgepakt" in result.stderr
    assert "de grens is 100 MB" in result.stderr
    assert "Traceback" not in result.stderr
