"""Start the web app: prepare the data folder and database, then serve it with waitress."""

from __future__ import annotations

import io
import os
import secrets
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from overdracht.errors import OverdrachtError, UsageError

if TYPE_CHECKING:  # Django is set up only by configure()
    from overdracht.web.logchain import ChainCheck

LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}
DEMO_USER = "beheerder"


def configure(data_dir: Path, *, public_hosts: list[str] | None = None) -> None:
    """Point Django at ``data_dir`` and load it (settings are read from the environment)."""
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        os.chmod(data_dir, 0o700)
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


def demo_login(data_dir: Path) -> tuple[str, str]:
    """The demo account (made once, its password kept in the data folder, 0600)."""
    from django.contrib.auth import get_user_model

    from overdracht.web.models import Profile, Role

    path = data_dir / "demo-inlog.txt"
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


def serve(host: str, port: int, *, threads: int = 8) -> None:
    """Serve the app with waitress until Ctrl-C."""
    import waitress

    from overdracht.web.wsgi import application

    try:
        waitress.serve(application, host=host, port=port, threads=threads, ident="overdracht")
    except OSError as exc:
        raise UsageError(
            f"Kan niet luisteren op {host}:{port} ({exc.strerror}). "
            "Draait overdracht al? Kies anders een andere poort met --port."
        ) from None
