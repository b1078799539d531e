"""Documents of a dossier: preview, downloads, CONCEPT as in the CLI, and 'Definitief maken'."""

from __future__ import annotations

import hashlib
import html
import io
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from overdracht.errors import IncompleteError
from overdracht.model import load_dossier
from overdracht.web import documents
from overdracht.web.models import DefinitiefDocument, Dossier
from overdracht.web.store import create_dossier, document, save_version

from .conftest import SAMPLES

pytestmark = pytest.mark.django_db

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@pytest.fixture
def incomplete(db: None) -> Dossier:
    return create_dossier(load_dossier(SAMPLES / "po-vso-onvolledig.yaml"), None, herkomst="test")


def pdf_text(data: bytes, tmp_path: Path) -> str:
    path = tmp_path / "document.pdf"
    path.write_bytes(data)
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True, text=True
    ).stdout


def url(dossier: Dossier, soort: str = "onderwijskundig-rapport", formaat: str = "pdf") -> str:
    return f"/dossiers/{dossier.public_id}/documenten/v{dossier.current_number}/{soort}/{formaat}/"


def test_every_page_needs_a_login(client: Client, sample_dossier: Dossier) -> None:
    pid = sample_dossier.public_id
    for path in [
        f"/dossiers/{pid}/documenten/",
        url(sample_dossier),
        url(sample_dossier, formaat="voorbeeld"),
        f"/dossiers/{pid}/documenten/v1/alles.zip",
        f"/dossiers/{pid}/definitief/",
    ]:
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"].startswith("/inloggen/"), path
    assert client.post(f"/dossiers/{pid}/definitief/", {"versie": "1"}).status_code == 302
    assert not Dossier.objects.get(pk=sample_dossier.pk).current.definitief


def test_documents_page_lists_documents_and_plain_buttons(
    ib_client: Client, sample_dossier: Dossier
) -> None:
    page = ib_client.get(f"/dossiers/{sample_dossier.public_id}/documenten/").content.decode()
    for title in ["Onderwijskundig rapport", "Samenvatting TLV-dossier", "Checklistrapport"]:
        assert title in page
    for button in ["Download PDF", "Download DOCX", "Download PDF/A", "Download alles (ZIP)"]:
        assert f">{button}</a>" in page
    assert ">Definitief maken</button>" in page
    assert url(sample_dossier, formaat="voorbeeld") in page  # the preview frame


def test_preview_is_an_inline_pdf_and_downloads_carry_no_name(
    ib_client: Client, sample_dossier: Dossier, tmp_path: Path
) -> None:
    short = sample_dossier.public_id[:8]
    preview = ib_client.get(url(sample_dossier, formaat="voorbeeld"))
    assert preview.status_code == 200
    assert preview["Content-Type"] == "application/pdf"
    assert preview["Content-Disposition"].startswith("inline;")
    assert "Daan" in pdf_text(preview.content, tmp_path)

    pdf = ib_client.get(url(sample_dossier))
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf["Content-Disposition"] == (
        f'attachment; filename="onderwijskundig-rapport-{short}-v1.pdf"'
    )
    docx = ib_client.get(url(sample_dossier, "verslag-warme-overdracht", "docx"))
    assert docx["Content-Type"] == DOCX
    assert docx.content[:2] == b"PK"
    assert f"verslag-warme-overdracht-{short}-v1.docx" in docx["Content-Disposition"]
    for response in (pdf, docx):
        assert "berg" not in response["Content-Disposition"].lower()


def test_zip_holds_every_document_in_every_format(
    ib_client: Client, sample_dossier: Dossier
) -> None:
    response = ib_client.get(f"/dossiers/{sample_dossier.public_id}/documenten/v1/alles.zip")
    assert response["Content-Type"] == "application/zip"
    names = zipfile.ZipFile(io.BytesIO(response.content)).namelist()
    short = sample_dossier.public_id[:8]
    assert f"onderwijskundig-rapport-{short}-v1.docx" in names
    assert f"onderwijskundig-rapport-{short}-v1.pdf" in names
    assert f"onderwijskundig-rapport-{short}-v1-pdfa.pdf" in names
    assert len(names) == 12  # four documents (po-so has a TLV summary) x three formats
    assert not any(n.startswith("checklistrapport") for n in names)  # internal, never sent


