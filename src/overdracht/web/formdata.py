"""Between the form and the dossier: what was typed, the dict pydantic validates, the errors.

The *raw* values are exactly what the user typed (strings, ticked boxes, rows), nested like the
dossier, so a refused save can show everything again. :func:`to_data` turns them into the
dict that :class:`overdracht.model.Dossier` validates; empty fields are left out.
"""

from __future__ import annotations

import functools
import re
import secrets
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Protocol

from pydantic import ValidationError

from overdracht.datetext import DateProblem, date_text, parse_date_text
from overdracht.model.base import FieldError
from overdracht.validation import field_message
from overdracht.web.formschema import Spec, dossier_specs

Raw = dict[str, Any]
ROW_MARK = "_rij"


class Params(Protocol):
    """What we need of a Django ``QueryDict``."""

    def get(self, key: str, default: Any = None) -> Any: ...
    def getlist(self, key: str) -> list[Any]: ...
    def __contains__(self, key: object) -> bool: ...
    def __iter__(self) -> Iterator[str]: ...


def _key(spec: Spec) -> str:
    return spec.key


# From a stored document -------------------------------------------------------------------


def raw_from_document(data: Mapping[str, Any]) -> Raw:
    """The form's values for a stored dossier (the JSON of a version)."""
    return _raw_from_data(dossier_specs(), data)


def _raw_from_data(specs: Iterable[Spec], data: Mapping[str, Any], fresh: bool = False) -> Raw:
    """The form's values for ``data``; a stored value that is absent means the model's default.

    ``fresh`` (a new dossier or a new row): nothing the IB'er did not choose, so no box ticked
    and no choice made, whatever the model's default (a ticked "akkoord" is consent by default).
    """
    raw: Raw = {}
    for spec in specs:
        value = data.get(_key(spec))
        if spec.kind == "group":
            raw[_key(spec)] = _raw_from_data(spec.children, value or {}, fresh)
        elif spec.kind == "rows":
            raw[_key(spec)] = [_raw_from_data(spec.children, item, fresh) for item in value or []]
        elif spec.kind == "bool":
            stored = spec.default if value is None and not fresh else value
            raw[_key(spec)] = bool(stored)
        elif fresh and spec.kind == "select" and value is None:
            raw[_key(spec)] = ""
        elif spec.kind == "multi":
            raw[_key(spec)] = [str(v) for v in value or []]
        elif spec.kind == "lines":
            shown = _shown_date if spec.item_type == "date" else str
            raw[_key(spec)] = "\n".join(shown(v) for v in value or [])
        elif spec.kind == "date":
            raw[_key(spec)] = "" if value is None else _shown_date(value)
        else:
            if value is None:
                value = spec.default  # a new row starts with the model's default
            raw[_key(spec)] = "" if value is None else _text(value)
    return raw


def _shown_date(value: Any) -> str:
    """A stored date (``2014-03-14``) as people write it in the form: ``14-03-2014``."""
    text = str(value)
    try:
        found = parse_date_text(text)
    except DateProblem:
        return text
    return found.strftime("%d-%m-%Y") if found else text


def _typed_date(text: str) -> str:
    """What was typed in a date field, as the ISO date the model reads; text that is not a
    date stays as typed, so the model refuses it and :func:`error_map` explains why."""
    try:
        found = parse_date_text(text)
    except DateProblem:
        return text
    return found.isoformat() if found else text


def _text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def empty_row(spec: Spec) -> Raw:
    """A new row of a repeating part: no box ticked, no choice made (other defaults, such as
    0 uren, filled in).

    A row with a fixed id (a bijlage) gets a new random one: never the id of a row that was
    removed, so no parent's answer about that one carries over.
    """
    raw = _raw_from_data(spec.children, {}, fresh=True)
    for child in spec.children:
        if child.kind == "hidden" and child.key == "id":
            raw["id"] = "b" + secrets.token_hex(8)
    return raw


def new_document(transition: str) -> Raw:
    """The values of an empty form for a new dossier of this transition."""
    raw = _raw_from_data(dossier_specs(), {}, fresh=True)
    raw["overgang"]["id"] = transition
    return raw


# From a form post -------------------------------------------------------------------------


def raw_from_post(params: Params) -> Raw:
    """What was typed, from the POST; rows in the order they were on the page."""
    rows: dict[str, list[int]] = {}
    for key in params:
        if key.endswith(_MARK_SUFFIX):
            name, _, index = key[: -len(_MARK_SUFFIX)].rpartition(".")
            if index.isdigit():
                rows.setdefault(name, []).append(int(index))
    return _raw_from_post(dossier_specs(), params, rows, "")


_MARK_SUFFIX = "." + ROW_MARK


