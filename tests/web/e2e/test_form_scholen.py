"""A school chosen from the schools already known fills in its BRIN."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_choosing_a_known_school_fills_its_brin(ib: Any) -> None:
    ib.goto("/dossiers/nieuw/?overgang=po-so")
    first = ib.locator("#bekende-scholen option").first
    naam, brin = first.get_attribute("value"), first.get_attribute("data-brin")
    assert naam and brin
    field = ib.locator("#veld-ontvangende-school-naam")
    field.fill(naam)
    field.dispatch_event("change")
    expect(ib.locator("#veld-ontvangende-school-brin")).to_have_value(brin)
