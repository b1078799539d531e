"""Refused consent is a decision; an inzage of an older version is not an inzage of this one."""

from __future__ import annotations

from datetime import date
from typing import Any

from overdracht import check, load_dossier
from overdracht.checklists.consent import required_givers
from overdracht.checklists.fingerprint import content_fingerprint
from overdracht.model import Dossier

from .conftest import SAMPLES


def _sample(**changes: Any) -> Dossier:
    doc = load_dossier(SAMPLES / "po-so-compleet.yaml")
    data = doc.model_dump(mode="python")
    data.update(changes)
    return Dossier.model_validate(data)


def test_the_consent_matrix_by_age() -> None:
    assert required_givers(11) == {"ouders"}
    assert required_givers(12) == {"ouders", "leerling"}
    assert required_givers(15) == {"ouders", "leerling"}
    assert required_givers(16) == {"leerling"}


def test_refused_consent_is_a_decision_and_leaves_the_data_out() -> None:
    refused = {
        "categorie": "jeugdhulp",
        "gegeven_door": ["ouders"],
        "datum": date(2027, 3, 10),
        "geweigerd": True,
    }
    base = load_dossier(SAMPLES / "po-so-compleet.yaml")
    others = [t.model_dump() for t in base.toestemmingen if t.categorie != "jeugdhulp"]
    report = check(_sample(toestemmingen=[*others, refused]))
    finding = next(f for f in report.findings if f.rule == "toestemming_jeugdhulp")
    assert finding.severity == "info"
    assert finding.problem == "toestemming geweigerd: deze gegevens blijven buiten alle documenten"
    assert report.left_out == ["jeugdhulp"]
    assert report.complete
    # Without any decision it is still missing.
    missing = check(_sample(toestemmingen=others))
    assert "jeugdhulp" in missing.left_out
    assert not missing.complete


def test_a_change_after_the_inzage_makes_it_an_inzage_of_an_older_version() -> None:
    doc = load_dossier(SAMPLES / "po-so-compleet.yaml")
    seen = content_fingerprint(doc)
    inzage = {**doc.model_dump()["inzage"], "versie": 3, "vingerafdruk": seen}
    assert check(_sample(inzage=inzage)).complete
    # Recording consent or the zienswijze does not change what was seen ...
    same = _sample(inzage={**inzage, "zienswijze": "oneens"}, toestemmingen=[])
    assert content_fingerprint(same) == seen
    # ... a change in the content does.
    changed = _sample(inzage=inzage, pro_uitzondering="Later toegevoegd.")
    problems = [f.problem for f in check(changed).errors if f.path == "inzage"]
    assert problems == [
        "de inzage geldt voor versie 3 van het dossier; het is daarna veranderd. "
        "Vraag opnieuw inzage"
    ]
