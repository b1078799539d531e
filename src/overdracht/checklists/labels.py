"""Dutch names for dossier fields, so that no user reads a field path such as ``opp.evaluaties``.

A field's name is its ``title`` in the dossier model when it has one, otherwise its key in
plain words (``leerling_gehoord`` -> "leerling gehoord"), with the abbreviations a school
uses written as it writes them (OPP, TLV, BSN). A field inside a group is named with the
group it belongs to: ``opp.evaluaties[].datum`` -> "datum van de evaluaties (OPP)".
"""

from __future__ import annotations

from functools import cache
from typing import Any, get_args, get_origin

from pydantic import BaseModel

ABBREVIATIONS = {
    "opp": "OPP",
    "tlv": "TLV",
    "oza": "OZA",
    "mdo": "MDO",
    "bsn": "BSN",
    "brin": "BRIN",
    "lwoo": "LWOO",
    "vve": "VVE",
    "jgz": "JGZ",
    "swv": "SWV",
    "iq": "IQ",
}


def _words(key: str) -> str:
    return " ".join(ABBREVIATIONS.get(w, w) for w in key.split("_"))


def _model_of(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        found = _model_of(arg)
        if found is not None:
            return found
    if get_origin(annotation) is not None:
        return None
    return None


@cache
def _names(path: str) -> tuple[str, ...]:
    """The Dutch name of every segment of ``path``, from the model where it has a title."""
    from overdracht.model.dossier import Dossier

    model: type[BaseModel] | None = Dossier
    names = []
    for part in path.replace("[]", "").split("."):
        field = model.model_fields.get(part) if model is not None else None
        title = field.title if field is not None and field.title else None
        names.append(title.lower() if title and not title.isupper() else title or _words(part))
        model = _model_of(field.annotation) if field is not None else None
    return tuple(names)


def field_label(path: str) -> str:
    """'instemming ouders (OPP)' for ``opp.instemming_ouders``; never the path itself."""
    if not path:
        return "dit onderdeel"
    names = _names(path)
    if len(names) == 1:
        return names[0]
    own, group = names[-1], names[-2]
    if len(names) > 2 and names[0] not in group:
        group = f"{group}, {names[0]}"
    return f"{own} ({group})"