def _raw_from_post(
    specs: Iterable[Spec], params: Params, rows: dict[str, list[int]], prefix: str
) -> Raw:
    raw: Raw = {}
    for spec in specs:
        key = _key(spec)
        name = f"{prefix}{key}"
        if spec.kind == "group":
            raw[key] = _raw_from_post(spec.children, params, rows, name + ".")
        elif spec.kind == "rows":
            raw[key] = [
                _raw_from_post(spec.children, params, rows, f"{name}.{index}.")
                for index in sorted(set(rows.get(name, ())))
            ]
        elif spec.kind == "bool":
            # A hidden "nee" comes before each checkbox; no value at all means the field was
            # not on the page, so it keeps its default.
            values = params.getlist(name)
            raw[key] = "ja" in values if values else bool(spec.default)
        elif spec.kind == "multi":
            raw[key] = [str(v) for v in params.getlist(name)]
        else:
            raw[key] = str(params.get(name, ""))
    return raw


# To the dict pydantic validates -------------------------------------------------------------


def to_data(raw: Raw) -> dict[str, Any]:
    """The dossier dict from the typed values: empty fields left out, defaults not repeated."""
    return _to_data(dossier_specs(), raw)


def _to_data(specs: Iterable[Spec], raw: Raw) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for spec in specs:
        key = _key(spec)
        value = raw.get(key)
        if spec.kind == "group":
            sub = _to_data(spec.children, value or {})
            if spec.required or _typed(spec.children, sub):
                data[key] = _demand_choices(spec.children, sub)
        elif spec.kind == "rows":
            rows = [_to_data(spec.children, row) for row in value or []]
            hidden = {c.key for c in spec.children if c.kind == "hidden"}
            rows = [row for row in rows if _row_filled(row, hidden)]
            if rows:
                data[key] = [_demand_choices(spec.children, row) for row in rows]
        elif spec.kind == "bool":
            if bool(value) != bool(spec.default):
                data[key] = bool(value)
        elif spec.kind == "multi":
            if value:
                data[key] = list(value)
        elif spec.kind == "lines":
            lines = [line.strip() for line in str(value or "").splitlines() if line.strip()]
            if spec.item_type == "date":
                lines = [_typed_date(line) for line in lines]
            if lines:
                data[key] = lines
        else:
            text = str(value or "").strip()
            if spec.kind == "float":
                text = text.replace(",", ".")
            elif spec.kind == "date":
                text = _typed_date(text)
            if text:
                data[key] = text
    return data


def _row_filled(row: Mapping[str, Any], hidden: set[str]) -> bool:
    """An id alone, or an unticked box alone, is an empty row."""
    return any(key not in hidden and value is not False for key, value in row.items())


def _demand_choices(specs: Iterable[Spec], data: dict[str, Any]) -> dict[str, Any]:
    """A part that is filled in gets no choice the IB'er did not make: a choice the model has a
    default for (TLV status "afgegeven", relatie "ouder") but that was left open is sent empty,
    so saving asks to choose instead of storing the default silently."""
    for spec in specs:
        if spec.kind == "select" and spec.default is not None and spec.key not in data:
            data[spec.key] = ""
    return data


def _typed(specs: Iterable[Spec], data: Mapping[str, Any]) -> bool:
    """Whether an optional part holds more than the defaults an empty form starts with (a
    Verzuim part with only "0 uren", a TLV with only its status): else it is left out, and
    saving does not ask for the part's required fields."""
    by_key = {spec.key: spec for spec in specs}
    for key, value in data.items():
        spec = by_key[key]
        if spec.kind == "group":
            typed = _typed(spec.children, value)
        elif spec.kind == "bool":
            typed = bool(value)  # an unticked box is nothing typed
        elif spec.default is None or spec.kind in ("rows", "multi", "lines"):
            typed = True
        else:
            typed = str(value) != _text(spec.default)
        if typed:
            return True
    return False


# Straight from the post to the dict (the live checklist) ---------------------------------------


@functools.cache
def _spec_index() -> dict[str, Spec]:
    """Every spec by its name with ``#`` for a row number (``ouders.#.naam``)."""
    index: dict[str, Spec] = {}

    def add(specs: Iterable[Spec]) -> None:
        for spec in specs:
            index[spec.name] = spec
            add(spec.children)

    add(dossier_specs())
    return index


_ROW_NUMBER = re.compile(r"\.\d+(?=\.|$)")
_SKIP = object()


def data_from_params(params: Mapping[str, list[str]]) -> dict[str, Any]:
    """The same dict as ``to_data(raw_from_post(params))``, built from the fields that were sent
    only (the live checklist gets the filled-in fields, not the whole form)."""
    tree: dict[str | int, Any] = {}
    for name, values in params.items():
        if name.endswith(_MARK_SUFFIX):
            _node(tree, name[: -len(_MARK_SUFFIX)].split("."))
            continue
        spec = _spec_for(name)
        if spec is None or spec.has_children:
            continue
        value = _value(spec, values)
        if value is not _SKIP:
            *parents, last = name.split(".")
            _node(tree, parents)[last] = value
    return _finish(dossier_specs(), tree)


