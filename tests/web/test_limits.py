"""Limits hold before work is done: login throttling, waitress's limits, parallel imports, big
dossiers, and the proxy."""

from __future__ import annotations

import contextlib
import html.parser
import socket
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client

pytestmark = pytest.mark.django_db

LOCKED = "Er is te vaak een verkeerd wachtwoord gegeven"
WRONG = "Deze combinatie van gebruikersnaam en wachtwoord is onbekend"


@pytest.fixture(autouse=True)
def fresh_counters(settings: Any) -> Iterator[None]:
    # A fast hasher: these tests log in dozens of times (the rules are the same).
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
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


# --- waitress: a live server on loopback, bounded ------------------------------------------


@contextlib.contextmanager
def waitress_running(app: Any, **options: Any) -> Iterator[int]:
    """Serve ``app`` with waitress on a free loopback port; yields the port."""
    import waitress
    from django.db import connections
    from waitress import wasyncore

    def closing(environ: dict[str, Any], start_response: Any) -> list[bytes]:
        # Each of waitress's threads closes its database connection after the request, so
        # the test database can be removed at the end (PostgreSQL refuses while in use).
        try:
            response = app(environ, start_response)
            try:
                return list(response)
            finally:
                getattr(response, "close", lambda: None)()
        finally:
            connections.close_all()

    server = waitress.create_server(closing, host="127.0.0.1", port=0, **options)

    def run() -> None:
        # Closed below while waiting in select(): the test is over.
        with contextlib.suppress(OSError, ValueError):
            server.run()

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    try:
        yield int(server.effective_port)
    finally:
        server.close()
        wasyncore.close_all(server._map)
        server.task_dispatcher.shutdown()
        thread.join(5)


def hello(environ: dict[str, Any], start_response: Any) -> list[bytes]:
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"hallo"]


def _raw(port: int, data: bytes, timeout: float = 10) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
        sock.sendall(data)
        chunks = []
        while chunk := sock.recv(65536):
            chunks.append(chunk)
        return b"".join(chunks)


def test_the_servers_limits() -> None:
    from overdracht.web import server

    options = server.waitress_options()
    assert options["channel_timeout"] == 20
    assert options["connection_limit"] == 250
    assert options["max_request_body_size"] == 56 * 1024 * 1024
    assert options["clear_untrusted_proxy_headers"] is False
    proxied = server.waitress_options(proxy="10.0.0.5")
    assert proxied["trusted_proxy"] == "10.0.0.5"
    assert proxied["trusted_proxy_headers"] == {
        "x-forwarded-for",
        "x-forwarded-proto",
        "x-forwarded-host",
    }


