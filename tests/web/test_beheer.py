"""Beheer: only a beheerder; the regional overlay (good, broken, off) and accounts."""

from __future__ import annotations

import html
import re
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from overdracht.web.models import Dossier, Overlay, Profile, Role

from .conftest import SAMPLES

pytestmark = pytest.mark.django_db


def words(response: Any) -> str:
    text = re.sub(r"<[^>]+>", " ", response.content.decode())
    return html.unescape(re.sub(r"\s+", " ", text))


def overlay_upload(name: str, content: bytes) -> dict[str, Any]:
    return {"aanvulling": SimpleUploadedFile(name, content)}


def test_login_required(client: Client) -> None:
    response = client.get("/beheer/")
    assert response.status_code == 302
    assert "/inloggen/" in response["Location"]


def test_ib_gets_a_dutch_403(ib_client: Client) -> None:
    for response in (
        ib_client.get("/beheer/"),
        ib_client.post("/beheer/aanvulling/uit/"),
        ib_client.post("/beheer/accounts/nieuw/", {"gebruikersnaam": "x"}),
    ):
        assert response.status_code == 403
        assert "Alleen een beheerder kan dit doen." in words(response)
    assert 'href="/beheer/"' not in ib_client.get("/dossiers/").content.decode()


def test_page_lists_accounts_with_their_role(beheer_client: Client, ib: Any) -> None:
    response = beheer_client.get("/beheer/")
    assert response.status_code == 200
    page = words(response)
    assert "Er is geen regionale aanvulling actief" in page
    assert "beheer" in page and " ib " in page
    assert '<option value="ib" selected>' in response.content.decode()


STRICTER = b"""titel: SWV strenger
extends: po-vo
regels:
  - id: swv_oza
    titel: OZA volgens het SWV
    niveau: verplicht
    soort: aanwezig
    pad: ondersteuning.oza
    bron: "Ondersteuningsplan"
"""


def test_overlay_changes_the_overview(beheer_client: Client, all_samples: Any) -> None:
    before = {d.pk: (d.ontbreekt, d.status) for d in Dossier.objects.all()}
    response = beheer_client.post(
        "/beheer/aanvulling/", overlay_upload("strenger.yml", STRICTER), follow=True
    )
    assert "geldt nu voor po-vo" in words(response)
    for dossier in Dossier.objects.all():
        if dossier.overgang == "po-vo" and dossier.status != "definitief":
            assert dossier.ontbreekt == before[dossier.pk][0] + 1
            assert dossier.status == "onvolledig"
        else:
            assert (dossier.ontbreekt, dossier.status) == before[dossier.pk]
    beheer_client.post("/beheer/aanvulling/uit/")
    assert {d.pk: (d.ontbreekt, d.status) for d in Dossier.objects.all()} == before


def test_sample_overlay_is_accepted(beheer_client: Client, all_samples: Any) -> None:
    before = {d.pk: d.ontbreekt for d in Dossier.objects.all()}
    content = (SAMPLES / "swv-voorbeeld.yml").read_bytes()
    response = beheer_client.post(
        "/beheer/aanvulling/", overlay_upload("swv-voorbeeld.yml", content), follow=True
    )
    assert response.status_code == 200
    page = words(response)
    assert "De regionale aanvulling swv-voorbeeld.yml geldt nu voor po-sbo, po-so" in page
    assert "Actief: swv-voorbeeld.yml" in page
    overlay = Overlay.objects.get(actief=True)
    assert overlay.inhoud == content.decode()
    # the loket's check uses it too
    loket = words(beheer_client.get("/loket/"))
    assert "de regionale aanvulling (swv-voorbeeld.yml)" in loket

    response = beheer_client.post("/beheer/aanvulling/uit/", follow=True)
    assert "De regionale aanvulling is uitgezet" in words(response)
    assert not Overlay.objects.filter(actief=True).exists()
    assert {d.pk: d.ontbreekt for d in Dossier.objects.all()} == before


def test_broken_overlay_is_refused_with_file_line_field(beheer_client: Client) -> None:
    broken = b"extends: po-so\nregels:\n  - id: x\n    titel: X\n    niveau: verplicht\n    soort: bestaatniet\n"
    response = beheer_client.post("/beheer/aanvulling/", overlay_upload("kapot.yml", broken))
    assert response.status_code == 400
    page = words(response)
    assert "kapot.yml:6: regels[1].soort: onbekende soort 'bestaatniet'" in page
    assert "Er is 1 probleem" in page
    assert "/tmp/" not in page
    assert not Overlay.objects.exists()
    response = beheer_client.post(
        "/beheer/aanvulling/", overlay_upload("kapot.yml", b"extends: po-so\nregels: [\n")
    )
    assert response.status_code == 400
    assert "kapot.yml:3: het bestand is geen geldige YAML of JSON" in words(response)
    response = beheer_client.post(
        "/beheer/aanvulling/", overlay_upload("leeg.yml", b"titel: zonder basis\n")
    )
    assert response.status_code == 400
    assert "leeg.yml:1: extends:" in words(response)


def test_make_an_account(beheer_client: Client) -> None:
    response = beheer_client.post(
        "/beheer/accounts/nieuw/",
        {"gebruikersnaam": "loket-eemland", "rol": "loket", "wachtwoord": "Lang-genoeg-2026"},
        follow=True,
    )
    assert "Account loket-eemland is gemaakt." in words(response)
    user = get_user_model().objects.get(username="loket-eemland")
    assert user.profiel.rol == Role.LOKET
    assert user.check_password("Lang-genoeg-2026")
    assert not user.is_staff


def test_account_form_errors_in_dutch(beheer_client: Client, ib: Any) -> None:
    response = beheer_client.post(
        "/beheer/accounts/nieuw/", {"gebruikersnaam": "IB", "rol": "ib", "wachtwoord": "kort"}
    )
    assert response.status_code == 400
    page = words(response)
    assert "Er is al een account met deze gebruikersnaam." in page
    assert "Dit wachtwoord is te kort: gebruik minstens 10 tekens." in page
    assert 'value="IB"' in response.content.decode()  # what was typed is kept


def test_change_role_and_switch_off(beheer_client: Client, ib: Any) -> None:
    beheer_client.post(f"/beheer/accounts/{ib.pk}/", {"actie": "rol", "rol": "administratie"})
    assert Profile.objects.get(user=ib).rol == Role.ADMINISTRATIE
    response = beheer_client.post(f"/beheer/accounts/{ib.pk}/", {"actie": "uit"}, follow=True)
    assert "Account ib is uitgeschakeld" in words(response)
    ib.refresh_from_db()
    assert not ib.is_active
    beheer_client.post(f"/beheer/accounts/{ib.pk}/", {"actie": "aan"})
    ib.refresh_from_db()
    assert ib.is_active


def test_own_account_cannot_be_switched_off(beheer_client: Client, beheerder: Any) -> None:
    response = beheer_client.post(
        f"/beheer/accounts/{beheerder.pk}/", {"actie": "uit"}, follow=True
    )
    assert "Uw eigen account kunt u hier niet veranderen" in words(response)
    beheerder.refresh_from_db()
    assert beheerder.is_active


def test_django_admin_lists_accounts(client: Client, django_user_model: Any) -> None:
    admin = django_user_model.objects.create_superuser(username="root", password="x-Lang-2026-x")
    client.force_login(admin)
    response = client.get("/admin/auth/user/")
    assert response.status_code == 200
    assert client.get("/admin/overdracht/overlay/").status_code == 200
    assert "Rol" in client.get(f"/admin/auth/user/{admin.pk}/change/").content.decode()
