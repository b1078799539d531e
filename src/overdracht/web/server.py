"""Start the web app: prepare the data folder and database, then serve it with waitress."""

from __future__ import annotations

import io
import os
import secrets
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from overdracht.errors import OverdrachtError, UsageError
from overdracht.web.privatefiles import PRIVATE_UMASK, tighten

if TYPE_CHECKING:  # Django is set up only by configure()
    from overdracht.web.logchain import ChainCheck

LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}
DEMO_USER = "beheerder"


def configure(data_dir: Path, *, public_hosts: list[str] | None = None) -> None:
    """Point Django at ``data_dir`` and load it (settings are read from the environment)."""
    try:
        os.umask(PRIVATE_UMASK)  # the database, its -wal/-shm and every later file: 0600
        data_dir.mkdir(parents=True, exist_ok=True)
        tighten(data_dir)  # what an earlier version left readable
    except OSError as exc:
        raise UsageError(
            f"{data_dir}: de gegevensmap kan niet worden gemaakt ({exc.strerror})."
        ) from None
    _make_secret_key(data_dir / "geheime-sleutel.txt")
    os.environ["OVERDRACHT_DATA"] = str(data_dir)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "overdracht.web.settings")
    if public_hosts:
        os.environ["OVERDRACHT_PUBLIC"] = "1"
        os.environ["OVERDRACHT_HOSTS"] = ",".join(public_hosts)
    import django

    django.setup()


def _make_secret_key(path: Path) -> None:
    """A random key for sessions and signed links, made once and kept (0600)."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
    except FileExistsError:
        return
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(secrets.token_urlsafe(50))


def prepare_log(data_dir: Path) -> None:
    """After :func:`migrate`: the verstrekkingenlog's key (0600, made once, like the secret key)
    and, for a log from an earlier version without key, its seal (itself a log entry).

    A log with keyed entries whose key is gone gets no new key: appending is refused and
    ``--controleer-log`` says the key is missing.
    """
    from overdracht.web import disclosure, logchain
    from overdracht.web.models import Logregel

    if not Logregel.objects.filter(gesleuteld=True).exists():
        logchain.make_key(data_dir)
    if logchain.read_key() is not None:
        disclosure.seal_legacy()


def check_log(receipts: Sequence[tuple[str, tuple[int, str]]] = ()) -> ChainCheck:
    """``--controleer-log``: migrate and check, a broken database is a finding, not a crash."""
    from django.db import DatabaseError

    from overdracht.web.logchain import ChainCheck, verify

    try:
        migrate()
    except DatabaseError:
        return ChainCheck(
            problemen=[
                "de database kan niet worden bijgewerkt: tabellen ontbreken of zijn buiten de "
                "app om veranderd (bijvoorbeeld de tabel van het verstrekkingenlog)."
            ]
        )
    return verify(receipts)


def migrate() -> None:
    """Create or update the database tables (quietly)."""
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0, stdout=io.StringIO())


def create_beheerder(username: str, password: str) -> None:
    """The first account, from the command line."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    from overdracht.web.models import Profile, Role

    users = get_user_model()
    if users.objects.filter(username=username).exists():
        raise UsageError(f"Er is al een account '{username}'. Kies een andere naam.")
    try:
        validate_password(password)
    except ValidationError as exc:
        raise UsageError(
            "Het wachtwoord is niet sterk genoeg.", details=list(exc.messages)
        ) from None
    user = users.objects.create_superuser(username=username, password=password, email="")
    Profile.objects.create(user=user, rol=Role.BEHEERDER)


DEMO_FILE = "demo-inlog.txt"


def check_demo_folder(data_dir: Path) -> None:
    """The samples and the demo account (a beheerder whose password is printed) are only for a
    demo: a new data folder, or one that was made for the demo. Never for a school's real one."""
    from django.db import DatabaseError

    try:
        real = not (data_dir / DEMO_FILE).exists() and has_accounts()
    except DatabaseError:  # a new folder: no tables yet
        real = False
    if not real:
        return
    raise UsageError(
        f"{data_dir}: deze gegevensmap heeft al accounts. De voorbeelden en het demo-account "
        "(met een wachtwoord op het scherm) zijn alleen voor een nieuwe, lege map: start zonder "
        "--voorbeelden, of kies met --data een andere map."
    )


def demo_login(data_dir: Path) -> tuple[str, str]:
    """The demo account (made once, its password kept in the data folder, 0600)."""
    from django.contrib.auth import get_user_model

    from overdracht.web.models import Profile, Role

    path = data_dir / DEMO_FILE
    if path.exists():
        username, password = path.read_text(encoding="utf-8").split("\n", 1)
        return username, password.strip()
    password = "-".join(secrets.token_hex(3) for _ in range(3))
    users = get_user_model()
    user = users.objects.filter(username=DEMO_USER).first()
    if user is None:
        user = users.objects.create_superuser(username=DEMO_USER, password=password, email="")
        Profile.objects.create(user=user, rol=Role.BEHEERDER)
    else:
        user.set_password(password)
        user.save()
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(f"{DEMO_USER}\n{password}\n")
    return DEMO_USER, password


