"""No pupil data or secrets leak: log lines, addresses, file permissions, headers, passwords."""

from __future__ import annotations

import io
import logging
import os
import re
import stat
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from .conftest import SAMPLES

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
    # The parents' pages are not behind Django's CSRF check (their own form key guards them), so
    # a forged post from elsewhere gets the calm "not valid" page; a staff page's CSRF refusal
    # is logged once, and neither line holds a token.
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        f"/inzage/{TOKEN}/",
        {"code": "ABCD-EFGH"},
        HTTP_REFERER=f"https://elders.example/inzage/{TOKEN}/",
        HTTP_ORIGIN="https://elders.example",
    )
    assert response.status_code == 404
    refused = client.post(
        "/inloggen/",
        {"username": "x", "password": "y"},
        HTTP_REFERER=f"https://elders.example/inzage/{TOKEN}/",
        HTTP_ORIGIN="https://elders.example",
    )
    assert refused.status_code == 403
    lines = server_log.getvalue().splitlines()
    assert len(lines) == 1, lines
    assert "Forbidden" in lines[0]
    assert TOKEN not in server_log.getvalue()
    # An error on a parent's link (a 500) is written once, without its token.
    logging.getLogger("django.request").error("Internal Server Error: /inzage/%s/", TOKEN)
    lines = server_log.getvalue().splitlines()
    assert len(lines) == 2, lines
    assert lines[-1].endswith("django.request: Internal Server Error: /inzage/…/")
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


# --- the overview's search -------------------------------------------------------------------


def test_the_search_text_never_goes_in_an_address(
    ib_client: Client, all_samples: list[Any]
) -> None:
    dossier = next(d for d in all_samples if d.overgang == "po-so")
    surname = dossier.leerling_naam.split()[-1]
    page = ib_client.get("/dossiers/").content.decode()
    assert 'method="post"' in page and "hx-post" in page
    response = ib_client.post(
        "/dossiers/", {"zoek": surname, "overgang": "po-so"}, headers={"HX-Request": "true"}
    )
    html = response.content.decode()
    assert dossier.leerling_naam in html
    assert response["HX-Push-Url"] == "/dossiers/?overgang=po-so"
    for address in re.findall(r'href="([^"]+)"', html):
        assert surname.lower() not in address.lower(), address
    # An old address with ?zoek= does not search: no page depends on a name in its address.
    everything = ib_client.get("/dossiers/", {"zoek": surname}).content.decode()
    assert f"{len(all_samples)} dossiers" in everything


