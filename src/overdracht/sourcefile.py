"""Read YAML/JSON files while remembering the line of every value.

Line numbers let us report problems as ``file:line: field: problem``, the way
copier and mkdocs report settings errors. The files come from anyone (an upload,
an e-mail attachment), so the reader refuses what a dossier never needs: anchors,
aliases and tags, nesting deeper or values more numerous than
:mod:`overdracht.limits` allows, and numbers of absurd length. Characters that
XML forbids are cleaned from every text here, once.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from yaml.reader import ReaderError

try:  # the C loader is several times faster; fall back to pure Python
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

from overdracht.errors import InvalidInputError, os_reason
from overdracht.limits import (
    MAX_NUMBER_CHARS,
    MAX_SOURCE_BYTES,
    MAX_SOURCE_DEPTH,
    MAX_SOURCE_VALUES,
)
from overdracht.prefixes import longest_prefix
from overdracht.xmltext import clean_text


class _Loader(_BaseLoader):
    """Safe loader that leaves dates as text, so pydantic reports bad dates in Dutch."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
}

Loc = tuple[str | int, ...]


# PyYAML's problems in Dutch; anything else is shown as PyYAML wrote it.
_YAML_PROBLEMS = {
    "did not find expected key": "hier verwachtte ik een veldnaam (naam: waarde)",
    "did not find expected node content": "hier ontbreekt een waarde",
    "mapping values are not allowed here": (
        "hier mag geen 'naam: waarde' staan; zet tekst met een dubbele punt tussen aanhalingstekens"
    ),
    "could not find expected ':'": "hier ontbreekt een dubbele punt",
    "found unexpected end of stream": (
        "het bestand houdt onverwacht op; mist er een sluitend aanhalingsteken of haakje?"
    ),
    "did not find expected ',' or ']'": "hier ontbreekt een komma of ']'",
    "did not find expected ',' or '}'": "hier ontbreekt een komma of '}'",
    "found character '\\t' that cannot start any token": (
        "een tab is hier niet toegestaan; spring in met spaties"
    ),
    "found character that cannot start any token": (
        "dit teken mag hier niet staan (een tab? spring in met spaties)"
    ),
    "did not find expected '-' indicator": "hier verwachtte ik een lijstregel die begint met '- '",
    "found undefined alias": "onbekende verwijzing (*)",
}


class DuplicateKeyError(Exception):
    def __init__(self, key: str, line: int) -> None:
        self.key, self.line = key, line


class SourceDocument:
    """Parsed content of a YAML/JSON file plus the line of each key."""

    def __init__(self, path: Path, data: Any, lines: dict[Loc, int]) -> None:
        self.path = path
        self.data = data
        self.lines = lines

    def line_of(self, loc: Loc) -> int | None:
        """Line of the deepest known prefix of ``loc`` (1-based), if any."""
        return longest_prefix(self.lines, tuple(loc))


class _Refused(Exception):
    """Content a dossier file never needs (aliases, tags, absurd sizes): refused, not parsed."""

    def __init__(self, line: int, problem: str) -> None:
        self.line, self.problem = line, problem


class _Frame:
    """An open mapping or sequence while the events are read."""

    __slots__ = ("container", "key", "loc")

    def __init__(self, container: dict[Any, Any] | list[Any], loc: Loc) -> None:
        self.container = container
        self.loc = loc
        self.key: Any = _NO_KEY


_NO_KEY = object()
_NUMBER_TAGS = {"tag:yaml.org,2002:int", "tag:yaml.org,2002:float"}
_SCALAR_TAGS = {*_NUMBER_TAGS, "tag:yaml.org,2002:str", "tag:yaml.org,2002:bool"}


