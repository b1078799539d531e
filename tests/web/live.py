"""A live overdracht site for the concurrency tests and the load benchmark.

``overdracht web --data <folder> --port <free port>`` runs as a subprocess, exactly as a school
starts it (waitress and its threads, DEBUG off), on its own data folder and its own database:
SQLite in the data folder, or a fresh PostgreSQL database beside ``DATABASE_URL``'s when that is
set (``scripts/met-postgres.sh``). Before it starts, the site is filled through the store and
the inzage functions (this file run as a script in the site's environment): staff accounts,
dossiers made from the samples, and inzage links with their codes.

:class:`Visitor` is a person with a browser of their own (cookies), speaking plain HTTP: it
reads the forms of a page as a browser would and sends them back.
"""

from __future__ import annotations

import http.cookiejar
import json
import os
import re
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
PASSWORD = "Gelijktijdig-wachtwoord-7"
FIRST_NAMES = ["Daan", "Sanne", "Noah", "Emma", "Liam", "Julia", "Sem", "Tess", "Lucas", "Mila"]
SURNAMES = ["Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Visser", "Smit", "Bos"]


# --- Filling the site (runs in a subprocess, in the site's own environment) --------------------


def fill(data_dir: Path, staff: int, dossiers: int, links: int) -> dict[str, Any]:
    """Accounts ``ib1``..``ibN`` (IB'er), ``dossiers`` dossiers and ``links`` open inzage links."""
    from overdracht.web import server

    server.configure(data_dir)
    server.migrate()
    from django.contrib.auth import get_user_model

    from overdracht.errors import OverdrachtError
    from overdracht.model import expand_dossier_paths, load_dossier
    from overdracht.web.inzage import links as inzage_links
    from overdracht.web.models import Profile, Role
    from overdracht.web.store import create_dossier

    users = get_user_model()
    names = []
    for number in range(1, staff + 1):
        user = users.objects.create_user(username=f"ib{number}", password=PASSWORD)
        Profile.objects.create(user=user, rol=Role.IB)
        names.append(user.get_username())
    samples = [
        load_dossier(p) for p in sorted(expand_dossier_paths([SAMPLES])) if p.suffix != ".yml"
    ]
    made = []
    for number in range(dossiers):
        doc = samples[number % len(samples)]
        leerling = doc.leerling.model_copy(
            update={
                "voornamen": FIRST_NAMES[number % len(FIRST_NAMES)],
                "roepnaam": FIRST_NAMES[number % len(FIRST_NAMES)],
                "achternaam": f"{SURNAMES[number % len(SURNAMES)]} {number}",
            }
        )
        made.append(
            create_dossier(doc.model_copy(update={"leerling": leerling}), None, herkomst="test")
        )
    asked: list[dict[str, str]] = []
    for dossier in made:
        if len(asked) >= links:
            break
        try:
            new = inzage_links.ask(dossier, None)
        except OverdrachtError:  # nobody to ask in this sample
            continue
        asked += [{"token": n.token, "code": n.code, "dossier": dossier.public_id} for n in new]
    return {
        "staff": names,
        "dossiers": [d.public_id for d in made],
        "links": asked[:links],
    }


# --- The running site --------------------------------------------------------------------------


