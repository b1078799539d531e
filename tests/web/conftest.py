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


def answered_as_in_file(dossier: Any, doc: Any) -> Any:
    """As if everyone asked had answered version 1 the way the dossier file says.

    Consent and inzage typed in a file are the school's word and do not count; tests that need
    a complete dossier let the parents (and pupil) 'answer' first. Test-only: the app itself has
    no way to do this.
    """
    import datetime as dt
    import secrets

    from overdracht.checklists.fingerprint import content_fingerprint
    from overdracht.web.inzage.answers import enforce
    from overdracht.web.inzage.people import plan_for
    from overdracht.web.models import Inzagereactie, Inzageverzoek
    from overdracht.web.store import as_json, document, reindex

    if doc.inzage is None:
        return dossier
    version = dossier.versions.get(number=1)
    stored = document(version.data)
    yes = {t.categorie: not t.geweigerd for t in doc.toestemmingen}
    for person in plan_for(stored).personen:
        verzoek = Inzageverzoek.objects.create(
            dossier=dossier,
            versie=1,
            giver=person.giver,
            ouder_nummer=person.ouder_nummer,
            rol=person.rol,
            naam=person.naam,
            beslist_toestemming=person.beslist_toestemming,
            token_hash=secrets.token_hex(32),
            code_hash=secrets.token_hex(32),
            verloopt_op=dt.datetime.now(dt.UTC) + dt.timedelta(days=14),
        )
        Inzagereactie.objects.create(
            verzoek=verzoek,
            versie=1,
            vingerafdruk=content_fingerprint(stored),
            toestemmingen=yes if person.beslist_toestemming else {},
            bijlagen=[
                {"id": b.id, "titel": b.titel, "meesturen": b.meesturen} for b in doc.bijlagen
            ],
            zienswijze="oneens" if doc.inzage.zienswijze == "oneens" else "eens",
        )
    version.data = as_json(enforce(dossier, stored))
    version.save()
    reindex(dossier)
    return dossier


@pytest.fixture
def sample_dossier(db: None) -> Any:
    """The po-so sample stored as a dossier (version 1), its consent given by the parents."""
    from overdracht.web.store import create_dossier

    doc = load_dossier(SAMPLES / "po-so-compleet.yaml")
    return answered_as_in_file(create_dossier(doc, None, herkomst="test"), doc)


@pytest.fixture
def all_samples(db: None) -> list[Any]:
    from overdracht.web.server import load_samples

    load_samples([SAMPLES])
    from overdracht.model import expand_dossier_paths
    from overdracht.web.models import Dossier

    files = {f"voorbeeld {p.name}": p for p in expand_dossier_paths([SAMPLES])}
    for dossier in Dossier.objects.all():
        path = files.get(dossier.versions.get(number=1).herkomst)
        if path is not None:
            answered_as_in_file(dossier, load_dossier(path))
    return list(Dossier.objects.all())
