"""At most a few heavy jobs at once, so memory holds when a whole school imports.

An import reads a workbook and checks every pupil; a few at once fit in memory, eight do not.
Each kind of heavy job has a :class:`Gate`: ``slots`` run, ``queue`` more wait up to ``wait``
seconds for a free slot, and anyone after that gets a calm "even wachten" page at once, so
waiting jobs never take all of the server's threads from the people who are only reading.
"""

from __future__ import annotations

import contextlib
import functools
import threading
from collections.abc import Callable, Iterator
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

View = Callable[..., HttpResponse]


class Gate:
    def __init__(self, slots: int, queue: int, wait: float) -> None:
        self._slots = threading.BoundedSemaphore(slots)
        self._lock = threading.Lock()
        self._waiting = 0
        self.queue, self.wait = queue, wait

    @contextlib.contextmanager
    def enter(self) -> Iterator[bool]:
        """True inside a slot; False when the job must be refused (too many waiting, or the
        wait ran out)."""
        acquired = self._slots.acquire(blocking=False)
        if not acquired:
            with self._lock:
                may_wait = self._waiting < self.queue
                self._waiting += may_wait
            if may_wait:
                try:
                    acquired = self._slots.acquire(timeout=self.wait)
                finally:
                    with self._lock:
                        self._waiting -= 1
        try:
            yield acquired
        finally:
            if acquired:
                self._slots.release()


IMPORTS = Gate(
    slots=settings.IMPORTS_AT_ONCE, queue=settings.IMPORTS_AT_ONCE, wait=settings.IMPORT_WAIT
)


def one_at_a_time(gate: Gate, what: str) -> Callable[[View], View]:
    """Run a view's POST inside ``gate``; when full, answer 503 with a calm Dutch page."""

    def decorate(view: View) -> View:
        @functools.wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if request.method != "POST":
                return view(request, *args, **kwargs)
            with gate.enter() as admitted:
                if admitted:
                    return view(request, *args, **kwargs)
            return busy_page(request, what)

        return wrapper

    return decorate


def busy_page(request: HttpRequest, what: str) -> HttpResponse:
    """503 "Even wachten": nothing was read or changed; try again in half a minute."""
    response = render(request, "overdracht/even_wachten.html", {"wat": what}, status=503)
    response["Retry-After"] = "30"
    return response