def _scalar(event: yaml.ScalarEvent, loader: Any, line: int) -> Any:
    """The value of a plain or quoted scalar: text, number, true/false or null."""
    tag = loader.resolve(yaml.ScalarNode, event.value, event.implicit)
    if tag in _NUMBER_TAGS and len(event.value) > MAX_NUMBER_CHARS:
        raise _Refused(
            line,
            f"dit getal is te lang (meer dan {MAX_NUMBER_CHARS} tekens); zet het tussen "
            "aanhalingstekens als het tekst is",
        )
    if tag == "tag:yaml.org,2002:null":
        return None
    if tag not in _SCALAR_TAGS:  # '<<' and '=' have a meaning in YAML 1.1; here they are text
        return clean_text(event.value)
    node = yaml.ScalarNode(tag, event.value, style=event.style)
    value = loader.yaml_constructors[tag](loader, node)
    return clean_text(value) if isinstance(value, str) else value


def _refuse_special(event: yaml.Event, line: int) -> None:
    if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
        raise _Refused(
            line,
            "verwijzingen met & en * (ankers en aliassen) zijn in dit bestand niet toegestaan; "
            "schrijf de waarde voluit",
        )
    tag = getattr(event, "tag", None)
    if tag is not None:
        shown = tag.removeprefix("tag:yaml.org,2002:")
        raise _Refused(
            line,
            f"een typeaanduiding met ! of !! (hier '{shown[:40]}') is in dit bestand niet "
            "toegestaan; haal die weg en schrijf de waarde als gewone tekst",
        )


def _build(loader: Any) -> tuple[Any, dict[Loc, int]]:
    """Read the event stream into plain data without recursion, refusing what is not needed.

    PyYAML's composer and constructor recurse (a RecursionError on deep nesting) and
    expand aliases (a billion laughs); dossier files need neither, so we build the data
    from the parser's events ourselves, with limits on depth and size.
    """
    lines: dict[Loc, int] = {}
    loader.get_event()  # stream start
    if loader.check_event(yaml.StreamEndEvent):
        return None, lines
    loader.get_event()  # document start
    stack: list[_Frame] = []
    root: Any = None
    values = 0
    while True:
        event = loader.get_event()
        line = event.start_mark.line + 1
        if isinstance(event, yaml.DocumentEndEvent):
            break
        if isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            stack.pop()
            continue
        _refuse_special(event, line)
        values += 1
        if values > MAX_SOURCE_VALUES:
            raise _Refused(
                line,
                f"het bestand bevat meer dan {MAX_SOURCE_VALUES} waarden; zo groot is een "
                "dossier niet. Is dit wel het goede bestand?",
            )
        parent = stack[-1] if stack else None
        if isinstance(parent, _Frame) and isinstance(parent.container, dict):
            if parent.key is _NO_KEY:
                parent.key = _key(event, loader, parent, line, lines)
                continue
            loc: Loc = (*parent.loc, parent.key)
        elif parent is not None:
            loc = (*parent.loc, len(parent.container))
        else:
            loc = ()
        lines.setdefault(loc, line)
        value: Any
        if isinstance(event, yaml.ScalarEvent):
            value = _scalar(event, loader, line)
        else:
            if len(stack) >= MAX_SOURCE_DEPTH:
                raise _Refused(
                    line,
                    f"het bestand is dieper genest dan {MAX_SOURCE_DEPTH} niveaus; zo diep gaat "
                    "een dossier niet. Is dit wel het goede bestand?",
                )
            value = {} if isinstance(event, yaml.MappingStartEvent) else []
        if parent is None:
            root = value
        elif isinstance(parent.container, dict):
            parent.container[parent.key] = value
            parent.key = _NO_KEY
        else:
            parent.container.append(value)
        if isinstance(value, (dict, list)):
            stack.append(_Frame(value, loc))
    if not loader.check_event(yaml.StreamEndEvent):
        mark = loader.peek_event().start_mark
        raise _Refused(
            mark.line + 1,
            "het bestand bevat meer dan één document (gescheiden door '---'); zet elk dossier "
            "in een eigen bestand",
        )
    return root, lines


