"""A whole school at once, against the live server (waitress threads, as in production).

On SQLite, and on PostgreSQL when ``DATABASE_URL`` is set (``make unit-postgres`` runs these
through ``scripts/met-postgres.sh``): parallel staff saves, parents answering at the same
moment, and concurrent previews, without a single error, lost input or GLib warning. Bounded:
a few dozen requests, each with a timeout.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

import pytest

from .live import Response, Site, Visitor, form_fields, running_site

PARENT = "/inzage/"  # a parent's own page, after the code (no token in its address)
CLIENTS = 10
SAVES_PER_CLIENT = 5
PARENTS = 10
PREVIEWS = 20
T = TypeVar("T")
# What a crash in a renderer sharing a process with other threads leaves in the log.
CORRUPTION = re.compile(r"GLib|corrupted|double free|Segmentation|Fatal Python error", re.I)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    base = tmp_path_factory.mktemp("gelijktijdig")
    with running_site(
        base, staff=CLIENTS, dossiers=CLIENTS * SAVES_PER_CLIENT, links=PARENTS
    ) as running:
        yield running


def all_at_once(jobs: list[Callable[[], T]]) -> list[T]:
    """Run every job in its own thread, released at the same moment."""
    start = threading.Barrier(len(jobs))

    def run(job: Callable[[], T]) -> T:
        start.wait(timeout=120)
        return job()

    with ThreadPoolExecutor(max_workers=len(jobs)) as pool:
        return list(pool.map(run, jobs, timeout=600))


def opened(site: Site, link: dict[str, str]) -> Visitor:
    """A parent's browser that opened the link on the letter and typed its code."""
    visitor = site.visitor()
    page = f"/inzage/{link['token']}/"
    fields = [(k, v) for k, v in form_fields(visitor.get(page).text) if k != "code"]
    answer = visitor.post(page, [*fields, ("code", link["code"])])
    assert answer.status == 302, answer.text[:300]
    return visitor


def server_errors(site: Site) -> list[str]:
    return [line for line in site.log().splitlines() if "ERROR" in line or "Traceback" in line]


@pytest.mark.slow  # a live server, tens of seconds
def test_parallel_staff_saves_all_land(site: Site) -> None:
    """10 IB'ers each save 5 dossiers in parallel: 50 saves at once, 50 new versions."""
    prepared: list[tuple[Visitor, str, list[tuple[str, str]]]] = []
    for index, username in enumerate(site.staff):
        visitor = site.visitor()
        visitor.log_in(username)
        for number in range(SAVES_PER_CLIENT):
            public_id = site.dossiers[index * SAVES_PER_CLIENT + number]
            url = f"/dossiers/{public_id}/"
            fields = form_fields(visitor.get(url).text, url)
            fields = [
                (name, f"{value} Aanvulling {username}.".strip())
                if name == "ontwikkeling.werkhouding"
                else (name, value)
                for name, value in fields
            ]
            prepared.append((visitor, url, fields))

    def save(visitor: Visitor, url: str, fields: list[tuple[str, str]]) -> Callable[[], Response]:
        return lambda: visitor.post(url, fields)

    answers = all_at_once([save(*job) for job in prepared])

    assert [a.status for a in answers] == [302] * len(prepared), [a.text[:300] for a in answers]
    for visitor, url, _ in prepared:
        fields = dict(form_fields(visitor.get(url).text, url))
        assert fields["_versie"] == "2"  # saved once, nothing lost
        assert "Aanvulling ib" in fields["ontwikkeling.werkhouding"]
    assert server_errors(site) == []