def test_idle_half_open_connections_do_not_make_the_server_unreachable() -> None:
    from overdracht.web import server

    options = server.waitress_options() | {
        "connection_limit": 10,
        "channel_timeout": 1,
        "cleanup_interval": 1,
    }
    with waitress_running(hello, **options) as port:
        idle = []
        for _ in range(12):
            sock = socket.create_connection(("127.0.0.1", port), timeout=5)
            sock.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")  # never finished
            idle.append(sock)
        try:
            start = time.monotonic()
            answer = _raw(port, b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            assert answer.startswith(b"HTTP/1.1 200")
            assert time.monotonic() - start < 8
        finally:
            for sock in idle:
                sock.close()


def test_a_too_large_request_is_refused_in_dutch_before_its_body_is_read() -> None:
    # The answer comes while only 1 KB of the announced 500 MB was sent: nothing was spooled.
    from overdracht.web import server

    with waitress_running(hello, **server.waitress_options()) as port:
        size = 500 * 1024 * 1024
        head = (
            f"POST /importeren/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: {size}\r\n"
            "Content-Type: application/octet-stream\r\n\r\n"
        )
        answer = _raw(port, head.encode() + b"x" * 1024)  # the rest never comes
    assert answer.startswith(b"HTTP/1.1 413")
    text = answer.decode()
    assert "Dit is te groot om te versturen" in text
    assert "groter dan 56 MB" in text


# --- behind an HTTPS proxy --------------------------------------------------------------------

PROXIED = (
    "X-Forwarded-Proto: https\r\nX-Forwarded-For: 203.0.113.9\r\n"
    "X-Forwarded-Host: overdracht.school.nl\r\n"
)


@pytest.fixture
def public_app(settings: Any, db: None) -> Any:
    """The app as ``overdracht web --proxy 127.0.0.1 --hostnaam overdracht.school.nl`` runs it."""
    from django.core.handlers.wsgi import WSGIHandler

    settings.PUBLIC = True
    settings.ALLOWED_HOSTS = ["overdracht.school.nl"]
    settings.SECURE_SSL_REDIRECT = True
    settings.SESSION_COOKIE_SECURE = True
    settings.CSRF_COOKIE_SECURE = True
    return WSGIHandler()  # reads the settings above when it loads the middleware


def _get(port: int, path: str, headers: str = "", host: str = "overdracht.school.nl") -> str:
    request = f"GET {path} HTTP/1.1\r\nHost: {host}\r\n{headers}Connection: close\r\n\r\n"
    return _raw(port, request.encode()).decode("utf-8", "replace")


@pytest.mark.django_db(transaction=True)
def test_behind_the_proxy_pages_answer_over_https_without_a_redirect_loop(
    public_app: Any, ib: Any
) -> None:
    from overdracht.web import server

    with waitress_running(public_app, **server.waitress_options(proxy="127.0.0.1")) as port:
        answer = _get(port, "/inloggen/", PROXIED, host=f"127.0.0.1:{port}")
        assert answer.startswith("HTTP/1.1 200"), answer[:300]  # Django sees https
        # Without the proxy's word it is plain http, sent on to https once.
        plain = _get(port, "/inloggen/")
        assert plain.startswith("HTTP/1.1 301")
        assert "Location: https://overdracht.school.nl/inloggen/" in plain


def echo(environ: dict[str, Any], start_response: Any) -> list[bytes]:
    start_response("200 OK", [("Content-Type", "text/plain")])
    seen = f"{environ['REMOTE_ADDR']} {environ['wsgi.url_scheme']} {environ['HTTP_HOST']}"
    return [seen.encode()]


def test_behind_the_proxy_the_app_sees_the_visitor() -> None:
    # The address the login throttling counts, the scheme Django's https checks use.
    from overdracht.web import server

    with waitress_running(echo, **server.waitress_options(proxy="127.0.0.1")) as port:
        answer = _get(port, "/", PROXIED, host=f"127.0.0.1:{port}")
    assert answer.endswith("203.0.113.9 https overdracht.school.nl")


@pytest.mark.django_db(transaction=True)
def test_headers_from_anyone_but_the_proxy_are_not_believed(public_app: Any, ib: Any) -> None:
    from overdracht.web import server

    with waitress_running(public_app, **server.waitress_options(proxy="192.0.2.1")) as port:
        answer = _get(port, "/inloggen/", PROXIED)
    assert answer.startswith("HTTP/1.1 301")


@pytest.mark.django_db(transaction=True)
def test_the_first_run_page_cannot_be_reached_through_the_proxy(public_app: Any) -> None:
    from overdracht.web import server

    with waitress_running(public_app, **server.waitress_options(proxy="127.0.0.1")) as port:
        answer = _get(port, "/eerste-keer/", PROXIED, host=f"127.0.0.1:{port}")
    assert answer.startswith("HTTP/1.1 403")
    assert "overdracht web --beheerder" in answer


@pytest.mark.django_db(transaction=True)
def test_the_first_run_page_refuses_a_local_proxy_not_given_with_proxy(settings: Any) -> None:
    # nginx on the same computer without --proxy: every visitor comes from 127.0.0.1, but the
    # proxy's headers reach the app and give it away.
    from django.core.handlers.wsgi import WSGIHandler

    from overdracht.web import server

    with waitress_running(WSGIHandler(), **server.waitress_options()) as port:
        direct = _get(port, "/eerste-keer/", host="127.0.0.1")
        proxied = _get(port, "/eerste-keer/", "X-Forwarded-For: 203.0.113.9\r\n", "127.0.0.1")
        real_ip = _get(port, "/eerste-keer/", "X-Real-IP: 203.0.113.9\r\n", "127.0.0.1")
    assert direct.startswith("HTTP/1.1 200")
    assert proxied.startswith("HTTP/1.1 403")
    assert real_ip.startswith("HTTP/1.1 403")


def test_listening_on_another_address_asks_for_the_proxy(tmp_path: Any) -> None:
    from click.testing import CliRunner

    from overdracht.cli import main

    args = ["web", "--data", str(tmp_path / "d"), "--adres", "0.0.0.0", "--hostnaam", "a.nl"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2
    assert "Geef zijn adres met --proxy" in result.output
    result = CliRunner().invoke(main, ["web", "--data", str(tmp_path / "d"), "--proxy", "::1"])
    assert result.exit_code == 2
    assert "Geef met --hostnaam op" in result.output


# --- the dossier form saves a dossier of any size ---------------------------------------------


class FormFields(html.parser.HTMLParser):
    """What a browser posts for the page's main form: every named input, select and textarea."""

    def __init__(self) -> None:
        super().__init__()
        self.fields: list[tuple[str, str]] = []
        self._select: str | None = None
        self._selected: str | None = None
        self._first: str | None = None
        self._textarea: str | None = None
        self._text = ""
        self._in_form = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if (
            tag == "form"
            and a.get("method", "").lower() == "post"
            and "logout" not in a.get("action", "")
        ):
            self._in_form = True
        if not self._in_form:
            return
        if tag == "input" and a.get("name") and "disabled" not in a:
            kind = a.get("type", "text")
            if kind in ("checkbox", "radio") and "checked" not in a:
                return
            if kind not in ("submit", "button", "file"):
                self.fields.append((a["name"], a.get("value", "")))
        elif tag == "select" and a.get("name"):
            self._select, self._selected, self._first = a["name"], None, None
        elif tag == "option" and self._select is not None:
            if self._first is None:
                self._first = a.get("value", "")
            if "selected" in a:
                self._selected = a.get("value", "")
        elif tag == "textarea" and a.get("name"):
            self._textarea, self._text = a["name"], ""

    def handle_data(self, data: str) -> None:
        if self._textarea is not None:
            self._text += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._in_form = False
        elif tag == "select" and self._select is not None:
            value = self._selected if self._selected is not None else self._first
            self.fields.append((self._select, value or ""))
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            self.fields.append((self._textarea, self._text.removeprefix("\n")))
            self._textarea = None


def test_the_form_of_a_dossier_with_130_toetsen_saves(ib_client: Client) -> None:
    from overdracht.model import load_dossier
    from overdracht.web.store import create_dossier

    from .conftest import SAMPLES

    doc = load_dossier(SAMPLES / "po-so-compleet.yaml")
    first = doc.toetsen[0]
    doc.toetsen = [
        first.model_copy(update={"naam": f"Toets {n}", "toelichting": f"ronde {n}"})
        for n in range(130)
    ]
    dossier = create_dossier(doc, None, herkomst="test")
    url = f"/dossiers/{dossier.public_id}/"
    page = FormFields()
    page.feed(ib_client.get(url).content.decode())
    assert len(page.fields) > 1000  # Django's default limit, which refused this form
    post: dict[str, list[str]] = {}
    for name, value in page.fields:
        post.setdefault(name, []).append(value)
    post["leerling.roepnaam"] = ["Daantje"]
    response = ib_client.post(url, post)
    assert response.status_code == 302, response.content.decode()[:2000]
    dossier.refresh_from_db()
    assert dossier.current_number == 2
    assert len(dossier.current.data["toetsen"]) == 130
    assert dossier.current.data["toetsen"][129]["naam"] == "Toets 129"


def test_the_field_limit_covers_the_widest_row_of_the_form(settings: Any) -> None:
    from overdracht.limits import MAX_SOURCE_VALUES
    from overdracht.web.formschema import Spec, dossier_specs

    def width(specs: tuple[Spec, ...]) -> int:
        return sum(width(s.children) if s.kind == "group" else 1 for s in specs)

    def rows(specs: tuple[Spec, ...]) -> Iterator[Spec]:
        for spec in specs:
            if spec.kind == "rows":
                yield spec
            if spec.children:
                yield from rows(spec.children)

    widest = max(width(spec.children) + 1 for spec in rows(dossier_specs()))
    assert widest <= settings.FORM_FIELDS_PER_ROW
    assert MAX_SOURCE_VALUES * widest <= settings.DATA_UPLOAD_MAX_NUMBER_FIELDS


# --- parallel imports ---------------------------------------------------------------------------


def test_the_gate_runs_a_few_jobs_lets_a_few_wait_and_turns_the_rest_away() -> None:
    from overdracht.web.gates import Gate

    gate = Gate(slots=2, queue=1, wait=5)
    release = threading.Event()
    admitted: list[bool] = []

    def job() -> None:
        with gate.enter() as ok:
            admitted.append(ok)
            if ok:
                release.wait(5)

    running = [threading.Thread(target=job) for _ in range(3)]  # 2 run, 1 waits
    for thread in running:
        thread.start()
    time.sleep(0.3)
    with gate.enter() as ok:  # the fourth: the queue is full, so at once
        assert ok is False
    release.set()
    for thread in running:
        thread.join(5)
    assert admitted == [True, True, True]


def _uploads() -> dict[str, tuple[str, dict[str, Any]]]:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from .conftest import SAMPLES
    from .test_loket import sample_zip

    workbook = SAMPLES / "import" / "leerlingen-po-vo.xlsx"
    dossier = SAMPLES / "po-so-compleet.yaml"
    return {
        "import": (
            "/importeren/",
            {
                "bestand": SimpleUploadedFile(workbook.name, workbook.read_bytes()),
                "overgang": "po-vo",
            },
        ),
        "dossierbestanden": (
            "/dossierbestanden/",
            {"bestanden": SimpleUploadedFile(dossier.name, dossier.read_bytes())},
        ),
        "loket": ("/loket/", {"aanvragen": sample_zip()}),
    }


@pytest.mark.parametrize("kind", ["import", "dossierbestanden", "loket"])
def test_an_upload_while_the_server_is_full_gets_a_calm_page(
    beheer_client: Client, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    from overdracht.web import gates
    from overdracht.web.models import Dossier

    full = gates.Gate(slots=1, queue=0, wait=0)
    monkeypatch.setattr(gates.IMPORTS, "_slots", full._slots)
    monkeypatch.setattr(gates.IMPORTS, "queue", 0)
    address, data = _uploads()[kind]
    with full.enter():
        response = beheer_client.post(address, data)
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    html = response.content.decode()
    assert "Even wachten" in html
    assert "niets ingelezen en niets veranderd" in html
    assert not Dossier.objects.exists()
    # Reading the page itself is never held up.
    with full.enter():
        assert beheer_client.get(address).status_code == 200