def test_the_search_holds_for_the_next_pages_and_the_zip_then_is_forgotten(
    ib_client: Client, all_samples: list[Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    from overdracht.web.views import dossiers

    monkeypatch.setattr(dossiers, "PAGE_SIZE", 1)
    ib_client.post("/dossiers/", {"zoek": "e"}, follow=True)
    matching = dossiers.filtered({"zoek": "e"}).count()
    assert 1 < matching < len(all_samples)
    second = ib_client.get("/dossiers/?pagina=2").content.decode()
    assert f"{matching} dossiers gevonden" in second
    archive = ib_client.get("/dossierbestanden/alles.zip")
    assert len(zipfile.ZipFile(io.BytesIO(archive.getvalue())).namelist()) == matching
    fresh = ib_client.get("/dossiers/").content.decode()
    assert f"{len(all_samples)} dossiers" in fresh
    assert 'value=""' in fresh


# --- the data folder: files 0600, folders 0700 --------------------------------------------------


def _loose(folder: Path) -> list[str]:
    """Everything under ``folder`` that others could read."""
    loose = []
    for path in [folder, *folder.rglob("*")]:
        mode = stat.S_IMODE(path.lstat().st_mode)
        wanted = 0o700 if path.is_dir() else 0o600
        if mode != wanted:
            loose.append(f"{path.relative_to(folder)} {oct(mode)}")
    return loose


def test_what_the_app_writes_is_private_whatever_the_umask(
    ib_client: Client, data_dir: Path, beheerder: Any
) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from overdracht.web.models import Overlay
    from overdracht.web.store import active_overlay

    from .test_loket import sample_zip

    old = os.umask(0o022)
    try:
        data_dir.chmod(0o700)
        workbook = SAMPLES / "import" / "leerlingen-po-vo.xlsx"
        answer = ib_client.post(
            "/importeren/",
            {
                "bestand": SimpleUploadedFile(workbook.name, workbook.read_bytes()),
                "overgang": "po-vo",
            },
        )
        assert answer.status_code == 302
        ib_client.force_login(beheerder)
        assert ib_client.post("/loket/", {"aanvragen": sample_zip()}).status_code == 302
        Overlay.objects.create(
            naam="swv", inhoud=(SAMPLES / "swv-voorbeeld.yml").read_text(), actief=True
        )
        assert active_overlay() is not None
    finally:
        os.umask(old)
    written = {p.relative_to(data_dir).parts[0] for p in data_dir.rglob("*")}
    assert {"importverslagen", "aanvullingen"} <= written, written
    assert _loose(data_dir) == []


def test_the_server_makes_its_data_folder_private(tmp_path: Path) -> None:
    data = tmp_path / "data"
    (data / "importverslagen").mkdir(parents=True)
    (data / "importverslagen" / "oud.json").write_text("{}")  # left by an earlier version
    os.chmod(data / "importverslagen" / "oud.json", 0o644)
    os.chmod(data / "importverslagen", 0o755)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OVERDRACHT_", "DJANGO_"))}
    env.pop("DATABASE_URL", None)
    command = [sys.executable, "-c", "from overdracht.cli import main; main()", "web"]
    command += ["--data", str(data), "--voorbeelden", str(SAMPLES), "--alleen-voorbereiden"]
    result = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    assert result.returncode == 0, result.stderr
    assert (data / "overdracht.sqlite3").exists()
    assert _loose(data) == []


# --- headers ------------------------------------------------------------------------------------


def test_every_page_and_download_has_a_csp_and_is_not_stored(
    ib_client: Client, sample_dossier: Any
) -> None:
    for address in (
        "/dossiers/",
        f"/dossiers/{sample_dossier.public_id}/",
        f"/dossiers/{sample_dossier.public_id}/bestand.yaml",
        "/importeren/",
        "/nergens/",
    ):
        response = ib_client.get(address)
        assert response["Cache-Control"] == "no-store", address
        policy = response["Content-Security-Policy"]
        assert "default-src 'self'" in policy
        assert "script-src 'self'" in policy and "unsafe-inline" not in policy
        assert "frame-ancestors 'self'" in policy and "object-src 'none'" in policy
    # Before a login, too (the login page, a refused request).
    assert Client().get("/inloggen/")["Cache-Control"] == "no-store"


def test_static_files_stay_cacheable(client: Client) -> None:
    response = client.get("/static/overdracht/overdracht.css")
    assert response.status_code == 200
    assert "no-store" not in response.get("Cache-Control", "")


def test_no_template_has_inline_script_or_style() -> None:
    from importlib.resources import files

    templates = files("overdracht.web") / "templates"
    pattern = re.compile(r"<script(?![^>]*\bsrc=)|<style|\sstyle=|\son[a-z]+=|javascript:", re.I)

    def walk(folder: Any) -> Iterator[Any]:
        for item in folder.iterdir():
            yield from walk(item) if item.is_dir() else [item]

    found = [
        f"{item.name}: {match.group(0)}"
        for item in walk(templates)
        for match in pattern.finditer(item.read_text(encoding="utf-8"))
    ]
    assert found == []


# --- passwords ---------------------------------------------------------------------------------

SHORT = "Dit wachtwoord is te kort: gebruik minstens 10 tekens."


def test_the_first_run_page_refuses_a_weak_password_in_dutch(client: Client) -> None:
    from django.contrib.auth import get_user_model

    response = client.post(
        "/eerste-keer/",
        {"username": "anna", "password1": "12345", "password2": "12345"},
        REMOTE_ADDR="127.0.0.1",
    )
    html = response.content.decode()
    assert SHORT in html
    assert "Dit wachtwoord bestaat alleen uit cijfers; gebruik ook letters." in html
    assert "This password" not in html
    assert not get_user_model().objects.exists()


def test_createsuperuser_without_questions_checks_the_password_too(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from django.contrib.auth import get_user_model
    from django.core.management import CommandError, call_command

    from overdracht.web.models import Profile, Role

    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "welkom123")
    with pytest.raises(CommandError, match="niet sterk genoeg: Dit wachtwoord is te kort"):
        call_command("createsuperuser", interactive=False, username="anna", email="a@school.nl")
    assert not get_user_model().objects.exists()
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "Een-lange-zin-voor-anna")
    call_command(
        "createsuperuser", interactive=False, username="anna", email="a@school.nl", verbosity=0
    )
    assert Profile.objects.get(user__username="anna").rol == Role.BEHEERDER


def test_no_account_is_saved_with_a_weak_new_password(ib: Any) -> None:
    from django.core.exceptions import ValidationError

    ib.set_password("ib")
    with pytest.raises(ValidationError) as refused:
        ib.save()
    assert "Dit wachtwoord lijkt te veel op de gebruikersnaam" in " ".join(refused.value.messages)


def _overdracht(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OVERDRACHT_", "DJANGO_"))}
    env.pop("DATABASE_URL", None)
    command = [sys.executable, "-c", "from overdracht.cli import main; main()", *args]
    return subprocess.run(command, input=stdin, capture_output=True, text=True, env=env)


def test_the_demo_password_is_only_for_a_demo_folder(tmp_path: Path) -> None:
    school = str(tmp_path / "school")
    weak = _overdracht(
        "web",
        "--data",
        school,
        "--beheerder",
        "anna",
        "--alleen-voorbereiden",
        stdin="anna2026\nanna2026\n",
    )
    assert weak.returncode == 2
    assert "Het wachtwoord is niet sterk genoeg" in weak.stderr
    assert SHORT in weak.stderr
    made = _overdracht(
        "web",
        "--data",
        school,
        "--beheerder",
        "anna",
        "--alleen-voorbereiden",
        stdin="Een-lange-zin-voor-anna\nEen-lange-zin-voor-anna\n",
    )
    assert made.returncode == 0, made.stderr
    refused = _overdracht(
        "web", "--data", school, "--voorbeelden", str(SAMPLES), "--alleen-voorbereiden"
    )
    assert refused.returncode == 2
    assert "deze gegevensmap heeft al accounts" in refused.stderr
    assert "wachtwoord '" not in refused.stdout
    assert not (tmp_path / "school" / "demo-inlog.txt").exists()


def test_the_loket_search_stays_out_of_addresses_and_holds_for_its_downloads(
    client: Client, django_user_model: Any, all_samples: list[Any]
) -> None:
    from overdracht.tlv import tlv_transitions
    from overdracht.web.models import Profile, Role

    user = django_user_model.objects.create_user(username="loket", password="Geheim-wachtw-3")
    Profile.objects.create(user=user, rol=Role.LOKET)
    client.force_login(user)
    cases = [d for d in all_samples if d.overgang in tlv_transitions()]
    surnames = [d.leerling_naam.split()[-1].lower() for d in all_samples]
    # A surname only one pupil has (the samples hold two dossiers of one pupil; the databases
    # list the samples in different orders).
    dossier = next(d for d in cases if surnames.count(d.leerling_naam.split()[-1].lower()) == 1)
    surname = dossier.leerling_naam.split()[-1]
    html = client.post("/loket/", {"zoek": surname}, follow=True).content.decode()
    assert 'method="post"' in html
    for address in re.findall(r'href="([^"]+)"', html):
        assert surname.lower() not in address.lower(), address
    overview = client.get("/loket/download/overzicht.html").content.decode()
    assert "1 aanvraag:" in overview  # only the one found, as on the page
    client.get("/loket/")  # opened afresh: the search is forgotten
    everything = client.get("/loket/download/overzicht.html").content.decode()
    assert f"{len(cases)} aanvragen:" in everything


def test_temporary_files_stay_in_the_data_folder(data_dir: Path) -> None:
    import tempfile
    import time

    from overdracht.web import server

    old = data_dir / "tijdelijk" / "tmp-van-een-crash.upload"
    old.parent.mkdir()
    old.write_text("leerlinggegevens")
    os.utime(old, (time.time() - 2 * 86400,) * 2)
    fresh = data_dir / "tijdelijk" / "tmp-van-nu.upload"
    fresh.write_text("nog bezig")
    before = tempfile.tempdir
    try:
        folder = server.private_temp()
        assert tempfile.gettempdir() == str(folder)
        with tempfile.TemporaryFile() as spooled:  # as waitress spools a request body
            spooled.write(b"x")
        assert folder == data_dir / "tijdelijk"
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    finally:
        tempfile.tempdir = before
    assert not old.exists()
    assert fresh.exists()
