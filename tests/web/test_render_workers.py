"""Rendering happens in worker processes, once per version, and is then served."""

from __future__ import annotations

import os
import threading
import time
from typing import Any

import pytest
from django.test import Client

from overdracht.errors import IncompleteError
from overdracht.model import load_dossier
from overdracht.web import documents, renderpool
from overdracht.web.models import Dossier, Voorbeeld
from overdracht.web.store import create_dossier, document, save_version

from .conftest import SAMPLES, answered_as_in_file

pytestmark = pytest.mark.django_db


@pytest.fixture
def renders(monkeypatch: Any) -> list[str]:
    """The jobs handed to the worker processes, by name."""
    seen: list[str] = []
    real = renderpool.run

    def counting(job: Any, *args: Any, **kwargs: Any) -> Any:
        seen.append(job.__name__)
        return real(job, *args, **kwargs)

    monkeypatch.setattr(renderpool, "run", counting)
    return seen


def test_a_render_runs_in_another_process() -> None:
    assert renderpool.run(os.getpid) != os.getpid()


def test_a_library_error_comes_back_with_its_dutch_message() -> None:
    doc = load_dossier(SAMPLES / "po-vso-onvolledig.yaml")
    with pytest.raises(IncompleteError) as refused:
        renderpool.run(
            renderpool.documents_job,
            doc,
            formats=("pdf",),
            pdfa=False,
            final=True,
            overlay=None,
            stem="dossier",
        )
    assert "kunnen nog niet definitief worden gemaakt" in refused.value.message
    assert refused.value.details  # what is missing, one line each


def test_an_unexplained_failure_comes_back_as_its_kind_only() -> None:
    with pytest.raises(renderpool.WorkerFailed) as failed:
        renderpool.run(renderpool.pdf_job, "Daan van der Berg")
    assert failed.value.kind == "AttributeError"
    assert "Daan" not in str(failed.value)


def test_a_preview_is_rendered_once_then_served(
    ib_client: Client, sample_dossier: Dossier, renders: list[str]
) -> None:
    pid = sample_dossier.public_id
    base = f"/dossiers/{pid}/documenten/v1/onderwijskundig-rapport"
    for path in [f"/dossiers/{pid}/documenten/", f"{base}/voorbeeld/", f"{base}/pdf/"] * 2:
        assert ib_client.get(path).status_code == 200, path
    assert renders == ["documents_job"]
    assert Voorbeeld.objects.filter(version__dossier=sample_dossier).exists()

    doc = document(sample_dossier.current.data)
    doc.leerling.roepnaam = "Danny"
    save_version(sample_dossier, doc, None, base_number=1)
    page = ib_client.get(f"/dossiers/{pid}/documenten/")
    assert page.status_code == 200
    assert renders == ["documents_job"] * 2  # a new version is a new render
    # Only the latest render of a dossier is kept.
    assert set(Voorbeeld.objects.values_list("version__number", flat=True)) == {2}


def test_people_asking_at_the_same_moment_share_one_render() -> None:
    calls: list[int] = []
    start = threading.Barrier(6)
    results: list[str] = []

    def make() -> str:
        calls.append(1)
        time.sleep(0.3)
        return "pdf"

    def ask() -> None:
        start.wait(timeout=10)
        results.append(renderpool.once("zelfde", make))

    threads = [threading.Thread(target=ask) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=10)
    assert results == ["pdf"] * 6
    assert len(calls) == 1


def test_the_parents_pdf_is_rendered_once(renders: list[str], sample_dossier: Dossier) -> None:
    from overdracht.web.inzage.preview import report_pdf

    doc = document(sample_dossier.current.data)
    first, second = report_pdf(doc), report_pdf(doc)
    assert first.startswith(b"%PDF") and first == second
    assert renders == ["pdf_job"]


