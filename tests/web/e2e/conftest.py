"""End-to-end tests: the real app, started the way users start it, driven by Chromium.

``overdracht web --data <tmp> --voorbeelden samples --port <free port>`` runs as a subprocess
(waitress, DEBUG off) for the whole session; Playwright drives Debian's ``/usr/bin/chromium``
(``playwright install`` cannot download browsers here). Every main page is saved as a screenshot
under ``test-uitvoer/schermafbeeldingen/`` and checked with axe-core.
"""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from ..live import wait_until_answering

ROOT = Path(__file__).resolve().parents[3]
SAMPLES = ROOT / "samples"
CHROMIUM = Path("/usr/bin/chromium")
OUTPUT = ROOT / "test-uitvoer"
SCREENSHOTS = OUTPUT / "schermafbeeldingen"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
LAPTOP = {"width": 1280, "height": 860}
TABLET = {"width": 820, "height": 1180}  # an iPad Air held upright


@dataclass
class App:
    """The running app: its address, the demo login it printed and its log (stderr)."""

    url: str
    username: str
    password: str
    data_dir: Path
    log_path: Path
    process: subprocess.Popen[str] = field(repr=False)

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _overdracht_command() -> list[str]:
    script = Path(sys.executable).with_name("overdracht")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "from overdracht.cli import main; main()"]


def _wait_for_login(out_path: Path, process: subprocess.Popen[str], timeout: float) -> list[str]:
    """The demo login that ``overdracht web --voorbeelden`` prints once the database is ready."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        match = re.search(
            r"gebruikersnaam '([^']+)', wachtwoord '([^']+)'", out_path.read_text(encoding="utf-8")
        )
        if match:
            return list(match.groups())
        if process.poll() is not None:
            break
        time.sleep(0.2)
    raise RuntimeError("overdracht web gaf geen demo-inlog:\n" + out_path.read_text("utf-8"))


@pytest.fixture(scope="session")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    """``overdracht web`` with the bundled samples on a free port, as a user starts it."""
    base = tmp_path_factory.mktemp("e2e")
    data_dir, log_path = base / "data", base / "server.log"
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_URL", "OVERDRACHT_"))}
    env["PYTHONUNBUFFERED"] = "1"
    env.pop("DJANGO_SETTINGS_MODULE", None)
    command = [
        *_overdracht_command(),
        "web",
        "--data",
        str(data_dir),
        "--voorbeelden",
        str(SAMPLES),
        "--port",
        str(port),
    ]
    out_path = base / "server.out"
    with log_path.open("w", encoding="utf-8") as log, out_path.open("w", encoding="utf-8") as out:
        process = subprocess.Popen(command, stdout=out, stderr=log, text=True, env=env, cwd=base)
    try:
        login = _wait_for_login(out_path, process, timeout=120)
        url = f"http://127.0.0.1:{port}/"
        wait_until_answering(url + "inloggen/", process, timeout=60)
        yield App(url, login[0], login[1], data_dir, log_path, process)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} ontbreekt: installeer Debian's chromium ('make sysdeps')")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def _new_page(browser: Any, app: App, viewport: dict[str, int]) -> Any:
    context = browser.new_context(
        base_url=app.url, viewport=viewport, locale="nl-NL", accept_downloads=True
    )
    context.set_default_timeout(15_000)
    return context.new_page()


@pytest.fixture
def page(browser: Any, app: App) -> Iterator[Any]:
    """A fresh browser tab (own cookies), not logged in, laptop-sized."""
    page = _new_page(browser, app, LAPTOP)
    yield page
    page.context.close()


def log_in(page: Any, app: App) -> None:
    """Log in with the demo account as a user does: type the name and password, press the button."""
    page.goto("/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(app.username)
    page.get_by_label("Wachtwoord").fill(app.password)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url("**/dossiers/**")


@pytest.fixture
def ib(browser: Any, app: App) -> Iterator[Any]:
    """A logged-in browser tab (the demo account), laptop-sized."""
    page = _new_page(browser, app, LAPTOP)
    log_in(page, app)
    yield page
    page.context.close()


@pytest.fixture
def tablet(browser: Any, app: App) -> Iterator[Any]:
    """A logged-in browser tab the size of a tablet held upright."""
    page = _new_page(browser, app, TABLET)
    log_in(page, app)
    yield page
    page.context.close()


def screenshot(page: Any, name: str) -> Path:
    """Save the whole page as ``test-uitvoer/schermafbeeldingen/<name>.png``."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


def assert_accessible(page: Any, name: str) -> None:
    """axe-core on the page as it is now: no serious or critical violations (WCAG 2.1 AA)."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
    violations = results.response["violations"]
    OUTPUT.mkdir(parents=True, exist_ok=True)
    report = OUTPUT / "toegankelijkheid"
    report.mkdir(exist_ok=True)
    (report / f"{name}.json").write_text(json.dumps(violations, indent=2), encoding="utf-8")
    serious = [v for v in violations if v.get("impact") in ("serious", "critical")]
    assert not serious, "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']} — "
        + "; ".join(n["html"][:120] for n in v["nodes"][:3])
        for v in serious
    )


def main_page(page: Any, name: str) -> None:
    """A main page: screenshot it and check its accessibility."""
    screenshot(page, name)
    assert_accessible(page, name)


def pupil_data() -> set[str]:
    """What must never reach the server's log: the samples' names, BSNs and parents' details."""
    from overdracht import load_dossier
    from overdracht.model import expand_dossier_paths

    found: set[str] = set()
    for path in expand_dossier_paths([SAMPLES]):
        if path.suffix == ".yml":
            continue
        dossier = load_dossier(path)
        pupil = dossier.leerling
        found.update({pupil.voornamen, pupil.achternaam, f"{pupil.roepnaam} {pupil.achternaam}"})
        found.update(v for v in (pupil.bsn, pupil.onderwijsnummer) if v)
        for ouder in dossier.ouders:
            found.update(v for v in (ouder.naam, ouder.email, ouder.telefoon) if v)
    return {value for value in found if value and len(value) >= 4}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests named ``..._after_all_journeys`` look back at the whole session: run them last."""
    items.sort(key=lambda item: item.name.endswith("_after_all_journeys"))


def open_dossier(page: Any, name: str, **filters: str) -> str:
    """From the overview: find the pupil (by name and filters), open the dossier; its address."""
    query = "&".join(f"{key}={value}" for key, value in filters.items())
    page.goto(f"/dossiers/?{query}")
    page.get_by_role("link", name=name).first.click()
    page.wait_for_url("**/dossiers/*/")
    return str(page.url)


TABS = {"Gegevens": "", "Documenten": "documenten/", "Versies": "versies/", "Logboek": "logboek/"}


def open_tab(page: Any, dossier_url: str, tab: str) -> None:
    """Click one of the dossier's tabs (Gegevens, Documenten, Versies, Logboek)."""
    link = page.locator("nav.tabs").get_by_role("link", name=tab)
    if link.count():
        link.click()
    else:  # the placeholder dossier page (before the form landed) has no tabs
        page.goto(dossier_url + TABS[tab])
