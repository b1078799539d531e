"""Is this file exactly a stored final document? ``overdracht verify`` and the page."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from overdracht.web.models import DefinitiefDocument, DossierVersion

pytestmark = pytest.mark.django_db


@pytest.fixture
def final_pdf(sample_dossier: Any, ib: Any) -> bytes:
    """A stored final document (made directly: rendering is tested elsewhere)."""
    import hashlib

    data = b"%PDF-1.7 een definitief rapport"
    version = DossierVersion.objects.get(dossier=sample_dossier, number=1)
    version.definitief = True
    version.definitief_door = ib
    from django.utils import timezone

    version.definitief_op = timezone.now()
    version.save()
    DefinitiefDocument.objects.create(
        version=version,
        soort="onderwijskundig-rapport",
        formaat="pdf",
        bestand="x.bin",
        grootte=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
    )
    return data


def test_the_page_names_the_final_document(
    ib_client: Client, final_pdf: bytes, sample_dossier: Any
) -> None:
    page = ib_client.post(
        "/controleren/", {"bestand": SimpleUploadedFile("rapport.pdf", final_pdf)}
    )
    text = page.content.decode()
    assert page.status_code == 200
    assert "rapport.pdf is precies een definitief document." in text
    assert "Onderwijskundig rapport (PDF), versie 1 van het dossier van" in text
    assert sample_dossier.leerling_naam in text


def test_a_changed_file_is_not_a_final_document(ib_client: Client, final_pdf: bytes) -> None:
    changed = final_pdf.replace(b"definitief", b"veranderd!")
    page = ib_client.post("/controleren/", {"bestand": SimpleUploadedFile("rapport.pdf", changed)})
    assert "rapport.pdf is geen definitief document uit deze app." in page.content.decode()


def test_the_page_needs_a_file_and_a_login(ib_client: Client, client: Client) -> None:
    page = ib_client.post("/controleren/", {})
    assert page.status_code == 400
    assert "Kies het bestand dat u wilt controleren." in page.content.decode()
    assert Client().get("/controleren/").status_code == 302


def test_verify_needs_an_existing_data_folder(tmp_path: Path) -> None:
    from overdracht.cli import main

    pdf = tmp_path / "rapport.pdf"
    pdf.write_bytes(b"%PDF")
    result = CliRunner().invoke(main, ["verify", str(pdf), "--data", str(tmp_path / "geen")])
    assert result.exit_code == 2
    assert "deze gegevensmap bestaat niet" in result.output
    missing = CliRunner().invoke(main, ["verify", str(tmp_path / "weg.pdf")])
    assert missing.exit_code == 3


def test_verify_on_the_command_line(tmp_path: Path) -> None:
    # A process of its own: the command sets Django up for its data folder.
    folder = tmp_path / "eigen-data"
    folder.mkdir()
    pdf = tmp_path / "rapport.pdf"
    pdf.write_bytes(b"%PDF-1.7 iets")
    env = {
        k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")
    }
    result = subprocess.run(
        [sys.executable, "-m", "overdracht", "verify", str(pdf), "--data", str(folder)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 1, result.stderr
    assert result.stdout.startswith(f"{pdf}: dit is GEEN definitief document uit {folder}.")
