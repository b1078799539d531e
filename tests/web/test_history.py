"""History: every save a version (who, when, what changed), view one read-only, restore one."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from overdracht.web.models import Dossier
from overdracht.web.store import document, save_version

pytestmark = pytest.mark.django_db


def _rename(dossier: Dossier, user: Any, roepnaam: str) -> None:
    doc = document(dossier.current.data)
    doc.leerling.roepnaam = roepnaam
    save_version(dossier, doc, user, base_number=dossier.current_number)


def test_every_page_needs_a_login(client: Client, sample_dossier: Dossier) -> None:
    pid = sample_dossier.public_id
    for path in [f"/dossiers/{pid}/versies/", f"/dossiers/{pid}/versies/1/"]:
        assert client.get(path)["Location"].startswith("/inloggen/"), path
    response = client.post(f"/dossiers/{pid}/versies/1/herstellen/", {"huidig": "1"})
    assert response["Location"].startswith("/inloggen/")


def test_history_lists_who_when_and_what_changed(
    ib_client: Client, ib: Any, sample_dossier: Dossier
) -> None:
    _rename(sample_dossier, ib, "Danny")
    page = ib_client.get(f"/dossiers/{sample_dossier.public_id}/versies/").content.decode()
    assert "Leerling › Roepnaam gewijzigd" in page
    assert "Dossier aangemaakt" in page
    assert ">ib<" in page  # who saved version 2
    assert page.count("Danny") == 1  # only the heading: the list names fields, not values


def test_an_earlier_version_reads_as_labelled_data(
    ib_client: Client, ib: Any, sample_dossier: Dossier
) -> None:
    _rename(sample_dossier, ib, "Danny")
    response = ib_client.get(f"/dossiers/{sample_dossier.public_id}/versies/1/")
    page = response.content.decode()
    assert response.status_code == 200
    assert "<dt>Roepnaam</dt>" in page and "<dd>Daan</dd>" in page
    assert "<dd>14-09-2017</dd>" in page  # dates as an IB'er writes them
    assert "Deze versie herstellen" in page
    assert "Alleen lezen" in page
    current = ib_client.get(f"/dossiers/{sample_dossier.public_id}/versies/2/").content.decode()
    assert "<dd>Danny</dd>" in current and "Deze versie herstellen" not in current
    assert ib_client.get(f"/dossiers/{sample_dossier.public_id}/versies/7/").status_code == 404


def test_restore_makes_a_new_version(ib_client: Client, ib: Any, sample_dossier: Dossier) -> None:
    _rename(sample_dossier, ib, "Danny")
    pid = sample_dossier.public_id
    response = ib_client.post(f"/dossiers/{pid}/versies/1/herstellen/", {"huidig": "2"})
    assert response.status_code == 302
    dossier = Dossier.objects.get(pk=sample_dossier.pk)
    assert dossier.current_number == 3
    restored = dossier.current
    assert restored.herkomst == "hersteld van versie 1"
    assert restored.data == dossier.versions.get(number=1).data
    assert restored.created_by == ib
    page = ib_client.get(response["Location"]).content.decode()
    assert "Versie 1 is hersteld als nieuwe versie 3." in page
    assert "Hersteld van versie 1" in page


def test_restore_from_a_stale_page_is_refused(
    ib_client: Client, ib: Any, sample_dossier: Dossier
) -> None:
    _rename(sample_dossier, ib, "Danny")
    _rename(Dossier.objects.get(pk=sample_dossier.pk), None, "Dani")
    pid = sample_dossier.public_id
    response = ib_client.post(f"/dossiers/{pid}/versies/1/herstellen/", {"huidig": "2"})
    assert response.status_code == 200
    assert "Er is daarom niets hersteld" in response.content.decode()
    assert Dossier.objects.get(pk=sample_dossier.pk).current_number == 3


def test_restoring_the_current_content_changes_nothing(
    ib_client: Client, sample_dossier: Dossier
) -> None:
    pid = sample_dossier.public_id
    response = ib_client.post(f"/dossiers/{pid}/versies/1/herstellen/", {"huidig": "1"})
    assert "gelijk aan de huidige versie" in ib_client.get(response["Location"]).content.decode()
    assert Dossier.objects.get(pk=sample_dossier.pk).current_number == 1
