"""Shared CLI helpers: the one place where OverdrachtError becomes a message and exit code."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

import click

from overdracht.errors import EXIT_USAGE, OverdrachtError

P = ParamSpec("P")
R = TypeVar("R")


def handle_errors(func: Callable[P, R]) -> Callable[P, R]:
    """Catch OverdrachtError once: print its Dutch message to stderr and exit with its code."""

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return func(*args, **kwargs)
        except OverdrachtError as exc:
            click.echo(f"Fout: {exc}", err=True)
            sys.exit(exc.exit_code)
        except KeyboardInterrupt:
            click.echo(
                "Afgebroken door de gebruiker; er zijn geen half geschreven bestanden.", err=True
            )
            sys.exit(130)

    return wrapper


def fail_usage(message: str) -> None:
    click.echo(f"Fout: {message}", err=True)
    sys.exit(EXIT_USAGE)


class DutchDate(click.DateTime):
    """A date option written as JJJJ-MM-DD, with a Dutch message when it is not."""

    name = "datum"

    def __init__(self) -> None:
        super().__init__(formats=["%Y-%m-%d"])

    def get_metavar(self, param: click.Parameter, ctx: click.Context) -> str:
        return "JJJJ-MM-DD"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        try:
            return super().convert(value, param, ctx)
        except click.BadParameter:
            self.fail(
                f"'{value}' is geen geldige datum; schrijf de datum als JJJJ-MM-DD, "
                "bijv. 2027-05-20",
                param,
                ctx,
            )


DATUM = DutchDate()


def overlay_option(
    help_text: str = "Regionale aanvulling op de checklist (YAML met 'extends:').",
) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """The ``--overlay FILE`` option shared by check, checklist, render and tlv-check."""
    return click.option(
        "--overlay", type=click.Path(path_type=Path, dir_okay=False), help=help_text
    )
