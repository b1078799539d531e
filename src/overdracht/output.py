"""Write output files atomically and never overwrite without ``force``."""

from __future__ import annotations

import contextlib
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


def atomic_write_bytes(path: Path, data: bytes, *, force: bool = False) -> None:
    """Write ``data`` to ``path`` via a temporary file in the same folder and rename it."""
    refuse_existing([path], force)
    fd, tmp_name = tempfile.mkstemp(prefix=".tmp-", suffix=path.suffix, dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise


def atomic_write_text(path: Path, text: str, *, force: bool = False) -> None:
    """Text variant of :func:`atomic_write_bytes` (UTF-8)."""
    atomic_write_bytes(path, text.encode("utf-8"), force=force)
