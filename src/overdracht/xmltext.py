"""Characters that XML 1.0 forbids, cleaned once where text enters overdracht.

DOCX, XLSX and the PDF's metadata are XML; one such character (a vertical tab
pasted from Word, U+FFFE from a broken export) makes Word and LibreOffice refuse
the whole file. So the readers (dossier files, the importer) and the model clean
text as it comes in, and every writer can trust it.
"""

from __future__ import annotations

import re

# Not allowed in XML 1.0: C0 controls except tab, LF and CR; lone surrogates; U+FFFE, U+FFFF
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# Word's line break (vertical tab) or a page break between two words: keep them apart
_BREAK_BETWEEN_WORDS = re.compile(r"(?<=\S)[\x0b\x0c]+(?=\w)")


def has_forbidden(text: str) -> bool:
    """True when ``text`` holds a character that XML 1.0 forbids."""
    return _FORBIDDEN.search(text) is not None


def clean_text(text: str) -> str:
    """``text`` without the characters XML 1.0 forbids; a line break between words is a space."""
    if _FORBIDDEN.search(text) is None:
        return text
    return _FORBIDDEN.sub("", _BREAK_BETWEEN_WORDS.sub(" ", text))