@dataclass
class Site:
    """The running site: its address, what it was filled with, and its log (stderr)."""

    url: str
    data_dir: Path
    log_path: Path
    staff: list[str]
    dossiers: list[str]
    links: list[dict[str, str]]
    database: str
    process: subprocess.Popen[str] = field(repr=False)

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def visitor(self) -> Visitor:
        return Visitor(self.url)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _environment(database_url: str | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_URL", "OVERDRACHT_"))}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    env["PYTHONUNBUFFERED"] = "1"
    if database_url:
        env["DATABASE_URL"] = database_url
    return env


@contextmanager
def _database() -> Iterator[str | None]:
    """A fresh PostgreSQL database beside ``DATABASE_URL``'s, dropped afterwards; else None."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        yield None
        return
    import psycopg

    parts = urllib.parse.urlsplit(url)
    name = f"overdracht_live_{secrets.token_hex(4)}"
    admin = urllib.parse.urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(_libpq(admin), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield urllib.parse.urlunsplit(parts._replace(path=f"/{name}"))
    finally:
        with psycopg.connect(_libpq(admin), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _libpq(url: str) -> str:
    return url.replace("postgres://", "postgresql://", 1)


def _command() -> list[str]:
    script = Path(sys.executable).with_name("overdracht")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "from overdracht.cli import main; main()"]


@contextmanager
def running_site(
    base: Path, *, staff: int = 10, dossiers: int = 20, links: int = 10, threads_log: bool = False
) -> Iterator[Site]:
    """``overdracht web`` on a filled data folder under ``base``, until the block ends."""
    data_dir, log_path = base / "data", base / "server.log"
    with _database() as database_url:
        env = _environment(database_url)
        filled = subprocess.run(
            [
                sys.executable,
                str(Path(__file__)),
                str(data_dir),
                str(staff),
                str(dossiers),
                str(links),
            ],
            capture_output=True,
            text=True,
            env=env,
            check=False,
            timeout=600,
        )
        if filled.returncode != 0:
            raise RuntimeError(f"Vullen mislukt:\n{filled.stderr[-3000:]}")
        content = json.loads(filled.stdout.strip().splitlines()[-1])
        port = free_port()
        with log_path.open("w", encoding="utf-8") as log:
            process = subprocess.Popen(
                [*_command(), "web", "--data", str(data_dir), "--port", str(port)],
                stdout=subprocess.DEVNULL,
                stderr=log,
                text=True,
                env=env,
                cwd=base,
            )
        try:
            url = f"http://127.0.0.1:{port}"
            wait_until_answering(url + "/inloggen/", process, timeout=120)
            yield Site(
                url,
                data_dir,
                log_path,
                content["staff"],
                content["dossiers"],
                content["links"],
                "PostgreSQL" if database_url else "SQLite",
                process,
            )
        finally:
            process.terminate()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def wait_until_answering(login_url: str, process: subprocess.Popen[str], timeout: float) -> None:
    """Wait until the started ``overdracht web`` answers its login page (the live tests and the
    browser tests start it the same way)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"overdracht web stopte met code {process.returncode}")
        try:
            with urllib.request.urlopen(login_url, timeout=5) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.3)
    raise RuntimeError(f"overdracht web antwoordde niet binnen {timeout:.0f} s op {login_url}")


# --- Visitors ----------------------------------------------------------------------------------


@dataclass
class Response:
    status: int
    body: bytes
    headers: dict[str, str]
    seconds: float

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", errors="replace")

    @property
    def location(self) -> str:
        return self.headers.get("location", "")


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


class Visitor:
    """One person with a browser of their own: cookies, forms read from the page."""

    def __init__(self, base: str, timeout: float = 120) -> None:
        self.base = base
        self.timeout = timeout
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.cookies), _NoRedirect()
        )

    def request(
        self,
        method: str,
        path: str,
        fields: list[tuple[str, str]] | None = None,
        *,
        body: bytes | None = None,
        headers: dict[str, str] | None = None,
    ) -> Response:
        url = path if path.startswith("http") else self.base + path
        data = urllib.parse.urlencode(fields).encode() if fields is not None else body
        request = urllib.request.Request(url, data=data, method=method, headers=headers or {})
        start = time.perf_counter()
        try:
            with self.opener.open(request, timeout=self.timeout) as answer:
                body, status, headers = answer.read(), answer.status, answer.headers
        except urllib.error.HTTPError as exc:
            body, status, headers = exc.read(), exc.code, exc.headers
        seconds = time.perf_counter() - start
        return Response(status, body, {k.lower(): v for k, v in headers.items()}, seconds)

    def get(self, path: str) -> Response:
        return self.request("GET", path)

    def post(self, path: str, fields: list[tuple[str, str]]) -> Response:
        return self.request("POST", path, fields)

    def post_json(self, path: str, data: Any, headers: dict[str, str] | None = None) -> Response:
        """What the page's script sends (the live checklist): JSON, with the CSRF header."""
        sent = {
            "Content-Type": "application/json",
            "X-CSRFToken": self.cookie("csrftoken"),
            **(headers or {}),
        }
        return self.request("POST", path, body=json.dumps(data).encode(), headers=sent)

    def cookie(self, name: str) -> str:
        return next((c.value or "" for c in self.cookies if c.name == name), "")

    def log_in(self, username: str, password: str = PASSWORD) -> None:
        page = self.get("/inloggen/")
        fields = form_fields(page.text)
        fields = [(k, v) for k, v in fields if k not in ("username", "password")]
        answer = self.post("/inloggen/", [*fields, ("username", username), ("password", password)])
        if answer.status != 302:
            raise AssertionError(f"Inloggen als {username} gaf {answer.status}")


