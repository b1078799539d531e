"""Documents are rendered in a few worker processes, never in the web server's threads.

WeasyPrint (through Pango, GLib and fontconfig) is not thread-safe: rendering in waitress'
threads at the same time corrupts its memory ("GLib-WARNING: corrupted double-linked list"), and
every later render in that process inherits the damage. So the server hands every render to a
small pool of worker processes (``settings.RENDER_WORKERS``, default 2), each rendering one thing
at a time. The pool starts on the first render, with ``forkserver``: a clean process, not a copy
of a server with threads and open database connections. It is replaced after
``RECYCLE_AFTER`` renders, so a renderer's slow leaks never grow without bound, and after a
worker died (a crash costs that one render, not the server).

The jobs (:func:`documents_job`, :func:`pdf_job`) use only the library: no Django, no
database.
:func:`once` makes sure that people asking for the same render at the same moment share it.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import pickle
import tempfile
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, TypeVar

from django.conf import settings

from overdracht.errors import OverdrachtError

log = logging.getLogger(__name__)

T = TypeVar("T")
DEFAULT_WORKERS = 2
RECYCLE_AFTER = 200
NICENESS = 10
DEFAULT_TIMEOUT = 300  # seconds: a render that takes longer is given up (a bug, not a user)


@dataclass(frozen=True)
class Rendered:
    """Every document of one render: (soort, formaat) -> bytes, in the library's order."""

    files: Mapping[tuple[str, str], bytes]
    concept: bool
    left_out: tuple[str, ...] = ()

    @property
    def soorten(self) -> list[str]:
        return list(dict.fromkeys(soort for soort, _ in self.files))


class WorkerFailed(Exception):
    """A render failed in a way the library does not explain; carries only the error's kind."""

    def __init__(self, kind: str) -> None:
        super().__init__(kind)
        self.kind = kind


# --- The jobs (run in a worker process) --------------------------------------------------------


def _warm_up() -> None:
    """Load the renderers once per worker, not on its first user's time; a worker yields the
    processor to the server, so pages stay quick while documents are made."""
    os.nice(NICENESS)
    import overdracht.render.docx
    import overdracht.render.pdf  # noqa: F401


def documents_job(
    doc: Any,
    *,
    formats: Sequence[str],
    pdfa: bool,
    final: bool,
    overlay: str | None,
    stem: str,
) -> Rendered:
    """``render_documents`` into a temporary folder; the files' bytes, keyed by kind and format."""
    from overdracht import render_documents

    with _portable_errors(), tempfile.TemporaryDirectory(prefix="overdracht-documenten-") as tmp:
        result = render_documents(
            doc,
            tmp,
            formats=tuple(formats),
            pdfa=pdfa,
            final=final,
            overlay=overlay,
            name=stem,
        )
        files: dict[tuple[str, str], bytes] = {}
        for path in result.files:
            soort, _, ext = path.name.removeprefix(f"{stem}-").rpartition(".")
            files[(soort, "pdfa" if pdfa else ext)] = path.read_bytes()
        return Rendered(files, concept=result.concept, left_out=tuple(result.left_out))


def pdf_job(view: Any) -> bytes:
    """The PDF of a view model built in the server (building it is plain Python, thread-safe)."""
    from overdracht.render.pdf import render_pdf

    with _portable_errors():
        return bytes(render_pdf(view))


@contextmanager
def _portable_errors() -> Iterator[None]:
    """Errors leave a worker as something the server can read back: a library error with its
    Dutch message, or :class:`WorkerFailed` with only the kind of error (its message may quote
    pupil data and is never sent across)."""
    try:
        yield
    except OverdrachtError as exc:
        raise _picklable(exc) from None
    except Exception as exc:
        raise WorkerFailed(type(exc).__name__) from None


def _picklable(exc: OverdrachtError) -> OverdrachtError:
    try:
        pickle.loads(pickle.dumps(exc))
    except Exception:
        # A subclass with its own __init__ cannot be rebuilt from its args: send its nearest
        # ancestor that can, with the same message, details and exit code.
        for cls in type(exc).__mro__:
            if issubclass(cls, OverdrachtError) and cls.__init__ is OverdrachtError.__init__:
                return cls(exc.message, details=list(exc.details))
        return OverdrachtError(exc.message, details=list(exc.details))
    return exc


# --- The pool (in the server) ------------------------------------------------------------------


_pool: ProcessPoolExecutor | None = None
_renders = 0
_pool_lock = threading.Lock()


# A clean process, not a fork of a server with threads; forkserver where the system has it
# (Linux, macOS), else spawn (Windows).
_START_METHOD = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"


def _workers() -> int:
    return max(1, int(getattr(settings, "RENDER_WORKERS", DEFAULT_WORKERS)))


