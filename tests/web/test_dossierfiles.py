"""Dossier files in and out: the CLI's YAML/JSON format, the same Dutch errors, nothing lost."""

from __future__ import annotations

import html
import io
import zipfile
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from overdracht.cli import main
from overdracht.consent import apply_answers
from overdracht.errors import OverdrachtError
from overdracht.limits import MAX_SOURCE_BYTES
from overdracht.model import load_dossier
from overdracht.web.models import Dossier
from overdracht.web.store import document

from .conftest import SAMPLES

pytestmark = pytest.mark.django_db

DOSSIER_SAMPLES = sorted(SAMPLES.glob("*.yaml"))


def upload(path: Path, name: str | None = None, content: bytes | None = None) -> SimpleUploadedFile:
    data = path.read_bytes() if content is None else content
    return SimpleUploadedFile(name or path.name, data, content_type="application/yaml")


def cli_message(tmp_path: Path, name: str, content: bytes) -> OverdrachtError:
    """What the CLI's reader says about this file, with the folder taken off."""
    path = tmp_path / "cli" / name
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(content)
    with pytest.raises(OverdrachtError) as caught:
        load_dossier(path)
    exc = caught.value
    prefix = f"{path.parent}/"
    exc.message = exc.message.replace(prefix, "")
    exc.details = [d.replace(prefix, "") for d in exc.details]
    return exc


def test_every_page_needs_a_login(client: Client, sample_dossier: Dossier) -> None:
    pid = sample_dossier.public_id
    for path in [
        "/dossierbestanden/",
        "/dossierbestanden/alles.zip",
        f"/dossiers/{pid}/dossierbestand/",
        f"/dossiers/{pid}/versies/1/dossierbestand/",
    ]:
        assert client.get(path)["Location"].startswith("/inloggen/"), path
    response = client.post("/dossierbestanden/", {"bestanden": [upload(DOSSIER_SAMPLES[0])]})
    assert response["Location"].startswith("/inloggen/")
    assert Dossier.objects.count() == 1


def test_round_trip_of_every_sample_loses_nothing(ib_client: Client, tmp_path: Path) -> None:
    response = ib_client.post(
        "/dossierbestanden/", {"bestanden": [upload(p) for p in DOSSIER_SAMPLES]}
    )
    assert response.status_code == 302
    assert Dossier.objects.count() == len(DOSSIER_SAMPLES)
    for sample in DOSSIER_SAMPLES:
        dossier = Dossier.objects.get(versions__herkomst=f"dossierbestand {sample.name}")
        download = ib_client.get(f"/dossiers/{dossier.public_id}/dossierbestand/")
        assert download["Content-Type"] == "application/yaml; charset=utf-8"
        name = f"dossier-{dossier.public_id[:8]}.yaml"
        assert download["Content-Disposition"] == f'attachment; filename="{name}"'
        path = tmp_path / name
        path.write_bytes(download.content)
        # Only what the school cannot decide changed: consent and inzage in a file are the
        # school's word (herkomst: school), and no bijlage travels until parents said yes.
        assert load_dossier(path) == apply_answers(load_dossier(sample), None), sample.name
    result = CliRunner().invoke(main, ["check", str(path)])
    assert result.exit_code in (0, 1), result.output  # read and checked, not refused


def test_json_files_and_one_file_go_to_its_dossier(ib_client: Client, tmp_path: Path) -> None:
    doc = load_dossier(SAMPLES / "po-vo-compleet.yaml")
    content = doc.model_dump_json(exclude_none=True).encode()
    response = ib_client.post(
        "/dossierbestanden/", {"bestanden": [upload(tmp_path, "leerling.json", content)]}
    )
    dossier = Dossier.objects.get()
    assert response["Location"] == f"/dossiers/{dossier.public_id}/"
    assert document(dossier.current.data) == apply_answers(doc, None)


def test_all_dossiers_as_one_zip_follow_the_overview_filters(
    ib_client: Client, all_samples: list[Any], tmp_path: Path
) -> None:
    archive = zipfile.ZipFile(io.BytesIO(ib_client.get("/dossierbestanden/alles.zip").getvalue()))
    assert len(archive.namelist()) == len(all_samples)
    for name in archive.namelist():
        assert name.startswith("dossier-") and name.endswith(".yaml")
        (tmp_path / name).write_bytes(archive.read(name))
        load_dossier(tmp_path / name)
    po_so = [d for d in all_samples if d.overgang == "po-so"]
    filtered = ib_client.get("/dossierbestanden/alles.zip?overgang=po-so")
    assert filtered["Content-Disposition"].startswith('attachment; filename="dossiers-')
    assert len(zipfile.ZipFile(io.BytesIO(filtered.getvalue())).namelist()) == len(po_so)
    ib_client.post("/dossiers/", {"zoek": "niemand-heet-zo"}, follow=True)  # kept
    empty = ib_client.get("/dossierbestanden/alles.zip")
    assert empty.status_code == 302