@pytest.mark.slow  # a live server, tens of seconds
def test_parents_answering_at_the_same_moment_all_land(site: Site) -> None:
    """10 parents (several of the same dossier) press 'Versturen' at the same moment."""
    ready: list[tuple[Visitor, str, list[tuple[str, str]]]] = []
    for link in site.links:
        visitor = opened(site, link)
        answer = form_fields(visitor.get(PARENT).text, PARENT, answer_radios=True)
        ready.append((visitor, PARENT, answer))

    def send(visitor: Visitor, url: str, fields: list[tuple[str, str]]) -> Callable[[], Response]:
        return lambda: visitor.post(url, fields)

    answers = all_at_once([send(*job) for job in ready])

    assert [a.status for a in answers] == [302] * len(ready), [a.text[:300] for a in answers]
    for visitor, _, _ in ready:
        assert "keuzes zijn doorgegeven" in visitor.get(PARENT).text
    assert server_errors(site) == []


@pytest.mark.slow  # a live server, tens of seconds
def test_a_parent_answering_while_the_ib_saves_the_same_dossier_loses_nothing(site: Site) -> None:
    """Both at the same moment, on the same dossiers: the parent's answer always lands; the
    IB'er's save lands too, or (when the parent's came first) is refused with the typed text
    still in the form. Never is one silently overwritten by the other."""
    ib = site.visitor()
    ib.log_in(site.staff[0])
    jobs: list[Callable[[], Response]] = []
    typed: dict[str, str] = {}
    for link in {link["dossier"]: link for link in site.links}.values():
        url = f"/dossiers/{link['dossier']}/"
        text = f"Gelijktijdig getypt bij {link['dossier'][:4]}."
        typed[url] = text
        fields = [
            (name, text) if name == "ontwikkeling.werkhouding" else (name, value)
            for name, value in form_fields(ib.get(url).text, url)
        ]
        parent = opened(site, link)
        answer = form_fields(parent.get(PARENT).text, PARENT, answer_radios=True)
        jobs.append(lambda url=url, fields=fields: ib.post(url, fields))
        jobs.append(lambda answer=answer, p=parent: p.post(PARENT, answer))

    answers = all_at_once(jobs)

    for (url, text), saved, answered in zip(
        typed.items(), answers[::2], answers[1::2], strict=True
    ):
        assert answered.status == 302, answered.text[:300]
        assert saved.status in (302, 409), saved.text[:300]
        if saved.status == 409:  # refused, with what was typed still in the form
            assert text in saved.text
        else:  # landed, and the parent's later version kept it
            assert dict(form_fields(ib.get(url).text, url))["ontwikkeling.werkhouding"] == text
    assert server_errors(site) == []


def as_browser(visitor: Visitor, url: str) -> Response:
    """``url``, asked again as a browser does while the page says the documents are being made
    (its ``Refresh`` header)."""
    page = visitor.get(url)
    deadline = time.monotonic() + 180
    while page.headers.get("refresh") and time.monotonic() < deadline:
        assert "De documenten worden nu gemaakt" in page.text
        time.sleep(float(page.headers["refresh"]))
        page = visitor.get(url)
    return page


def open_preview(visitor: Visitor, public_id: str) -> Response:
    """The documents page, then the PDF in its frame, as a browser loads them."""
    page = as_browser(visitor, f"/dossiers/{public_id}/documenten/")
    assert page.status == 200, page.status
    frame = re.search(r'<iframe[^>]* src="([^"]+)"', page.text)
    assert frame is not None, page.text[:500]
    return visitor.get(frame.group(1))


def _pdf(answer: Response) -> bool:
    return answer.status == 200 and answer.body.startswith(b"%PDF")