def _key(event: yaml.Event, loader: Any, parent: _Frame, line: int, lines: dict[Loc, int]) -> Any:
    if not isinstance(event, yaml.ScalarEvent):
        raise _Refused(
            line, "een veldnaam moet gewone tekst zijn, geen lijst of blok (zoals '? [a, b]')"
        )
    key = _scalar(event, loader, line)
    if isinstance(key, (int, float, bool)) or key is None:
        key = str(key)
    child = (*parent.loc, key)
    assert isinstance(parent.container, dict)
    if key in parent.container:  # YAML would silently keep the last one: nothing may be lost
        name = "".join(f"[{p + 1}]" if isinstance(p, int) else f".{p}" for p in child)
        raise DuplicateKeyError(name.lstrip("."), line)
    lines[child] = line
    return key


def parse_text(text: str, path: Path) -> SourceDocument:
    """Parse YAML (or JSON, a subset) text; raise InvalidInputError in Dutch."""
    loader = _Loader(text)
    try:
        data, lines = _build(loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        problem = str(exc.problem or exc)
        raise InvalidInputError(
            f"{where}: het bestand is geen geldige YAML of JSON "
            f"({_YAML_PROBLEMS.get(problem, problem)}). "
            "Controleer de inspringing, dubbele punten en aanhalingstekens op of vlak boven "
            "deze regel."
        ) from None
    except ReaderError as exc:
        line = text.count("\n", 0, max(exc.position, 0)) + 1
        raise InvalidInputError(
            f"{path}:{line}: het bestand bevat een onzichtbaar stuurteken (teken "
            f"#x{exc.character:04X}) dat niet in tekst mag staan; vaak is het meegekopieerd "
            "uit Word of Excel. Verwijder het (typ de tekst op die regel opnieuw) en probeer "
            "opnieuw."
        ) from None
    except _Refused as exc:
        end = "" if exc.problem.endswith((".", "?")) else "."
        raise InvalidInputError(f"{path}:{exc.line}: {exc.problem}{end}") from None
    except DuplicateKeyError as exc:
        raise InvalidInputError(
            f"{path}:{exc.line}: {exc.key}: dit veld staat twee keer in hetzelfde blok; "
            "voeg de twee samen of verwijder er een"
        ) from None
    except yaml.YAMLError as exc:
        raise InvalidInputError(
            f"{path}: het bestand is geen geldige YAML of JSON ({exc})."
        ) from None
    finally:
        loader.dispose()
    return SourceDocument(path, data, lines)


def read_source(path: Path) -> SourceDocument:
    """Read a YAML/JSON file from disk with line information."""
    try:
        if path.is_dir():
            raise InvalidInputError(
                f"{path}: dit is een map, geen bestand. Geef een dossierbestand op."
            )
        size = path.stat().st_size
        if size > MAX_SOURCE_BYTES:
            raise InvalidInputError(
                f"{path}: het bestand is te groot ({size // 1024} kB; maximaal "
                f"{MAX_SOURCE_BYTES // 1024} kB). Is dit wel een dossierbestand?"
            )
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InvalidInputError(
            f"{path}: bestand niet gevonden. Controleer de naam en de map."
        ) from None
    except PermissionError:
        raise InvalidInputError(
            f"{path}: geen toestemming om dit bestand te lezen. Vraag de beheerder om leesrechten."
        ) from None
    except OSError as exc:
        raise InvalidInputError(
            f"{path}: het bestand kan niet gelezen worden ({os_reason(exc)})."
        ) from None
    if b"\x00" in raw[:8192] or raw.startswith((b"%PDF", b"PK\x03\x04", b"\xd0\xcf\x11\xe0")):
        raise InvalidInputError(
            f"{path}: dit is geen tekstbestand (bijvoorbeeld een PDF, Word- of Excelbestand). "
            "Geef een dossier in YAML of JSON op."
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InvalidInputError(
            f"{path}: het bestand is niet in UTF-8 opgeslagen. "
            "Sla het op als UTF-8 en probeer opnieuw."
        ) from None
    return parse_text(text, path)
