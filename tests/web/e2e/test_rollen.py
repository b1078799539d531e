"""Roles in a real browser: the beheerder makes accounts; each sees only what its role may use."""

from __future__ import annotations

from typing import Any

import pytest

from .conftest import LAPTOP, App, _new_page, log_in, main_page, screenshot

pytestmark = pytest.mark.browser

PASSWORD = "Rollen-proef-wachtwoord-7"


def _make_account(beheerder: Any, name: str, role: str) -> None:
    beheerder.goto("/beheer/")
    beheerder.get_by_label("Gebruikersnaam").fill(name)
    beheerder.get_by_label("Rol", exact=True).select_option(label=role)
    beheerder.get_by_label("Eerste wachtwoord").fill(PASSWORD)
    beheerder.get_by_role("button", name="Account maken").click()
    beheerder.get_by_text(name).first.wait_for()


def _logged_in_as(browser: Any, app: App, name: str) -> Any:
    page = _new_page(browser, app, LAPTOP)
    page.goto("/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(name)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_load_state()
    return page


def _menu(page: Any) -> list[str]:
    nav = page.get_by_role("navigation", name="Hoofdmenu")
    return [link.strip() for link in nav.get_by_role("link").all_inner_texts()]


def test_administratie_and_loket_see_only_their_part(browser: Any, app: App) -> None:
    beheerder = _new_page(browser, app, LAPTOP)
    log_in(beheerder, app)
    _make_account(beheerder, "administratie1", "Leerlingadministratie")
    _make_account(beheerder, "loket1", "Loket samenwerkingsverband")

    administratie = _logged_in_as(browser, app, "administratie1")
    assert administratie.get_by_role("heading", level=1).inner_text() == "Dossiers"
    assert _menu(administratie) == ["Dossiers", "Importeren", "Controleren"]
    # the overview lists the pupils, but no dossier opens from it
    assert administratie.locator("table.tabel tbody tr").count() > 0
    assert administratie.locator("table.tabel tbody a").count() == 0
    assert administratie.get_by_role("link", name="Nieuw dossier").count() == 0
    main_page(administratie, "rollen-administratie-dossiers")

    loket = _logged_in_as(browser, app, "loket1")
    assert loket.get_by_role("heading", level=1).inner_text() == "TLV-aanvragen"
    assert _menu(loket) == ["TLV-aanvragen", "Controleren"]
    refused = loket.goto("/dossiers/")
    assert refused is not None and refused.status == 403
    assert "Geen toegang" in loket.content()
    screenshot(loket, "rollen-loket-geen-toegang")
    refused = loket.goto("/dossierbestanden/alles.zip")
    assert refused is not None and refused.status == 403
    for page in (beheerder, administratie, loket):
        page.context.close()
