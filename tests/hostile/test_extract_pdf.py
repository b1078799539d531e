"""Class 5: 'extract' on hostile PDFs answers exit 3 in Dutch, bounded in time and memory."""

from __future__ import annotations

import json
import zlib
from pathlib import Path

import pytest

from .bombs import pdf_with_attachment, run_limited
from .conftest import run

DOSSIER = json.dumps({"leerling": {"voornamen": "Sanne"}}).encode()


def test_a_good_attachment_is_read(tmp_path: Path) -> None:
    pdf = tmp_path / "d.pdf"
    pdf.write_bytes(pdf_with_attachment(DOSSIER))
    code, out, _ = run("extract", pdf)
    assert code == 0 and json.loads(out) == {"leerling": {"voornamen": "Sanne"}}


def _cut_in_stream(pdf: bytes) -> bytes:
    return pdf[: pdf.index(b"stream\n") + 7 + 20]


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        (
            "truncated",
            _cut_in_stream(pdf_with_attachment(DOSSIER * 50)),
            "de ingesloten dossiergegevens zijn afgebroken (het bestand is onvolledig)",
        ),
        (
            "broken",
            pdf_with_attachment(DOSSIER).replace(zlib.compress(DOSSIER)[2:12], b"x" * 10),
            "de ingesloten dossiergegevens zijn beschadigd",
        ),
        (
            "nested",
            pdf_with_attachment(b'{"leerling": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"),
            "de ingesloten gegevens zijn te diep genest; dat is geen dossier",
        ),
    ],
)
def test_broken_attachments_are_explained(
    tmp_path: Path, name: str, content: bytes, problem: str
) -> None:
    pdf = tmp_path / f"{name}.pdf"
    pdf.write_bytes(content)
    code, out, err = run("extract", pdf)
    assert (code, out) == (3, "")
    assert err == (
        f"Fout: {pdf}: {problem}. Maak de PDF opnieuw met 'overdracht render --pdfa', of vraag "
        "de afzender om een nieuwe.\n"
    )


def test_an_inflation_bomb_is_refused_under_a_memory_limit(tmp_path: Path) -> None:
    pdf = tmp_path / "bom.pdf"
    pdf.write_bytes(pdf_with_attachment(b" " * (2 * 1024**3 // 4)))  # 512 MB of spaces
    assert pdf.stat().st_size < 2 * 1024 * 1024
    result = run_limited("extract", pdf)
    assert result.returncode == 3, result.stderr
    assert "uitgepakt groter dan 10 MB; dat is geen dossier" in result.stderr


def test_many_objects_without_streams_are_searched_in_linear_time(tmp_path: Path) -> None:
    # Before: a lazy regex from every 'obj <<' to the next 'stream' (3 MB did not finish).
    pdf = tmp_path / "veel.pdf"
    pdf.write_bytes(b"%PDF-1.7\n" + b"1 0 obj << /Type /EmbeddedFile json " * 100_000)
    result = run_limited("extract", pdf, timeout=60)
    assert result.returncode == 3
    assert "in deze PDF zit geen dossier" in result.stderr


def test_too_large_a_file_is_refused(tmp_path: Path) -> None:
    pdf = tmp_path / "groot.pdf"
    with pdf.open("wb") as handle:
        handle.write(b"%PDF-1.7\n")
        handle.truncate(51 * 1024 * 1024)  # sparse: no disk space used
    code, _, err = run("extract", pdf)
    assert code == 3
    assert err == (
        f"Fout: {pdf}: het bestand is te groot (51 MB; maximaal 50 MB). Is dit wel een PDF van "
        "overdracht?\n"
    )
