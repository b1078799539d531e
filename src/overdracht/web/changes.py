"""What changed between two versions of a dossier, in plain Dutch."""

from __future__ import annotations

from typing import Any

from overdracht.web.labels import label_for

Path = tuple[str | int, ...]
MAX_LINES = 40


def _walk(old: Any, new: Any, path: Path, out: list[str]) -> None:
    if old == new or (path[:1] == ("bijlagen",) and path[-1:] == ("id",)):  # bookkeeping
        return
    if isinstance(old, dict) and isinstance(new, dict):
        for key in list(dict.fromkeys([*old, *new])):
            _walk(old.get(key), new.get(key), (*path, key), out)
        return
    if isinstance(old, list) and isinstance(new, list) and _is_table(old, new):
        common = min(len(old), len(new))
        for index in range(common):
            _walk(old[index], new[index], (*path, index), out)
        label = label_for(path)
        if len(new) > len(old):
            added = len(new) - len(old)
            out.append(f"{label}: {added} {'rij' if added == 1 else 'rijen'} toegevoegd")
        elif len(old) > len(new):
            removed = len(old) - len(new)
            out.append(f"{label}: {removed} {'rij' if removed == 1 else 'rijen'} verwijderd")
        return
    label = label_for(path)
    if old in (None, "", []):
        out.append(f"{label} ingevuld")
    elif new in (None, "", []):
        out.append(f"{label} leeggemaakt")
    else:
        out.append(f"{label} gewijzigd")


def _is_table(old: list[Any], new: list[Any]) -> bool:
    return any(isinstance(item, dict) for item in [*old, *new])


def describe_changes(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    """One line per changed field ('Leerling › Achternaam gewijzigd'); no values, so no pupil
    data ends up in the history list."""
    lines: list[str] = []
    _walk(old, new, (), lines)
    if len(lines) > MAX_LINES:
        rest = len(lines) - MAX_LINES
        lines = [*lines[:MAX_LINES], f"en nog {rest} andere wijzigingen"]
    return lines or ["Geen inhoudelijke wijziging"]
