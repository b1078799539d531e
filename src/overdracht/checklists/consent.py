"""Who must consent to sharing data beyond the whitelist, by age (REFERENCE §2.3)."""

from __future__ import annotations

from datetime import date

from overdracht.model.dossier import Dossier
from overdracht.model.handover import Toestemming

# The dossier fields of each category are the 'gegevens:' of the checklist's toestemming
# rules; these are only the words a category is shown with, in this order.
CATEGORY_LABELS: dict[str, str] = {
    "jeugdhulp": "jeugdhulp",
    "medisch": "medische informatie",
    "mdo": "MDO/ZAT-besprekingen",
    "psychosociaal": "psychosociale informatie",
    "ondersteuningsbehoeften": "ondersteuningsbehoeften",
    "jgz": "JGZ/CJG-informatie",
    "overdracht": "overdracht van het dossier",
}


def required_givers(age: int, pupil_too_from: int = 12, pupil_alone_from: int = 16) -> set[str]:
    """Who must give consent at this age: parents, parents and pupil, or the pupil alone."""
    if age >= pupil_alone_from:
        return {"leerling"}
    if age >= pupil_too_from:
        return {"ouders", "leerling"}
    return {"ouders"}


def valid_consents(
    dossier: Dossier,
    categorie: str,
    peildatum: date,
    pupil_too_from: int = 12,
    pupil_alone_from: int = 16,
) -> list[Toestemming]:
    """The dossier's consents for ``categorie`` that count: from everyone the age requires.

    Consent the school typed in itself (``herkomst: school``) does not count: only the person's
    own answer, or a signed form the school recorded, does.
    """
    needed = required_givers(dossier.leeftijd_op(peildatum), pupil_too_from, pupil_alone_from)
    return [
        toestemming
        for toestemming in dossier.toestemmingen
        if toestemming.categorie == categorie
        and not toestemming.geweigerd
        and toestemming.herkomst != "school"
        and toestemming.datum <= peildatum
        and needed <= set(toestemming.gegeven_door)
    ]


def consent_given(
    dossier: Dossier,
    categorie: str,
    peildatum: date,
    pupil_too_from: int = 12,
    pupil_alone_from: int = 16,
) -> bool:
    """True if the dossier holds consent for ``categorie`` from everyone the age requires."""
    return bool(valid_consents(dossier, categorie, peildatum, pupil_too_from, pupil_alone_from))


def consent_refused(dossier: Dossier, categorie: str, peildatum: date) -> bool:
    """True if the dossier records that consent for ``categorie`` was refused."""
    return any(
        t.categorie == categorie and t.geweigerd and t.datum <= peildatum
        for t in dossier.toestemmingen
    )
