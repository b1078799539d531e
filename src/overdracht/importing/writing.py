"""Write thousands of dossier files quickly, each one atomically.

Every file is written under a temporary name and renamed, so no reader ever sees
half a dossier. Unlike ``overdracht.output.atomic_write_bytes`` there is no fsync
per file: ten thousand fsyncs take seconds, and a dossier lost in a power cut is
made again by re-running the import on the same workbook.

Creating 10,000 files costs 0.3 to 1.5 s on an ordinary disk, all of it waiting
for the operating system. A thread cannot do that wait alongside our own work:
it needs the interpreter lock between every two system calls, and while the
import is busy it gets that lock about once per 5 ms (measured: 54 files in a
second). So a large batch goes to a tiny helper process (the same Python, no
imports beyond ``os``) that writes the files on the other core while this
process goes on. A thread feeds the helper's pipe in 64 KB chunks: a blocked
pipe write needs no interpreter lock, so this process never waits for the disk.
Small batches, and programs frozen into one executable or embedding Python,
write directly.
"""

from __future__ import annotations

import contextlib
import os
import queue
import struct
import subprocess
import sys
import threading
from pathlib import Path
from types import TracebackType

HELPER_FROM = 500  # files; below this, starting the helper costs more than it saves
_FLUSH_BYTES = 64 * 1024
_HEADER = struct.Struct("<II")

# The helper: reads (name, data) frames from stdin and writes each file atomically.
# On an error it prints "errno<TAB>message<TAB>name" to stderr and stops.
_HELPER = """
import os, struct, sys
folder, source, header = sys.argv[1], sys.stdin.buffer, struct.Struct("<II")
while True:
    frame = source.read(header.size)
    if len(frame) < header.size:
        break
    size, length = header.unpack(frame)
    name, data = source.read(size).decode("utf-8"), source.read(length)
    if len(data) < length:
        break
    temporary = os.path.join(folder, "." + name + ".tmp")
    try:
        with open(temporary, "wb") as handle:
            handle.write(data)
        os.replace(temporary, os.path.join(folder, name))
    except OSError as exc:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        sys.stderr.write("%s\\t%s\\t%s" % (exc.errno or 0, exc.strerror or exc, name))
        sys.exit(1)
"""


class DossierWriter:
    """Write ``name -> bytes`` into one folder; leaving the ``with`` block waits for all.

    ``expected`` is the number of files that will be added: from ``HELPER_FROM``
    on they are written by a helper process in parallel. A failed write raises
    ``OSError`` (from ``add`` or on leaving), like writing the file directly would.
    """

    def __init__(self, folder: Path, expected: int) -> None:
        self.folder = folder
        self.written: list[Path] = []
        self._names: list[str] = []
        self._buffer: list[bytes] = []
        self._buffered = 0
        self._helper: subprocess.Popen[bytes] | None = None
        self._chunks: queue.SimpleQueue[bytes | None] = queue.SimpleQueue()
        self._feeder = threading.Thread(target=self._feed, name="overdracht-feeder", daemon=True)
        self._parallel = expected >= HELPER_FROM and _python_helper_possible()

    def __enter__(self) -> DossierWriter:
        if self._parallel:
            with contextlib.suppress(OSError):  # no helper: write directly
                self._helper = subprocess.Popen(
                    [sys.executable, "-I", "-S", "-c", _HELPER, str(self.folder)],
                    stdin=subprocess.PIPE,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.PIPE,
                    # Ctrl-C goes to us only: the helper finishes the files it was given
                    start_new_session=True,
                )
                self._feeder.start()
        return self

    def add(self, name: str, data: bytes) -> None:
        """Write ``data`` to ``<folder>/<name>`` (``name`` is a plain file name)."""
        if not name or os.sep in name or "/" in name or name.startswith("."):
            raise ValueError(f"not a plain file name: {name!r}")
        self._names.append(name)
        if self._helper is None:
            write_atomically(self.folder / name, data)
            return
        encoded = name.encode("utf-8")
        self._buffer += [_HEADER.pack(len(encoded), len(data)), encoded, data]
        self._buffered += len(data) + len(encoded)
        if self._buffered >= _FLUSH_BYTES:
            self._flush()

    def _flush(self) -> None:
        self._chunks.put(b"".join(self._buffer))
        self._buffer, self._buffered = [], 0

    def _feed(self) -> None:
        """Hand chunks to the helper; on a broken pipe keep draining (the helper says why)."""
        assert self._helper is not None and self._helper.stdin is not None
        stdin, broken = self._helper.stdin, False
        while (chunk := self._chunks.get()) is not None:
            if not broken:
                try:
                    stdin.write(chunk)
                except (BrokenPipeError, ValueError):
                    broken = True
        with contextlib.suppress(BrokenPipeError, ValueError):
            stdin.close()

    def _finish(self) -> None:
        helper = self._helper
        if helper is None:
            return
        self._helper = None
        self._chunks.put(None)
        self._feeder.join()
        assert helper.stderr is not None
        message = helper.stderr.read().decode("utf-8", "replace")
        helper.stderr.close()
        if helper.wait() != 0:
            number, _, rest = message.partition("\t")
            reason, _, name = rest.partition("\t")
            if not number.isdigit():
                raise OSError(f"schrijven naar {self.folder} mislukt: {message.strip()}")
            raise OSError(int(number), reason, str(self.folder / name))

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self._helper is not None and error is None and self._buffer:
            self._flush()
        if error is None:
            self._finish()
        else:  # already failing (e.g. Ctrl-C): stop the helper, keep the original error
            with contextlib.suppress(OSError):
                self._finish()
        self.written = [self.folder / name for name in self._names]


def _python_helper_possible() -> bool:
    """Only a plain Python interpreter can run the helper (not a frozen or embedding app)."""
    executable = os.path.basename(sys.executable or "").lower()
    return executable.startswith("python") and not getattr(sys, "frozen", False)


def write_atomically(path: Path, data: bytes) -> Path:
    """Write via a temporary name and rename, so no reader sees half a file (no fsync)."""
    temporary = path.with_name(f".{path.name}.tmp")
    try:
        temporary.write_bytes(data)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
    return path
