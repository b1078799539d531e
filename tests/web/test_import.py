"""Import page: upload a workbook, read the report in the page, download it; bad uploads."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from overdracht.web.models import Dossier, DossierVersion, Profile, Role

from .conftest import SAMPLES

pytestmark = pytest.mark.django_db

IMPORT = SAMPLES / "import"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def upload(path: Path, name: str | None = None) -> SimpleUploadedFile:
    return SimpleUploadedFile(name or path.name, path.read_bytes())


def post_import(client: Client, bestand: Any, overgang: str = "po-vo", **extra: Any) -> Any:
    return client.post("/importeren/", {"bestand": bestand, "overgang": overgang, **extra})


def text(response: Any) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


def words(response: Any) -> str:
    """What a reader sees: the page's text without its tags."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", response.content.decode()))


def test_login_required(client: Client) -> None:
    response = client.get("/importeren/")
    assert response.status_code == 302
    assert "/inloggen/" in response["Location"]


def test_loket_cannot_import(client: Client, django_user_model: Any) -> None:
    user = django_user_model.objects.create_user(username="loket", password="Geheim-wachtw-3")
    Profile.objects.create(user=user, rol=Role.LOKET)
    client.force_login(user)
    response = client.get("/importeren/")
    assert response.status_code == 403
    assert "Importeren kan alleen de leerlingadministratie" in text(response)
    assert 'href="/importeren/"' not in client.get("/dossiers/").content.decode()


def test_page_offers_transitions_and_template(ib_client: Client) -> None:
    html = text(ib_client.get("/importeren/"))
    assert "Leerlingen importeren" in html
    assert '<button type="submit" class="knop">Importeren</button>' in html
    assert '<option value="po-vo">' in html
    assert "Download sjabloon" in html
    assert 'href="/importeren/"' in ib_client.get("/dossiers/").content.decode()


def test_clean_workbook_becomes_dossiers(ib_client: Client, data_dir: Path) -> None:
    response = post_import(ib_client, upload(IMPORT / "leerlingen-po-vo.xlsx"))
    assert response.status_code == 302
    assert Dossier.objects.count() == 8
    version = DossierVersion.objects.first()
    assert version is not None
    assert version.herkomst == "import leerlingen-po-vo.xlsx"
    assert version.created_by is not None and version.created_by.get_username() == "ib"
    page = ib_client.get(response["Location"])
    html = text(page)
    assert "8 dossiers gemaakt" in words(page)
    assert "Rijen afgewezen: 0." in words(page)
    assert "Geen problemen gevonden." in html
    for dossier in Dossier.objects.all():
        assert f"/dossiers/{dossier.public_id}/" in html
        assert dossier.status in ("onvolledig", "compleet")
    # the uploaded workbook is gone
    assert not any((data_dir / "tijdelijk").iterdir())


def test_csv_export_with_mapping(ib_client: Client) -> None:
    response = post_import(
        ib_client,
        upload(IMPORT / "leerlingen-po-vo.csv"),
        mapping=upload(IMPORT / "mapping-export.yaml"),
    )
    assert response.status_code == 302
    assert Dossier.objects.count() == 8
    assert "import leerlingen-po-vo.csv" in DossierVersion.objects.values_list(
        "herkomst", flat=True
    )


def test_flawed_workbook_accounts_for_every_row(ib_client: Client) -> None:
    from overdracht.importing import read_dossiers

    expected = read_dossiers(IMPORT / "leerlingen-met-fouten.xlsx", transition="po-vo").result
    response = post_import(ib_client, upload(IMPORT / "leerlingen-met-fouten.xlsx"))
    assert Dossier.objects.count() == 2
    page = ib_client.get(response["Location"])
    html = text(page)
    assert "2 dossiers gemaakt" in words(page)
    assert "Rijen afgewezen: 31." in words(page)
    assert "geen geldig BSN (9 cijfers die de elfproef doorstaan)" in html
    assert "neem het nummer opnieuw over uit de leerlingadministratie" in html
    assert "H (BSN)" in html
    # every row read is in the table: imported, rejected, empty or example
    rows = re.findall(
        r'<span class="status status-[a-z]+">(geïmporteerd|afgewezen|leeg|voorbeeld)<', html
    )
    assert len(rows) == len(expected.outcomes)
    assert rows.count("afgewezen") == 31
    assert html.count("dossier gemaakt (leerlingnummer 2605)") >= 1


