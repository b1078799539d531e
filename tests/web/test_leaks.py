"""No pupil data or secrets leak: log lines, addresses, file permissions, headers, passwords."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

TOKEN = "Zr4-geheim_linktoken_van_een_ouder_0123456789abcdef"


@pytest.fixture
def server_log() -> Iterator[io.StringIO]:
    """What the server writes to its log (the console handler of settings.LOGGING)."""
    from overdracht.web.logs import PrivateFormatter

    handlers = [
        h
        for h in logging.getLogger().handlers
        if isinstance(h, logging.StreamHandler) and isinstance(h.formatter, PrivateFormatter)
    ]
    assert len(handlers) == 1
    stream = io.StringIO()
    old = handlers[0].setStream(stream)  # type: ignore[type-var]
    logging.basicConfig()  # as waitress.serve() does: must not add a second handler
    plain = [h for h in logging.getLogger().handlers if type(h) is logging.StreamHandler]
    assert plain == handlers
    for name in ("django", "django.request", "django.security.csrf", "overdracht", "waitress"):
        assert not logging.getLogger(name).handlers, name
    try:
        yield stream
    finally:
        handlers[0].setStream(old)  # type: ignore[type-var]


def test_a_refused_parent_form_is_logged_once_without_its_token(server_log: io.StringIO) -> None:
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        f"/inzage/{TOKEN}/indienen/",
        {"keuze": "ja"},
        HTTP_REFERER=f"https://elders.example/inzage/{TOKEN}/",
        HTTP_ORIGIN="https://elders.example",
    )
    assert response.status_code == 403
    lines = server_log.getvalue().splitlines()
    assert len(lines) == 1, lines
    assert "Forbidden" in lines[0]
    assert "/inzage/…" in lines[0]
    assert TOKEN not in server_log.getvalue()


def test_log_lines_lose_tokens_query_strings_and_bsns() -> None:
    from overdracht.web.logs import scrub

    line = (
        f"WARNING django.request: Not Found: /inzage/{TOKEN}/rapport.pdf "
        "referer /dossiers/?zoek=Daan+de+Vries /importeren/verslag/0a1b2c3d/ bsn 123456782"
    )
    clean = scrub(line)
    assert TOKEN not in clean
    assert "Daan" not in clean
    assert "0a1b2c3d" not in clean
    assert "123456782" not in clean
    assert "/inzage/…/rapport.pdf" in clean
    assert "/dossiers/?…" in clean
