"""Is this file exactly a stored final document, and which one? (``overdracht verify``, and the
page *Controleren* in the app.)

A final version's documents are rendered once and stored with their SHA-256; a file is that
document exactly when its SHA-256 is one of those. Nothing is rendered again.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime

from overdracht.web.documents import describe
from overdracht.web.models import DefinitiefDocument


@dataclass(frozen=True)
class Match:
    """A stored final document with the same bytes."""

    dossier_id: str
    leerling: str
    versie: int
    document: str  # 'onderwijskundig rapport (PDF)'
    definitief_op: datetime | None
    definitief_door: str


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def find_final(data: bytes) -> list[Match]:
    """Every stored final document whose bytes are exactly ``data`` (usually one, or none)."""
    stored = DefinitiefDocument.objects.filter(sha256=sha256_of(data)).select_related(
        "version__dossier", "version__definitief_door"
    )
    return [
        Match(
            dossier_id=d.version.dossier.public_id,
            leerling=d.version.dossier.leerling_naam,
            versie=d.version.number,
            document=describe(d.soort, d.formaat),
            definitief_op=d.version.definitief_op,
            definitief_door=(
                d.version.definitief_door.get_username() if d.version.definitief_door else ""
            ),
        )
        for d in stored
    ]
