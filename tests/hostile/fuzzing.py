"""The fuzz suite's budget and bounds.

In CI (the README's test command) every target runs a fixed, derandomised set of
generated cases, a few minutes in all. ``OVERDRACHT_FUZZ=50`` runs fifty times as many,
with fresh random cases each run (hypothesis keeps failures in ``.hypothesis/``).
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

from hypothesis import HealthCheck, settings

FACTOR = max(1, int(os.environ.get("OVERDRACHT_FUZZ", "1") or "1"))
F = TypeVar("F", bound=Callable[..., Any])


def budget(examples: int) -> Callable[[F], F]:
    """Hypothesis settings for a fuzz target: ``examples`` cases in CI, more on request."""
    return settings(
        max_examples=examples * FACTOR,
        deadline=None,  # the machine is shared; a hang is caught by `bounded` instead
        derandomize=FACTOR == 1,
        database=None if FACTOR == 1 else settings.default.database,
        suppress_health_check=[
            HealthCheck.too_slow,
            HealthCheck.function_scoped_fixture,
            HealthCheck.data_too_large,
            HealthCheck.filter_too_much,
        ],
    )


class Hang(Exception):
    """A case took far longer than any real input may (a hang, or quadratic time)."""


@contextlib.contextmanager
def bounded(seconds: float) -> Iterator[None]:
    """Fail the case with :class:`Hang` when it runs longer than ``seconds``."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def hang(*_: Any) -> None:
        raise Hang(f"more than {seconds} s")

    previous = signal.signal(signal.SIGALRM, hang)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
