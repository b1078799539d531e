"""Write output files atomically and never overwrite without ``force``.

Every file starts as a new temporary file (mode 0600, created exclusively, so a
planted symlink is never followed) in the target folder and is renamed into place
when complete. A full disk or a read-only folder is a Dutch message (exit code 2)
and leaves no half file behind.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from overdracht.errors import UsageError, os_reason


def prepare_output_dir(directory: Path) -> Path:
    """Create ``directory`` if needed and check that we may write in it."""
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(
            f"{directory}: de uitvoermap kan niet worden gemaakt ({os_reason(exc)}). "
            "Kies een andere map met -o."
        ) from None
    if not os.access(directory, os.W_OK):
        raise UsageError(
            f"{directory}: geen schrijfrechten in deze uitvoermap. Kies een andere map met -o."
        )
    return directory


def refuse_existing(paths: Iterable[Path], force: bool) -> None:
    """Raise UsageError listing files that exist, unless ``force``."""
    if force:
        return
    existing = [str(p) for p in paths if p.exists()]
    if existing:
        raise UsageError(
            "Deze bestanden bestaan al en worden niet overschreven. "
            "Gebruik --force om ze te vervangen, of kies een andere map met -o.",
            details=existing,
        )


def write_error(path: Path, exc: OSError) -> UsageError:
    """The Dutch message for a file that cannot be written, with what to do about it."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        advice = "Maak ruimte vrij op de schijf (of kies een andere map) en probeer het opnieuw."
    elif exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        advice = "Kies een map waarin u mag schrijven."
    else:
        advice = "Kies een andere map of probeer het opnieuw."
    return UsageError(
        f"{path}: dit bestand kan niet worden geschreven ({os_reason(exc)}). {advice} "
        "Er is geen half bestand achtergebleven."
    )


def atomic_write_bytes(path: Path, data: bytes, *, force: bool = False) -> None:
    """Write ``data`` to ``path`` via a temporary file in the same folder and rename it.

    Raises :class:`UsageError` (exit code 2) with a Dutch message when the disk is
    full, the folder is read-only or anything else stops the write.
    """
    refuse_existing([path], force)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=".tmp-", suffix=path.suffix, dir=path.parent)
    except OSError as exc:
        raise write_error(path, exc) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        if isinstance(exc, OSError):
            raise write_error(path, exc) from None
        raise


def atomic_write_text(path: Path, text: str, *, force: bool = False) -> None:
    """Text variant of :func:`atomic_write_bytes` (UTF-8)."""
    atomic_write_bytes(path, text.encode("utf-8"), force=force)
