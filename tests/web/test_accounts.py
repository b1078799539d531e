"""Logging in, the first-run page, and that nothing with pupil data answers without a login."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_pages_with_pupil_data_need_a_login(client: Client, sample_dossier: Any) -> None:
    for url in ["/dossiers/", f"/dossiers/{sample_dossier.public_id}/", "/dossiers/nieuw/"]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/inloggen/?next=")


def test_htmx_request_without_login_is_sent_to_the_login_page(client: Client) -> None:
    response = client.get("/dossiers/", headers={"HX-Request": "true"})
    assert response.status_code == 401
    assert response["HX-Redirect"] == "/inloggen/"


def test_first_run_page_makes_the_beheerder_then_disappears(client: Client) -> None:
    assert client.get("/inloggen/")["Location"] == "/eerste-keer/"
    page = client.get("/eerste-keer/")
    assert "Welkom bij overdracht" in page.content.decode()
    response = client.post(
        "/eerste-keer/",
        {
            "username": "anna",
            "password1": "Lange-zin-als-wachtwoord",
            "password2": "Lange-zin-als-wachtwoord",
        },
    )
    assert response.status_code == 302
    assert client.get("/dossiers/").status_code == 200
    client.logout()
    assert client.get("/eerste-keer/").status_code == 404


def test_first_run_page_only_answers_on_this_machine(client: Client) -> None:
    response = client.get("/eerste-keer/", REMOTE_ADDR="192.0.2.7")
    assert response.status_code == 403
    assert "alleen worden gemaakt op de computer" in response.content.decode()


def test_wrong_password_gives_a_dutch_message(client: Client, ib: Any) -> None:
    response = client.post("/inloggen/", {"username": "ib", "password": "fout"})
    assert response.status_code == 200
    assert "combinatie van gebruikersnaam en wachtwoord is onbekend" in response.content.decode()


def test_login_then_overview(client: Client, ib: Any, all_samples: list[Any]) -> None:
    response = client.post(
        "/inloggen/", {"username": "ib", "password": "Geheim-wachtwoord-1"}, follow=True
    )
    html = response.content.decode()
    assert "Dossiers" in html
    assert f"{len(all_samples)} dossiers" in html


def test_unknown_page_is_a_calm_dutch_404(ib_client: Client) -> None:
    response = ib_client.get("/bestaat-niet/")
    assert response.status_code == 404
    assert "Deze pagina bestaat niet" in response.content.decode()
    assert "Traceback" not in response.content.decode()
