"""Limits hold before work is done: login throttling, waitress's limits, parallel imports, big
dossiers, and the proxy."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client

pytestmark = pytest.mark.django_db

LOCKED = "Er is te vaak een verkeerd wachtwoord gegeven"
WRONG = "Deze combinatie van gebruikersnaam en wachtwoord is onbekend"


@pytest.fixture(autouse=True)
def fresh_counters() -> Iterator[None]:
    cache.clear()
    yield
    cache.clear()


def _login(client: Client, username: str, password: str, address: str = "192.0.2.10") -> Any:
    return client.post(
        "/inloggen/", {"username": username, "password": password}, REMOTE_ADDR=address
    )


def test_many_wrong_passwords_lock_the_account_even_for_the_right_one(
    client: Client, ib: Any
) -> None:
    for attempt in range(5):
        response = _login(client, "ib", f"fout-{attempt}", address=f"192.0.2.{attempt + 1}")
        assert WRONG in response.content.decode()
    response = _login(client, "ib", "Geheim-wachtwoord-1", address="198.51.100.9")
    assert response.status_code == 200
    html = response.content.decode()
    assert LOCKED in html
    assert "15 minuten" in html
    assert "_auth_user_id" not in client.session


def test_many_wrong_passwords_from_one_address_lock_that_address(client: Client, ib: Any) -> None:
    for attempt in range(30):
        _login(client, f"gok-{attempt}", "fout", address="203.0.113.5")
    assert LOCKED in _login(client, "ib", "Geheim-wachtwoord-1", "203.0.113.5").content.decode()
    # Another address still gets in with the right password.
    response = _login(client, "ib", "Geheim-wachtwoord-1", address="198.51.100.9")
    assert response.status_code == 302


def test_every_login_path_is_throttled(client: Client, beheerder: Any) -> None:
    # The gate is an authentication backend, so the admin's login and any other caller of
    # authenticate() are refused alike.
    from django.contrib.auth import authenticate
    from django.test import RequestFactory

    for _ in range(5):
        _login(client, "beheer", "fout")
    request = RequestFactory().post("/admin/login/", REMOTE_ADDR="198.51.100.9")
    assert authenticate(request, username="beheer", password="Geheim-wachtwoord-2") is None
    assert authenticate(request, username="ib", password="x") is None


def test_a_good_login_clears_the_accounts_count(client: Client, ib: Any) -> None:
    for _ in range(4):
        _login(client, "ib", "fout")
    assert _login(client, "ib", "Geheim-wachtwoord-1").status_code == 302
    client.logout()
    for _ in range(4):
        _login(client, "ib", "fout")
    assert _login(client, "ib", "Geheim-wachtwoord-1").status_code == 302


def test_a_lockout_is_logged_without_name_or_address(
    client: Client, ib: Any, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level("WARNING", logger="overdracht.inloggen"):
        for _ in range(5):
            _login(client, "ib", "fout")
    assert "geblokkeerd voor een account" in caplog.text
    assert "ib" not in caplog.text.replace("geblokkeerd", "")
    assert "192.0.2.10" not in caplog.text