def load_samples(paths: Iterable[Path]) -> tuple[int, list[str]]:
    """Store sample dossier files as dossiers (only into an empty database)."""
    from overdracht.model import expand_dossier_paths, load_dossier
    from overdracht.web.models import Dossier
    from overdracht.web.store import create_dossier

    if Dossier.objects.exists():
        return 0, []
    count, problems = 0, []
    # Sample overlays are *.yml (samples/swv-voorbeeld.yml); dossiers are *.yaml and *.json.
    files = [p for p in expand_dossier_paths(list(paths)) if p.suffix.lower() != ".yml"]
    for path in files:
        try:
            doc = load_dossier(path)
        except OverdrachtError as exc:
            problems.append(str(exc))
            continue
        create_dossier(doc, None, herkomst=f"voorbeeld {path.name}")
        count += 1
    return count, problems


def has_accounts() -> bool:
    from django.contrib.auth import get_user_model

    return bool(get_user_model().objects.exists())


# waitress's limits: checked before any work is done for a request.
CONNECTION_LIMIT = 250  # open connections at once; above that new ones wait in the backlog
CHANNEL_TIMEOUT = 20  # seconds a connection may sit idle (or half-sent) before it is closed
CLEANUP_INTERVAL = 5  # seconds between looks for idle connections
PROXY_HEADERS = {"x-forwarded-for", "x-forwarded-proto", "x-forwarded-host"}


def serve(host: str, port: int, *, threads: int = 8, proxy: str | None = None) -> None:
    """Serve the app with waitress until Ctrl-C.

    ``proxy`` is the address of the HTTPS proxy in front: only its X-Forwarded-For, -Proto and
    -Host are believed (the visitor's address, https, the host name).
    """
    import waitress

    from overdracht.web.wsgi import application

    try:
        waitress.serve(application, host=host, port=port, **waitress_options(threads, proxy))
    except OSError as exc:
        raise UsageError(
            f"Kan niet luisteren op {host}:{port} ({exc.strerror}). "
            "Draait overdracht al? Kies anders een andere poort met --port."
        ) from None


def waitress_options(threads: int = 8, proxy: str | None = None) -> dict[str, Any]:
    """waitress's settings: limits that hold before a request reaches Django, and the proxy."""
    from django.conf import settings

    _dutch_413()
    options: dict[str, Any] = {
        "threads": threads,
        "ident": "overdracht",
        "connection_limit": CONNECTION_LIMIT,
        "channel_timeout": CHANNEL_TIMEOUT,
        "cleanup_interval": CLEANUP_INTERVAL,
        # A larger body is refused with 413 as soon as its Content-Length is read, before any
        # of it is spooled to a temporary file.
        "max_request_body_size": settings.MAX_REQUEST_BYTES,
        "max_request_header_size": 64 * 1024,
    }
    if proxy:
        options |= {
            "trusted_proxy": proxy,
            "trusted_proxy_count": 1,
            "trusted_proxy_headers": PROXY_HEADERS,
            "clear_untrusted_proxy_headers": True,
        }
    else:
        # Keep a proxy's headers visible, so the first-run page can see that a request came
        # through a proxy (on this machine, which makes every visitor look like 127.0.0.1).
        options["clear_untrusted_proxy_headers"] = False
    return options


TOO_LARGE_PAGE = """<!DOCTYPE html>
<html lang="nl"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Te groot – overdracht</title>
<link rel="stylesheet" href="/static/overdracht/overdracht.css"></head>
<body><header class="kop"><div class="kop-binnen"><a class="merk" href="/">overdracht</a></div>
</header><main id="inhoud"><h1>Dit is te groot om te versturen</h1>
<p>Wat u verstuurde is groter dan {mb} MB; de app heeft het niet gelezen of bewaard.
Verstuur kleinere of minder bestanden tegelijk.</p>
<p><a href="/">Terug naar overdracht</a></p></main></body></html>
"""


def _dutch_413() -> None:
    """waitress answers a too-large request itself, in English plain text: answer in Dutch."""
    from django.conf import settings
    from waitress import parser
    from waitress.utilities import RequestEntityTooLarge

    class TeGroot(RequestEntityTooLarge):
        # waitress writes the body as bytes (its stubs say str).
        def to_response(  # type: ignore[override]
            self, ident: str | None = None
        ) -> tuple[str, list[tuple[str, str]], bytes]:
            body = TOO_LARGE_PAGE.format(mb=settings.MAX_REQUEST_BYTES // (1024 * 1024))
            headers = [("Content-Type", "text/html; charset=utf-8"), ("Cache-Control", "no-store")]
            return f"{self.code} {self.reason}", headers, body.encode("utf-8")

    setattr(parser, "RequestEntityTooLarge", TeGroot)  # noqa: B010  (the parser's own name)
