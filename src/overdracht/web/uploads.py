"""Uploaded files the library reads (workbooks, mappings, ZIPs of aanvragen, overlays).

An upload is copied into a private temporary folder in the data folder, read there by the
library's own readers (the same limits and checks as the CLI), and removed straight after.
The library's Dutch messages name the temporary file; :func:`user_messages` puts the name the
user knows back in its place.
"""

from __future__ import annotations

import contextlib
import re
import secrets
import shutil
from collections.abc import Iterator
from pathlib import Path, PurePath

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile

from overdracht.errors import OverdrachtError

TEMP_FOLDER = "tijdelijk"
_UNSAFE = re.compile(r"[^\w.-]+")


@contextlib.contextmanager
def temporary_folder() -> Iterator[Path]:
    """A new private folder under ``<data>/tijdelijk/``, removed with everything in it after."""
    root = Path(settings.DATA_DIR) / TEMP_FOLDER
    root.mkdir(mode=0o700, parents=True, exist_ok=True)
    folder = root / secrets.token_hex(8)
    folder.mkdir(mode=0o700)
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def original_name(upload: UploadedFile) -> str:
    """The file's own name without any folder part, as the user chose it."""
    name = PurePath(str(upload.name or "").replace("\\", "/")).name
    return name or "bestand"


def save_upload(upload: UploadedFile, folder: Path) -> Path:
    """Copy ``upload`` into ``folder`` under a harmless name with the same extension."""
    name = original_name(upload)
    stem, dot, suffix = name.rpartition(".")
    if not dot:
        stem, suffix = name, ""
    safe = _UNSAFE.sub("-", stem).strip(".-")[:60] or "bestand"
    path = folder / (f"{safe}.{_UNSAFE.sub('', suffix)[:10]}" if suffix else safe)
    with path.open("wb") as handle:
        for chunk in upload.chunks():
            handle.write(chunk)
    return path


def user_messages(exc: OverdrachtError, names: dict[Path, str]) -> list[str]:
    """The library's Dutch message and its details (one line each), naming the uploaded files
    as the user knows them."""
    lines = [exc.message, *exc.details]
    # longest first: a file's path contains its folder's path
    for path, name in sorted(names.items(), key=lambda item: -len(str(item[0]))):
        lines = [line.replace(str(path), name) for line in lines]
    return lines