@functools.lru_cache(maxsize=8192)
def _spec_for(name: str) -> Spec | None:
    """The spec of a posted field name (the same names come with every change)."""
    return _spec_index().get(_ROW_NUMBER.sub(".#", name))


def _node(tree: dict[str | int, Any], parts: list[str]) -> dict[str | int, Any]:
    node = tree
    for part in parts:
        node = node.setdefault(int(part) if part.isdigit() else part, {})
    return node


def _value(spec: Spec, values: list[str]) -> Any:
    if spec.kind == "bool":
        checked = "ja" in values if values else bool(spec.default)
        return checked if checked != bool(spec.default) else _SKIP
    if spec.kind == "multi":
        return list(values) if values else _SKIP
    text = values[-1] if values else ""
    if spec.kind == "lines":
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        if spec.item_type == "date":
            lines = [_typed_date(line) for line in lines]
        return lines or _SKIP
    text = text.strip()
    if spec.kind == "float":
        text = text.replace(",", ".")
    elif spec.kind == "date":
        text = _typed_date(text)
    return text or _SKIP


def _finish(specs: Iterable[Spec], node: dict[str | int, Any]) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for spec in specs:
        value = node.get(spec.key)
        if spec.kind == "group":
            if isinstance(value, dict):
                sub = _finish(spec.children, value)
                if spec.required or _typed(spec.children, sub):
                    data[spec.key] = _demand_choices(spec.children, sub)
            elif spec.required:
                data[spec.key] = {}
        elif spec.kind == "rows":
            if isinstance(value, dict):
                rows = [
                    _finish(spec.children, value[i]) for i in sorted(value) if isinstance(i, int)
                ]
                hidden = {c.key for c in spec.children if c.kind == "hidden"}
                rows = [row for row in rows if _row_filled(row, hidden)]
                if rows:
                    data[spec.key] = [_demand_choices(spec.children, row) for row in rows]
        elif value is not None:
            data[spec.key] = value
    return data


# Errors ---------------------------------------------------------------------------------------


def error_map(exc: ValidationError) -> dict[str, list[str]]:
    """Dutch messages (the CLI's wording) by field name (``ouders.0.naam``)."""
    errors: dict[str, list[str]] = {}
    for error in exc.errors(include_url=False):
        loc = tuple(part for part in error["loc"] if isinstance(part, (str, int)))
        about = (error.get("ctx") or {}).get("error")
        if isinstance(about, FieldError):  # a check of the part about one field: at that field
            loc = (*loc, about.field)
        name = ".".join(str(part) for part in loc)
        if error["type"] == "literal_error" and error.get("input") == "":
            message = "maak een keuze"
        else:
            message = _date_message(error, name) or field_message(error, loc)
        if message not in errors.setdefault(name, []):
            errors[name].append(message)
    return errors


_DATE_ERRORS = frozenset(
    {"date_from_datetime_parsing", "date_parsing", "date_type", "date_from_datetime_inexact"}
)


def _date_message(error: Any, name: str) -> str | None:
    """For a date field: what is wrong with the typed text, in the form's own terms (dag-maand-
    jaar), instead of the JJJJ-MM-DD of a dossier file."""
    if error["type"] not in _DATE_ERRORS:
        return None
    try:
        date_text(str(error.get("input", "")))
    except DateProblem as problem:
        return str(problem)
    return None


# Rows: add and remove -------------------------------------------------------------------------


def find_spec(name: str) -> Spec | None:
    """The spec of a concrete field name (``opp.evaluaties.0.datum``)."""
    specs: Iterable[Spec] = dossier_specs()
    found: Spec | None = None
    parts = name.split(".")
    index = 0
    while index < len(parts):
        part = parts[index]
        found = next((s for s in specs if _key(s) == part), None)
        if found is None:
            return None
        specs = found.children
        index += 1
        if found.kind == "rows" and index < len(parts) and parts[index].isdigit():
            index += 1
    return found


def container(raw: Raw, name: str) -> Any:
    """The raw value at a concrete name (a dict, a list of rows or a value)."""
    node: Any = raw
    for part in name.split("."):
        node = node[int(part)] if isinstance(node, list) else node.setdefault(part, {})
    return node


def apply_row_action(raw: Raw, action: str) -> str | None:
    """``toevoegen:ouders`` or ``verwijderen:ouders.1``; returns the list's name, or None."""
    verb, _, name = action.partition(":")
    if verb == "toevoegen":
        spec = find_spec(name)
        if spec is None or spec.kind != "rows":
            return None
        rows = container(raw, name)
        if isinstance(rows, list):
            rows.append(empty_row(spec))
            return name
        return None
    if verb == "verwijderen":
        list_name, _, index = name.rpartition(".")
        spec = find_spec(list_name)
        if spec is None or spec.kind != "rows" or not index.isdigit():
            return None
        rows = container(raw, list_name)
        if isinstance(rows, list) and int(index) < len(rows):
            del rows[int(index)]
            return list_name
    return None
