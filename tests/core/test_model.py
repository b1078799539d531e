from __future__ import annotations

import json
from pathlib import Path

import pytest

from overdracht.errors import InvalidInputError
from overdracht.model import Dossier, load_dossier

from .conftest import SAMPLES, sample_data


def write(tmp_path: Path, text: str, name: str = "dossier.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def error_lines(path: Path) -> list[str]:
    with pytest.raises(InvalidInputError) as info:
        load_dossier(path)
    return info.value.details or [info.value.message]


@pytest.mark.parametrize("path", sorted(SAMPLES.glob("*.yaml")), ids=lambda p: p.stem)
def test_every_sample_is_a_valid_dossier(path: Path) -> None:
    dossier = load_dossier(path)
    assert dossier.overgang.id in path.stem


def test_json_dossier_loads_too(tmp_path: Path) -> None:
    data = sample_data("po-vo-compleet")
    path = write(tmp_path, json.dumps(data), "dossier.json")
    assert load_dossier(path).leerling.achternaam == "Jansen"


BAD = """\
leerling:
  voornamen: Sanne
  achternaam: Jansen
  geboortedatum: 2014-02-30
  bsn: "123456789"
  kleur: blauw
vertrekkende_school: {naam: De Regenboog, brin: 12AB, soort: bao}
ontvangende_school: {naam: Het College, brin: 99ZZ, soort: vo, vestiging: "1"}
overgang: {id: po-vo, schooljaar: "2026", geplande_startdatum: 2026-08-24}
"""


def test_bad_values_are_reported_with_file_line_field_and_fix(tmp_path: Path) -> None:
    path = write(tmp_path, BAD)
    assert error_lines(path) == [
        f"{path}:4: leerling.geboortedatum: '2014-02-30' is geen geldige datum; schrijf de datum als JJJJ-MM-DD, bijv. 2014-03-14",
        f"{path}:5: leerling.bsn: geen geldig BSN (9 cijfers die de elfproef doorstaan); neem het nummer opnieuw over uit de leerlingadministratie",
        f"{path}:6: leerling.kleur: onbekend veld; controleer de spelling of verwijder het (zie 'overdracht schema')",
        f"{path}:8: ontvangende_school.vestiging: '1' heeft niet de juiste vorm; het vestigingsnummer is 2 cijfers, bijv. 01",
        f"{path}:9: overgang.schooljaar: '2026' heeft niet de juiste vorm; schrijf het schooljaar als 2026-2027",
    ]


def test_bad_bsn_is_not_echoed(tmp_path: Path) -> None:
    path = write(tmp_path, BAD)
    assert not any("123456789" in line for line in error_lines(path))


def test_yaml_syntax_error_names_the_line(tmp_path: Path) -> None:
    path = write(tmp_path, "leerling:\n  voornamen: Sanne\n achternaam: [Jansen\n")
    message = error_lines(path)[0]
    assert message.startswith(f"{path}:3: het bestand is geen geldige YAML of JSON")
    assert "inspringing" in message


def test_missing_file(tmp_path: Path) -> None:
    assert error_lines(tmp_path / "weg.yaml") == [
        f"{tmp_path / 'weg.yaml'}: bestand niet gevonden. Controleer de naam en de map."
    ]


def test_not_a_mapping(tmp_path: Path) -> None:
    path = write(tmp_path, "- een\n- lijst\n")
    assert "dit is geen dossier" in error_lines(path)[0]


def test_missing_required_field(tmp_path: Path) -> None:
    data = sample_data("po-po-verhuizing")
    del data["leerling"]["geboortedatum"]
    path = write(tmp_path, json.dumps(data), "d.json")
    assert error_lines(path) == [
        f"{path}:1: leerling.geboortedatum: dit verplichte veld ontbreekt; vul het in"
    ]


def test_eight_digit_bsn_gets_its_leading_zero_back() -> None:
    data = sample_data("po-po-verhuizing")
    data["leerling"]["bsn"] = "10000008"  # Excel dropped the 0 of 010000008
    assert Dossier.model_validate(data).leerling.bsn == "010000008"


def test_onderwijsnummer_instead_of_bsn() -> None:
    data = sample_data("po-po-verhuizing")
    del data["leerling"]["bsn"]
    data["leerling"]["onderwijsnummer"] = "101440905"
    assert Dossier.model_validate(data).leerling.onderwijsnummer == "101440905"


def test_bsn_or_onderwijsnummer_needed(tmp_path: Path) -> None:
    data = sample_data("po-po-verhuizing")
    del data["leerling"]["bsn"]
    path = write(tmp_path, json.dumps(data, indent=1), "d.json")
    assert error_lines(path) == [
        f"{path}:2: leerling: vul 'bsn' of 'onderwijsnummer' in: een van beide is nodig"
    ]


def test_domain_inconsistencies_load_and_are_checklist_findings(tmp_path: Path) -> None:
    """The model refuses what is not data; a rule of the domain is a finding of the checklist."""
    from overdracht.checklists import check

    data = sample_data("po-vo-compleet")
    data["schooladvies"]["heroverwogen"] = "vmbo-gt"
    data["verzuim"] = {"periode_van": "2027-04-30", "periode_tot": "2026-05-01"}
    data["tlv"] = {
        "swv": "SWV",
        "soort": "vso",
        "ingangsdatum": "2027-08-01",
        "einddatum": "2027-07-31",
    }
    report = check(load_dossier(write(tmp_path, json.dumps(data), "d.json")))
    problems = {f.rule: f.problem for f in report.errors}
    assert problems["schooladvies"] == (
        "het heroverwogen advies 'vmbo-gt' is niet hoger dan het definitieve advies "
        "'havo'; een heroverweging mag het advies alleen verhogen"
    )
    assert problems["verzuim_periode"] == (
        "periode tot (verzuim) (01-05-2026) ligt vóór periode van (verzuim) (30-04-2027)"
    )
    assert problems["tlv_geldigheid"] == (
        "einddatum (TLV) (31-07-2027) ligt niet na ingangsdatum (TLV) (01-08-2027)"
    )


def test_brin_and_postcode_are_normalised() -> None:
    data = sample_data("po-po-verhuizing")
    data["ouders"][0]["postcode"] = "3811ab"
    data["vertrekkende_school"]["brin"] = "08zt"
    dossier = Dossier.model_validate(data)
    assert dossier.ouders[0].postcode == "3811 AB"
    assert dossier.vertrekkende_school.brin == "08ZT"


def test_whitelist_fields_are_not_in_the_model() -> None:
    fields = set(Dossier.model_fields) | set(
        Dossier.model_fields["leerling"].annotation.model_fields
    )  # type: ignore[union-attr]
    assert not fields & {"geboorteplaats", "nationaliteit", "religie", "godsdienst", "verwijsindex"}


def test_duplicate_key_is_an_error_not_silently_dropped(tmp_path: Path) -> None:
    path = write(tmp_path, "leerling:\n  voornamen: Sanne\n  voornamen: Anna\n")
    assert error_lines(path) == [
        f"{path}:3: leerling.voornamen: dit veld staat twee keer in hetzelfde blok; voeg de twee samen of verwijder er een"
    ]


def test_tab_indentation_gets_a_dutch_hint(tmp_path: Path) -> None:
    path = write(tmp_path, "leerling:\n\tvoornamen: Sanne\n")
    assert "spring in met spaties" in error_lines(path)[0]