class _Forms(HTMLParser):
    """The fields of every form on a page, as a browser would send them unchanged."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.forms: list[dict[str, Any]] = []
        self._select: str | None = None
        self._select_value: str | None = None
        self._select_first: str | None = None
        self._textarea: str | None = None
        self._text: list[str] = []
        self._radios: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form":
            self.forms.append({"action": a.get("action", ""), "fields": []})
            self._radios = {}
            return
        if not self.forms:
            return
        fields = self.forms[-1]["fields"]
        name = a.get("name", "")
        if tag == "input" and name:
            kind = a.get("type", "text").lower()
            if kind in ("submit", "button", "file", "image", "reset"):
                return
            if kind == "radio":
                self._radios.setdefault(name, a.get("value", "on"))
                if "checked" in a:
                    fields.append((name, a.get("value", "on")))
                return
            if kind == "checkbox" and "checked" not in a:
                return
            fields.append((name, a.get("value", "on" if kind == "checkbox" else "")))
        elif tag == "select" and name:
            self._select, self._select_value, self._select_first = name, None, None
        elif tag == "option" and self._select is not None:
            value = a.get("value", "")
            if self._select_first is None:
                self._select_first = value
            if "selected" in a:
                self._select_value = value
        elif tag == "textarea" and name:
            self._textarea, self._text = name, []

    def handle_data(self, data: str) -> None:
        if self._textarea is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if not self.forms:
            return
        fields = self.forms[-1]["fields"]
        if tag == "select" and self._select is not None:
            value = self._select_value if self._select_value is not None else self._select_first
            fields.append((self._select, value or ""))
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            fields.append((self._textarea, "".join(self._text).removeprefix("\n")))
            self._textarea = None
        elif tag == "form":
            self.forms[-1]["radios"] = dict(self._radios)


def forms(html: str) -> list[dict[str, Any]]:
    parser = _Forms()
    parser.feed(html)
    return parser.forms


def form_fields(
    html: str, action: str | None = None, *, answer_radios: bool = False
) -> list[tuple[str, str]]:
    """The fields of the form posting to ``action`` (the first form when None); with
    ``answer_radios``, an unanswered radio group gets its first option, as a hurried person
    would click it."""
    for form in forms(html):
        if action is None or urllib.parse.urlsplit(form["action"]).path == action:
            fields: list[tuple[str, str]] = list(form["fields"])
            if answer_radios:
                chosen = {name for name, _ in fields}
                fields += [(n, v) for n, v in form.get("radios", {}).items() if n not in chosen]
            return fields
    raise AssertionError(f"Geen formulier naar {action!r} op de pagina")


def csrf_from(html: str) -> str:
    match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    return match.group(1) if match else ""


if __name__ == "__main__":
    folder, staff_count, dossier_count, link_count = sys.argv[1:5]
    print(json.dumps(fill(Path(folder), int(staff_count), int(dossier_count), int(link_count))))
