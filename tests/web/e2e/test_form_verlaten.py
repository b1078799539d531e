"""Leaving the dossier form with unsaved changes asks first; an untouched form or a save
does not (a small script of the form's own, allowed by the Content-Security-Policy)."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_leaving_with_unsaved_changes_warns(ib: Any) -> None:
    asked: list[str] = []

    def answer(dialog: Any) -> None:
        asked.append(dialog.type)
        dialog.dismiss()  # stay on the page

    ib.on("dialog", answer)
    # Untouched: leaving asks nothing.
    ib.goto("/dossiers/nieuw/?overgang=po-so")
    ib.locator("a.merk").click()
    expect(ib.locator("#dossierformulier")).to_have_count(0)
    assert asked == []

    # Typed something: leaving asks, and staying keeps what was typed.
    ib.goto("/dossiers/nieuw/?overgang=po-so")
    field = ib.get_by_label("Achternaam")
    field.click()
    field.press_sequentially("Jansen")
    ib.locator("a.merk").click()
    expect(field).to_have_value("Jansen")
    assert asked == ["beforeunload"]

    # Saving is not leaving: no question (the refused save shows the page again, armed).
    ib.get_by_role("button", name="Opslaan").click()
    expect(ib.locator("#foutsamenvatting")).to_be_visible()
    assert asked == ["beforeunload"]
    ib.locator("a.merk").click()
    expect(ib.get_by_label("Achternaam")).to_have_value("Jansen")
    assert asked == ["beforeunload", "beforeunload"]
