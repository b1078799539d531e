"""check_aanvragen on the sample folder: statuses, order, privacy, broken files."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest

from overdracht.errors import ChecklistError, InvalidInputError, UsageError
from overdracht.tlv import check_aanvragen
from overdracht.tlv.overview import Overzicht

from .conftest import AANVRAGEN, PEILDATUM, SWV

EXPECTED = {
    "01-sbo-compleet.yaml": "compleet",
    "02-so-compleet.yaml": "compleet",
    "03-vso-compleet.yaml": "compleet",
    "04-pro-compleet.yaml": "compleet",
    "05-sbo-route-onvolledig.yaml": "onvolledig",
    "06-so-adviezen-tegenstrijdig.yaml": "onvolledig",
    "07-vso-opp-verlopen.yaml": "onvolledig",
    "08-pro-buiten-criteria.yaml": "onvolledig",
    "09-vso-leerling-niet-gehoord.yaml": "onvolledig",
    "10-so-regie-bij-school.yaml": "waarschuwingen",
    "11-so-tlv-loopt-af.yaml": "waarschuwingen",
    "12-pro-ingangsdatum-verstreken.yaml": "waarschuwingen",
    "13-sbo-adviezen-18-maanden.yaml": "compleet",
    "14-kapot-bestand.yaml": "onleesbaar",
    "15-ongeldig-bsn.yaml": "onleesbaar",
}


@pytest.fixture(scope="module")
def overzicht() -> Overzicht:
    return check_aanvragen(AANVRAGEN, peildatum=PEILDATUM)


def test_every_sample_gets_its_status(overzicht: Overzicht) -> None:
    assert {a.bestand: a.status for a in overzicht.aanvragen} == EXPECTED
    assert overzicht.summary() == (
        "15 aanvragen: 5 compleet, 3 met waarschuwingen, 5 onvolledig, 2 onleesbaar."
    )
    assert not overzicht.complete


def test_swv_overlay_tightens(overzicht: Overzicht) -> None:
    strict = check_aanvragen(AANVRAGEN, peildatum=PEILDATUM, overlay=SWV)
    statuses = {a.bestand: a.status for a in strict.aanvragen}
    assert statuses["13-sbo-adviezen-18-maanden.yaml"] == "onvolledig"  # advices > 12 months
    by_file = {a.bestand: a for a in strict.aanvragen}
    assert by_file["08-pro-buiten-criteria.yaml"].ontbrekend == 2  # + zienswijze for PrO
    assert strict.overlay == "swv-voorbeeld.yml"


def test_sorted_by_status_then_first_deadline(overzicht: Overzicht) -> None:
    order = [(a.status, a.bestand) for a in overzicht.aanvragen]
    assert [status for status, _ in order] == sorted(
        (s for s, _ in order),
        key=["onleesbaar", "onvolledig", "waarschuwingen", "compleet"].index,
    )
    warnings = [a.bestand for a in overzicht.aanvragen if a.status == "waarschuwingen"]
    # 01-04-2027 (passed), 30-06-2027, then the one without a deadline at risk
    assert warnings == [
        "12-pro-ingangsdatum-verstreken.yaml",
        "11-so-tlv-loopt-af.yaml",
        "10-so-regie-bij-school.yaml",
    ]
    incomplete = [a.bestand for a in overzicht.aanvragen if a.status == "onvolledig"]
    assert incomplete[0] == "07-vso-opp-verlopen.yaml"  # the only one with a deadline


def test_first_deadline_at_risk(overzicht: Overzicht) -> None:
    by_file = {a.bestand: a for a in overzicht.aanvragen}
    termijn = by_file["11-so-tlv-loopt-af.yaml"].eerste_termijn
    assert termijn is not None
    assert (termijn.datum, termijn.titel, termijn.verstreken) == (
        date(2027, 6, 30),
        "Huidige TLV loopt af",
        False,
    )
    assert termijn.text() == "30-06-2027 Huidige TLV loopt af"
    opp = by_file["07-vso-opp-verlopen.yaml"].eerste_termijn
    assert opp is not None and opp.text() == (
        "12-01-2027 Volgende jaarlijkse evaluatie van het OPP (verstreken)"
    )
    assert by_file["01-sbo-compleet.yaml"].eerste_termijn is None


def test_row_shows_initials_and_leerlingnummer_only(overzicht: Overzicht) -> None:
    by_file = {a.bestand: a for a in overzicht.aanvragen}
    row = by_file["02-so-compleet.yaml"]
    assert (row.leerling, row.school, row.brin, row.soort) == (
        "L.P.M. (31002)",
        "CBS Het Kompas",
        "34CD",
        "SO",
    )
    assert by_file["05-sbo-route-onvolledig.yaml"].leerling == "E.J."  # no leerlingnummer
    assert by_file["07-vso-opp-verlopen.yaml"].leerling == "L.D."  # Lotte van Dijk


def test_procesregie_shown_per_aanvraag(overzicht: Overzicht) -> None:
    by_file = {a.bestand: a for a in overzicht.aanvragen}
    assert by_file["10-so-regie-bij-school.yaml"].procesregie == "casemanager"
    assert by_file["01-sbo-compleet.yaml"].procesregie == "school"


def test_no_bsn_or_full_names_without_namen(overzicht: Overzicht) -> None:
    text = json.dumps(overzicht.to_json_dict(), ensure_ascii=False)
    for secret in ("900", "Noor", "Visser", "Luuk", "Mulder", "Lotte"):
        assert secret not in text, secret


def test_full_names_with_namen() -> None:
    named = check_aanvragen(AANVRAGEN, peildatum=PEILDATUM, namen=True)
    by_file = {a.bestand: a for a in named.aanvragen}
    assert by_file["01-sbo-compleet.yaml"].leerling == "Noor Visser"
    assert by_file["07-vso-opp-verlopen.yaml"].leerling == "Lotte van Dijk"
    assert "900" not in json.dumps(named.to_json_dict())  # never the BSN


def test_broken_files_are_rows_with_a_reason(overzicht: Overzicht) -> None:
    by_file = {a.bestand: a for a in overzicht.aanvragen}
    broken = by_file["14-kapot-bestand.yaml"]
    assert broken.reden.startswith(
        f"{AANVRAGEN / '14-kapot-bestand.yaml'}:4: het bestand is geen geldige YAML of JSON"
    )
    assert by_file["15-ongeldig-bsn.yaml"].reden == (
        f"{AANVRAGEN / '15-ongeldig-bsn.yaml'}:3: leerling.bsn: geen geldig BSN (9 cijfers die "
        "de elfproef doorstaan); neem het nummer opnieuw over uit de leerlingadministratie"
    )


def test_a_dossier_for_another_transition_is_not_an_aanvraag(tmp_path: Path) -> None:
    shutil.copy(AANVRAGEN.parent / "po-vo-compleet.yaml", tmp_path)
    (row,) = check_aanvragen(tmp_path, peildatum=PEILDATUM).aanvragen
    assert row.status == "onleesbaar"
    assert row.reden == (
        f"{tmp_path / 'po-vo-compleet.yaml'}: geen TLV-aanvraag: de overgang is 'po-vo'; "
        "tlv-check controleert po-sbo, po-so, po-vso, vo-vso, po-pro, vo-pro."
    )


def test_single_file_and_subfolders(tmp_path: Path) -> None:
    (tmp_path / "school-a").mkdir()
    (tmp_path / ".verborgen").mkdir()
    shutil.copy(AANVRAGEN / "01-sbo-compleet.yaml", tmp_path / "school-a")
    shutil.copy(AANVRAGEN / "02-so-compleet.yaml", tmp_path / ".verborgen")
    (tmp_path / "notitie.txt").write_text("geen aanvraag", encoding="utf-8")
    rows = check_aanvragen(tmp_path, peildatum=PEILDATUM).aanvragen
    assert [r.bestand for r in rows] == ["school-a/01-sbo-compleet.yaml"]
    single = check_aanvragen(AANVRAGEN / "01-sbo-compleet.yaml", peildatum=PEILDATUM)
    assert [r.bestand for r in single.aanvragen] == ["01-sbo-compleet.yaml"]


def test_missing_or_empty_folder_is_unusable(tmp_path: Path) -> None:
    with pytest.raises(InvalidInputError, match="deze map bestaat niet"):
        check_aanvragen(tmp_path / "nergens")
    with pytest.raises(InvalidInputError, match="geen aanvragen gevonden"):
        check_aanvragen(tmp_path)


def test_overlay_for_other_transitions_is_refused(tmp_path: Path) -> None:
    overlay = tmp_path / "po-vo.yaml"
    overlay.write_text("extends: po-vo\nuitschakelen: [kennismaking]\n", encoding="utf-8")
    with pytest.raises(UsageError, match="voor TLV-aanvragen moet hij een of meer van"):
        check_aanvragen(AANVRAGEN, overlay=overlay)


def test_broken_overlay_is_reported_with_its_line(tmp_path: Path) -> None:
    overlay = tmp_path / "swv.yaml"
    overlay.write_text(
        "extends: [po-sbo]\naanpassen:\n  deskundigenadviezen:\n    max_maanden: nul\n",
        encoding="utf-8",
    )
    with pytest.raises(ChecklistError, match="max_maanden"):
        check_aanvragen(AANVRAGEN, overlay=overlay)


def test_overlay_only_for_some_transitions(tmp_path: Path) -> None:
    overlay = tmp_path / "swv-po.yaml"
    overlay.write_text(
        "extends: [po-sbo]\naanpassen:\n  deskundigenadviezen:\n    max_maanden: 12\n",
        encoding="utf-8",
    )
    rows = {a.bestand: a.status for a in check_aanvragen(AANVRAGEN, overlay=overlay).aanvragen}
    assert rows["13-sbo-adviezen-18-maanden.yaml"] == "onvolledig"
    assert rows["04-pro-compleet.yaml"] == "compleet"


def test_progress_is_reported_per_aanvraag() -> None:
    seen: list[tuple[int, int]] = []
    check_aanvragen(AANVRAGEN, peildatum=PEILDATUM, progress=lambda d, t: seen.append((d, t)))
    assert seen[0] == (1, 15) and seen[-1] == (15, 15) and len(seen) == 15


def test_shortcomings_group_problems_per_requirement(overzicht: Overzicht) -> None:
    by_file = {a.bestand: a for a in overzicht.aanvragen}
    (route,) = [t for t in by_file["05-sbo-route-onvolledig.yaml"].tekortkomingen if t.verplicht]
    assert route.titel == "Ondersteuningsroute gevolgd (fase 1 tot en met 4)"
    assert route.problemen == (
        "Fase 2. collegiale consultatie is niet vastgelegd.",
        "In het plan van aanpak van het MDO ontbreekt: regie, evaluatiedatum.",
    )
    assert route.reden == ""
    assert route.uitleg.startswith("Leg bij de ondersteuningsroute per fase de datum vast")


def test_public_api_is_exported_from_the_package() -> None:
    import overdracht

    assert overdracht.check_aanvragen is check_aanvragen
    assert check_aanvragen.__doc__ and "onleesbaar" in check_aanvragen.__doc__
