"""The report of an import, kept for a day so its page and its workbook can be opened again.

Stored in the data folder under a random name (never the pupil's or the file's name) and only
shown to the session that made the import. Reports older than a day are removed at the next
import.
"""

from __future__ import annotations

import json
import secrets
import time
from dataclasses import asdict
from pathlib import Path
from typing import Any

from django.conf import settings
from django.http import HttpRequest

from overdracht.importing import ImportedDossiers
from overdracht.web.privatefiles import write_private

FOLDER = "importverslagen"
SESSION_KEY = "importverslagen"
KEEP_SECONDS = 24 * 60 * 60
_TOKEN_CHARS = frozenset("0123456789abcdef")


def _folder() -> Path:
    folder = Path(settings.DATA_DIR) / FOLDER
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return folder


def save(
    request: HttpRequest,
    imported: ImportedDossiers,
    *,
    bestand: str,
    overgang: str,
    dossiers: dict[tuple[str, int], str],
) -> str:
    """Keep the report (page data + workbook); returns its token, remembered in the session.

    ``dossiers`` maps (sheet, row) of every imported row to its dossier's public id.
    """
    remove_old()
    token = secrets.token_hex(16)
    result = imported.result
    data: dict[str, Any] = {
        "bestand": bestand,
        "overgang": overgang,
        "gemaakt": time.time(),
        "dossiers": len(imported.dossiers),
        "gelezen": result.rows_read,
        "per_blad": result.rows_per_sheet,
        "afgewezen": result.rows_rejected,
        "leeg": result.empty_rows,
        "voorbeeld": result.example_rows,
        "fouten": len(result.errors),
        "waarschuwingen": len(result.warnings),
        "problemen": [asdict(p) for p in result.problems],
        "rijen": [
            {**asdict(o), "dossier": dossiers.get((o.sheet, o.row))} for o in result.outcomes
        ],
    }
    folder = _folder()
    write_private(folder / f"{token}.xlsx", imported.report_xlsx())
    write_private(folder / f"{token}.json", json.dumps(data, ensure_ascii=False))
    tokens = [*request.session.get(SESSION_KEY, []), token][-20:]
    request.session[SESSION_KEY] = tokens
    return token


def allowed(request: HttpRequest, token: str) -> bool:
    return set(token) <= _TOKEN_CHARS and token in request.session.get(SESSION_KEY, [])


def load(token: str) -> dict[str, Any] | None:
    try:
        data: dict[str, Any] = json.loads((_folder() / f"{token}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data


def workbook(token: str) -> bytes | None:
    try:
        return (_folder() / f"{token}.xlsx").read_bytes()
    except OSError:
        return None


def remove_old() -> None:
    limit = time.time() - KEEP_SECONDS
    for path in _folder().iterdir():
        try:
            if path.stat().st_mtime < limit:
                path.unlink()
        except OSError:
            pass
