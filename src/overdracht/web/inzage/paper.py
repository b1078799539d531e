"""The scan of a signed inzage form: checked, kept private in the data folder, removed with
its answer (retention deletes the dossier, its answers and so their scans)."""

from __future__ import annotations

import hashlib
import os
import secrets
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db.models.signals import post_delete
from django.dispatch import receiver

from overdracht.errors import InvalidInputError
from overdracht.web.models import Inzagereactie

FOLDER = "inzageformulieren"
MAX_BYTES = 10 * 1024 * 1024
# What a scan or photo of a signed form is; recognised by its first bytes, not its name.
KINDS = {b"%PDF-": ".pdf", b"\xff\xd8\xff": ".jpg", b"\x89PNG\r\n\x1a\n": ".png"}


def folder() -> Path:
    path = Path(settings.DATA_DIR) / FOLDER
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    return path


def store_scan(upload: UploadedFile) -> tuple[str, str]:
    """Keep the scan under a random name (0600); its name and SHA-256."""
    if upload.size is not None and upload.size > MAX_BYTES:
        raise InvalidInputError(
            "Het bestand is groter dan 10 MB. Scan het formulier met een lagere resolutie."
        )
    head = upload.read(8)
    upload.seek(0)
    suffix = next((s for magic, s in KINDS.items() if head.startswith(magic)), None)
    if suffix is None:
        raise InvalidInputError(
            "Dit is geen PDF, JPG of PNG. Lees de scan of foto van het ondertekende formulier in."
        )
    name = secrets.token_hex(16) + suffix
    path = folder() / name
    digest = hashlib.sha256()
    size = 0
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
    try:
        with os.fdopen(fd, "wb") as handle:
            for chunk in upload.chunks():
                size += len(chunk)
                if size > MAX_BYTES:
                    raise InvalidInputError("Het bestand is groter dan 10 MB.")
                digest.update(chunk)
                handle.write(chunk)
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    return name, digest.hexdigest()


def scan_path(name: str) -> Path | None:
    """The stored scan, if the name is one of ours and it is still there."""
    if not name or Path(name).name != name:
        return None
    path = Path(settings.DATA_DIR) / FOLDER / name
    return path if path.is_file() else None


def discard(name: str) -> None:
    path = scan_path(name)
    if path is not None:
        path.unlink(missing_ok=True)


@receiver(post_delete, sender=Inzagereactie)
def _remove_scan(sender: Any, instance: Inzagereactie, **kwargs: Any) -> None:
    discard(instance.formulier)
