"""SWV loket: TLV aanvragen from the database or an uploaded ZIP, as tlv-check shows them."""

from __future__ import annotations

import html
import io
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from overdracht.tlv import check_aanvragen, tlv_transitions
from overdracht.web.models import Logregel, Profile, Role

from .conftest import SAMPLES

pytestmark = pytest.mark.django_db

AANVRAGEN = SAMPLES / "aanvragen"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def words(response: Any) -> str:
    text = re.sub(r"<[^>]+>", " ", response.content.decode())
    return html.unescape(re.sub(r"\s+", " ", text))


def zipped(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def sample_zip() -> SimpleUploadedFile:
    files = {f"aanvragen/{p.name}": p.read_bytes() for p in sorted(AANVRAGEN.glob("*.yaml"))}
    return SimpleUploadedFile("aanvragen.zip", zipped(files))


@pytest.fixture
def loket_client(client: Client, django_user_model: Any) -> Client:
    user = django_user_model.objects.create_user(username="loket", password="Geheim-wachtw-3")
    Profile.objects.create(user=user, rol=Role.LOKET)
    client.force_login(user)
    return client


def test_login_required(client: Client) -> None:
    response = client.get("/loket/")
    assert response.status_code == 302
    assert "/inloggen/" in response["Location"]


def test_administratie_may_not(client: Client, django_user_model: Any) -> None:
    user = django_user_model.objects.create_user(username="adm", password="Geheim-wachtw-4")
    Profile.objects.create(user=user, rol=Role.ADMINISTRATIE)
    client.force_login(user)
    response = client.get("/loket/")
    assert response.status_code == 403
    assert "De TLV-aanvragen zijn voor het loket" in words(response)


def test_database_aanvragen_as_tlv_check_shows_them(
    loket_client: Client, all_samples: list[Any]
) -> None:
    response = loket_client.get("/loket/")
    assert response.status_code == 200
    page = words(response)
    tlv = [d for d in all_samples if d.overgang in tlv_transitions()]
    assert tlv and len(tlv) < len(all_samples)
    assert f"{len(tlv)} aanvragen:" in page
    html = response.content.decode()
    for dossier in all_samples:
        # the loket sees the TLV aanvragen (counted above), but opens no dossier page
        assert f"/dossiers/{dossier.public_id}/" not in html
    assert "Download overzicht (XLSX)" in page
    # no full names by default, like tlv-check without --namen
    for dossier in tlv:
        assert dossier.leerling_naam not in page


def test_filters(loket_client: Client, all_samples: list[Any]) -> None:
    page = words(loket_client.get("/loket/", {"status": "compleet"}))
    assert "onvolledig " not in page.split("Wat ontbreekt")[1]
    page = words(loket_client.get("/loket/", {"overgang": "po-sbo"}))
    assert re.search(r"(\d+) aanvra", page)
    dossier = next(d for d in all_samples if d.overgang in tlv_transitions() and d.leerlingnummer)
    # The search text is POSTed, never in the address (a name); the downloads use it too.
    page = words(loket_client.post("/loket/", {"zoek": dossier.leerlingnummer}, follow=True))
    assert f"({dossier.leerlingnummer})" in page
    assert re.search(r"\b1 aanvra", page)


def test_zip_of_sample_aanvragen(loket_client: Client, tmp_path: Path) -> None:
    response = loket_client.post("/loket/", {"aanvragen": sample_zip()})
    assert response.status_code == 302
    page_response = loket_client.get(response["Location"])
    page = words(page_response)
    expected = check_aanvragen(AANVRAGEN)
    assert expected.summary() in page
    assert "15 aanvragen: 5 compleet, 3 met waarschuwingen, 5 onvolledig, 2 onleesbaar." in page
    assert "14-kapot-bestand.yaml:4: het bestand is geen geldige YAML of JSON" in page
    assert "30-06-2027 Huidige TLV loopt af" in page
    assert str(tmp_path) not in page
    # filters on the uploaded batch
    filtered = words(loket_client.get(response["Location"], {"status": "onleesbaar"}))
    assert "2 aanvragen: 0 compleet, 0 met waarschuwingen, 0 onvolledig, 2 onleesbaar." in filtered


def test_zip_downloads(loket_client: Client) -> None:
    location = loket_client.post("/loket/", {"aanvragen": sample_zip()})["Location"]
    xlsx = loket_client.get(f"{location}download/overzicht.xlsx")
    assert xlsx.status_code == 200
    assert xlsx["Content-Type"] == XLSX
    assert xlsx["Content-Disposition"] == 'attachment; filename="tlv-overzicht.xlsx"'
    assert xlsx.content[:2] == b"PK"
    html = loket_client.get(f"{location}download/overzicht.html")
    assert html["Content-Type"] == "text/html; charset=utf-8"
    assert "attachment" in html["Content-Disposition"]
    assert "15 aanvragen" in html.content.decode()
    letters = loket_client.get(f"{location}download/brieven.zip")
    assert letters["Content-Type"] == "application/zip"
    with zipfile.ZipFile(io.BytesIO(letters.content)) as archive:
        names = archive.namelist()
    assert len(names) == 5  # one per incomplete aanvraag
    assert all(n.startswith("aanvulling-") and n.endswith(".docx") for n in names)


def test_database_letters_are_logged(loket_client: Client, all_samples: list[Any]) -> None:
    response = loket_client.get("/loket/download/brieven.zip")
    assert response.status_code == 200
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        names = archive.namelist()
    assert names
    letters = Logregel.objects.filter(wat__startswith="TLV-brief")
    assert letters.count() == len(names)
    # the file names carry the opaque id, never a name
    public_ids = {d.public_id for d in all_samples}
    for name in names:
        assert name.removeprefix("aanvulling-").removesuffix(".docx") in public_ids


def test_zip_belongs_to_the_session(loket_client: Client, beheerder: Any) -> None:
    location = loket_client.post("/loket/", {"aanvragen": sample_zip()})["Location"]
    other = Client()
    other.force_login(beheerder)
    assert other.get(location).status_code == 404
    assert other.get(f"{location}download/overzicht.xlsx").status_code == 404


def test_not_a_zip(loket_client: Client) -> None:
    response = loket_client.post(
        "/loket/", {"aanvragen": SimpleUploadedFile("aanvragen.zip", b"geen zip")}
    )
    assert response.status_code == 400
    assert "aanvragen.zip: dit is geen ZIP-bestand" in words(response)


def test_zip_bomb_and_traversal(loket_client: Client, data_dir: Path) -> None:
    bomb = zipped({"groot.yaml": b" " * (50 * 1024 * 1024)})
    assert len(bomb) < 1024 * 1024
    response = loket_client.post("/loket/", {"aanvragen": SimpleUploadedFile("bom.zip", bomb)})
    assert response.status_code == 400
    assert "bom.zip: groot.yaml is uitgepakt groter dan 5 MB" in words(response)
    sample = (AANVRAGEN / "01-sbo-compleet.yaml").read_bytes()
    sneaky = zipped(
        {"../../buiten.yaml": sample, "/etc/absoluut.yaml": sample, "goed.yaml": sample}
    )
    response = loket_client.post(
        "/loket/", {"aanvragen": SimpleUploadedFile("stiekem.zip", sneaky)}
    )
    assert response.status_code == 302
    page = words(loket_client.get(response["Location"]))
    assert "1 aanvraag: 1 compleet" in page
    assert not list(data_dir.parent.glob("buiten.yaml"))
    assert not list(data_dir.glob("**/buiten.yaml"))
    assert not any((data_dir / "tijdelijk").iterdir())


def test_empty_zip(loket_client: Client) -> None:
    response = loket_client.post(
        "/loket/",
        {"aanvragen": SimpleUploadedFile("leeg.zip", zipped({"lees-mij.txt": b"niets"}))},
    )
    assert response.status_code == 400
    assert "leeg.zip: geen aanvragen gevonden in het ZIP-bestand" in words(response)
