"""Nothing in a new form is ticked or chosen that the IB'er did not choose."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client

from overdracht.web.formdata import (
    apply_row_action,
    new_document,
    raw_from_document,
    to_data,
)
from overdracht.web.formview import build_form, walk
from overdracht.web.models import Dossier

from .test_editing import BASIS, NEW

pytestmark = pytest.mark.django_db


def _widgets(raw: dict[str, Any]) -> list[Any]:
    form = build_form(raw)
    return list(walk([s.widget for s in form.sections]))


@pytest.mark.parametrize("transition", ["po-so", "po-vo"])
def test_a_new_form_has_no_box_ticked_and_no_choice_made(transition: str) -> None:
    raw = new_document(transition)
    for name in ("ouders", "opp.evaluaties", "deskundigenadviezen", "bijlagen", "toestemmingen"):
        apply_row_action(raw, f"toevoegen:{name}")
    for widget in _widgets(raw):
        if widget.kind == "bool":
            assert widget.value is False, widget.name
        elif widget.kind == "select" and widget.name != "overgang.id":
            assert widget.value == "", widget.name


def test_the_page_of_a_new_dossier_ticks_nothing(ib_client: Client) -> None:
    html = ib_client.get(NEW).content.decode()
    assert not re.search(r'type="checkbox"[^>]*checked', html)
    # Consent is never given by default: OPP › Instemming ouders › Akkoord, Jeugdhulp › Loopt.
    assert 'id="veld-opp-instemming-ouders-akkoord"' in html
    assert 'id="veld-ondersteuning-jeugdhulp-loopt"' in html
    # The only choice made is the one the IB'er made on the page before: the transition.
    assert re.findall(r"<option[^>]*selected", html) == ['<option value="po-so" selected']


def test_an_unticked_consent_is_stored_as_no() -> None:
    raw = new_document("po-so")
    raw["opp"]["instemming_ouders"]["datum"] = "12-10-2026"
    data = to_data(raw)
    assert data["opp"]["instemming_ouders"] == {"datum": "2026-10-12", "akkoord": False}
    raw["opp"]["instemming_ouders"]["akkoord"] = True
    assert "akkoord" not in to_data(raw)["opp"]["instemming_ouders"]  # the model's own yes


def test_a_stored_dossier_keeps_its_meaning() -> None:
    # Stored without "akkoord" means akkoord (the model's default): shown ticked, saved the same.
    data = {"opp": {"instemming_ouders": {"datum": "2026-10-12"}}, "tlv": {"swv": "X"}}
    raw = raw_from_document(data)
    assert raw["opp"]["instemming_ouders"]["akkoord"] is True
    assert raw["tlv"]["status"] == "afgegeven"
    again = to_data(raw)
    assert again["opp"] == data["opp"]
    assert again["tlv"]["status"] == "afgegeven"  # the same, now said


def test_a_choice_left_open_in_a_filled_part_asks_to_choose(ib_client: Client) -> None:
    post = {**BASIS, "ouders.0._rij": "1", "ouders.0.naam": "Ilse Jansen", "ouders.0.gezag": "nee"}
    response = ib_client.post(NEW, post)
    assert response.status_code == 200
    html = response.content.decode()
    assert "maak een keuze" in html
    assert not Dossier.objects.exists()
    post["ouders.0.relatie"] = "moeder"
    assert ib_client.post(NEW, post).status_code == 302
    ouder = Dossier.objects.get().current.data["ouders"][0]
    assert ouder["relatie"] == "moeder"
    assert ouder["gezag"] is False  # not ticked: not said


def test_an_untouched_part_of_a_new_form_is_still_left_out() -> None:
    raw = new_document("po-vo")
    apply_row_action(raw, "toevoegen:ouders")
    assert "ouders" not in to_data(raw)
    assert "tlv" not in to_data(raw)
    assert "ondersteuning" not in to_data(raw)