def test_report_download(ib_client: Client) -> None:
    response = post_import(ib_client, upload(IMPORT / "leerlingen-met-fouten.xlsx"))
    page = ib_client.get(response["Location"]).content.decode()
    assert "Download importverslag" in page
    link = re.search(r'href="([^"]+importverslag\.xlsx)"', page)
    assert link
    download = ib_client.get(link.group(1))
    assert download.status_code == 200
    assert download["Content-Type"] == XLSX
    assert download["Content-Disposition"] == 'attachment; filename="importverslag.xlsx"'
    with zipfile.ZipFile(io.BytesIO(download.content)) as workbook:
        assert "xl/workbook.xml" in workbook.namelist()


def test_report_belongs_to_the_session(ib_client: Client, client: Client, beheerder: Any) -> None:
    response = post_import(ib_client, upload(IMPORT / "leerlingen-po-vo.xlsx"))
    other = Client()
    other.force_login(beheerder)
    assert other.get(response["Location"]).status_code == 404
    assert other.get(response["Location"] + "importverslag.xlsx").status_code == 404


def test_template_download(ib_client: Client) -> None:
    response = ib_client.get("/importeren/sjabloon/", {"overgang": "po-so"})
    assert response.status_code == 200
    assert response["Content-Type"] == XLSX
    assert response["Content-Disposition"] == 'attachment; filename="sjabloon-po-so.xlsx"'
    assert response.content[:2] == b"PK"
    missing = ib_client.get("/importeren/sjabloon/", follow=True)
    assert "Kies eerst de overgang" in text(missing)


def test_not_a_workbook_gets_the_cli_message(ib_client: Client, data_dir: Path) -> None:
    response = post_import(
        ib_client, SimpleUploadedFile("verslag.pdf", b"%PDF-1.4 niets"), overgang="po-vo"
    )
    assert response.status_code == 400
    html = text(response)
    assert "verslag.pdf: dit bestandstype wordt niet ondersteund." in html
    assert "Er is 1 probleem" in html
    assert str(data_dir) not in html
    response = post_import(ib_client, SimpleUploadedFile("kapot.xlsx", b"dit is geen werkmap"))
    assert response.status_code == 400
    assert "kapot.xlsx: het bestand is geen geldige Excel- of OpenDocument-werkmap" in text(
        response
    )
    assert Dossier.objects.count() == 0
    assert not any((data_dir / "tijdelijk").iterdir())


def test_zip_bomb_gets_the_cli_message(ib_client: Client, data_dir: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "xl/workbook.xml",
            b'<workbook xmlns:r="r"><sheets><sheet name="Leerlingen" sheetId="1" '
            b'r:id="rId1"/></sheets></workbook>',
        )
        archive.writestr(
            "xl/_rels/workbook.xml.rels",
            b'<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/>'
            b"</Relationships>",
        )
        with archive.open("xl/worksheets/sheet1.xml", "w") as sheet:
            sheet.write(b"<worksheet><sheetData>")
            block = b" " * (1024 * 1024)
            for _ in range(400):
                sheet.write(block)
            sheet.write(b"</sheetData></worksheet>")
    assert len(buffer.getvalue()) < 2 * 1024 * 1024
    response = post_import(ib_client, SimpleUploadedFile("bom.xlsx", buffer.getvalue()))
    assert response.status_code == 400
    html = text(response)
    assert "bom.xlsx: uitgepakt is de werkmap te groot" in html
    assert str(data_dir) not in html
    assert not any((data_dir / "tijdelijk").iterdir())


def test_broken_mapping_is_named_beside_its_field(ib_client: Client) -> None:
    response = post_import(
        ib_client,
        upload(IMPORT / "leerlingen-po-vo.csv"),
        mapping=SimpleUploadedFile("koppeling.yaml", b"kolommen: [een, twee\n"),
    )
    assert response.status_code == 400
    html = text(response)
    assert re.search(r'id="id_mapping_fout"><span class="sr">Fout: </span>koppeling\.yaml', html)
    assert Dossier.objects.count() == 0


def test_no_pupil_data_in_report_urls(ib_client: Client) -> None:
    response = post_import(ib_client, upload(IMPORT / "leerlingen-met-fouten.xlsx"))
    location = response["Location"]
    assert re.fullmatch(r"/importeren/verslag/[0-9a-f]{32}/", location)
    html = ib_client.get(location).content.decode()
    report_id = location.split("/")[3]  # random hex: may hold nine digits in a row by chance
    for href in re.findall(r'href="([^"]+)"', html):
        assert not re.search(r"\d{9}", href.replace(report_id, "")), href
