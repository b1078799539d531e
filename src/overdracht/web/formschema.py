"""The shape of the dossier form, read from the pydantic model (never written field by field).

Each model field becomes a :class:`Spec`: what kind of input it needs (text, date, a choice,
a repeating group, ...), its Dutch label and help text from the field's metadata, and its
children for nested models. A change to the model reaches the form by itself.
"""

from __future__ import annotations

import datetime as dt
import functools
import types
import typing
from dataclasses import dataclass, field
from typing import Any, Literal, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from overdracht.model import Dossier as DossierDoc
from overdracht.web.labels import humanize

Kind = Literal[
    "text",
    "textarea",
    "date",
    "int",
    "float",
    "bool",
    "select",
    "multi",
    "lines",
    "group",
    "rows",
    "hidden",
]

# Free text that deserves more than one line: fields of models that are only free text
# (Ontwikkeling), and these names wherever they occur.
LONG_TEXT_NAMES = frozenset(
    {
        "toelichting",
        "advies",
        "bevindingen",
        "aanpak",
        "reden",
        "reden_ontheffing",
        "pro_uitzondering",
        "zienswijze_aanvraag",
        "uitstroomperspectief",
        "medisch",
        "jgz",
        "oza",
        "lwoo_aanwijzing",
        "extra_begeleiding_overgang",
        "ondersteuningsafspraken",
        "continuering",
        "jeugdhulp_genoemd",
    }
)


def _value_labels() -> list[dict[str, str]]:
    # The documents' own Dutch words for coded values (imported late: babel is heavy).
    from overdracht.render import format as fmt

    return [
        fmt.GESLACHT,
        fmt.SCHOOLSOORT_LABELS,
        fmt.ADVIES_LABELS,
        fmt.DOMEIN_LABELS,
        fmt.GEVERS,
    ]


@dataclass(frozen=True)
class Spec:
    """One field of the form: where it sits in the dossier and how to ask for it."""

    name: str
    kind: Kind
    label: str
    help: str = ""
    required: bool = False
    default: Any = None
    choices: tuple[tuple[str, str], ...] = ()
    item_type: str = ""  # for "lines": "date" or "text"
    children: tuple[Spec, ...] = field(default=())

    @property
    def marked(self) -> bool:
        """Shown as "(verplicht)": the model requires it, or a check of its part does."""
        return (self.required and self.kind != "group") or self.name in REQUIRED_BY_CHECK

    @functools.cached_property
    def key(self) -> str:
        """The field's own name (``naam`` for ``ouders.#.naam``)."""
        return self.name.rsplit(".", 1)[-1]

    @property
    def has_children(self) -> bool:
        return self.kind in ("group", "rows")


def _strip_optional(annotation: Any) -> tuple[Any, bool]:
    origin = get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in get_args(annotation) if a is not type(None)]
        optional = len(args) < len(get_args(annotation))
        if len(args) == 1:
            return _strip_annotated(args[0]), optional
    return _strip_annotated(annotation), False


def _strip_annotated(annotation: Any) -> Any:
    while get_origin(annotation) is typing.Annotated:
        annotation = get_args(annotation)[0]
    return annotation


def _is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def choice_labels(values: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """Dutch labels for a fixed list of values, from the documents' vocabulary if it has them."""
    for labels in _value_labels():
        if all(v in labels for v in values):
            return tuple((v, labels[v]) for v in values)
    return tuple((v, v) for v in values)


def transition_choices() -> tuple[tuple[str, str], ...]:
    from overdracht.checklists import list_checklists

    return tuple((cid, f"{title} ({cid})") for cid, title in list_checklists())


# Fields that a check of their part requires (overdracht.model.base.FieldError), with the
# exception said beside the field.
REQUIRED_BY_CHECK = {
    "vertrekkende_school.brin": "Niet nodig voor een voorschoolse voorziening.",
    "ontvangende_school.brin": "Niet nodig voor een voorschoolse voorziening.",
}

# Choices that come from data rather than from a Literal in the model (with their label).
DATE_HINT = "dag-maand-jaar, bijv. 14-03-2014"
CHOICES_BY_NAME = {"overgang.id": ("Overgang", transition_choices)}


def _spec(name: str, info: FieldInfo, annotation: Any, model: type[BaseModel]) -> Spec:
    short = name.rsplit(".", 1)[-1]
    label = info.title or humanize(short)
    help_text = info.description or ""
    required = info.is_required()
    default = None if required else info.get_default(call_default_factory=True)
    inner, _optional = _strip_optional(annotation)
    if name in REQUIRED_BY_CHECK:
        help_text = f"{help_text} {REQUIRED_BY_CHECK[name]}".strip()
    if _in_form(info) == "verborgen":  # kept as it is, never typed (a bijlage's id)
        return Spec(name, "hidden", label, "", required, default)
    if name in CHOICES_BY_NAME:
        title, make_choices = CHOICES_BY_NAME[name]
        return Spec(name, "select", title, "", required, default, make_choices())
    if get_origin(inner) is list:
        item = _strip_annotated(get_args(inner)[0])
        if _is_model(item):
            children = _children(item, name + ".#")
            return Spec(name, "rows", label, help_text, required, default, children=children)
        if get_origin(item) is Literal:
            choices = choice_labels(tuple(str(v) for v in get_args(item)))
            return Spec(name, "multi", label, help_text, required, default, choices)
        item_type = "date" if item is dt.date else "text"
        dates = f" Schrijf datums als {DATE_HINT}." if item_type == "date" else ""
        hint = "Eén per regel." + dates
        help_text = f"{help_text} {hint}".strip()
        return Spec(name, "lines", label, help_text, required, default, item_type=item_type)
    if _is_model(inner):
        return Spec(name, "group", label, help_text, required, children=_children(inner, name))
    if get_origin(inner) is Literal:
        choices = choice_labels(tuple(str(v) for v in get_args(inner)))
        return Spec(name, "select", label, help_text, required, default, choices)
    if inner is bool:
        return Spec(name, "bool", label, help_text, required, default)
    if inner is int:
        return Spec(name, "int", label, help_text, required, default)
    if inner is float:
        return Spec(name, "float", label, help_text, required, default)
    if inner is dt.date:
        help_text = f"{help_text} {DATE_HINT.capitalize()}.".strip()
        return Spec(name, "date", label, help_text, required, default)
    long_text = short in LONG_TEXT_NAMES or _only_free_text(model)
    return Spec(name, "textarea" if long_text else "text", label, help_text, required, default)


def _only_free_text(model: type[BaseModel]) -> bool:
    return all(_strip_optional(f.annotation)[0] is str for f in model.model_fields.values())


def _in_form(info: FieldInfo) -> object:
    extra = info.json_schema_extra
    return extra.get("formulier", True) if isinstance(extra, dict) else True


def _children(model: type[BaseModel], prefix: str) -> tuple[Spec, ...]:
    # Fields the web app writes itself (where a consent came from) are not in the form.
    return tuple(
        _spec(f"{prefix}.{name}" if prefix else name, info, info.annotation, model)
        for name, info in model.model_fields.items()
        if _in_form(info) is not False
    )


@functools.cache
def dossier_specs() -> tuple[Spec, ...]:
    """The top-level parts of the dossier, each with its fields (``#`` stands for a row)."""
    return _children(DossierDoc, "")


def top_level(name: str) -> Spec:
    return next(s for s in dossier_specs() if s.name == name)
