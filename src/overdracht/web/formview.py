"""The form as the templates draw it: every field with its value, id and errors.

Sections follow the order of the onderwijskundig rapport; which ones are open is read from the
transition's checklist (the paths its rules ask about), so no transition has a list of its own.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from overdracht.checklists import load_checklist
from overdracht.errors import OverdrachtError
from overdracht.web.formdata import Raw
from overdracht.web.formschema import Spec, dossier_specs

# The order of the parts in the onderwijskundig rapport (render/okr.py), then the parts the
# TLV documents and the privacy check use. A part the model adds later comes at the end.
OKR_ORDER = (
    "leerling",
    "ouders",
    "vertrekkende_school",
    "ontvangende_school",
    "overgang",
    "ontwikkeling",
    "schooladvies",
    "doorstroomtoets",
    "eerdere_scholen",
    "doublures",
    "toetsen",
    "intelligentieonderzoek",
    "leerachterstanden",
    "pro_uitzondering",
    "opleidingen",
    "resultaten",
    "verzuim",
    "ondersteuning",
    "opp",
    "deskundigenadviezen",
    "tlv",
    "zienswijze_aanvraag",
    "ondersteuningsroute",
    "warme_overdracht",
    "kennismaking",
    "terugkoppeling",
    "bijlagen",
    "toestemmingen",
    "inzage",
)
# Always asked: the pupil and the parents (who give consent), and the bijlagen (each needs its
# own consent). Parts the model requires are always asked too.
ALWAYS_ASKED = frozenset({"leerling", "ouders", "bijlagen"})

_PATH = re.compile(r"^[a-z_]+(\[\])?(\.[a-z_]+(\[\])?)*$")


def field_id(name: str) -> str:
    """``opp.evaluaties.0.datum`` -> ``veld-opp-evaluaties-0-datum`` (the link target)."""
    return "veld-" + name.replace(".", "-").replace("_", "-")


@dataclass
class Widget:
    spec: Spec
    name: str
    value: Any = ""
    errors: list[str] = field(default_factory=list)
    children: list[Widget] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    focus: bool = False

    @property
    def id(self) -> str:
        return field_id(self.name)

    @property
    def kind(self) -> str:
        return self.spec.kind

    @property
    def label(self) -> str:
        return self.spec.label

    @property
    def filled(self) -> bool:
        return _filled(self)

    def describedby(self) -> str:
        ids = []
        if self.spec.help:
            ids.append(f"{self.id}-hulp")
        if self.errors:
            ids.append(f"{self.id}-fout")
        return " ".join(ids)


@dataclass
class Row:
    name: str
    number: int
    children: list[Widget]
    errors: list[str] = field(default_factory=list)

    @property
    def id(self) -> str:
        return field_id(self.name)


def _filled(widget: Widget) -> bool:
    if widget.errors:
        return True
    if widget.kind == "group":
        return any(_filled(c) for c in widget.children)
    if widget.kind == "rows":
        return bool(widget.rows)
    if widget.kind == "bool":
        return bool(widget.value) != bool(widget.spec.default)
    return bool(widget.value)


def bind(spec: Spec, raw: Any, name: str, errors: dict[str, list[str]]) -> Widget:
    """The widget for ``spec`` at concrete ``name`` with the typed value ``raw``."""
    widget = Widget(spec, name, errors=errors.get(name, []))
    if spec.kind == "group":
        values = raw if isinstance(raw, dict) else {}
        widget.children = [_bind_child(c, values, name, errors) for c in spec.children]
    elif spec.kind == "rows":
        for index, row in enumerate(raw if isinstance(raw, list) else []):
            row_name = f"{name}.{index}"
            values = row if isinstance(row, dict) else {}
            children = [_bind_child(c, values, row_name, errors) for c in spec.children]
            widget.rows.append(Row(row_name, index + 1, children, errors.get(row_name, [])))
    else:
        widget.value = raw if raw is not None else ""
    return widget


def _bind_child(spec: Spec, values: dict[str, Any], prefix: str, errors: dict[str, Any]) -> Widget:
    key = spec.name.rsplit(".", 1)[-1]
    return bind(spec, values.get(key), f"{prefix}.{key}", errors)


def walk(widgets: Iterable[Widget]) -> Iterator[Widget]:
    for widget in widgets:
        yield widget
        yield from walk(widget.children)
        for row in widget.rows:
            yield from walk(row.children)


def placed_errors(widgets: list[Widget], errors: dict[str, list[str]]) -> dict[str, list[str]]:
    """Errors moved to the nearest field that is on the page (a row, a group, ...)."""
    names = {w.name for w in walk(widgets)}
    names |= {row.name for w in walk(widgets) for row in w.rows}
    placed: dict[str, list[str]] = {}
    for name, messages in errors.items():
        target = name
        while target and target not in names:
            target = target.rpartition(".")[0]
        placed.setdefault(target, []).extend(messages)
    return placed


@dataclass
class Section:
    widget: Widget
    asked: bool


@dataclass
class Form:
    sections: list[Section]
    errors: list[tuple[str, str, str]]  # (field id, label, message) for the summary

    @property
    def asked(self) -> list[Widget]:
        return [s.widget for s in self.sections if s.asked]

    @property
    def others(self) -> list[Widget]:
        return [s.widget for s in self.sections if not s.asked]

    @property
    def others_open(self) -> bool:
        return any(w.filled for w in self.others)

    def widget(self, name: str) -> Widget | None:
        return next((w for s in self.sections for w in walk([s.widget]) if w.name == name), None)


def build_form(raw: Raw, errors: dict[str, list[str]] | None = None, focus_row: str = "") -> Form:
    """The whole form for these values, errors placed beside their fields; the first field of
    ``focus_row`` (a row just added) gets the focus."""
    specs = {s.name: s for s in dossier_specs()}
    transition = str(raw.get("overgang", {}).get("id", ""))
    asked = asked_parts(transition)
    order = [n for n in OKR_ORDER if n in specs] + [n for n in specs if n not in OKR_ORDER]
    widgets = [bind(specs[n], raw.get(n), n, {}) for n in order]
    placed = placed_errors(widgets, errors or {})
    widgets = [bind(specs[n], raw.get(n), n, placed) for n in order]
    sections = [Section(w, w.name in asked) for w in widgets]
    if focus_row:
        _set_focus(widgets, focus_row)
    summary = [
        (field_id(name), field_label(name), message)
        for name, messages in (errors or {}).items()
        for message in messages
    ]
    return Form(sections, summary)


def _set_focus(widgets: list[Widget], row_name: str) -> None:
    for widget in walk(widgets):
        for row in widget.rows:
            if row.name == row_name and row.children:
                first = row.children[0]
                while first.children:
                    first = first.children[0]
                first.focus = True
                return


def field_label(name: str) -> str:
    """``ouders.0.naam`` -> ``Ouders 1 › Naam``."""
    from overdracht.web.labels import label_for

    parts: list[str | int] = [int(p) if p.isdigit() else p for p in name.split(".") if p]
    return label_for(parts)


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _strings(item)


@functools.cache
def asked_parts(transition: str) -> frozenset[str]:
    """The parts of the dossier this transition's checklist asks about (its rules' paths)."""
    specs = {s.name: s for s in dossier_specs()}
    asked = set(ALWAYS_ASKED) | {n for n, s in specs.items() if s.required}
    try:
        checklist = load_checklist(transition)
    except OverdrachtError:
        return frozenset(asked)
    for rule in checklist.regels:
        for path in (rule.main_path(), *_strings(rule.model_dump())):
            if _PATH.match(path):
                top = path.split(".")[0].removesuffix("[]")
                if top in specs:
                    asked.add(top)
    return frozenset(asked)


def anchor_for(path: str, data: Mapping[str, Any]) -> str:
    """The id of the field a checklist path points at (in a list: its first row)."""
    from overdracht.web.formdata import find_spec

    node: Any = data
    parts: list[str] = []
    for part in path.replace("[]", "").split("."):
        spec = find_spec(".".join([*parts, part]))
        if spec is None:
            break
        parts.append(part)
        node = node.get(part) if isinstance(node, dict) else None
        if spec.kind == "rows":
            if not (isinstance(node, list) and node):
                break
            parts.append("0")
            node = node[0]
    return field_id(".".join(parts)) if parts else "checklist"
