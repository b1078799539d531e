"""Every command is documented in the README (like sqlite-utils' test_docs.py)."""

from __future__ import annotations

import re

import click
import pytest

from overdracht.cli import COMMANDS, main

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_command_in_readme(command: str) -> None:
    if main.get_command(click.Context(main), command) is None:
        pytest.skip(f"'{command}' is not built yet")
    assert re.search(rf"overdracht {re.escape(command)}\b", README), command


def test_readme_starts_with_the_two_setup_commands() -> None:
    head = README[:1500]
    assert "make demo" in head and "make test" in head


def test_ci_runs_the_readme_test_command() -> None:
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
