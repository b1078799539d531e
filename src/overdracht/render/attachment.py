"""Read the dossier JSON back out of a PDF/A written by ``overdracht render --pdfa``.

A deliberately small reader (no PDF library at run time): WeasyPrint writes every
embedded file as a top-level stream object ``<< /Type /EmbeddedFile /Subtype
/application#2fjson ... /Length n /Filter /FlateDecode >>``; we find those streams and
inflate them. Only our own files need to be read; anything else is reported in Dutch.

The PDF may come from anyone, so every step is bounded: the file size, the number of
streams looked at, the bytes around each marker, the inflated size and the JSON's
nesting. The search is linear in the file size.
"""

from __future__ import annotations

import json
import re
import zlib
from pathlib import Path

from overdracht.errors import InvalidInputError, os_reason
from overdracht.limits import MAX_EMBEDDED_JSON_BYTES, MAX_PDF_BYTES

_MARKER = re.compile(rb"/Type\s*/EmbeddedFile\b")
_OBJECT = re.compile(rb"\d+\s+\d+\s+obj\s*<<")
_LENGTH = re.compile(rb"/Length\s+(\d{1,12})(?!\s+\d+\s+R)")
_STREAM = re.compile(rb">>\s*stream\r?\n")
_WINDOW = 4096  # an EmbeddedFile dictionary of ours is a few hundred bytes
_MAX_STREAMS = 64  # embedded files looked at; ours has one
_MAX_DEPTH = 64  # JSON nesting; a dossier has about 6 levels


class _Damaged(Exception):
    """An embedded file that cannot be read: a broken or too large stream."""


def _embedded_streams(data: bytes, path: Path) -> list[bytes]:
    found: list[bytes] = []
    for number, marker in enumerate(_MARKER.finditer(data)):
        if number >= _MAX_STREAMS:
            break
        start = max(0, marker.start() - _WINDOW)
        objects = list(_OBJECT.finditer(data, start, marker.start()))
        stream = _STREAM.search(data, marker.end(), marker.end() + _WINDOW)
        if not objects or stream is None:
            continue
        header = data[objects[-1].end() : stream.start()]
        if b"json" not in header:
            continue
        length = _LENGTH.search(header)
        if length is None:
            continue
        raw = data[stream.end() : stream.end() + int(length.group(1))]
        found.append(_inflate(raw, path) if b"/FlateDecode" in header else raw)
    return found


def _inflate(raw: bytes, path: Path) -> bytes:
    """Inflate at most MAX_EMBEDDED_JSON_BYTES; a bomb or a broken stream is an error."""
    inflater = zlib.decompressobj()
    try:
        data = inflater.decompress(raw, MAX_EMBEDDED_JSON_BYTES)
    except zlib.error:
        raise _Damaged("de ingesloten dossiergegevens zijn beschadigd") from None
    if inflater.unconsumed_tail:
        raise _Damaged(
            f"de ingesloten gegevens zijn uitgepakt groter dan "
            f"{MAX_EMBEDDED_JSON_BYTES // (1024 * 1024)} MB; dat is geen dossier"
        )
    if not inflater.eof:
        raise _Damaged("de ingesloten dossiergegevens zijn afgebroken (het bestand is onvolledig)")
    return data


def _depth(text: str) -> int:
    """Deepest nesting of brackets outside strings; json.loads recurses per level."""
    depth = deepest = 0
    in_string = escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth -= 1
    return deepest


def _dossier(stream: bytes) -> dict[str, object] | None:
    try:
        text = stream.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if _depth(text) > _MAX_DEPTH:
        raise _Damaged("de ingesloten gegevens zijn te diep genest; dat is geen dossier")
    try:
        parsed = json.loads(text)
    except ValueError:  # JSONDecodeError, and numbers of more than 4300 digits
        return None
    return parsed if isinstance(parsed, dict) and "leerling" in parsed else None


def extract_dossier_json(path: Path) -> str:
    """The embedded dossier JSON, pretty-printed; InvalidInputError when there is none."""
    try:
        size = path.stat().st_size
        if size > MAX_PDF_BYTES:
            raise InvalidInputError(
                f"{path}: het bestand is te groot ({size // (1024 * 1024)} MB; maximaal "
                f"{MAX_PDF_BYTES // (1024 * 1024)} MB). Is dit wel een PDF van overdracht?"
            )
        data = path.read_bytes()
    except OSError as exc:
        raise InvalidInputError(
            f"{path}: het bestand kan niet worden gelezen ({os_reason(exc)})."
        ) from None
    if not data.startswith(b"%PDF"):
        raise InvalidInputError(f"{path}: dit is geen PDF-bestand.")
    try:
        for stream in _embedded_streams(data, path):
            parsed = _dossier(stream)
            if parsed is not None:
                return json.dumps(parsed, ensure_ascii=False, indent=2)
    except _Damaged as exc:
        raise InvalidInputError(
            f"{path}: {exc}. Maak de PDF opnieuw met 'overdracht render --pdfa', of vraag de "
            "afzender om een nieuwe."
        ) from None
    raise InvalidInputError(
        f"{path}: in deze PDF zit geen dossier. Alleen het onderwijskundig rapport dat met "
        "'overdracht render --pdfa' is gemaakt bevat de dossiergegevens."
    )
