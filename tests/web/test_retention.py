"""Retention: what is due, deleting it, and the log entry without pupil data."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client

from overdracht.web import disclosure, retention
from overdracht.web.models import Dossier, DossierVersion, Logregel

pytestmark = pytest.mark.django_db


def test_a_dossier_is_due_two_years_after_the_start(sample_dossier: Any) -> None:
    start = dt.date.fromisoformat(sample_dossier.current.data["overgang"]["geplande_startdatum"])
    assert retention.due(start.replace(year=start.year + 2) - dt.timedelta(days=1)) == []
    due = retention.due(start.replace(year=start.year + 2))
    assert [d.dossier.pk for d in due] == [sample_dossier.pk]
    assert retention.keep_until(dt.date(2024, 2, 29)) == dt.date(2026, 2, 28)


def test_deleting_keeps_only_a_log_entry_without_pupil_data(
    beheer_client: Client, sample_dossier: Any, beheerder: Any, settings: Any
) -> None:
    settings.BEWAARTERMIJN_JAREN = -2  # the sample starts in 2027: make it due today
    disclosure.record(beheerder, sample_dossier, 1, "onderwijskundig rapport (PDF)")
    page = beheer_client.get("/beheer/bewaartermijn/")
    assert sample_dossier.leerling_naam in page.content.decode()
    refused = beheer_client.post("/beheer/bewaartermijn/", {"dossier": sample_dossier.public_id})
    assert "vink aan dat u zeker weet" in refused.content.decode()
    assert Dossier.objects.filter(pk=sample_dossier.pk).exists()
    done = beheer_client.post(
        "/beheer/bewaartermijn/", {"dossier": sample_dossier.public_id, "zeker": "ja"}
    )
    assert done.status_code == 302
    assert not Dossier.objects.filter(pk=sample_dossier.pk).exists()
    assert not DossierVersion.objects.exists()
    last = Logregel.objects.order_by("-volgnummer").first()
    assert last is not None and last.soort == "verwijderd"
    assert last.wat.startswith("Dossier verwijderd na de bewaartermijn (1 versies")
    assert sample_dossier.leerling_naam not in last.wat
    assert disclosure.verify_chain().ok


def test_only_a_beheerder_sees_retention(ib_client: Client) -> None:
    assert ib_client.get("/beheer/bewaartermijn/").status_code == 403
