"""Web tests: Django's test client on SQLite (or PostgreSQL when DATABASE_URL is set)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from overdracht.model import load_dossier

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


@pytest.fixture(autouse=True)
def data_dir(settings: Any, tmp_path: Path) -> Path:
    """Every test gets its own data folder (uploads, overlays)."""
    settings.DATA_DIR = tmp_path / "data"
    settings.UPLOAD_DIR = tmp_path / "data" / "bestanden"
    settings.DATA_DIR.mkdir()
    return Path(settings.DATA_DIR)


@pytest.fixture(autouse=True)
def anchor_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """A test's transaction never commits: anchor the log's new head at once, as a commit does."""
    from overdracht.web import logchain

    monkeypatch.setattr(logchain, "after_commit", lambda action: action())


@pytest.fixture
def ib(django_user_model: Any) -> Any:
    from overdracht.web.models import Profile, Role

    user = django_user_model.objects.create_user(username="ib", password="Geheim-wachtwoord-1")
    Profile.objects.create(user=user, rol=Role.IB)
    return user


@pytest.fixture
def beheerder(django_user_model: Any) -> Any:
    from overdracht.web.models import Profile, Role

    user = django_user_model.objects.create_user(username="beheer", password="Geheim-wachtwoord-2")
    Profile.objects.create(user=user, rol=Role.BEHEERDER)
    return user


@pytest.fixture
def ib_client(client: Client, ib: Any) -> Client:
    client.force_login(ib)
    return client


@pytest.fixture
def beheer_client(client: Client, beheerder: Any) -> Client:
    client.force_login(beheerder)
    return client


@pytest.fixture
def sample_dossier(db: None) -> Any:
    """The po-so sample stored as a dossier (version 1)."""
    from overdracht.web.store import create_dossier

    return create_dossier(load_dossier(SAMPLES / "po-so-compleet.yaml"), None, herkomst="test")


@pytest.fixture
def all_samples(db: None) -> list[Any]:
    from overdracht.web.server import load_samples

    load_samples([SAMPLES])
    from overdracht.web.models import Dossier

    return list(Dossier.objects.all())
