"""Read YAML/JSON files while remembering the line of every value.

Line numbers let us report problems as ``file:line: field: problem``, the way
copier and mkdocs report settings errors.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

try:  # the C loader is several times faster; fall back to pure Python
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

from overdracht.errors import InvalidInputError, os_reason


class _Loader(_BaseLoader):
    """Safe loader that leaves dates as text, so pydantic reports bad dates in Dutch."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
}

Loc = tuple[str | int, ...]

MAX_INPUT_BYTES = 5 * 1024 * 1024


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
        for end in range(len(loc), -1, -1):
            line = self.lines.get(tuple(loc[:end]))
            if line is not None:
                return line
        return None


def _construct(node: yaml.Node, loc: Loc, lines: dict[Loc, int], loader: Any) -> Any:
    lines.setdefault(loc, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if isinstance(key, (int, float, bool)) or key is None:
                key = str(key)
            child = (*loc, key)
            if key in result:  # YAML would silently keep the last one: nothing may be lost
                name = "".join(f"[{p + 1}]" if isinstance(p, int) else f".{p}" for p in child)
                raise DuplicateKeyError(name.lstrip("."), key_node.start_mark.line + 1)
            lines[child] = key_node.start_mark.line + 1
            result[key] = _construct(value_node, child, lines, loader)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [
            _construct(item, (*loc, index), lines, loader) for index, item in enumerate(node.value)
        ]
    return loader.construct_object(node, deep=True)


def parse_text(text: str, path: Path) -> SourceDocument:
    """Parse YAML (or JSON, a subset) text; raise InvalidInputError in Dutch."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        lines: dict[Loc, int] = {}
        data = None if node is None else _construct(node, (), lines, loader)
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
        if size > MAX_INPUT_BYTES:
            raise InvalidInputError(
                f"{path}: het bestand is te groot ({size // 1024} kB; maximaal "
                f"{MAX_INPUT_BYTES // 1024} kB). Is dit wel een dossierbestand?"
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
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InvalidInputError(
            f"{path}: het bestand is niet in UTF-8 opgeslagen. "
            "Sla het op als UTF-8 en probeer opnieuw."
        ) from None
    return parse_text(text, path)