@pytest.mark.slow  # a live server, tens of seconds
def test_concurrent_previews_render_without_corruption(site: Site) -> None:
    """20 people open previews at once (staff and parents, several dossiers): every one is a
    whole PDF, and the server's log holds no GLib warning or crash."""
    staff = site.visitor()
    staff.log_in(site.staff[0])
    jobs: list[Callable[[], Any]] = []
    for number in range(PREVIEWS // 2):
        jobs.append(lambda public_id=site.dossiers[number % 6]: open_preview(staff, public_id))
    parents = []
    for link in site.links[: PREVIEWS // 2]:
        parents.append((opened(site, link), f"{PARENT}rapport.pdf"))
    jobs += [lambda v=v, url=url: as_browser(v, url) for v, url in parents]

    answers = all_at_once(jobs)

    assert all(_pdf(a) for a in answers), [(a.status, a.text[:200]) for a in answers]
    assert _pdf(open_preview(staff, site.dossiers[0]))  # and afterwards too
    assert CORRUPTION.findall(site.log()) == []
    assert server_errors(site) == []


@pytest.mark.slow  # a live server, tens of seconds
def test_the_site_runs_on_the_database_it_was_given(site: Site) -> None:
    import os

    expected = "PostgreSQL" if os.environ.get("DATABASE_URL") else "SQLite"
    assert site.database == expected
    if expected == "SQLite":
        assert Path(site.data_dir / "overdracht.sqlite3").exists()


# --- When the database cannot answer, nothing typed is lost ------------------------------------


@pytest.fixture
def locked_once(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The next save finds the database locked (as SQLite says when its wait ran out)."""
    from django.db import OperationalError

    from overdracht.web import store

    real = store.save_version
    failures: list[int] = []

    def save(*args: Any, **kwargs: Any) -> Any:
        if not failures:
            failures.append(1)
            raise OperationalError("database is locked")
        return real(*args, **kwargs)

    monkeypatch.setattr(store, "save_version", save)
    return failures


@pytest.mark.django_db
def test_a_busy_database_keeps_the_typed_form_to_send_again(
    ib_client: Any, sample_dossier: Any, locked_once: list[int]
) -> None:
    url = f"/dossiers/{sample_dossier.public_id}/"
    fields = [
        (name, "Werkt geconcentreerd, vraagt hulp als het nodig is.")
        if name == "ontwikkeling.werkhouding"
        else (name, value)
        for name, value in form_fields(ib_client.get(url).content.decode(), url)
    ]
    busy = ib_client.post(url, _multi(fields))
    assert busy.status_code == 503
    assert busy["Retry-After"] and busy["Cache-Control"] == "no-store"
    text = busy.content.decode()
    assert "probeer het opnieuw" in text.lower()
    assert "niet verloren" in text
    kept = form_fields(text, url)
    assert (
        "ontwikkeling.werkhouding",
        "Werkt geconcentreerd, vraagt hulp als het nodig is.",
    ) in kept

    again = ib_client.post(url, _multi(kept))
    assert again.status_code == 302
    sample_dossier.refresh_from_db()
    saved = sample_dossier.current.data["ontwikkeling"]["werkhouding"]
    assert saved == "Werkt geconcentreerd, vraagt hulp als het nodig is."


@pytest.mark.django_db
def test_a_busy_database_never_writes_a_password_back_into_the_page(
    client: Any, ib: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from django.contrib.auth import views
    from django.db import OperationalError

    def locked(*args: Any, **kwargs: Any) -> Any:
        raise OperationalError("database is locked")

    monkeypatch.setattr(views.LoginView, "post", locked)
    answer = client.post("/inloggen/", {"username": "ib", "password": "Geheim-wachtwoord-1"})
    assert answer.status_code == 503
    text = answer.content.decode()
    assert "Geheim-wachtwoord-1" not in text
    assert "wachtwoord of code opnieuw" in text


def _multi(fields: list[tuple[str, str]]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for name, value in fields:
        out.setdefault(name, []).append(value)
    return out


@pytest.mark.django_db
def test_the_500_page_is_honest_and_offers_to_send_the_form_again(
    ib_client: Any, settings: Any
) -> None:
    from .test_production import _urls_with_a_failing_page

    settings.ROOT_URLCONF = _urls_with_a_failing_page()
    ib_client.raise_request_exception = False
    answer = ib_client.post("/test-fout/", {"ontwikkeling.werkhouding": "Zelfstandig."})
    assert answer.status_code == 500
    text = answer.content.decode()
    assert "niets verloren" not in text  # we cannot know that
    assert "misschien niet opgeslagen" in text
    assert form_fields(text, "/test-fout/")[-1] == ("ontwikkeling.werkhouding", "Zelfstandig.")
