"""Deleting a dossier: the IB'er or the beheerder, after a page that asks to confirm; the log
keeps that it happened, without pupil data."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from overdracht.web.models import Dossier, DossierVersion, Logregel, Logsoort

pytestmark = pytest.mark.django_db


def test_deleting_asks_first_then_deletes_and_logs_without_pupil_data(
    ib_client: Client, sample_dossier: Any
) -> None:
    public_id = sample_dossier.public_id
    url = f"/dossiers/{public_id}/verwijderen/"
    form = ib_client.get(f"/dossiers/{public_id}/").content.decode()
    assert f'href="{url}"' in form
    page = ib_client.get(url).content.decode()
    assert "verwijderen?" in page
    assert "kan niet ongedaan worden gemaakt" in page
    assert "Ja, dossier verwijderen" in page
    assert Dossier.objects.filter(public_id=public_id).exists()
    # A POST without the confirmation's field deletes nothing.
    ib_client.post(url, {})
    assert Dossier.objects.filter(public_id=public_id).exists()

    response = ib_client.post(url, {"bevestigd": "ja"}, follow=True)
    assert response.redirect_chain[-1][0] == "/dossiers/"
    assert "Het dossier is verwijderd." in response.content.decode()
    assert not Dossier.objects.filter(public_id=public_id).exists()
    assert not DossierVersion.objects.filter(dossier__public_id=public_id).exists()
    entry = Logregel.objects.get(soort=Logsoort.VERWIJDERD, dossier_ref=public_id)
    assert entry.wat.startswith("Dossier verwijderd door de school")
    logged = " ".join(str(v) for v in Logregel.objects.values_list("wat", "aan"))
    assert sample_dossier.leerling_naam not in logged
    assert ib_client.get(url).status_code == 404


def test_the_administratie_cannot_delete(
    client: Client, sample_dossier: Any, django_user_model: Any
) -> None:
    from overdracht.web.models import Profile, Role

    user = django_user_model.objects.create_user(username="adm", password="Geheim-wachtw-3")
    Profile.objects.create(user=user, rol=Role.ADMINISTRATIE)
    client.force_login(user)
    url = f"/dossiers/{sample_dossier.public_id}/verwijderen/"
    assert client.post(url, {"bevestigd": "ja"}).status_code == 403
    assert Dossier.objects.filter(public_id=sample_dossier.public_id).exists()
