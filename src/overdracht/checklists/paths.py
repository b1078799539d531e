"""Resolve dotted field paths such as ``opp.evaluaties[].datum`` in a dumped dossier."""

from __future__ import annotations

from typing import Any


def resolve(data: Any, path: str) -> list[Any]:
    """All values at ``path``; ``[]`` after a name walks every item of that list."""
    values: list[Any] = [data]
    for part in path.split("."):
        each = part.endswith("[]")
        name = part[:-2] if each else part
        found: list[Any] = []
        for value in values:
            if not isinstance(value, dict):
                continue
            child = value.get(name)
            if each and isinstance(child, list):
                found.extend(child)
            elif child is not None:
                found.append(child)
        values = found
    return values


def is_filled(value: Any) -> bool:
    """A value counts as present when it is not empty (``False`` counts as filled)."""
    if value is None:
        return False
    if isinstance(value, (str, list, dict)):
        return bool(value.strip() if isinstance(value, str) else value)
    return True


def present(data: Any, path: str) -> bool:
    return any(is_filled(v) for v in resolve(data, path))


def first(data: Any, path: str) -> Any:
    values = [v for v in resolve(data, path) if is_filled(v)]
    return values[0] if values else None
