"""Logging in: with the mouse, with the keyboard only, and with a wrong password."""

from __future__ import annotations

from typing import Any

import pytest

from .conftest import App, main_page, screenshot

pytestmark = pytest.mark.browser

FOCUS = """() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
  return {tag: el.tagName, name: el.name || el.textContent.trim(), visible: outline || style.boxShadow !== 'none'};
}"""


def test_a_staff_member_logs_in_and_sees_the_dossiers(page: Any, app: App) -> None:
    page.goto("/")
    # Every page asks for a login first.
    assert "/inloggen/" in page.url
    main_page(page, "inloggen")
    page.get_by_label("Gebruikersnaam").fill(app.username)
    page.get_by_label("Wachtwoord").fill(app.password)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url("**/dossiers/")
    assert page.get_by_role("heading", level=1).inner_text() == "Dossiers"
    assert page.get_by_text(app.username).is_visible()


def test_a_wrong_password_is_explained_in_dutch(page: Any, app: App) -> None:
    page.goto("/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(app.username)
    page.get_by_label("Wachtwoord").fill("niet-het-wachtwoord")
    page.get_by_role("button", name="Inloggen").click()
    assert page.get_by_text("gebruikersnaam en wachtwoord is onbekend").first.is_visible()
    assert "/inloggen/" in page.url
    main_page(page, "inloggen-fout")


def test_logging_in_with_the_keyboard_only_shows_where_the_focus_is(page: Any, app: App) -> None:
    page.goto("/inloggen/")
    # The cursor already waits in the first field; every step shows clearly where it is.
    assert page.evaluate(FOCUS) == {"tag": "INPUT", "name": "username", "visible": True}
    page.keyboard.type(app.username)
    page.keyboard.press("Tab")
    assert page.evaluate(FOCUS) == {"tag": "INPUT", "name": "password", "visible": True}
    page.keyboard.type(app.password)
    page.keyboard.press("Tab")
    assert page.evaluate(FOCUS) == {"tag": "BUTTON", "name": "Inloggen", "visible": True}
    screenshot(page, "inloggen-toetsenbord")
    page.keyboard.press("Enter")
    page.wait_for_url("**/dossiers/")
    # On the next page the first Tab offers the skip link, visibly.
    page.keyboard.press("Tab")
    assert page.evaluate(FOCUS) == {"tag": "A", "name": "Naar de inhoud", "visible": True}


def test_logging_out_ends_the_session(ib: Any) -> None:
    ib.get_by_role("button", name="Uitloggen").click()
    ib.wait_for_url("**/inloggen/**")
    ib.goto("/dossiers/")
    assert "/inloggen/" in ib.url
