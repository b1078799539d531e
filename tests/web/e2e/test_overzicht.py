"""The overview of all dossiers: search, filter, and how it looks on a tablet."""

from __future__ import annotations

from typing import Any

import pytest

from .conftest import main_page, open_dossier, open_tab, screenshot

pytestmark = pytest.mark.browser


def test_the_overview_lists_the_samples_and_finds_a_pupil_by_name(ib: Any) -> None:
    table = ib.locator("tbody").inner_text()
    for pupil in ("Sanne Jansen", "Ayoub El Amrani", "Noor Hendriks"):
        assert pupil in table
    main_page(ib, "dossiers")
    # Typing is enough: the list follows while you type (htmx), without a full page load.
    ib.get_by_label("Zoek op naam of leerlingnummer").press_sequentially("amrani")
    ib.get_by_text("1 dossier gevonden").wait_for()
    assert "Ayoub El Amrani" in ib.locator("tbody tr").first.inner_text()
    assert "amrani" not in ib.url.lower()  # the search text never goes in the address


def test_the_overview_filters_on_transition(ib: Any) -> None:
    ib.get_by_label("Overgang").select_option("po-so")
    ib.wait_for_url("**overgang=po-so**")
    ib.get_by_text("gevonden").first.wait_for()
    for row in ib.locator("tbody tr").all():
        assert "speciaal onderwijs (SO)" in row.inner_text()


def test_the_overview_fits_a_tablet(tablet: Any) -> None:
    screenshot(tablet, "dossiers-tablet")
    # Nothing sticks out sideways: the page scrolls only down, as on a tablet it should.
    overflow = tablet.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    # ... and every column of the table is in view, without scrolling sideways.
    table = tablet.locator(".tabelrol")
    assert table.evaluate("el => el.scrollWidth - el.clientWidth") <= 0


def test_a_dossier_and_its_documents_fit_a_tablet(tablet: Any) -> None:
    dossier = open_dossier(tablet, "Sanne Jansen")
    screenshot(tablet, "dossier-tablet")
    open_tab(tablet, dossier, "Documenten")
    tablet.get_by_role("link", name="Download PDF", exact=True).wait_for()
    screenshot(tablet, "documenten-tablet")
    overflow = tablet.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
