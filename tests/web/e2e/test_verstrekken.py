"""Sending a final version to the receiving school: a disclosure that names the receiver, with a
receipt; looking at the documents inside the school is access; the log checks out."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest

from .conftest import App, main_page, open_dossier, open_tab
from .papier import inzage_on_paper

pytestmark = pytest.mark.browser
SLOW = 120_000  # ms: rendering documents on a busy machine


def test_the_ib_sends_the_final_documents_and_the_log_says_so(
    ib: Any, app: App, tmp_path: Path
) -> None:
    dossier = open_dossier(ib, "Sophie Meijer", overgang="vo-mbo")
    # Consent and inzage in the sample file are the school's word: the signed forms count.
    assert inzage_on_paper(ib, dossier)
    ib.goto(dossier)
    with ib.expect_response(lambda r: "/voorbeeld/" in r.url, timeout=SLOW):
        open_tab(ib, dossier, "Documenten")  # the page shows the concept in a frame
    # A concept cannot be sent; looking at it is access.
    assert ib.get_by_text(
        "Versturen naar de nieuwe school kan als deze versie definitief is"
    ).count()
    ib.get_by_role("button", name="Definitief maken").click(timeout=SLOW)
    assert ib.get_by_text("is definitief").first.is_visible()

    # The receiving school is suggested; the IB sends the PDF/A documents to it.
    assert ib.get_by_label("Aan").input_value() == "MBO Amersfoort"
    main_page(ib, "documenten-versturen")
    with ib.expect_download(timeout=SLOW) as download:
        ib.get_by_role("button", name="Downloaden voor deze ontvanger").click()
    assert "Meijer" not in download.value.suggested_filename
    sent = tmp_path / "verstuurd.zip"
    download.value.save_as(sent)
    with zipfile.ZipFile(sent) as archive:
        names = archive.namelist()
        receipt = archive.read("verzendbewijs.txt").decode()
    assert not any("checklistrapport" in name for name in names)
    assert "Verstrekt aan: MBO Amersfoort" in receipt

    ib.goto(dossier + "logboek/")  # after a form that answered with a download
    sent_part, access_part = ib.locator("main").inner_text().split("Toegang binnen de school", 1)
    assert "onderwijskundig rapport (PDF/A)" in sent_part and "MBO Amersfoort" in sent_part
    assert "voorbeeld" not in sent_part
    assert "onderwijskundig rapport (PDF, voorbeeld, concept)" in access_part
    main_page(ib, "logboek-verstrekt")

    # The privacy officer's check, beside the running app.
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_URL", "DJANGO_"))}
    check = subprocess.run(
        [
            sys.executable,
            "-m",
            "overdracht",
            "web",
            "--data",
            str(app.data_dir),
            "--controleer-log",
        ],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert check.returncode == 0, check.stderr
    assert "is in orde" in check.stdout
