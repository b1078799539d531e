"""The dossier page: the form generated from the model with the live checklist beside it."""

from __future__ import annotations

from typing import Any

import pytest

from .conftest import main_page, open_dossier, screenshot

pytestmark = pytest.mark.browser


def _form_or_skip(page: Any) -> None:
    if page.get_by_role("button", name="Opslaan").count() == 0:
        pytest.skip("het dossierformulier (branch web-form) staat nog niet op main")


def test_a_dossier_shows_its_form_and_the_checklist_beside_it(ib: Any) -> None:
    open_dossier(ib, "Sanne Jansen")
    _form_or_skip(ib)
    checklist = ib.get_by_role("region", name="Checklist")
    assert checklist.is_visible()
    assert "✓" in checklist.inner_text()
    main_page(ib, "dossier")


def test_the_dossier_form_fits_a_tablet(tablet: Any) -> None:
    open_dossier(tablet, "Sanne Jansen")
    _form_or_skip(tablet)
    screenshot(tablet, "dossier-formulier-tablet")
    overflow = tablet.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0


def test_a_new_dossier_starts_with_choosing_the_transition(ib: Any) -> None:
    ib.get_by_role("link", name="Nieuw dossier").click()
    if ib.get_by_role("button", name="Verder").count() == 0:
        pytest.skip("het dossierformulier (branch web-form) staat nog niet op main")
    ib.get_by_label("Van (speciale) basisschool naar speciaal onderwijs (SO)").check()
    main_page(ib, "dossier-nieuw")
    ib.get_by_role("button", name="Verder").click()
    assert ib.get_by_role("region", name="Checklist").is_visible()
    assert ib.get_by_role("button", name="Opslaan").is_visible()
