"""The rules that matter most (issue 3, part 4), each on a sample dossier with one change."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from .conftest import errors_of, run_check, status_of

Sample = Callable[[str], dict[str, Any]]


# --- OPP ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["po-sbo-compleet", "po-so-compleet", "po-pro-compleet", "vo-vso-compleet"]
)
def test_opp_required_for_special_schools_even_without_extra_support(
    sample: Sample, name: str
) -> None:
    data = sample(name)
    data.pop("opp")
    data["ondersteuning"]["extra_ondersteuning"] = False
    report = run_check(data)
    assert errors_of(report, "opp") == [
        "Ontwikkelingsperspectiefplan (OPP): OPP is niet ingevuld. Verplicht."
    ]


def test_opp_required_with_extra_support_in_regular_school(sample: Sample) -> None:
    data = sample("po-po-verhuizing")
    data["ondersteuning"] = {
        "extra_ondersteuning": True,
        "geboden_ondersteuning": ["RT"],
        "handelingsadviezen": ["x"],
    }
    report = run_check(data)
    assert errors_of(report, "opp") == [
        "Ontwikkelingsperspectiefplan (OPP): OPP is niet ingevuld. "
        "Verplicht omdat de leerling extra ondersteuning krijgt."
    ]


def test_opp_not_applicable_without_extra_support(sample: Sample) -> None:
    report = run_check(sample("po-po-verhuizing"))
    assert status_of(report, "opp") == {"n.v.t."}


def test_opp_parts_and_instemming(sample: Sample) -> None:
    data = sample("po-so-compleet")
    data["opp"].pop("instemming_ouders")
    data["opp"]["handelingsdeel"]["doelen"] = []
    report = run_check(data)
    assert errors_of(report, "opp_instemming")
    assert errors_of(report, "opp_handelingsdeel")


# --- deskundigenadviezen ---------------------------------------------------------------------


@pytest.mark.parametrize("name", ["po-sbo-compleet", "po-so-compleet", "vo-vso-compleet"])
def test_two_advices_needed(sample: Sample, name: str) -> None:
    data = sample(name)
    data["deskundigenadviezen"] = data["deskundigenadviezen"][:1]
    assert errors_of(run_check(data), "deskundigenadviezen") == [
        "Twee deskundigenadviezen: 1 van de 2 vereiste deskundigenadviezen aanwezig. Verplicht."
    ]


def test_first_advice_by_orthopedagoog_or_psycholoog(sample: Sample) -> None:
    data = sample("po-so-compleet")
    data["deskundigenadviezen"][0]["discipline"] = "arts"
    messages = errors_of(run_check(data), "deskundigenadviezen")
    assert messages == [
        "Twee deskundigenadviezen: het eerste advies is van een arts; het moet van een "
        "orthopedagoog of psycholoog of gz-psycholoog of kinder- en jeugdpsycholoog zijn. Verplicht."
    ]


# --- TLV -------------------------------------------------------------------------------------


def test_tlv_so_needs_bekostigingscategorie(sample: Sample) -> None:
    data = sample("po-so-compleet")
    data["tlv"]["bekostigingscategorie"] = "n.v.t."
    assert errors_of(run_check(data), "tlv") == [
        "Toelaatbaarheidsverklaring SO met bekostigingscategorie: bij een TLV (V)SO hoort een "
        "bekostigingscategorie laag, midden of hoog. Verplicht."
    ]


def test_tlv_sbo_has_no_bekostigingscategorie(sample: Sample) -> None:
    data = sample("po-sbo-compleet")
    data["tlv"]["bekostigingscategorie"] = "hoog"
    assert errors_of(run_check(data), "tlv") == [
        "Toelaatbaarheidsverklaring SBO: een TLV SBO heeft geen bekostigingscategorie (n.v.t.). Verplicht."
    ]


def test_tlv_pro_needs_no_einddatum(sample: Sample) -> None:
    data = sample("vo-pro-compleet")
    assert "einddatum" not in data["tlv"]
    assert status_of(run_check(data), "tlv") == {"aanwezig"}


def test_tlv_einddatum_must_be_after_planned_start(sample: Sample) -> None:
    data = sample("po-so-compleet")
    data["tlv"]["einddatum"] = "2027-08-20"  # start is 2027-08-23
    assert errors_of(run_check(data), "tlv") == [
        "Toelaatbaarheidsverklaring SO met bekostigingscategorie: de TLV loopt af vóór de "
        "geplande startdatum op de nieuwe school. Verplicht."
    ]


def test_tlv_of_wrong_soort(sample: Sample) -> None:
    data = sample("po-so-compleet")
    data["tlv"]["soort"] = "sbo"
    data["tlv"]["bekostigingscategorie"] = "n.v.t."
    assert "de TLV is SBO, nodig is SO" in errors_of(run_check(data), "tlv")[0]


def test_vo_pro_needs_a_tlv_pro_although_the_seed_says_otherwise(sample: Sample) -> None:
    data = sample("vo-pro-compleet")
    data.pop("tlv")
    assert errors_of(run_check(data), "tlv") == [
        "Toelaatbaarheidsverklaring praktijkonderwijs (geen einddatum): er is geen TLV PRO. Verplicht."
    ]


# --- consent by age ------------------------------------------------------------------------


def _with_jeugdhulp_consent(data: dict[str, Any], givers: list[str]) -> dict[str, Any]:
    data["toestemmingen"] = [
        t for t in data.get("toestemmingen", []) if t["categorie"] != "jeugdhulp"
    ]
    data["toestemmingen"].append(
        {"categorie": "jeugdhulp", "gegeven_door": givers, "datum": "2027-03-01"}
    )
    return data


@pytest.mark.parametrize(
    ("birth", "givers", "ok"),
    [
        ("2016-01-01", ["ouders"], True),  # 11 on the peildatum
        ("2015-05-21", ["ouders"], True),  # 12 tomorrow
        ("2015-05-20", ["ouders"], False),  # 12 today: the pupil too
        ("2015-05-20", ["ouders", "leerling"], True),
        ("2011-05-21", ["ouders", "leerling"], True),  # 15
        ("2011-05-20", ["ouders"], False),  # 16: the pupil alone
        ("2011-05-20", ["leerling"], True),
    ],
)
def test_jeugdhulp_consent_by_age_on_the_peildatum(
    sample: Sample, birth: str, givers: list[str], ok: bool
) -> None:
    data = _with_jeugdhulp_consent(sample("po-so-compleet"), givers)
    data["leerling"]["geboortedatum"] = birth
    report = run_check(data, peildatum=date(2027, 5, 20))
    assert (not errors_of(report, "toestemming_jeugdhulp")) is ok
    assert ("jeugdhulp" in report.left_out) is not ok


def test_missing_consent_message_says_who_must_consent(sample: Sample) -> None:
    report = run_check(sample("po-so-zonder-toestemming"))
    assert errors_of(report, "toestemming_jeugdhulp") == [
        "Toestemming voor jeugdhulpgegevens: geen geldige toestemming voor jeugdhulp; bij een "
        "leerling van 9 jaar moeten de gezaghebbende ouders toestemming geven. Verplicht. "
        "Zonder deze toestemming blijft de jeugdhulp buiten alle documenten."
    ]
    assert report.left_out == ["jeugdhulp"]
    assert "ondersteuning.jeugdhulp" in report.left_out_fields


def test_consent_message_agrees_with_who_must_consent(sample: Sample) -> None:
    data = _with_jeugdhulp_consent(sample("po-so-compleet"), ["ouders"])
    data["leerling"]["geboortedatum"] = "2011-05-20"
    (message,) = errors_of(run_check(data, peildatum=date(2027, 5, 20)), "toestemming_jeugdhulp")
    assert "bij een leerling van 16 jaar moet de leerling toestemming geven." in message
    data["leerling"]["geboortedatum"] = "2013-05-20"
    (message,) = errors_of(run_check(data, peildatum=date(2027, 5, 20)), "toestemming_jeugdhulp")
    assert (
        "bij een leerling van 14 jaar moeten de gezaghebbende ouders én de leerling "
        "toestemming geven." in message
    )


def test_consent_message_says_student_in_mbo(sample: Sample) -> None:
    data = sample("mbo-hbo-compleet")
    data["toestemmingen"] = []
    (message,) = errors_of(run_check(data), "toestemming_overdracht")
    assert (
        "; bij een student van " in message and "jaar moet de student toestemming geven" in message
    )


def test_consent_given_after_the_peildatum_does_not_count(sample: Sample) -> None:
    data = _with_jeugdhulp_consent(sample("po-so-compleet"), ["ouders"])
    data["toestemmingen"][-1]["datum"] = "2027-06-01"
    assert errors_of(run_check(data), "toestemming_jeugdhulp")


def test_no_consent_needed_without_such_data(sample: Sample) -> None:
    report = run_check(sample("po-vo-compleet"))
    assert status_of(report, "toestemming_jeugdhulp") == {"n.v.t."}
    assert report.left_out == []


def test_mbo_hbo_needs_the_students_consent_for_everything(sample: Sample) -> None:
    data = sample("mbo-hbo-compleet")
    data["toestemmingen"] = []
    report = run_check(data)
    assert errors_of(report, "toestemming_overdracht")
    assert "overdracht" in report.left_out


# --- inzage ----------------------------------------------------------------------------------


def test_inzage_required_before_final(sample: Sample) -> None:
    report = run_check(sample("po-vo-concept"))
    assert errors_of(report, "inzage") == [
        "Inzage door ouders (en leerling) vóór verzending: er is niet vastgelegd dat ouders het "
        "dossier hebben ingezien. Verplicht. Laat ouders (en de leerling) het dossier vóór "
        "verzending inzien en hun zienswijze geven. In de webapp: Inzage vragen, of het "
        "ondertekende inzageformulier inlezen."
    ]
    assert not report.complete


def test_inzage_in_the_future_does_not_count(sample: Sample) -> None:
    data = sample("po-vo-compleet")
    data["inzage"]["datum"] = "2027-06-01"
    assert "de inzagedatum ligt in de toekomst" in errors_of(run_check(data), "inzage")[0]


def test_pupil_of_16_must_see_it_too(sample: Sample) -> None:
    data = sample("vo-mbo-compleet")
    data["inzage"]["door"] = ["ouders"]
    assert "de leerling is 17 en moet ook inzage krijgen" in errors_of(run_check(data), "inzage")[0]


# --- warm handover ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (
            {
                "ondersteuning": {
                    "extra_ondersteuning": True,
                    "geboden_ondersteuning": ["RT"],
                    "handelingsadviezen": ["x"],
                }
            },
            "de leerling extra ondersteuning krijgt",
        ),
        ({"leerling_vve": True}, "het kind een VVE-indicatie heeft"),
    ],
)
def test_warm_handover_required(sample: Sample, change: dict[str, Any], reason: str) -> None:
    data = sample("po-po-verhuizing")
    if change.pop("leerling_vve", False):
        data["leerling"]["vve_indicatie"] = True
    data.update(change)
    messages = errors_of(run_check(data), "warme_overdracht")
    assert messages[0].startswith(
        "Warme overdracht: er is geen warme overdracht gepland of gehouden. Verplicht omdat "
        + reason
    )


def test_warm_handover_required_with_an_opp(sample: Sample) -> None:
    data = sample("po-vo-compleet")
    data["opp"] = {"uitstroomperspectief": "havo"}
    assert "Verplicht omdat er een OPP is" in errors_of(run_check(data), "warme_overdracht")[0]


def test_warm_handover_only_recommended_otherwise(sample: Sample) -> None:
    report = run_check(sample("po-po-verhuizing"))
    assert [f.severity for f in report.findings if f.rule == "warme_overdracht"] == ["warning"]


def test_held_warm_handover_needs_agreements(sample: Sample) -> None:
    data = sample("po-vo-lwoo")
    data["warme_overdracht"]["afspraken"] = []
    assert (
        "de gemaakte afspraken zijn niet vastgelegd"
        in errors_of(run_check(data), "warme_overdracht")[0]
    )


# --- PO -> VO ----------------------------------------------------------------------------------


def test_definitief_schooladvies_required(sample: Sample) -> None:
    report = run_check(sample("po-vo-concept"))
    assert errors_of(report, "schooladvies") == [
        "Definitief schooladvies: het definitieve schooladvies ontbreekt. Verplicht."
    ]


def test_schooladvies_after_24_march_is_late(sample: Sample) -> None:
    data = sample("po-vo-compleet")
    data["schooladvies"]["definitief_datum"] = "2027-03-25"
    assert "na de wettelijke termijn (24-3)" in errors_of(run_check(data), "schooladvies")[0]


def test_higher_toetsadvies_asks_for_a_heroverweging(sample: Sample) -> None:
    data = sample("po-vo-lwoo")  # definitief vmbo-k, not heroverwogen
    data["doorstroomtoets"]["toetsadvies"] = "vmbo-gt"
    assert errors_of(run_check(data), "schooladvies") == [
        "Definitief schooladvies: het toetsadvies 'vmbo-gt' is hoger dan het definitieve advies "
        "'vmbo-k'; heroverweeg het advies en leg de datum van de heroverweging vast, ook als het "
        "advies gelijk blijft. Verplicht."
    ]
    data["schooladvies"]["heroverweging_datum"] = "2027-05-01"  # reconsidered, kept the advice
    assert not errors_of(run_check(data), "schooladvies")
    data["doorstroomtoets"]["toetsadvies"] = "vmbo-k"
    data["schooladvies"].pop("heroverweging_datum")
    assert not errors_of(run_check(data), "schooladvies")


def test_doorstroomtoets_name_is_one_of_the_admitted_toetsen() -> None:
    from pydantic import ValidationError

    from overdracht.model.learning import DOORSTROOMTOETSEN, Doorstroomtoets

    assert Doorstroomtoets(naam="Doorstroomtoets (Route 8)").naam == "Route 8 Doorstroomtoets"
    assert Doorstroomtoets(naam="IEP").naam == "IEP Doorstroomtoets"
    assert Doorstroomtoets(naam="Cito").naam == "Doorstroomtoets Leerling in beeld"
    assert all(Doorstroomtoets(naam=n).naam == n for n in DOORSTROOMTOETSEN)
    with pytest.raises(ValidationError):
        Doorstroomtoets(naam="Centrale Eindtoets")


def test_doorstroomtoets_or_ontheffing(sample: Sample) -> None:
    data = sample("po-vo-compleet")
    data["doorstroomtoets"]["uitslagen"] = data["doorstroomtoets"]["uitslagen"][:2]
    assert "geen referentieniveau voor rekenen" in errors_of(run_check(data), "doorstroomtoets")[0]
    data["doorstroomtoets"] = {"ontheffing": True}
    assert (
        "de reden van de ontheffing ontbreekt" in errors_of(run_check(data), "doorstroomtoets")[0]
    )
    data["doorstroomtoets"]["reden_ontheffing"] = "Korter dan vier jaar in Nederland."
    assert not errors_of(run_check(data), "doorstroomtoets")


def test_old_test_results_are_flagged(sample: Sample) -> None:
    data = sample("po-vo-compleet")
    data["toetsen"].append({"naam": "Cito M4", "datum": "2023-01-20"})
    findings = [f for f in run_check(data).findings if f.rule == "toetsperiode"]
    assert findings[0].severity == "warning"
    assert "1 toetsresultaat van vóór 01-08-2024 mag niet mee" in findings[0].message


def test_lwoo_aanwijzing_when_lwoo(sample: Sample) -> None:
    data = sample("po-vo-lwoo")
    data["ondersteuning"].pop("lwoo_aanwijzing")
    assert errors_of(run_check(data), "lwoo_aanwijzing")


# --- PrO -------------------------------------------------------------------------------------


def test_pro_criteria(sample: Sample) -> None:
    data = sample("po-pro-compleet")
    data["intelligentieonderzoek"]["totaal_iq"] = 85
    assert (
        "het IQ valt buiten de landelijke criteria (55–80)"
        in errors_of(run_check(data), "pro_criteria")[0]
    )
    data["pro_uitzondering"] = (
        "Sociaal-emotionele problematiek maakt PrO passend (advies orthopedagoog)."
    )
    assert not errors_of(run_check(data), "pro_criteria")


def test_pro_delays_must_include_rekenen_or_begrijpend_lezen(sample: Sample) -> None:
    data = sample("po-pro-compleet")
    data["leerachterstanden"] = [
        {"domein": "technisch_lezen", "achterstand_jaren": 3.5},
        {"domein": "spelling", "achterstand_jaren": 3.5},
    ]
    assert errors_of(run_check(data), "pro_criteria")


# --- verplicht-als anders aanbevolen ---------------------------------------------------------


def test_handelingsadviezen_recommended_without_extra_support(sample: Sample) -> None:
    data = sample("po-po-verhuizing")
    report = run_check(data)
    assert [f.severity for f in report.findings if f.rule == "handelingsadviezen"] == ["warning"]


def test_every_sample_verdict_is_as_named(sample: Sample) -> None:
    from .conftest import SAMPLES

    for path in SAMPLES.glob("*.yaml"):
        report = run_check(sample(path.stem))
        expected = (
            "onvolledig" not in path.stem
            and "zonder" not in path.stem
            and "concept" not in path.stem
        )
        assert report.complete is expected, path.stem
