"""Turn pydantic validation errors into Dutch lines: ``file:line: veld: probleem``."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from overdracht.sourcefile import Loc, SourceDocument


def field_path(loc: Sequence[str | int]) -> str:
    """``('toetsen', 2, 'datum')`` -> ``toetsen[3].datum`` (1-based for people)."""
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part + 1}]"
        else:
            text += f".{part}" if text else str(part)
    return text or "(hele bestand)"


def _allowed(ctx: dict[str, Any] | None) -> str:
    expected = str((ctx or {}).get("expected", ""))
    return expected.replace("'", "").replace(" or ", ", ")


def error_message(error: ErrorDetails) -> str:
    """The Dutch text for one pydantic error (without file or field)."""
    kind = error["type"]
    ctx = error.get("ctx")
    value = error.get("input")
    if kind == "missing":
        return "dit verplichte veld ontbreekt; vul het in"
    if kind == "extra_forbidden":
        return "onbekend veld; controleer de spelling of verwijder het (zie 'overdracht schema')"
    if kind == "literal_error":
        return f"ongeldige waarde '{value}'; kies uit: {_allowed(ctx)}"
    if kind in {
        "date_from_datetime_parsing",
        "date_parsing",
        "date_type",
        "date_from_datetime_inexact",
    }:
        return f"'{value}' is geen geldige datum; schrijf de datum als JJJJ-MM-DD, bijv. 2014-03-14"
    if kind in {"int_parsing", "int_type", "int_from_float"}:
        return f"'{value}' is geen geheel getal; vul een getal in zonder letters"
    if kind in {"float_parsing", "float_type"}:
        return f"'{value}' is geen getal; gebruik een punt als decimaalteken, bijv. 2.5"
    if kind in {"bool_parsing", "bool_type"}:
        return f"'{value}' is geen ja/nee-waarde; vul true of false in"
    if kind in {"string_type"}:
        return "hier hoort tekst; zet de waarde tussen aanhalingstekens"
    if kind in {"list_type"}:
        return "hier hoort een lijst (regels die beginnen met '- ')"
    if kind in {"model_type", "model_attributes_type", "dict_type"}:
        return "hier horen velden (naam: waarde) onder elkaar, ingesprongen"
    if kind == "string_too_short":
        return "mag niet leeg zijn; vul het in of laat het veld weg"
    if kind == "too_short":
        return "deze lijst mag niet leeg zijn"
    if kind == "string_pattern_mismatch":
        return f"'{value}' heeft niet de juiste vorm"
    if kind in {"greater_than_equal", "less_than_equal", "greater_than", "less_than"}:
        limit = next(iter((ctx or {}).values()), "")
        word = "minstens" if kind.startswith("greater") else "hoogstens"
        return f"'{value}' is buiten het toegestane bereik; de waarde moet {word} {limit} zijn"
    if kind == "union_tag_invalid":
        tags = str((ctx or {}).get("expected_tags", "")).replace("'", "")
        return f"onbekende soort '{(ctx or {}).get('tag')}'; kies uit: {tags}"
    if kind == "union_tag_not_found":
        return "'soort' ontbreekt; geef aan wat voor regel dit is"
    if kind == "value_error":
        text = str((ctx or {}).get("error", error["msg"]))
        return text
    return str(error["msg"])


_PATTERN_HINTS = {
    "schooljaar": "schrijf het schooljaar als 2026-2027",
    "vestiging": "het vestigingsnummer is 2 cijfers, bijv. 01",
    "swv_nummer": "het SWV-nummer is bijv. PO 23-01 of VO2301",
    "email": "vul een e-mailadres in zoals naam@school.nl",
}


def field_message(error: ErrorDetails, loc: Loc) -> str:
    """The Dutch text for one error at field ``loc``, with a hint on the expected form."""
    message = error_message(error)
    if error["type"] == "string_pattern_mismatch" and loc and loc[-1] in _PATTERN_HINTS:
        message += f"; {_PATTERN_HINTS[str(loc[-1])]}"
    return message


def describe_errors(
    exc: ValidationError,
    source: SourceDocument,
    *,
    prefix: Loc = (),
    drop: frozenset[str] = frozenset(),
) -> list[str]:
    """One Dutch line per error, with file, line (if known) and field.

    ``prefix`` is put before each error location (when a part of the file was
    validated on its own); parts in ``drop`` (union tags) are left out.
    """
    lines: list[str] = []
    for error in exc.errors(include_url=False):
        raw = [part for part in error["loc"] if isinstance(part, (str, int))]
        loc: Loc = (*prefix, *(part for part in raw if part not in drop))
        if error["type"] == "union_tag_invalid":  # point at the 'soort:' line itself
            loc = (*loc, str((error.get("ctx") or {}).get("discriminator", "")).strip("'"))
        line = source.line_of(loc)
        where = f"{source.path}:{line}" if line else str(source.path)
        lines.append(f"{where}: {field_path(loc)}: {field_message(error, loc)}")
    return _unique(lines)


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))
