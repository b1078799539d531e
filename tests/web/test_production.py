"""Production mode: Django's deploy checks, DEBUG off, calm Dutch error pages without internals."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from django.http import HttpRequest, HttpResponse
from django.test import Client
from django.urls import path

pytestmark = pytest.mark.django_db

INTERNALS = ("Traceback", "RuntimeError", "URLconf", "Daan", "123456782", "csrf_failure")


def _manage(tmp_path: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("OVERDRACHT_")}
    clean.pop("DJANGO_SETTINGS_MODULE", None)
    clean.pop("DATABASE_URL", None)
    clean.update(OVERDRACHT_DATA=str(tmp_path / "data"), **env)
    return subprocess.run(
        [sys.executable, "-m", "overdracht.web", *args],
        capture_output=True,
        text=True,
        env=clean,
        check=False,
    )


def test_check_deploy_passes_when_listening_publicly(tmp_path: Path) -> None:
    result = _manage(
        tmp_path,
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        OVERDRACHT_PUBLIC="1",
        OVERDRACHT_HOSTS="overdracht.school.nl",
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_debug_is_off_in_both_modes(tmp_path: Path) -> None:
    show = "from django.conf import settings; print(settings.DEBUG, settings.ALLOWED_HOSTS)"
    local = _manage(tmp_path, "shell", "-c", show)
    assert local.stdout.splitlines()[-1] == "False ['127.0.0.1', 'localhost', 'testserver']"
    public = _manage(
        tmp_path, "shell", "-c", show, OVERDRACHT_PUBLIC="1", OVERDRACHT_HOSTS="a.school.nl"
    )
    assert public.stdout.splitlines()[-1] == "False ['a.school.nl']", public.stderr


def _assert_calm(html: str, title: str) -> None:
    assert '<html lang="nl">' in html
    assert title in html
    for internal in INTERNALS:
        assert internal not in html


def test_404_is_dutch(ib_client: Client) -> None:
    for address in ("/nergens/", "/dossiers/bestaat-niet/"):
        response = ib_client.get(address)
        assert response.status_code == 404
        _assert_calm(response.content.decode(), "Deze pagina bestaat niet")


def test_403_is_dutch(client: Client) -> None:
    # The first-run page answers only on the machine itself.
    response = client.get("/eerste-keer/", REMOTE_ADDR="192.0.2.7")
    assert response.status_code == 403
    html = response.content.decode()
    _assert_calm(html, "Geen toegang")
    assert "alleen worden gemaakt op de computer waarop overdracht draait" in html


def test_csrf_failure_is_dutch(ib: Any) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(ib)
    response = client.post("/uitloggen/")
    assert response.status_code == 403
    _assert_calm(response.content.decode(), "Het formulier is verlopen")


def _boom(request: HttpRequest) -> HttpResponse:
    pupil = "Daan van der Berg 123456782"
    raise RuntimeError(f"kan {pupil} niet opslaan")  # pupil data in an exception's message


def _urls_with_a_failing_page() -> ModuleType:
    """The app's URLs plus one page that always fails: to see the 500 page users would get."""
    from overdracht.web import urls
    from overdracht.web.permissions import any_role

    module = ModuleType("urls_met_fout")
    module.__dict__.update(vars(urls))
    module.urlpatterns = [*urls.urlpatterns, path("test-fout/", any_role(_boom))]  # type: ignore[attr-defined]
    return module


def test_500_is_dutch_and_the_log_has_no_pupil_data(
    ib_client: Client, settings: Any, caplog: pytest.LogCaptureFixture
) -> None:
    settings.ROOT_URLCONF = _urls_with_a_failing_page()
    ib_client.raise_request_exception = False
    with caplog.at_level(logging.ERROR):
        response = ib_client.get("/test-fout/")
    assert response.status_code == 500
    _assert_calm(response.content.decode(), "Er ging iets mis")
    assert "misschien niet opgeslagen" in response.content.decode()  # honest: we cannot know
    # The log says where it went wrong, but not the exception's message (it may hold pupil data).
    from overdracht.web.logs import PrivateFormatter

    record = next(r for r in caplog.records if r.name == "django.request")
    logged = PrivateFormatter("%(levelname)s %(name)s: %(message)s").format(record)
    assert "ERROR django.request: Internal Server Error: /test-fout/" in logged
    assert "RuntimeError (melding weggelaten)" in logged
    assert "in _boom" in logged
    assert "Daan" not in logged
    assert "123456782" not in logged


def test_the_server_uses_the_private_log_format() -> None:
    from django.conf import settings

    formatter = settings.LOGGING["formatters"]["plain"]
    assert formatter["()"] == "overdracht.web.logs.PrivateFormatter"
