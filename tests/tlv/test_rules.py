"""Every requirement of a complete TLV aanvraag, one rule at a time (fixed peildatum)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from overdracht.checklists import list_checklists, load_checklist
from overdracht.checklists.context import Context
from overdracht.checklists.tlv_rules import Procesregie, add_months
from overdracht.checklists.transitions import tlv_checklist_path, tlv_transitions
from overdracht.model import Dossier

from .conftest import PEILDATUM, problems, run_tlv, status_of


@pytest.mark.parametrize("fixture", ["sbo", "so", "vso", "pro"])
def test_complete_samples_have_no_errors_or_warnings(
    fixture: str, request: pytest.FixtureRequest
) -> None:
    report = run_tlv(request.getfixturevalue(fixture))
    assert [f.message for f in report.findings if f.severity != "info"] == []


def test_tlv_checklist_is_not_listed_as_a_transition() -> None:
    assert "tlv-aanvraag" not in {cid for cid, _ in list_checklists()}


@pytest.mark.parametrize("transition", tlv_transitions())
def test_tlv_checklist_applies_to_every_tlv_transition(transition: str) -> None:
    checklist = load_checklist(transition, [tlv_checklist_path()])
    ids = {r.id for r in checklist.regels}
    assert {"ondersteuningsroute", "zienswijze_ouders", "leerling_gehoord", "procesregie"} <= ids
    assert {"warme_overdracht", "kennismaking", "terugkoppeling"}.isdisjoint(ids)
    assert checklist.rule("opp_evaluatie") is not None
    assert checklist.rule("opp_evaluatie").niveau == "verplicht"  # type: ignore[union-attr]


# --- ondersteuningsroute: phases 1-4 with dates, in order, MDO plan van aanpak ------------


def test_missing_phase_is_an_error(sbo: dict[str, Any]) -> None:
    sbo["ondersteuningsroute"] = [
        f for f in sbo["ondersteuningsroute"] if f["fase"] != "consultatie"
    ]
    assert problems(run_tlv(sbo), "ondersteuningsroute", "error") == [
        "Ondersteuningsroute gevolgd (fase 1 tot en met 4): fase 2. collegiale consultatie is niet "
        "vastgelegd. Verplicht. Leg bij de ondersteuningsroute per fase de datum vast "
        "(signaleren, collegiale consultatie, interne leerlingbespreking, MDO) en bij het MDO het "
        "plan van aanpak met doelen, acties, verantwoordelijken, wie de regie heeft en een "
        "evaluatiedatum."
    ]


def test_phases_out_of_order_is_an_error(sbo: dict[str, Any]) -> None:
    sbo["ondersteuningsroute"][1]["datum"] = "2025-10-01"  # consultatie before signaleren
    (message,) = problems(run_tlv(sbo), "ondersteuningsroute")
    assert "fase 2. collegiale consultatie ligt vóór fase 1." in message


def test_mdo_plan_must_be_complete(sbo: dict[str, Any]) -> None:
    plan = sbo["ondersteuningsroute"][3]["plan_van_aanpak"]
    del plan["verantwoordelijken"], plan["evaluatiedatum"]
    (message,) = problems(run_tlv(sbo), "ondersteuningsroute")
    assert "in het plan van aanpak van het MDO ontbreekt: verantwoordelijken, evaluatiedatum" in (
        message
    )


def test_mdo_without_plan_is_an_error(sbo: dict[str, Any]) -> None:
    del sbo["ondersteuningsroute"][3]["plan_van_aanpak"]
    (message,) = problems(run_tlv(sbo), "ondersteuningsroute")
    assert "het MDO heeft geen plan van aanpak" in message


# --- OPP: evaluation within a year and instemming ----------------------------------------


def test_opp_evaluation_older_than_a_year_is_an_error(sbo: dict[str, Any]) -> None:
    sbo["opp"]["evaluaties"] = [{"datum": "2026-03-01"}]
    assert problems(run_tlv(sbo), "opp_evaluatie", "error") == [
        "OPP - evaluatie in het afgelopen jaar: de meest recente datum is ouder dan 12 maanden. "
        "Verplicht. Evalueer het OPP met ouders en leg de datum van de evaluatie vast bij het OPP."
    ]


def test_opp_without_evaluation_is_an_error(sbo: dict[str, Any]) -> None:
    sbo["opp"]["evaluaties"] = []
    assert problems(run_tlv(sbo), "opp_evaluatie", "error")


def test_opp_without_instemming_is_an_error(sbo: dict[str, Any]) -> None:
    del sbo["opp"]["instemming_ouders"]
    assert problems(run_tlv(sbo), "opp_instemming", "error")


# --- deskundigenadviezen -----------------------------------------------------------------


def test_one_advice_is_not_enough(sbo: dict[str, Any]) -> None:
    sbo["deskundigenadviezen"] = sbo["deskundigenadviezen"][:1]
    assert any(
        "1 van de 2 vereiste deskundigenadviezen aanwezig" in m
        for m in problems(run_tlv(sbo), "deskundigenadviezen", "error")
    )


def test_first_advice_needs_orthopedagoog_or_psycholoog(sbo: dict[str, Any]) -> None:
    sbo["deskundigenadviezen"][0]["discipline"] = "arts"
    assert any(
        "het eerste advies is van een arts" in m
        for m in problems(run_tlv(sbo), "deskundigenadviezen")
    )


def test_advices_older_than_24_months_by_default(sbo: dict[str, Any]) -> None:
    sbo["deskundigenadviezen"][0]["datum"] = "2025-03-01"
    assert problems(run_tlv(sbo), "deskundigenadviezen", "error") == [
        "Twee deskundigenadviezen: advies 1 (orthopedagoog) is ouder dan 24 maanden. Verplicht."
    ]


def test_swv_overlay_allows_at_most_12_months(sbo: dict[str, Any]) -> None:
    sbo["deskundigenadviezen"][0]["datum"] = "2026-03-01"  # 13 months before the peildatum
    assert problems(run_tlv(sbo), "deskundigenadviezen") == []
    assert problems(run_tlv(sbo, swv=True), "deskundigenadviezen", "error") == [
        "Twee deskundigenadviezen: advies 1 (orthopedagoog) is ouder dan 12 maanden. Verplicht."
    ]


def test_disagreeing_advices_need_a_third(so: dict[str, Any]) -> None:
    so["deskundigenadviezen"][1]["conclusie"] = "negatief"
    assert problems(run_tlv(so), "deskundigenadviezen", "error") == [
        "Twee deskundigenadviezen: de eerste twee adviezen spreken elkaar tegen; een derde advies "
        "is nodig. Verplicht."
    ]
    so["deskundigenadviezen"].append(
        {
            "deskundige": "dr. K. Brouwer",
            "discipline": "kinderpsychiater",
            "datum": "2027-03-01",
            "advies": "SO is passend.",
            "conclusie": "positief",
        }
    )
    assert problems(run_tlv(so), "deskundigenadviezen") == []


def test_two_advices_by_the_same_person_are_not_separate(sbo: dict[str, Any]) -> None:
    sbo["deskundigenadviezen"][1]["deskundige"] = "Drs. P. Smeets"
    assert problems(run_tlv(sbo), "tweede_advies", "error") == [
        "Twee afzonderlijke deskundigenadviezen: beide adviezen zijn van Drs. P. Smeets; het "
        "moeten twee afzonderlijke adviezen van verschillende deskundigen zijn. Verplicht omdat "
        "de leerling gaat naar sbo, so, vso. Vraag het tweede advies aan een andere deskundige "
        "dan het eerste."
    ]


def test_second_advice_needs_a_fitting_discipline(sbo: dict[str, Any]) -> None:
    sbo["deskundigenadviezen"][1]["discipline"] = "anders"
    (message,) = problems(run_tlv(sbo), "tweede_advies", "error")
    assert "het tweede advies is van een deskundige met discipline 'anders'" in message


# --- zienswijze and the pupil heard ------------------------------------------------------


def test_zienswijze_required_for_sbo_so_vso(vso: dict[str, Any]) -> None:
    del vso["zienswijze_aanvraag"]
    (message,) = problems(run_tlv(vso), "zienswijze_ouders", "error")
    assert message.startswith(
        "Zienswijze van ouders op de aanvraag: zienswijze aanvraag is niet ingevuld. "
        "Verplicht omdat de leerling gaat naar sbo, so, vso."
    )


def test_zienswijze_recommended_for_pro_and_required_by_the_swv(pro: dict[str, Any]) -> None:
    del pro["zienswijze_aanvraag"]
    assert problems(run_tlv(pro), "zienswijze_ouders", "warning")
    assert problems(run_tlv(pro), "zienswijze_ouders", "error") == []
    assert problems(run_tlv(pro, swv=True), "zienswijze_ouders", "error")


def test_pupil_of_12_must_be_heard(vso: dict[str, Any]) -> None:
    del vso["inzage"]["leerling_gehoord"]
    assert problems(run_tlv(vso), "leerling_gehoord", "error") == [
        "De leerling is gehoord over de aanvraag: leerling gehoord (inzage) is niet ingevuld. "
        "Verplicht omdat de leerling 12 jaar of ouder is. Spreek met de leerling over de "
        "aanvraag en leg vast op welke datum de leerling is gehoord."
    ]


def test_pupil_under_12_need_not_be_heard(sbo: dict[str, Any]) -> None:
    assert "leerling_gehoord" not in str(sbo["inzage"])
    assert status_of(run_tlv(sbo), "leerling_gehoord") == {"n.v.t."}


# --- praktijkonderwijs -------------------------------------------------------------------


def test_pro_iq_outside_criteria(pro: dict[str, Any]) -> None:
    pro["intelligentieonderzoek"]["totaal_iq"] = 86
    assert problems(run_tlv(pro), "pro_criteria", "error") == [
        "Landelijke criteria praktijkonderwijs (IQ en leerachterstanden): het IQ valt buiten de "
        "landelijke criteria (55–80). Verplicht."
    ]


def test_pro_motivated_exception_replaces_criteria(pro: dict[str, Any]) -> None:
    pro["intelligentieonderzoek"]["totaal_iq"] = 86
    pro["pro_uitzondering"] = "Zeer laag werktempo en faalangst; onderbouwd door de orthopedagoog."
    assert problems(run_tlv(pro), "pro_criteria") == []


def test_pro_delays_need_rekenen_or_begrijpend_lezen(pro: dict[str, Any]) -> None:
    pro["leerachterstanden"] = [
        {"domein": "technisch_lezen", "achterstand_jaren": 3.5},
        {"domein": "spelling", "achterstand_jaren": 3.2},
    ]
    (message,) = problems(run_tlv(pro), "pro_criteria", "error")
    assert "waaronder inzichtelijk rekenen of begrijpend lezen" in message


def test_pro_without_intelligentieonderzoek(pro: dict[str, Any]) -> None:
    del pro["intelligentieonderzoek"]
    (message,) = problems(run_tlv(pro), "pro_criteria", "error")
    assert "het intelligentieonderzoek ontbreekt" in message


# --- procesregie (seed 002 matrix) -------------------------------------------------------


@pytest.mark.parametrize(
    ("leervraag", "leefvraag", "expected"),
    [
        ("enkelvoudig", "enkelvoudig", "school"),
        ("complex", "enkelvoudig", "school"),
        ("enkelvoudig", "complex", "casemanager"),
        ("complex", "complex", "casemanager"),
    ],
)
def test_procesregie_matrix(
    sbo: dict[str, Any], leervraag: str, leefvraag: str, expected: str
) -> None:
    sbo["ondersteuning"].update(leervraag=leervraag, leefvraag=leefvraag)
    dossier = Dossier.model_validate(sbo)
    rule = Procesregie(
        id="procesregie",
        titel="Procesregie",
        niveau="aanbevolen",
        bron="seed 002",
        soort="procesregie",
    )
    assert rule.expected(dossier) == expected
    sbo["ondersteuning"]["regie"] = {"rol": expected}
    assert problems(run_tlv(sbo), "procesregie") == []


def test_procesregie_elsewhere_is_a_warning(so: dict[str, Any]) -> None:
    so["ondersteuning"]["regie"] = {"rol": "school"}  # leefvraag is complex
    (message,) = problems(run_tlv(so), "procesregie", "warning")
    assert message.startswith(
        "Procesregie bij de juiste partij: de procesregie ligt bij de school (IB'er of "
        "zorgcoördinator), maar bij een complexe leervraag en een complexe leefvraag hoort die "
        "bij een casemanager (jeugdhulp of sociaal team). Aanbevolen."
    )
    assert run_tlv(so).complete


def test_procesregie_needs_leervraag_and_leefvraag(sbo: dict[str, Any]) -> None:
    del sbo["ondersteuning"]["leefvraag"]
    (message,) = problems(run_tlv(sbo), "procesregie", "warning")
    assert "leefvraag is niet vastgelegd (enkelvoudig of complex)" in message


def test_procesregie_not_named(sbo: dict[str, Any]) -> None:
    del sbo["ondersteuning"]["regie"]
    (message,) = problems(run_tlv(sbo), "procesregie", "warning")
    assert "er staat niet in wie de procesregie heeft; bij een complexe leervraag en een " in (
        message
    )


# --- deadlines (termijn) -----------------------------------------------------------------


def _granted(data: dict[str, Any], einddatum: str) -> dict[str, Any]:
    data["tlv"].update(
        status="afgegeven",
        beschikkingsnummer="TLV-1",
        ingangsdatum="2025-08-01",
        einddatum=einddatum,
    )
    data["overgang"].update(schooljaar="2025-2026", geplande_startdatum="2025-08-25")
    return data


def test_existing_tlv_ending_within_three_months(so: dict[str, Any]) -> None:
    assert problems(run_tlv(_granted(so, "2027-07-12")), "termijn_tlv_einddatum", "warning") == [
        "Huidige TLV loopt af: de termijn verstrijkt op 12-07-2027 (binnen 3 maanden). "
        "Aanbevolen. Vraag tijdig een verlenging aan, zodat de leerling niet zonder geldige TLV zit."
    ]


def test_existing_tlv_ending_later_is_fine(so: dict[str, Any]) -> None:
    assert problems(run_tlv(_granted(so, "2027-07-13")), "termijn_tlv_einddatum") == []


def test_existing_tlv_already_ended(so: dict[str, Any]) -> None:
    (message,) = problems(run_tlv(_granted(so, "2027-03-31")), "termijn_tlv_einddatum")
    assert message.startswith("Huidige TLV loopt af: de termijn is verstreken op 31-03-2027.")


def test_requested_tlv_einddatum_is_no_deadline(so: dict[str, Any]) -> None:
    so["tlv"].update(ingangsdatum="2027-04-20", einddatum="2027-05-01")  # aangevraagd
    assert status_of(run_tlv(so), "termijn_tlv_einddatum") == {"n.v.t."}


def test_opp_evaluation_overdue(sbo: dict[str, Any]) -> None:
    sbo["opp"]["evaluaties"] = [{"datum": "2026-04-01"}]
    assert problems(run_tlv(sbo), "termijn_opp_evaluatie", "warning") == [
        "Volgende jaarlijkse evaluatie van het OPP: de termijn is verstreken op 01-04-2027. "
        "Aanbevolen. Plan de evaluatie van het OPP met ouders in."
    ]


def test_opp_evaluation_due_within_two_months(sbo: dict[str, Any]) -> None:
    sbo["opp"]["evaluaties"] = [{"datum": "2026-06-01"}]
    (message,) = problems(run_tlv(sbo), "termijn_opp_evaluatie")
    assert "de termijn verstrijkt op 01-06-2027 (binnen 2 maanden)" in message
    assert run_tlv(sbo).complete  # a deadline at risk is a warning, not missing


def test_requested_ingangsdatum_in_the_past(pro: dict[str, Any]) -> None:
    pro["tlv"]["ingangsdatum"] = "2027-04-01"
    pro["overgang"]["geplande_startdatum"] = "2027-04-06"
    assert problems(run_tlv(pro), "termijn_ingangsdatum", "warning") == [
        "Gevraagde ingangsdatum van de TLV: de termijn is verstreken op 01-04-2027. Aanbevolen. "
        "Spreek met het samenwerkingsverband een nieuwe ingangsdatum af."
    ]


def test_ingangsdatum_within_a_month(pro: dict[str, Any]) -> None:
    pro["tlv"]["ingangsdatum"] = "2027-05-01"
    (message,) = problems(run_tlv(pro), "termijn_ingangsdatum")
    assert "de termijn verstrijkt op 01-05-2027 (binnen 1 maand)" in message


def test_deadline_is_computed_from_the_peildatum(pro: dict[str, Any]) -> None:
    pro["tlv"]["ingangsdatum"] = "2027-08-01"
    assert problems(run_tlv(pro, peildatum=date(2027, 8, 2)), "termijn_ingangsdatum")
    assert problems(run_tlv(pro, peildatum=date(2027, 4, 12)), "termijn_ingangsdatum") == []


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2027, 1, 31), 1, date(2027, 2, 28)),
        (date(2027, 11, 15), 3, date(2028, 2, 15)),
        (date(2028, 2, 29), 12, date(2029, 2, 28)),
        (date(2027, 4, 12), 0, date(2027, 4, 12)),
    ],
)
def test_add_months(day: date, months: int, expected: date) -> None:
    assert add_months(day, months) == expected


def test_termijn_deadline_for_the_overview(sbo: dict[str, Any]) -> None:
    from overdracht.checklists.tlv_rules import Termijn

    checklist = load_checklist("po-sbo", [tlv_checklist_path()])
    rule = checklist.rule("termijn_opp_evaluatie")
    assert isinstance(rule, Termijn)
    ctx = Context(Dossier.model_validate(sbo), PEILDATUM, checklist.instellingen)
    assert rule.deadline(ctx) == date(2028, 1, 18)
    assert not rule.at_risk(ctx)


def test_load_checklist_takes_one_overlay_or_several() -> None:
    from .conftest import SWV

    one = load_checklist("po-sbo", tlv_checklist_path())
    assert one.overlay == "tlv-aanvraag.yaml"
    both = load_checklist("po-sbo", [tlv_checklist_path(), SWV])
    assert both.overlay == "tlv-aanvraag.yaml + SWV Eemland (voorbeeld)"
    rule = both.rule("deskundigenadviezen")
    assert rule is not None and rule.max_maanden == 12  # type: ignore[union-attr]
    assert load_checklist("po-sbo").overlay is None
