"""Dates in the dossier form: typed as people write them, shown back the same way, and a
date that does not exist is named as such (never "dit verplichte veld ontbreekt")."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client

from overdracht.datetext import DateProblem, date_text, parse_date_text
from overdracht.web.formdata import data_from_params
from overdracht.web.models import Dossier

from .test_editing import BASIS, NEW


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("17-05-2014", date(2014, 5, 17)),
        ("17-5-2014", date(2014, 5, 17)),
        ("7/5/2014", date(2014, 5, 7)),
        ("07.05.2014", date(2014, 5, 7)),
        ("2014-05-17", date(2014, 5, 17)),
        (" 2014-5-7 ", date(2014, 5, 7)),
    ],
)
def test_every_usual_way_of_writing_a_date_is_read(typed: str, meant: date) -> None:
    assert parse_date_text(typed) == meant


@pytest.mark.parametrize(
    ("typed", "problem"),
    [
        ("30-02-2014", "'30-02-2014' bestaat niet als datum; controleer dag en maand"),
        ("2014-02-30", "'2014-02-30' bestaat niet als datum"),
        ("17-05-14", "'17-05-14' heeft een jaartal van twee cijfers"),
        ("17-05-1714", "ligt buiten 1900-2100"),
        ("morgen", "'morgen' is geen datum; vul een datum in als 14-03-2014 (dag-maand-jaar)"),
    ],
)
def test_a_date_that_is_not_one_gets_a_dutch_problem_and_fix(typed: str, problem: str) -> None:
    with pytest.raises(DateProblem) as caught:
        date_text(typed)
    assert problem in str(caught.value)


@pytest.mark.django_db
def test_a_dutch_date_is_stored_as_a_date_and_shown_back_in_dutch(ib_client: Client) -> None:
    post = {
        **BASIS,
        "leerling.geboortedatum": "2-5-2017",
        "overgang.geplande_startdatum": "23-08-2027",
    }
    response = ib_client.post(NEW, post)
    assert response.status_code == 302
    data = Dossier.objects.get().current.data
    assert data["leerling"]["geboortedatum"] == "2017-05-02"
    assert data["overgang"]["geplande_startdatum"] == "2027-08-23"
    html = ib_client.get(response["Location"]).content.decode()
    assert 'value="02-05-2017"' in html
    assert 'value="23-08-2027"' in html
    assert 'type="date"' not in html  # one way of typing, whatever the browser


@pytest.mark.django_db
def test_an_impossible_date_is_named_and_kept(ib_client: Client) -> None:
    post = {**BASIS, "leerling.geboortedatum": "31-04-2017"}
    html = ib_client.post(NEW, post).content.decode()
    assert "&#x27;31-04-2017&#x27; bestaat niet als datum; controleer dag en maand" in html
    assert "dit verplichte veld ontbreekt" not in html
    assert 'value="31-04-2017"' in html
    assert not Dossier.objects.exists()


def test_the_live_checklist_reads_dutch_dates_too() -> None:
    params = {key: [value] for key, value in BASIS.items()}
    params["leerling.geboortedatum"] = ["02-05-2017"]
    assert data_from_params(params)["leerling"]["geboortedatum"] == "2017-05-02"
