"""A small, fast YAML writer for dossier data (dicts, lists, text, numbers, booleans).

PyYAML's representer costs about 0.3 ms per dossier, which is most of the time of a
10,000-pupil import. Dossier data is plain, so this writer emits the same block
style itself: text that could be misread (numbers, dates, 'ja', ': ', ...) is
double-quoted with JSON escaping, which YAML reads back unchanged. The import
tests check ``yaml.safe_load(to_yaml(x)) == x``.
"""

from __future__ import annotations

import functools
import json
import re
from typing import Any

_PLAIN = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ][A-Za-zÀ-ÖØ-öø-ÿ0-9 .,'()/&+_-]*")
_UNPRINTABLE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")
_RESERVED = frozenset(
    {"y", "n", "yes", "no", "on", "off", "true", "false", "null", "nan", "inf", "ja", "nee"}
)


def _scalar(value: Any) -> str:
    if isinstance(value, str):
        return _text(value)
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        text = repr(value)  # YAML 1.1 reads 1e-05 as text: it wants a dot in the mantissa
        mantissa, e, exponent = text.partition("e")
        if e and "." not in mantissa:
            text = f"{mantissa}.0e{exponent}"
        return text
    return _text(str(value))


@functools.lru_cache(maxsize=4096)  # the same school, date and level recur on every dossier
def _text(text: str) -> str:
    if (
        _PLAIN.fullmatch(text)
        and not text.endswith(" ")
        and text.casefold() not in _RESERVED
        and " #" not in text
    ):
        return text
    return _UNPRINTABLE.sub(_escape, json.dumps(text, ensure_ascii=False))


def _escape(found: re.Match[str]) -> str:
    return f"\\u{ord(found.group()):04x}"


def _emit(value: Any, indent: str, lines: list[str]) -> None:
    if isinstance(value, dict):
        for key, item in value.items():
            name = _text(key) if type(key) is str else _scalar(key)
            if type(item) is str:  # most values: the fast path
                lines.append(f"{indent}{name}: {_text(item)}")
            elif isinstance(item, dict) and item:
                lines.append(f"{indent}{name}:")
                _emit(item, indent + "  ", lines)
            elif isinstance(item, list) and item:
                lines.append(f"{indent}{name}:")
                _emit(item, indent, lines)
            else:
                lines.append(f"{indent}{name}: {_empty_or_scalar(item)}")
    elif isinstance(value, list):
        for item in value:
            if isinstance(item, (dict, list)) and item:
                start = len(lines)
                _emit(item, indent + "  ", lines)
                first = lines[start]
                lines[start] = f"{indent}- {first[len(indent) + 2 :]}"
            else:
                lines.append(f"{indent}- {_empty_or_scalar(item)}")


def _empty_or_scalar(value: Any) -> str:
    if isinstance(value, dict):
        return "{}"
    if isinstance(value, list):
        return "[]"
    return _scalar(value)


def to_yaml(data: dict[str, Any]) -> str:
    """Block-style YAML for ``data``."""
    lines: list[str] = []
    _emit(data, "", lines)
    return "\n".join(lines) + "\n"
