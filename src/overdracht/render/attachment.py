"""Read the dossier JSON back out of a PDF/A written by ``overdracht render --pdfa``.

A deliberately small reader (no PDF library at run time): WeasyPrint writes every
embedded file as a top-level stream object ``<< /Type /EmbeddedFile /Subtype
/application#2fjson ... /Length n /Filter /FlateDecode >>``; we find those streams and
inflate them. Only our own files need to be read; anything else is reported in Dutch.
"""

from __future__ import annotations

import json
import re
import zlib
from pathlib import Path

from overdracht.errors import InvalidInputError, os_reason

_STREAM = re.compile(rb"\d+\s+\d+\s+obj\s*<<(.*?)>>\s*stream\r?\n", re.DOTALL)
_LENGTH = re.compile(rb"/Length\s+(\d+)(?!\s+\d+\s+R)")


def _embedded_streams(data: bytes) -> list[bytes]:
    found = []
    for match in _STREAM.finditer(data):
        header = match.group(1)
        if b"/EmbeddedFile" not in header or b"json" not in header:
            continue
        length = _LENGTH.search(header)
        if length is None:
            continue
        start = match.end()
        raw = data[start : start + int(length.group(1))]
        found.append(zlib.decompress(raw) if b"/FlateDecode" in header else raw)
    return found


def extract_dossier_json(path: Path) -> str:
    """The embedded dossier JSON, pretty-printed; InvalidInputError when there is none."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InvalidInputError(
            f"{path}: het bestand kan niet worden gelezen ({os_reason(exc)})."
        ) from None
    if not data.startswith(b"%PDF"):
        raise InvalidInputError(f"{path}: dit is geen PDF-bestand.")
    for stream in _embedded_streams(data):
        try:
            parsed = json.loads(stream.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            continue
        if isinstance(parsed, dict) and "leerling" in parsed:
            return json.dumps(parsed, ensure_ascii=False, indent=2)
    raise InvalidInputError(
        f"{path}: in deze PDF zit geen dossier. Alleen het onderwijskundig rapport dat met "
        "'overdracht render --pdfa' is gemaakt bevat de dossiergegevens."
    )
