"""One way to find what is known about a place in a document: by its longest known prefix.

A dossier value at ``("opp", "evaluaties", 0, "datum")`` may have no line or cell of its own;
then the nearest enclosing place that has one answers (the evaluation, then the OPP).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TypeVar

Key = TypeVar("Key")
Value = TypeVar("Value")


def longest_prefix(known: Mapping[tuple[Key, ...], Value], place: tuple[Key, ...]) -> Value | None:
    """The value of the longest prefix of ``place`` in ``known`` (``place`` itself first,
    ``()`` last), or None when not even ``()`` is known."""
    for end in range(len(place), -1, -1):
        found = known.get(place[:end])
        if found is not None:
            return found
    return None
