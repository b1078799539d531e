"""Dutch labels for dossier fields, derived from the model (titles, else the field name)."""

from __future__ import annotations

import functools
from collections.abc import Sequence

from pydantic import BaseModel

from overdracht.model import Dossier as DossierDoc

_WORDS = {
    "opp": "OPP",
    "tlv": "TLV",
    "bsn": "BSN",
    "brin": "BRIN",
    "mdo": "MDO",
    "swv": "SWV",
    "jgz": "JGZ",
    "iq": "IQ",
    "vve": "VVE",
    "lwoo": "LWOO",
    "pro": "PrO",
    "ib": "IB",
    "e-mail": "e-mail",
    "email": "e-mail",
}


# One row of a repeating part is named in the singular: "Ouder 1", not "Ouders 1" (by the
# part's label; tests/web/test_form_labels.py checks that every repeating part has one).
SINGULAR = {
    "Ouders": "Ouder",
    "Eerdere scholen": "Eerdere school",
    "Doublures en versnellingen": "Doublure of versnelling",
    "Toetsen": "Toets",
    "Uitslagen": "Uitslag",
    "Leerachterstanden": "Leerachterstand",
    "Opleidingen": "Opleiding",
    "Resultaten": "Resultaat",
    "Evaluaties": "Evaluatie",
    "Deskundigenadviezen": "Deskundigenadvies",
    "Toestemmingen": "Toestemming",
    "Ondersteuningsroute": "Fase van de ondersteuningsroute",
    "Bijlagen": "Bijlage",
    "Reacties": "Reactie",
}


def singular(label: str) -> str:
    """The name of one row of a repeating part (``Ouders`` -> ``Ouder``)."""
    return SINGULAR.get(label, label)


def humanize(name: str) -> str:
    """``geplande_startdatum`` -> ``Geplande startdatum``; ``opp`` -> ``OPP``."""
    words = [_WORDS.get(w, w) for w in name.replace("_", " ").split()]
    if not words:
        return name
    first = words[0]
    words[0] = first if first.isupper() or first == "PrO" else first[:1].upper() + first[1:]
    return " ".join(words)


@functools.cache
def _field_titles(model: type[BaseModel]) -> dict[str, str]:
    return {name: (info.title or humanize(name)) for name, info in model.model_fields.items()}


def _submodel(model: type[BaseModel], name: str) -> type[BaseModel] | None:
    info = model.model_fields.get(name)
    if info is None:
        return None
    for candidate in _candidates(info.annotation):
        if isinstance(candidate, type) and issubclass(candidate, BaseModel):
            return candidate
    return None


def _candidates(annotation: object) -> list[object]:
    args = getattr(annotation, "__args__", None)
    if not args:
        return [annotation]
    found: list[object] = []
    for arg in args:
        found.extend(_candidates(arg))
    return found


def label_for(path: Sequence[str | int]) -> str:
    """``('opp', 'evaluaties', 0, 'datum')`` -> ``OPP › Evaluatie 1 › Datum``."""
    parts: list[str] = []
    model: type[BaseModel] | None = DossierDoc
    for part in path:
        if isinstance(part, int):
            if parts:
                parts[-1] = f"{singular(parts[-1])} {part + 1}"
            continue
        title = _field_titles(model)[part] if model and part in model.model_fields else None
        parts.append(title or humanize(part))
        model = _submodel(model, part) if model else None
    return " › ".join(parts) or "Dossier"