def test_incomplete_dossier_pdf_says_concept_like_the_cli(
    ib_client: Client, incomplete: Dossier, tmp_path: Path
) -> None:
    page = ib_client.get(f"/dossiers/{incomplete.public_id}/documenten/").content.decode()
    assert "Dit zijn concepten" in page
    text = pdf_text(ib_client.get(url(incomplete)).content, tmp_path)
    assert "CONCEPT" in text
    assert document(incomplete.current.data).leerling.achternaam in text


def test_unknown_document_or_format_is_404(ib_client: Client, sample_dossier: Dossier) -> None:
    assert ib_client.get(url(sample_dossier, "bestaat-niet")).status_code == 404
    assert ib_client.get(url(sample_dossier, formaat="exe")).status_code == 404
    pid = sample_dossier.public_id
    assert ib_client.get(f"/dossiers/{pid}/documenten/v9/alles.zip").status_code == 404
    assert ib_client.get("/dossiers/onbekend/documenten/").status_code == 404


def test_definitief_refused_lists_what_is_missing_like_render_final(
    ib_client: Client, incomplete: Dossier, tmp_path: Path
) -> None:
    from overdracht import render_documents

    with pytest.raises(IncompleteError) as expected:
        render_documents(document(incomplete.current.data), tmp_path, final=True)
    response = ib_client.post(f"/dossiers/{incomplete.public_id}/definitief/", {"versie": "1"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "De documenten kunnen nog niet definitief worden gemaakt. Dit ontbreekt nog:" in page
    assert expected.value.details
    for detail in expected.value.details:
        assert html.escape(detail) in page
    assert not Dossier.objects.get(pk=incomplete.pk).current.definitief
    assert not DefinitiefDocument.objects.exists()


def test_definitief_freezes_the_version_and_stores_its_documents_once(
    ib_client: Client, sample_dossier: Dossier, tmp_path: Path, monkeypatch: Any
) -> None:
    pid = sample_dossier.public_id
    response = ib_client.post(f"/dossiers/{pid}/definitief/", {"versie": "1"})
    assert response.status_code == 302
    dossier = Dossier.objects.get(pk=sample_dossier.pk)
    version = dossier.current
    assert version.definitief and dossier.status == "definitief"
    stored = list(DefinitiefDocument.objects.filter(version=version))
    assert {(d.soort, d.formaat) for d in stored} >= {
        ("onderwijskundig-rapport", "pdf"),
        ("onderwijskundig-rapport", "docx"),
        ("onderwijskundig-rapport", "pdfa"),
    }
    folder = Path(documents.final_folder())
    for row in stored:
        assert (folder / row.bestand).stat().st_mode & 0o777 == 0o600

    # Served from the stored files, never rendered again.
    def no_render(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("a final version must not be rendered again")

    monkeypatch.setattr(documents, "_render", no_render)
    pdf = ib_client.get(url(dossier))
    row = next(d for d in stored if (d.soort, d.formaat) == ("onderwijskundig-rapport", "pdf"))
    assert hashlib.sha256(pdf.content).hexdigest() == row.sha256
    text = pdf_text(pdf.content, tmp_path)
    assert "CONCEPT" not in text and "Daan" in text
    page = ib_client.get(f"/dossiers/{pid}/documenten/").content.decode()
    assert "is definitief gemaakt op" in page
    assert ">Definitief maken</button>" not in page
    assert ib_client.get(f"/dossiers/{pid}/documenten/v1/alles.zip").status_code == 200


def test_a_frozen_version_never_changes_a_later_save_is_a_new_concept(
    ib_client: Client, sample_dossier: Dossier, monkeypatch: Any
) -> None:
    pid = sample_dossier.public_id
    ib_client.post(f"/dossiers/{pid}/definitief/", {"versie": "1"})
    final = Dossier.objects.get(pk=sample_dossier.pk).current
    frozen = dict(final.data)
    again = ib_client.post(f"/dossiers/{pid}/definitief/", {"versie": "1"})
    assert "Versie 1 is al definitief" in again.content.decode()

    doc = document(final.data)
    doc.leerling.roepnaam = "Danny"
    dossier = Dossier.objects.get(pk=sample_dossier.pk)
    new = save_version(dossier, doc, None, base_number=1)
    assert new is not None and new.number == 2 and not new.definitief
    final.refresh_from_db()
    assert final.definitief and final.data == frozen
    dossier.refresh_from_db()
    assert dossier.status != "definitief"
    # The page for version 1 still serves its stored documents, not a new render.
    monkeypatch.setattr(documents, "_render", None)
    assert (
        ib_client.get(f"/dossiers/{pid}/documenten/v1/onderwijskundig-rapport/pdf/").status_code
        == 200
    )
    monkeypatch.undo()
    # Making version 1 final again, from a page opened before version 2: refused, nothing done.
    stale = ib_client.post(f"/dossiers/{pid}/definitief/", {"versie": "1"})
    assert "opgeslagen (versie 2)" in stale.content.decode()
    assert not Dossier.objects.get(pk=sample_dossier.pk).current.definitief


def test_a_changed_stored_file_is_not_served(ib_client: Client, sample_dossier: Dossier) -> None:
    pid = sample_dossier.public_id
    ib_client.post(f"/dossiers/{pid}/definitief/", {"versie": "1"})
    row = DefinitiefDocument.objects.get(soort="onderwijskundig-rapport", formaat="pdf")
    (documents.final_folder() / row.bestand).write_bytes(b"%PDF-1.7 iets anders")
    response = ib_client.get(url(sample_dossier))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert "veranderd of verdwenen" in response.content.decode()


def test_a_failing_render_shows_a_calm_message_and_keeps_the_dossier(
    ib_client: Client, sample_dossier: Dossier, monkeypatch: Any
) -> None:
    from overdracht.web import renderpool

    def broken(*args: Any, **kwargs: Any) -> None:
        # What the pool raises when the library failed in a worker (tests/web/
        # test_render_workers.py: the error's message never leaves the worker).
        raise renderpool.WorkerFailed("RuntimeError")

    monkeypatch.setattr(renderpool, "run", broken)
    pid = sample_dossier.public_id
    for path in [
        f"/dossiers/{pid}/documenten/",
        url(sample_dossier),
        url(sample_dossier, formaat="voorbeeld"),
    ]:
        response = ib_client.get(path)
        assert response.status_code == 200, path
        text = response.content.decode()
        assert "De documenten konden niet worden gemaakt" in text
        assert "renderer kapot" not in text
    refused = ib_client.post(f"/dossiers/{pid}/definitief/", {"versie": "1"})
    assert "De documenten konden niet worden gemaakt" in refused.content.decode()
    dossier = Dossier.objects.get(pk=sample_dossier.pk)
    assert dossier.current_number == 1 and not dossier.current.definitief
    assert not DefinitiefDocument.objects.exists()


# What is logged as access and what as a disclosure: tests/web/test_disclosure_access.py


def test_two_clicks_on_definitief_store_one_set(sample_dossier: Dossier, monkeypatch: Any) -> None:
    """The second request rendered while the first was storing: it is refused, not a 500."""
    from overdracht.web.store import mark_final

    real = documents._render

    def render_then_someone_else_finishes(*args: Any, **kwargs: Any) -> Any:
        result = real(*args, **kwargs)
        if kwargs.get("pdfa"):
            mark_final(Dossier.objects.get(pk=sample_dossier.pk), None)
        return result

    monkeypatch.setattr(documents, "_render", render_then_someone_else_finishes)
    with pytest.raises(documents.AlreadyFinal):
        documents.make_final(sample_dossier, None, base_number=1)
    assert not DefinitiefDocument.objects.exists()
    assert not list(documents.final_folder().iterdir())


def test_a_version_made_final_elsewhere_shows_a_message_not_a_render(
    ib_client: Client, sample_dossier: Dossier, monkeypatch: Any
) -> None:
    from overdracht.web.store import mark_final

    mark_final(sample_dossier, None)
    monkeypatch.setattr(documents, "_render", None)  # never rendered afterwards
    page = ib_client.get(f"/dossiers/{sample_dossier.public_id}/documenten/")
    assert page.status_code == 200
    assert "geen documenten bewaard" in page.content.decode()
    assert ib_client.get(url(sample_dossier)).status_code == 404
