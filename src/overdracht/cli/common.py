"""Shared CLI helpers: the one place where OverdrachtError becomes a message and exit code."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from typing import ParamSpec, TypeVar

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
