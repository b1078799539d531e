"""Dossier files in and out: the CLI's YAML/JSON format, read and written by the library.

Uploads go through the library's own reader (``load_dossier``), so the web app refuses exactly
what ``overdracht check`` refuses, with the same Dutch ``file:line: field: problem`` messages.
Downloads are the YAML that ``overdracht import`` writes, which ``overdracht check`` reads.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from overdracht.errors import OverdrachtError
from overdracht.model import Dossier as DossierDoc
from overdracht.model import load_dossier
from overdracht.web import disclosure
from overdracht.web.models import Dossier, DossierVersion
from overdracht.web.store import User, create_dossier, document

_UNSAFE = re.compile(r"[^\w .()+-]")


@dataclass(frozen=True)
class Problem:
    """Why one uploaded file was refused: the reader's message and details."""

    message: str
    details: list[str]


def dossier_yaml(version: DossierVersion) -> str:
    """A version as the dossier file the CLI writes and reads."""
    from overdracht.importing.importer import dossier_yaml as to_yaml

    return to_yaml(document(version.data))


def yaml_name(dossier: Dossier, number: int | None = None) -> str:
    """``dossier-<short opaque id>[-v3].yaml``: no pupil data in the file name."""
    version = f"-v{number}" if number is not None else ""
    return f"dossier-{dossier.public_id[:8]}{version}.yaml"


def record_export(user: User | None, version: DossierVersion, data: bytes, what: str) -> None:
    """Log access: a dossier file is a download for the school itself (a backup, the command
    line), not a handover."""
    disclosure.access(user, version.dossier, version, what, sha256=hashlib.sha256(data).hexdigest())


def write_yaml_zip(versions: Iterable[DossierVersion], target: IO[bytes], user: User | None) -> int:
    """Every version's dossier file into one ZIP, each logged as it leaves; returns how many."""
    sent: list[tuple[Dossier, int, str]] = []
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for version in versions:
            data = dossier_yaml(version).encode("utf-8")
            archive.writestr(yaml_name(version.dossier), data)
            sent.append((version.dossier, version.number, hashlib.sha256(data).hexdigest()))
    what = "dossierbestand (YAML), in een ZIP met meer dossiers"
    disclosure.access_many(
        user, [disclosure.Disclosure(d, n, what, "", sha256) for d, n, sha256 in sent]
    )
    return len(sent)


def safe_name(name: str) -> str:
    """The uploaded file's own name, as a plain file name (no folders, no odd characters)."""
    base = _UNSAFE.sub("_", Path(name.replace("\\", "/")).name).strip(" .")
    return base[:120] or "bestand"


def read_uploads(uploads: list[UploadedFile]) -> tuple[list[tuple[str, DossierDoc]], list[Problem]]:
    """Read every uploaded file with the library's reader; (dossiers, problems)."""
    dossiers: list[tuple[str, DossierDoc]] = []
    problems: list[Problem] = []
    with tempfile.TemporaryDirectory(prefix="overdracht-upload-") as tmp:
        for index, upload in enumerate(uploads):
            name = safe_name(upload.name or "")
            folder = Path(tmp) / str(index)
            folder.mkdir(mode=0o700)
            path = folder / name
            _place(upload, path)
            try:
                dossiers.append((name, load_dossier(path)))
            except OverdrachtError as exc:
                prefix = f"{folder}{os.sep}"
                problems.append(
                    Problem(
                        exc.message.replace(prefix, ""),
                        [d.replace(prefix, "") for d in exc.details],
                    )
                )
    return dossiers, problems


def _place(upload: UploadedFile, path: Path) -> None:
    """Put the upload where the reader can open it by its own name (without copying a big one)."""
    temporary = getattr(upload, "temporary_file_path", None)
    if temporary is not None:
        path.symlink_to(temporary())
        return
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
    with os.fdopen(fd, "wb") as handle:
        for chunk in upload.chunks():
            handle.write(chunk)


@transaction.atomic
def store_uploads(dossiers: list[tuple[str, DossierDoc]], user: User | None) -> list[Dossier]:
    """Every read file becomes a new dossier, all or none."""
    return [
        create_dossier(doc, user, herkomst=f"dossierbestand {name}"[:200]) for name, doc in dossiers
    ]
