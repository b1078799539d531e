"""Shared CLI helpers: the one place where OverdrachtError becomes a message and exit code."""

from __future__ import annotations

import contextlib
import functools
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

import click

from overdracht.errors import OverdrachtError

P = ParamSpec("P")
R = TypeVar("R")


INTERRUPTED = "Afgebroken door de gebruiker; er zijn geen half geschreven bestanden."
EXIT_INTERRUPTED = 130


class Stopped(KeyboardInterrupt):
    """SIGTERM or SIGHUP (a closed terminal): stopped like Ctrl-C, so the same cleanup runs."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _stop(signum: int, _frame: object) -> None:
    raise Stopped(signum)


@contextlib.contextmanager
def _stop_like_ctrl_c() -> Iterator[None]:
    """While a command runs, SIGTERM and SIGHUP raise :class:`Stopped` (a KeyboardInterrupt).

    A batch then saves what it finished (the render manifest) instead of being killed
    half-way, and a rerun does not refuse the dossiers that were done.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {sig: signal.signal(sig, _stop) for sig in (signal.SIGTERM, signal.SIGHUP)}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def handle_errors(func: Callable[P, R]) -> Callable[P, R]:
    """Catch OverdrachtError once: print its Dutch message to stderr and exit with its code."""

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            with _stop_like_ctrl_c():
                return func(*args, **kwargs)
        except OverdrachtError as exc:
            click.echo(f"Fout: {exc}", err=True)
            sys.exit(exc.exit_code)
        except KeyboardInterrupt as exc:
            with contextlib.suppress(OSError):  # after SIGHUP the terminal may be gone
                click.echo(
                    INTERRUPTED
                    if not isinstance(exc, Stopped)
                    else "Gestopt; er zijn geen half geschreven bestanden.",
                    err=True,
                )
            sys.exit(128 + exc.signum if isinstance(exc, Stopped) else EXIT_INTERRUPTED)

    return wrapper


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
