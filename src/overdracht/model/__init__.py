"""Pydantic models of a handover dossier."""

from overdracht.model.dossier import Dossier
from overdracht.model.handover import (
    Bijlage,
    Inzage,
    Reactie,
    RouteFase,
    Toestemming,
    WarmeOverdracht,
)
from overdracht.model.learning import ADVIES_VOLGORDE, Schooladvies, Toets
from overdracht.model.loading import (
    dossier_schema,
    dossier_to_json,
    expand_dossier_paths,
    load_dossier,
    parse_dossier,
)
from overdracht.model.people import Leerling, Ouder, Overgang, School
from overdracht.model.support import Deskundigenadvies, Ondersteuning, Opp, Tlv

__all__ = [
    "ADVIES_VOLGORDE",
    "Bijlage",
    "Deskundigenadvies",
    "Dossier",
    "Inzage",
    "Leerling",
    "Ondersteuning",
    "Opp",
    "Ouder",
    "Overgang",
    "Reactie",
    "RouteFase",
    "School",
    "Schooladvies",
    "Tlv",
    "Toestemming",
    "Toets",
    "WarmeOverdracht",
    "dossier_schema",
    "dossier_to_json",
    "expand_dossier_paths",
    "load_dossier",
    "parse_dossier",
]
