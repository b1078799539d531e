"""Build the wheel, install it in a fresh venv and run the CLI from there.

A checklist or template missing from the wheel fails here, not at a school.
"""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from .conftest import ROOT, SAMPLES

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        os.environ.get("OVERDRACHT_SKIP_WHEEL") == "1", reason="OVERDRACHT_SKIP_WHEEL=1"
    ),
]


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    work = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(work / "dist"), str(ROOT)],
        check=True,
        capture_output=True,
    )
    wheel = next((work / "dist").glob("overdracht-*.whl"))
    subprocess.run([sys.executable, "-m", "venv", str(work / "venv")], check=True)
    subprocess.run(
        [str(work / "venv" / "bin" / "pip"), "install", "--quiet", str(wheel)],
        check=True,
        capture_output=True,
    )
    return wheel, work / "venv" / "bin" / "overdracht"


def test_wheel_ships_checklists_and_templates(installed: tuple[Path, Path]) -> None:
    wheel, _ = installed
    names = zipfile.ZipFile(wheel).namelist()
    for checklist in (ROOT / "checklists").rglob("*.yaml"):
        relative = checklist.relative_to(ROOT / "checklists").as_posix()
        assert f"overdracht/_data/checklists/{relative}" in names
    for template in (ROOT / "templates").rglob("*"):
        if template.is_file() and "__pycache__" not in template.parts:
            relative = template.relative_to(ROOT / "templates").as_posix()
            assert f"overdracht/_data/templates/{relative}" in names


def test_installed_cli_checks_a_sample(installed: tuple[Path, Path], tmp_path: Path) -> None:
    _, overdracht = installed
    result = subprocess.run(
        [str(overdracht), "check", str(SAMPLES / "po-so-compleet.yaml")],
        cwd=tmp_path,  # away from the source tree
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.rstrip().endswith("Uitslag: COMPLEET")
    listing = subprocess.run(
        [str(overdracht), "checklists"], capture_output=True, text=True, cwd=tmp_path
    )
    assert len(listing.stdout.splitlines()) == 13
