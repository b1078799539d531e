"""Importing the same workbook again: no second dossier for a pupil who has one."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client

from overdracht.web import store
from overdracht.web.models import Dossier

from .test_import import IMPORT, post_import, upload, words

pytestmark = pytest.mark.django_db

WORKBOOK = IMPORT / "leerlingen-po-vo.xlsx"


def _statuses(page: Any) -> list[str]:
    return re.findall(r'<span class="status status-[a-z]+">([^<]+)<', page.content.decode())


def _change(dossier: Dossier, change: Any) -> None:
    data = dict(dossier.versions.get(number=dossier.current_number).data)
    change(data)
    assert store.save_version(dossier, store.document(data), None, base_number=None) is not None


def test_the_same_workbook_twice_makes_no_duplicates(ib_client: Client) -> None:
    assert post_import(ib_client, upload(WORKBOOK)).status_code == 302
    assert Dossier.objects.count() == 8
    response = post_import(ib_client, upload(WORKBOOK))
    assert response.status_code == 302
    assert Dossier.objects.count() == 8
    page = ib_client.get(response["Location"])
    text = words(page)
    assert "0 dossiers gemaakt" in text
    assert "8 leerlingen hadden al een dossier: overgeslagen" in text
    statuses = _statuses(page)
    assert set(statuses) == {"geïmporteerd", "voorbeeld", "al aanwezig"}
    assert statuses.count("geïmporteerd") == 1  # the School sheet, used for every pupil
    assert "Heeft al een dossier (zelfde BSN): overgeslagen." in text
    # Nothing changed in the dossiers either.
    assert {d.current_number for d in Dossier.objects.all()} == {1}


def test_a_new_version_keeps_what_was_typed_and_takes_the_workbook(ib_client: Client) -> None:
    post_import(ib_client, upload(WORKBOOK))
    dossier = Dossier.objects.order_by("pk").first()
    assert dossier is not None
    first = dossier.versions.get(number=1).data
    voornamen = first["leerling"]["voornamen"]

    def typed(data: dict[str, Any]) -> None:
        data["leerling"] = {**data["leerling"], "voornamen": "Anders"}
        data["pro_uitzondering"] = "Getypt in het formulier."

    _change(dossier, typed)
    response = post_import(ib_client, upload(WORKBOOK), nieuwe_versie="on")
    assert Dossier.objects.count() == 8
    page = ib_client.get(response["Location"])
    assert "1 bestaande dossier kreeg een nieuwe versie" in words(page)
    assert "al aanwezig" not in _statuses(page)
    # What changed, by field and without values.
    assert "Nieuwe versie 3 van het bestaande dossier: Leerling › Voornamen gewijzigd" in words(
        page
    )
    dossier.refresh_from_db()
    assert dossier.current_number == 3
    data = dossier.versions.get(number=3).data
    assert data["leerling"]["voornamen"] == voornamen  # from the workbook
    assert data["pro_uitzondering"] == "Getypt in het formulier."  # typed in the form: kept
    others = Dossier.objects.exclude(pk=dossier.pk)
    assert {d.current_number for d in others} == {1}  # same data: no new version


def test_a_bsn_of_another_pupil_is_an_error_row(ib_client: Client) -> None:
    post_import(ib_client, upload(WORKBOOK))
    dossier = Dossier.objects.order_by("pk").first()
    assert dossier is not None

    def other_pupil(data: dict[str, Any]) -> None:
        data["leerling"] = {**data["leerling"], "achternaam": "Anderszins"}

    _change(dossier, other_pupil)
    response = post_import(ib_client, upload(WORKBOOK), nieuwe_versie="on")
    assert Dossier.objects.count() == 8
    page = ib_client.get(response["Location"])
    text = words(page)
    assert "Rijen afgewezen: 0." not in text
    assert "1 leerling in het bestand heeft het BSN of leerlingnummer van een andere" in text
    assert "Dit BSN hoort bij een andere leerling" in text
    assert "afgewezen" in _statuses(page)
    dossier.refresh_from_db()
    assert dossier.current_number == 2  # untouched
    # No BSN in the page's messages about it.
    bsn = dossier.versions.get(number=2).data["leerling"]["bsn"]
    assert bsn not in text.split("Alle rijen")[0]


def test_matching_by_bsn_then_by_leerlingnummer_at_the_same_school(ib: Any) -> None:
    from overdracht.model import load_dossier

    from .conftest import SAMPLES

    doc = load_dossier(SAMPLES / "po-so-compleet.yaml")
    (stored,) = store.create_dossiers([doc], ib, "import test")

    def variant(**leerling: Any) -> Any:
        data = store.as_json(doc)
        data["leerling"] = {k: v for k, v in {**data["leerling"], **leerling}.items() if v}
        return store.document(data)

    same = variant()
    no_bsn = variant(bsn=None, onderwijsnummer="107028755")
    other_school = no_bsn.model_copy(deep=True)
    other_school.vertrekkende_school.brin = "99ZZ"
    impostor = variant(geboortedatum="2015-01-01")
    found = store.match_existing([same, no_bsn, other_school, impostor])
    assert found[0] is not None and found[0].dossier.pk == stored.pk and found[0].by == "BSN"
    assert found[0].same_pupil
    assert found[1] is not None and found[1].by == "leerlingnummer" and found[1].same_pupil
    assert found[2] is None  # the same number at another school is another pupil's number
    assert found[3] is not None and not found[3].same_pupil
