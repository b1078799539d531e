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
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path, PurePath

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile

from overdracht.errors import InvalidInputError, OverdrachtError
from overdracht.limits import MAX_SOURCE_BYTES
from overdracht.web.privatefiles import open_private, private_folder

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
    with open_private(path) as handle:
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


# A ZIP of aanvragen: far above a samenwerkingsverband's batch, far below a memory problem.
MAX_ZIP_MEMBERS = 5000
MAX_ZIP_UNPACKED_BYTES = 200 * 1024 * 1024


def unpack_zip(archive_path: Path, target: Path, name: str, suffixes: tuple[str, ...]) -> int:
    """Unpack the files ending in ``suffixes`` from a ZIP into ``target``; returns how many.

    Safe for a hostile ZIP: names are rebuilt from their plain parts (no absolute paths, no
    ``..``, no links: only regular files are written), members and bytes are counted while
    reading (the sizes in the ZIP's header are not trusted), and each file may be at most as
    large as a dossier file may be. ``name`` is the ZIP's name for the Dutch messages.
    """
    try:
        archive = zipfile.ZipFile(archive_path)
    except (zipfile.BadZipFile, OSError):
        raise InvalidInputError(
            f"{name}: dit is geen ZIP-bestand (of het is beschadigd). Pak de aanvragen in als "
            ".zip (in Windows: rechtermuisknop → Kopiëren naar → Gecomprimeerde map)."
        ) from None
    written = 0
    total = 0
    with archive:
        members = archive.infolist()
        if len(members) > MAX_ZIP_MEMBERS:
            raise InvalidInputError(
                f"{name}: het ZIP-bestand bevat {len(members)} bestanden; de grens is "
                f"{MAX_ZIP_MEMBERS}. Verdeel de aanvragen over meer ZIP-bestanden."
            )
        for member in members:
            parts = [p for p in PurePath(member.filename.replace("\\", "/")).parts if p]
            if member.is_dir() or not parts or not parts[-1].lower().endswith(suffixes):
                continue
            if any(p in ("..", ".") or p.startswith(".") or ":" in p for p in parts) or (
                member.filename.startswith("/") or parts[0] == "__MACOSX"
            ):
                continue  # outside the folder, hidden or a Mac resource file: never a dossier
            path = target.joinpath(*(_UNSAFE.sub("-", p)[:100] for p in parts))
            private_folder(path.parent)
            total += _copy_member(archive, member, path, name)
            if total > MAX_ZIP_UNPACKED_BYTES:
                raise InvalidInputError(
                    f"{name}: uitgepakt is het ZIP-bestand groter dan "
                    f"{MAX_ZIP_UNPACKED_BYTES // (1024 * 1024)} MB. Verdeel de aanvragen over "
                    "meer ZIP-bestanden."
                )
            written += 1
    return written


def _copy_member(archive: zipfile.ZipFile, member: zipfile.ZipInfo, path: Path, name: str) -> int:
    """Copy one member, stopping as soon as it is larger than a dossier file may be."""
    size = 0
    try:
        with archive.open(member) as source, open_private(path) as target:
            while chunk := source.read(64 * 1024):
                size += len(chunk)
                if size > MAX_SOURCE_BYTES:
                    raise InvalidInputError(
                        f"{name}: {member.filename} is uitgepakt groter dan "
                        f"{MAX_SOURCE_BYTES // (1024 * 1024)} MB; zo groot is een aanvraag "
                        "nooit. Haal het bestand uit de ZIP."
                    )
                target.write(chunk)
    except (zipfile.BadZipFile, RuntimeError, OSError, EOFError, zlib.error):
        raise InvalidInputError(
            f"{name}: {member.filename} kan niet worden uitgepakt (beschadigd of met een "
            "wachtwoord). Maak het ZIP-bestand opnieuw, zonder wachtwoord."
        ) from None
    return size
