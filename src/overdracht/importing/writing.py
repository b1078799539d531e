"""Write thousands of dossier files quickly; each one whole and readable by its owner only.

Every file is created under a fresh random name in the output folder (an exclusive create
with mode 0600 that never follows a symlink) and then renamed into place, so no reader
sees half a dossier and no other user of the machine can read a pupil's BSN. There is no
fsync per file: ten thousand fsyncs take seconds, and a dossier lost in a power cut is
made again by re-running the import on the same workbook.

Creating 10,000 files costs 0.3 to 1.5 s on an ordinary disk, all of it waiting for the
operating system. A thread cannot do that wait alongside the import's own work: while the
import is busy it gets the interpreter lock about once per 5 ms (measured: 54 files a
second). So a large batch is written by one worker process (``concurrent.futures``) on the
other core, in batches of about 64 kB, while this process builds the next dossiers.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import sys
import tempfile
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from types import TracebackType

PARALLEL_FROM = 500  # files; below this, starting the worker costs more than it saves
BATCH_BYTES = 64 * 1024


def write_file(folder: Path, name: str, data: bytes) -> Path:
    """Write ``data`` to ``folder/name``: private (0600), never half, never via a symlink."""
    fd, temporary = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(temporary, folder / name)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    return folder / name


def write_files(folder: Path, files: list[tuple[str, bytes]]) -> None:
    """The worker's job: write one batch of files, in order."""
    for name, data in files:
        write_file(folder, name, data)


def _finish_batches_when_stopped() -> None:
    """In the worker: Ctrl-C, SIGTERM and a closed terminal go to the importer, which
    stops handing out batches; the worker finishes the batch it has, so no file is half."""
    for name in ("SIGINT", "SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_IGN)


class DossierWriter:
    """Write ``name -> bytes`` into one folder; leaving the ``with`` block waits for all.

    ``expected`` is the number of files that will be added: from ``PARALLEL_FROM`` on they
    are written by a worker process. A failed write raises ``OSError`` (from ``add`` or on
    leaving), like writing the file directly would. ``written`` lists the files written.
    """

    def __init__(self, folder: Path, expected: int) -> None:
        self.folder = folder
        self.written: list[Path] = []
        self._parallel = expected >= PARALLEL_FROM and _worker_possible()
        self._pool: ProcessPoolExecutor | None = None
        self._batch: list[tuple[str, bytes]] = []
        self._batch_bytes = 0
        self._sent: list[tuple[Future[None], list[str]]] = []

    def __enter__(self) -> DossierWriter:
        if self._parallel:
            self._pool = ProcessPoolExecutor(
                max_workers=1,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_finish_batches_when_stopped,
            )
        return self

    def add(self, name: str, data: bytes) -> None:
        """Write ``data`` to ``<folder>/<name>`` (``name`` is a plain file name)."""
        if not name or os.sep in name or "/" in name or name.startswith("."):
            raise ValueError(f"not a plain file name: {name!r}")
        if self._pool is None:
            self.written.append(write_file(self.folder, name, data))
            return
        self._batch.append((name, data))
        self._batch_bytes += len(data)
        if self._batch_bytes >= BATCH_BYTES:
            self._send()

    def _send(self) -> None:
        assert self._pool is not None
        names = [name for name, _ in self._batch]
        self._sent.append((self._pool.submit(write_files, self.folder, self._batch), names))
        self._batch, self._batch_bytes = [], 0
        failed = next((f for f, _ in self._sent if f.done() and f.exception()), None)
        if failed is not None:  # stop early: the disk is full or the folder is gone
            failed.result()

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        pool, self._pool = self._pool, None
        if pool is None:
            return
        if error is None and self._batch:
            self._batch, batch = [], self._batch
            self._sent.append((pool.submit(write_files, self.folder, batch), [n for n, _ in batch]))
        # On an error (e.g. Ctrl-C) batches not yet started are dropped; started ones finish.
        pool.shutdown(wait=True, cancel_futures=error is not None)
        first_error: BaseException | None = None
        for future, names in self._sent:
            if future.cancelled():
                continue
            problem = future.exception()
            if problem is None:
                self.written += [self.folder / name for name in names]
            elif first_error is None:
                first_error = problem
        if first_error is not None and error is None:
            raise first_error


def _worker_possible() -> bool:
    """Only a plain Python interpreter can start the worker (not a frozen or embedding app)."""
    executable = os.path.basename(sys.executable or "").lower()
    return executable.startswith("python") and not getattr(sys, "frozen", False)