def test_kept_renders_go_with_the_dossier_and_when_it_is_made_final(
    ib_client: Client, renders: list[str]
) -> None:
    doc = load_dossier(SAMPLES / "po-so-compleet.yaml")
    dossier = answered_as_in_file(create_dossier(doc, None, "test"), doc)
    assert ib_client.get(f"/dossiers/{dossier.public_id}/documenten/").status_code == 200
    assert Voorbeeld.objects.filter(version__dossier=dossier).exists()
    documents.make_final(dossier, None, base_number=1)
    assert not Voorbeeld.objects.filter(version__dossier=dossier).exists()

    other = create_dossier(load_dossier(SAMPLES / "po-so-compleet.yaml"), None, "test")
    documents.rendered(other.current)
    other.delete()
    assert not Voorbeeld.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_when_many_wait_for_renders_the_page_says_so_and_the_render_goes_on(
    ib_client: Client, monkeypatch: Any
) -> None:
    """The server threads allowed to wait for renders are all waiting: the next preview is made
    in the background, and its page says so and asks again by itself."""
    dossier = create_dossier(load_dossier(SAMPLES / "po-so-compleet.yaml"), None, "test")
    busy = threading.BoundedSemaphore(1)
    busy.acquire()
    monkeypatch.setattr(renderpool, "_waiting", busy)
    page = ib_client.get(f"/dossiers/{dossier.public_id}/documenten/")
    assert page.status_code == 200
    assert "De documenten worden nu gemaakt" in page.content.decode()
    assert page["Refresh"] == "3"

    deadline = time.monotonic() + 120
    while renderpool._background and time.monotonic() < deadline:
        time.sleep(0.2)
    assert Voorbeeld.objects.filter(version__dossier=dossier).exists()  # made meanwhile
    again = ib_client.get(f"/dossiers/{dossier.public_id}/documenten/")
    assert "<iframe" in again.content.decode()
    assert "Refresh" not in again


def test_the_pool_is_renewed_after_many_renders_and_after_a_hang(monkeypatch: Any) -> None:
    monkeypatch.setattr(renderpool, "RECYCLE_AFTER", 2)
    pids = {renderpool.run(os.getpid) for _ in range(6)}
    assert len(pids) >= 2  # fresh workers: a renderer's leaks never grow without bound

    monkeypatch.setattr(renderpool.settings, "RENDER_TIMEOUT", 0.5, raising=False)
    with pytest.raises(renderpool.WorkerFailed) as hung:
        renderpool.run(time.sleep, 30)
    assert hung.value.kind == "TimeoutError"
    monkeypatch.undo()
    assert renderpool.run(os.getpid) != os.getpid()  # the next render gets a working pool


def test_renders_of_earlier_days_are_not_kept(sample_dossier: Dossier) -> None:
    import datetime as dt

    from django.utils import timezone

    documents.rendered(sample_dossier.current)
    Voorbeeld.objects.update(created_at=timezone.now() - dt.timedelta(days=2))
    other = create_dossier(load_dossier(SAMPLES / "po-so-compleet.yaml"), None, "test")
    documents.rendered(other.current)
    assert set(Voorbeeld.objects.values_list("version__dossier", flat=True)) == {other.pk}


def test_a_parents_pdf_asked_for_while_many_wait_says_so(
    client: Client, sample_dossier: Dossier, ib: Any, monkeypatch: Any
) -> None:
    from overdracht.web.inzage import links, preview

    from .live import form_fields

    link = links.ask(sample_dossier, ib)[0]
    page = f"/inzage/{link.token}/"
    fields = [(k, v) for k, v in form_fields(client.get(page).content.decode()) if k != "code"]
    assert client.post(page, {**dict(fields), "code": link.code}).status_code == 302

    busy = threading.BoundedSemaphore(1)
    busy.acquire()
    monkeypatch.setattr(renderpool, "_waiting", busy)
    monkeypatch.setattr(renderpool, "in_background", lambda key, make: True)
    preview._pdfs.clear()
    answer = client.get("/inzage/rapport.pdf")
    assert answer.status_code == 200
    assert "De documenten worden nu gemaakt" in answer.content.decode()
    assert answer["Refresh"] == "3"
