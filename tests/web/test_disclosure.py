"""The verstrekkingenlog: append-only, keyed and chained; tampering is detected.

Every rewrite by someone with write access to the database: tests/web/test_disclosure_tamper.py.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from django.test import Client

from overdracht.web import disclosure
from overdracht.web.models import Logregel, Logstand

pytestmark = pytest.mark.django_db


def _three(dossier: Any, user: Any) -> list[Logregel]:
    return [
        disclosure.note(user, dossier, "Inzage gevraagd aan ouder (moeder)", 1),
        disclosure.record(
            user,
            dossier,
            1,
            "onderwijskundig rapport (PDF)",
            sha256="ab" * 32,
            left_out=["jeugdhulp"],
        ),
        disclosure.record(user, dossier, 1, "dossierbestand (YAML)", to_whom="SWV De Brug"),
    ]


def test_a_sound_log_passes_the_check(sample_dossier: Any, ib: Any) -> None:
    entries = _three(sample_dossier, ib)
    assert [e.volgnummer for e in entries] == [1, 2, 3]
    assert entries[0].vorige_hash == disclosure.GENESIS
    assert entries[1].vorige_hash == entries[0].hash
    assert entries[1].door == "ib"
    assert entries[1].aan == "SO De Baken"  # the receiving school, by default
    assert entries[2].aan == "SWV De Brug"
    check = disclosure.verify_chain()
    assert check.ok
    assert check.aantal == 3
    assert check.laatste_hash == entries[2].hash


def test_an_altered_entry_is_detected(sample_dossier: Any, ib: Any) -> None:
    _three(sample_dossier, ib)
    Logregel.objects.filter(volgnummer=2).update(weggelaten=[])  # someone hides what was left out
    check = disclosure.verify_chain()
    assert check.problemen == [
        "regel 2 klopt niet met de sleutel: achteraf veranderd, of buiten de app toegevoegd."
    ]


def test_a_deleted_entry_is_detected(sample_dossier: Any, ib: Any) -> None:
    _three(sample_dossier, ib)
    Logregel.objects.filter(volgnummer=2).delete()  # a queryset delete bypasses the model
    problems = disclosure.verify_chain().problemen
    assert problems[0] == "regel 2 ontbreekt: verwijderd uit het log."
    assert "regel 3 sluit niet aan" in problems[1]


def test_a_deleted_last_entry_is_detected(sample_dossier: Any, ib: Any) -> None:
    _three(sample_dossier, ib)
    Logregel.objects.filter(volgnummer=3).delete()
    assert disclosure.verify_chain().problemen == [
        "de laatste regel(s) na regel 2 ontbreken: het log had 3 regels.",
        "volgens het ankerbestand had het log 3 regels, maar het heeft er 2: regels aan het eind "
        "zijn verwijderd.",
    ]


def test_a_rewritten_chain_does_not_match_the_head(sample_dossier: Any, ib: Any) -> None:
    entries = _three(sample_dossier, ib)
    last = entries[2]
    Logregel.objects.filter(pk=last.pk).update(hash="f" * 64)
    problems = disclosure.verify_chain().problemen
    assert "regel 3 klopt niet met de sleutel" in problems[0]
    assert Logstand.objects.get(pk=1).aantal == 3


def test_entries_cannot_be_changed_or_deleted_through_the_model(
    sample_dossier: Any, ib: Any
) -> None:
    entry = _three(sample_dossier, ib)[0]
    entry.wat = "iets anders"
    with pytest.raises(ValueError):
        entry.save()
    with pytest.raises(ValueError):
        entry.delete()


def test_the_ib_sees_the_log_of_a_dossier(ib_client: Client, sample_dossier: Any, ib: Any) -> None:
    _three(sample_dossier, ib)
    page = ib_client.get(f"/dossiers/{sample_dossier.public_id}/logboek/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "onderwijskundig rapport (PDF)" in text
    assert "jeugdhulp" in text
    assert "Inzage gevraagd aan ouder (moeder)" in text


def test_only_a_beheerder_sees_the_whole_log(ib_client: Client) -> None:
    assert ib_client.get("/beheer/verstrekkingenlog/").status_code == 403
    assert ib_client.get("/beheer/verstrekkingenlog.csv").status_code == 403


def test_the_beheer_page_shows_the_check(
    beheer_client: Client, sample_dossier: Any, beheerder: Any
) -> None:
    _three(sample_dossier, beheerder)
    assert (
        "Het log is in orde: 3 regels"
        in beheer_client.get("/beheer/verstrekkingenlog/").content.decode()
    )
    Logregel.objects.filter(volgnummer=1).update(wat="verzonnen")
    text = beheer_client.get("/beheer/verstrekkingenlog/").content.decode()
    assert "Het log is niet in orde." in text
    assert "Regel 1 klopt niet met de sleutel" in text


def test_the_export_is_formula_safe(
    beheer_client: Client, sample_dossier: Any, beheerder: Any
) -> None:
    disclosure.record(beheerder, sample_dossier, 1, '=HYPERLINK("x")', to_whom="+31 SWV")
    csv = beheer_client.get("/beheer/verstrekkingenlog.csv").content.decode("utf-8-sig")
    header, row = csv.splitlines()[:2]
    assert header.startswith("Nr.;Tijdstip;Soort")
    assert "'=HYPERLINK" in row and "'+31 SWV" in row
    assert sample_dossier.leerling_naam in row
    xlsx = beheer_client.get("/beheer/verstrekkingenlog.xlsx")
    assert xlsx.status_code == 200
    with zipfile.ZipFile(io.BytesIO(xlsx.content)) as book:
        sheet = book.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet
    assert "=HYPERLINK" in sheet  # kept as text


def test_controleer_log_needs_an_existing_data_folder(tmp_path: Path) -> None:
    from overdracht.cli import main

    folder = tmp_path / "leeg"
    result = CliRunner().invoke(main, ["web", "--data", str(folder), "--controleer-log"])
    assert result.exit_code == 2
    assert "deze gegevensmap bestaat niet" in result.output


def test_controleer_log_on_a_fresh_data_folder(tmp_path: Path) -> None:
    # A process of its own: the command sets Django up for its data folder.
    folder = tmp_path / "eigen-data"
    folder.mkdir()
    env = {
        k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")
    }
    result = subprocess.run(
        [sys.executable, "-m", "overdracht", "web", "--data", str(folder), "--controleer-log"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"Het verstrekkingenlog in {folder} is in orde: 0 regels.\n"
