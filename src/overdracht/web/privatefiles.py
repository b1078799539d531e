"""Everything in the data folder is for the account that runs overdracht alone: files 0600,
folders 0700.

``overdracht web`` sets the umask to 077 at start (so SQLite's database and its -wal/-shm,
Django's uploads and anything else written later are private too) and tightens what an earlier
version left readable; the app's own writes go through :func:`write_private` and
:func:`private_folder`, so they are private whatever the umask.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import BinaryIO

PRIVATE_UMASK = 0o077
FILE_MODE = 0o600
FOLDER_MODE = 0o700


def private_folder(path: Path) -> Path:
    """``path`` (and its missing parents) as a folder only the owner can open."""
    missing = [p for p in (path, *path.parents) if not p.exists()]
    for folder in reversed(missing):  # mkdir(parents=True) would give the parents the umask's
        folder.mkdir(mode=FOLDER_MODE, exist_ok=True)
        os.chmod(folder, FOLDER_MODE)
    return path


def open_private(path: Path) -> BinaryIO:
    """``path`` opened for writing (made or emptied), readable by the owner only."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW, FILE_MODE)
    os.fchmod(fd, FILE_MODE)
    return os.fdopen(fd, "wb")


def write_private(path: Path, data: bytes | str) -> None:
    with open_private(path) as handle:
        handle.write(data.encode("utf-8") if isinstance(data, str) else data)


def tighten(folder: Path) -> None:
    """Make every file under ``folder`` 0600 and every folder 0700 (symbolic links are left
    alone: they are not followed)."""
    os.chmod(folder, FOLDER_MODE)
    for root, dirs, files in os.walk(folder):
        for name in dirs:
            path = Path(root, name)
            if not path.is_symlink():
                os.chmod(path, FOLDER_MODE)
        for name in files:
            path = Path(root, name)
            if not path.is_symlink():
                os.chmod(path, FILE_MODE)