def test_an_earlier_version_downloads_as_it_was(ib_client: Client, sample_dossier: Dossier) -> None:
    from overdracht.web.store import save_version

    doc = document(sample_dossier.current.data)
    doc.leerling.roepnaam = "Danny"
    save_version(sample_dossier, doc, None, base_number=1)
    pid = sample_dossier.public_id
    old = ib_client.get(f"/dossiers/{pid}/versies/1/dossierbestand/")
    assert "roepnaam: Daan" in old.content.decode()
    assert f'filename="dossier-{pid[:8]}-v1.yaml"' in old["Content-Disposition"]
    assert "roepnaam: Danny" in ib_client.get(f"/dossiers/{pid}/dossierbestand/").content.decode()


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("kapot.yaml", b"leerling:\n  achternaam: Jansen\n    voornamen: Jan\n"),
        ("foto.yaml", bytes(range(256)) * 8),
        ("groot.yaml", b"# " + b"x" * (MAX_SOURCE_BYTES + 10)),
        (
            "fout.yaml",
            (SAMPLES / "po-so-compleet.yaml").read_bytes().replace(b"725763863", b"123456789"),
        ),
    ],
    ids=["broken-yaml", "binary", "huge", "invalid-bsn"],
)
def test_a_bad_file_gets_the_cli_message_and_nothing_is_imported(
    ib_client: Client, tmp_path: Path, name: str, content: bytes
) -> None:
    expected = cli_message(tmp_path, name, content)
    good = upload(SAMPLES / "po-vo-compleet.yaml")
    response = ib_client.post(
        "/dossierbestanden/", {"bestanden": [good, upload(tmp_path, name, content)]}
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "er is niets ingelezen" in page
    assert html.escape(expected.message) in page
    for detail in expected.details:
        assert html.escape(detail) in page
    assert str(tmp_path) not in page and "/tmp" not in page
    assert not Dossier.objects.exists()


def test_no_file_chosen(ib_client: Client) -> None:
    response = ib_client.post("/dossierbestanden/", {})
    assert response.status_code == 200
    assert "Kies een of meer dossierbestanden" in response.content.decode()


def test_a_file_name_cannot_leave_the_upload_folder(ib_client: Client, tmp_path: Path) -> None:
    response = ib_client.post(
        "/dossierbestanden/",
        {"bestanden": [upload(tmp_path, "../../etc/passwd", b"a: [")]},
    )
    page = response.content.decode()
    assert "passwd:" in page and "../" not in page


def test_every_dossier_file_that_leaves_is_logged(
    ib_client: Client, all_samples: list[Any]
) -> None:
    import hashlib

    from overdracht.web.disclosure import disclosures, entries_for, verify_chain
    from overdracht.web.models import Logregel

    one = all_samples[0]
    data = ib_client.get(f"/dossiers/{one.public_id}/dossierbestand/").content
    entry = entries_for(one).get()
    assert entry.wat == "dossierbestand (YAML)"
    assert entry.sha256 == hashlib.sha256(data).hexdigest()
    assert entry.soort == "toegang" and entry.aan == ""  # a download for the school itself
    ib_client.get("/dossierbestanden/alles.zip").getvalue()
    assert not disclosures().exists()
    assert Logregel.objects.filter(soort="toegang").count() == 1 + len(all_samples)
    assert verify_chain().ok  # the ZIP's entries are chained like any other
    assert entries_for(all_samples[-1]).get().wat.startswith("dossierbestand (YAML), in een ZIP")


def test_too_many_files_at_once_is_a_message(ib_client: Client, settings: Any) -> None:
    settings.DATA_UPLOAD_MAX_NUMBER_FILES = 3
    files = [upload(SAMPLES / "po-vo-compleet.yaml", f"d{i}.yaml") for i in range(4)]
    response = ib_client.post("/dossierbestanden/", {"bestanden": files})
    assert response.status_code == 200
    assert "U kunt ten hoogste 3 bestanden tegelijk inlezen" in response.content.decode()
    assert not Dossier.objects.exists()