def _current_pool() -> ProcessPoolExecutor:
    global _pool, _renders
    with _pool_lock:
        if _pool is not None and _renders >= RECYCLE_AFTER:
            _pool.shutdown(wait=False)  # its running renders finish; new ones go to a new pool
            _pool = None
        if _pool is None:
            _pool = ProcessPoolExecutor(
                max_workers=_workers(),
                mp_context=multiprocessing.get_context(_START_METHOD),
                initializer=_warm_up,
            )
            _renders = 0
        _renders += 1
        return _pool


def _discard(pool: ProcessPoolExecutor, *, stop_workers: bool = False) -> None:
    """Start a new pool for the next render; ``stop_workers`` ends this one's processes too (a
    render that hangs would otherwise keep its worker for good)."""
    global _pool
    with _pool_lock:
        if _pool is pool:
            _pool = None
    if stop_workers:
        for process in list(getattr(pool, "_processes", {}).values()):
            process.terminate()
    pool.shutdown(wait=False, cancel_futures=True)


def run(job: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """``job(*args, **kwargs)`` in a worker process; its result, or its (library) error.

    Raises :class:`WorkerFailed` when the job failed unexplained, a worker died, or the render
    took longer than ``settings.RENDER_TIMEOUT`` seconds.
    """
    pool = _current_pool()
    try:
        future = pool.submit(job, *args, **kwargs)
    except (BrokenProcessPool, RuntimeError):  # broken, or shut down by another thread just now
        _discard(pool)
        pool = _current_pool()
        future = pool.submit(job, *args, **kwargs)
    timeout = float(getattr(settings, "RENDER_TIMEOUT", DEFAULT_TIMEOUT))
    try:
        return future.result(timeout=timeout)
    except BrokenProcessPool:
        _discard(pool)
        raise WorkerFailed("BrokenProcessPool") from None
    except FutureTimeout:
        # Still waiting for a worker (a very long queue): take it out of the queue. Running:
        # it hangs, so its worker is ended (with the renders beside it, which fail calmly).
        if not future.cancel():
            _discard(pool, stop_workers=True)
        raise WorkerFailed("TimeoutError") from None


def shutdown() -> None:
    """Stop the workers (tests; the server's exit does this by itself)."""
    global _pool
    with _pool_lock:
        pool, _pool = _pool, None
    if pool is not None:
        pool.shutdown(wait=True, cancel_futures=True)


# --- Waiting for renders, without holding up the server ----------------------------------------


DEFAULT_WAITERS = 4  # of waitress' 8 threads: the others keep serving pages
_waiting: threading.BoundedSemaphore | None = None


def waiting() -> threading.BoundedSemaphore:
    """The server threads that may wait for a render at the same time
    (``settings.RENDER_WAITERS``)."""
    global _waiting
    with _pool_lock:
        if _waiting is None:
            count = max(1, int(getattr(settings, "RENDER_WAITERS", DEFAULT_WAITERS)))
            _waiting = threading.BoundedSemaphore(count)
        return _waiting


BACKGROUND_LIMIT = 32
_background: set[str] = set()


def in_background(key: str, make: Callable[[], Any]) -> bool:
    """``once(key, make)`` in a thread of its own (not a server thread); False when that render
    is already under way or too many are."""
    with _inflight_lock:
        if key in _inflight or key in _background or len(_background) >= BACKGROUND_LIMIT:
            return False
        _background.add(key)

    def work() -> None:
        from django.db import connection

        try:
            once(key, make)
        except Exception as exc:  # the next request renders again and shows the error
            log.warning("Documenten maken op de achtergrond mislukt (%s)", type(exc).__name__)
        finally:
            with _inflight_lock:
                _background.discard(key)
            connection.close()

    threading.Thread(target=work, name="overdracht-render", daemon=True).start()
    return True


# --- One render for everyone who asks at the same moment ---------------------------------------


_inflight: dict[str, Future[Any]] = {}
_inflight_lock = threading.Lock()


def once(key: str, make: Callable[[], T]) -> T:
    """``make()``, unless the same ``key`` is being made right now: then wait for that one."""
    with _inflight_lock:
        shared = _inflight.get(key)
        if shared is None:
            mine: Future[Any] = Future()
            _inflight[key] = mine
    if shared is not None:
        timeout = float(getattr(settings, "RENDER_TIMEOUT", DEFAULT_TIMEOUT))
        result: T = shared.result(timeout=timeout + 30)
        return result
    try:
        made = make()
    except BaseException as exc:
        mine.set_exception(exc)
        raise
    else:
        mine.set_result(made)
        return made
    finally:
        with _inflight_lock:
            _inflight.pop(key, None)
