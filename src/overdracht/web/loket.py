"""The SWV loket's overview of TLV aanvragen, exactly as ``overdracht tlv-check`` makes it.

Two sources: the dossiers in the database with a TLV transition, or a ZIP of aanvraag files
that the loket uploaded (kept for a day in the data folder, for its own session only). Either
way the files go through the library's ``check_aanvragen``: the same readers, checklists,
statuses and deadlines as the CLI.
"""

from __future__ import annotations

import json
import secrets
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db.models import F, Q
from django.http import HttpRequest

from overdracht.checklists.loader import overlay_bases
from overdracht.errors import InvalidInputError
from overdracht.tlv import Aanvraag, Overzicht, check_aanvragen, tlv_transitions
from overdracht.tlv.checking import PATTERNS
from overdracht.web import store
from overdracht.web.models import Dossier, DossierVersion, Overlay
from overdracht.web.privatefiles import write_private
from overdracht.web.uploads import temporary_folder, unpack_zip

FOLDER = "loket"
SESSION_KEY = "loket_zips"
KEEP_SECONDS = 24 * 60 * 60
SUFFIXES = tuple(p.lstrip("*") for p in PATTERNS)  # .yaml, .yml, .json: what tlv-check reads
_TOKEN_CHARS = frozenset("0123456789abcdef")


@dataclass
class Batch:
    """A checked batch: the overview and, for database dossiers, file name -> dossier."""

    overzicht: Overzicht
    dossiers: dict[str, Dossier] = field(default_factory=dict)
    naam: str = ""  # the uploaded ZIP's name; empty for the database

    def dossier_of(self, aanvraag: Aanvraag) -> Dossier | None:
        return self.dossiers.get(aanvraag.bestand)


def _overlay() -> tuple[Path, str] | None:
    """The active regional overlay and its name, when it applies to TLV aanvragen at all."""
    overlay = store.active_overlay()
    if overlay is None or not set(overlay_bases(overlay)) & set(tlv_transitions()):
        return None
    active = Overlay.objects.filter(actief=True).order_by("-created_at").first()
    return overlay, active.naam if active is not None else overlay.name


def _check(folder: Path) -> Overzicht:
    overlay = _overlay()
    overzicht = check_aanvragen(folder, overlay=overlay[0] if overlay else None)
    if overlay is not None:
        overzicht.overlay = overlay[1]  # the name the beheerder uploaded, not our copy's
    prefix = f"{folder}/"
    for aanvraag in overzicht.aanvragen:  # the folder is ours, not the user's
        aanvraag.reden = aanvraag.reden.replace(prefix, "")
    return overzicht


def from_database(overgang: str = "", zoek: str = "") -> Batch:
    """The TLV dossiers in the database (current versions), optionally narrowed first."""
    dossiers = Dossier.objects.filter(overgang__in=tlv_transitions())
    if overgang:
        dossiers = dossiers.filter(overgang=overgang)
    if zoek:
        dossiers = dossiers.filter(
            Q(leerling_naam__icontains=zoek)
            | Q(leerling_sorteernaam__icontains=zoek)
            | Q(leerlingnummer=zoek)
        )
    current = DossierVersion.objects.filter(
        dossier__in=dossiers, number=F("dossier__current_number")
    ).select_related("dossier")
    with temporary_folder() as folder:
        names: dict[str, Dossier] = {}
        for version in current.iterator():
            name = f"{version.dossier.public_id}.json"
            write_private(folder / name, json.dumps(version.data))
            names[name] = version.dossier
        if not names:
            return Batch(Overzicht([]))
        return Batch(_check(folder), names)


def _zip_root() -> Path:
    root = Path(settings.DATA_DIR) / FOLDER
    root.mkdir(mode=0o700, parents=True, exist_ok=True)
    return root


def save_zip(request: HttpRequest, archive: Path, name: str) -> str:
    """Unpack an uploaded ZIP of aanvragen for this session; returns its token.

    Raises ``InvalidInputError`` (Dutch, naming the ZIP) when it cannot be unpacked safely or
    holds no aanvraag files.
    """
    remove_old()
    token = secrets.token_hex(16)
    folder = _zip_root() / token
    folder.mkdir(mode=0o700)
    try:
        if unpack_zip(archive, folder / "aanvragen", name, SUFFIXES) == 0:
            raise InvalidInputError(
                f"{name}: geen aanvragen gevonden in het ZIP-bestand (gezocht naar .yaml-, "
                ".yml- en .json-bestanden)."
            )
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    write_private(folder / "naam.txt", name)
    request.session[SESSION_KEY] = [*request.session.get(SESSION_KEY, []), token][-10:]
    return token


def from_zip(request: HttpRequest, token: str) -> Batch | None:
    """The batch of an uploaded ZIP, if it belongs to this session and is still there."""
    if not set(token) <= _TOKEN_CHARS or token not in request.session.get(SESSION_KEY, []):
        return None
    folder = _zip_root() / token
    try:
        name = (folder / "naam.txt").read_text(encoding="utf-8")
    except OSError:
        return None
    return Batch(_check(folder / "aanvragen"), naam=name)


def remove_old() -> None:
    limit = time.time() - KEEP_SECONDS
    for path in _zip_root().iterdir():
        try:
            if path.stat().st_mtime < limit:
                shutil.rmtree(path, ignore_errors=True)
        except OSError:
            pass
