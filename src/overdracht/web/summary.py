"""A stored version's data as a readable list: one section per part of the dossier, Dutch labels."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from overdracht.web.labels import label_for

_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
Path = tuple[str | int, ...]


@dataclass(frozen=True)
class Row:
    label: str
    value: str = ""
    items: tuple[str, ...] = ()  # a list of texts, shown as a list


@dataclass(frozen=True)
class Section:
    title: str
    rows: list[Row]


def summarize(data: dict[str, Any]) -> list[Section]:
    """``{'leerling': {'achternaam': ...}}`` -> [Section('Leerling', [('Achternaam', ...)])]."""
    sections: list[Section] = []
    for key, value in data.items():
        rows: list[Row] = []
        _flatten(value, (key,), rows)
        if rows:
            sections.append(Section(label_for((key,)), rows))
    return sections


def _flatten(value: Any, path: Path, rows: list[Row]) -> None:
    if isinstance(value, dict):
        for key, item in value.items():
            _flatten(item, (*path, key), rows)
    elif isinstance(value, list) and any(isinstance(item, (dict, list)) for item in value):
        for index, item in enumerate(value):
            _flatten(item, (*path, index), rows)
    elif isinstance(value, list):
        if value:
            rows.append(Row(_relative_label(path), items=tuple(display(item) for item in value)))
    elif value not in (None, ""):
        rows.append(Row(_relative_label(path), display(value)))


def _relative_label(path: Path) -> str:
    """The label without the section it sits in ('Leerling › Achternaam' -> 'Achternaam')."""
    if len(path) == 1:
        return label_for(path)
    full, section = label_for(path), label_for(path[:1])
    return full.removeprefix(f"{section} › ")  # 'Ouder 1 › Naam' stays whole


def display(value: Any) -> str:
    """A value as an IB'er reads it: ja/nee, dates as dd-mm-jjjj, 2,5 rather than 2.5."""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else str(value).replace(".", ",")
    text = str(value)
    found = _ISO_DATE.fullmatch(text)
    if found:
        year, month, day = found.groups()
        return f"{day}-{month}-{year}"
    return text
