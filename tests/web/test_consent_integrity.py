"""What a parent or pupil chose can only be changed by that person: one test per staff route
that tried (form, dossier-file upload, restore, bijlage rename, typed inzage), and the one
school-recorded route that counts (a signed form on paper, read in and logged)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from overdracht.checklists import check
from overdracht.model import load_dossier
from overdracht.web import disclosure
from overdracht.web.inzage import links
from overdracht.web.livecheck import live_checklist
from overdracht.web.models import Dossier, Inzagereactie
from overdracht.web.store import create_dossier, document

from .conftest import SAMPLES
from .test_editing import flat
from .test_inzage import _answers, _open

pytestmark = pytest.mark.django_db


def _thirteen() -> Any:
    doc = load_dossier(SAMPLES / "po-so-compleet.yaml")
    born = doc.leerling.geboortedatum.replace(year=2013)  # 13 on the peildatum, 20 May 2027
    data = doc.model_dump(mode="python")
    data["leerling"]["geboortedatum"] = born
    data["toestemmingen"] = []
    data.pop("inzage")
    return type(doc).model_validate(data)


@pytest.fixture
def dertien(db: None) -> Dossier:
    return create_dossier(_thirteen(), None, herkomst="test")


def _answer(link: links.NewLink, **choices: str) -> None:
    """Open the letter with its code and answer, as the person does in a browser."""
    person = Client()
    assert _answers(person, _open(person, link), **choices).status_code == 302


YES = {
    "toestemming_jeugdhulp": "ja",
    "toestemming_mdo": "ja",
    "bijlage_0": "ja",
    "bijlage_1": "ja",
    "zienswijze": "eens",
}
MOTHER = {
    **YES,
    "toestemming_jeugdhulp": "nee",
    "bijlage_1": "nee",  # Verslag kinderpsychiater
    "zienswijze": "oneens",
    "toelichting": "Het beeld van thuis klopt niet.",
}


def _asked(dossier: Dossier, ib: Any) -> dict[str, links.NewLink]:
    return {link.verzoek.rol: link for link in links.ask(dossier, ib)}


def _current(dossier: Dossier) -> Any:
    dossier.refresh_from_db()
    return document(dossier.current.data)


def _save_form(client: Client, dossier: Dossier, **changes: Any) -> None:
    post = flat(dossier)
    post.update(changes)
    response = client.post(f"/dossiers/{dossier.public_id}/", post)
    assert response.status_code == 302, response.content.decode()[:2000]
    dossier.refresh_from_db()


def _psychiater(doc: Any) -> Any:
    return next(b for b in doc.bijlagen if "kinderpsychiater" in b.titel.lower())


def test_a_typed_zienswijze_does_not_replace_the_parents_own(
    ib: Any, ib_client: Client, dertien: Dossier
) -> None:
    made = _asked(dertien, ib)
    _answer(made["moeder"], **MOTHER)
    _answer(made["leerling"], **YES)
    doc = _current(dertien)
    assert doc.inzage is not None and doc.inzage.wacht_op == ["Vader"]

    # The IB'er types that the parents saw it and agree, while the father has not answered.
    _save_form(
        ib_client,
        dertien,
        **{
            "inzage.datum": "2027-04-20",
            "inzage.door": ["ouders", "leerling"],
            "inzage.zienswijze": "eens",
            "inzage.toelichting": "Ouders zijn het eens.",
        },
    )
    after = _current(dertien)
    assert after.inzage is not None
    assert after.inzage.wacht_op == ["Vader"]
    assert after.inzage.zienswijze is None
    assert [(r.wie, r.zienswijze, r.toelichting) for r in after.inzage.reacties] == [
        ("Moeder", "oneens", "Het beeld van thuis klopt niet."),
        ("Leerling", "eens", None),
    ]
    inzage = [f.message for f in check(after).errors if f.rule == "inzage"]
    assert inzage and "nog geen reactie van vader" in inzage[0]

    _answer(made["vader"], **YES)
    final = _current(dertien)
    assert final.inzage is not None and final.inzage.zienswijze == "oneens"
    assert [r.wie for r in final.inzage.reacties] == ["Moeder", "Vader", "Leerling"]
    assert not [f for f in check(final).errors if f.rule == "inzage"]


def test_a_typed_date_alone_is_not_an_inzage(ib_client: Client, dertien: Dossier) -> None:
    _save_form(
        ib_client,
        dertien,
        **{"inzage.datum": "2027-04-20", "inzage.door": ["ouders", "leerling"]},
    )
    doc = _current(dertien)
    assert doc.inzage is not None and doc.inzage.herkomst == "school"
    findings = [f for f in check(doc).errors if f.rule == "inzage"]
    assert findings and "door de school ingevoerd" in findings[0].message
    # The live checklist says so while typing, and leads to Inzage vragen, not the date field.
    data = document(dertien.current.data).model_dump(mode="json", exclude_none=True)
    live = live_checklist(data, dertien)
    line = next(line for line in live.lines if line.title.startswith("Inzage door ouders"))
    assert line.css == "fout"
    assert line.action == (f"/dossiers/{dertien.public_id}/inzage/#inzage-vragen", "Inzage vragen")
    page = ib_client.get(f"/dossiers/{dertien.public_id}/").content.decode()
    assert f'href="/dossiers/{dertien.public_id}/inzage/#inzage-vragen">Inzage vragen</a>' in page


def test_renaming_and_moving_a_refused_bijlage_does_not_make_it_travel(
    ib: Any, ib_client: Client, dertien: Dossier
) -> None:
    made = _asked(dertien, ib)
    for rol in ("moeder", "vader", "leerling"):
        _answer(made[rol], **(MOTHER if rol == "moeder" else YES))
    doc = _current(dertien)
    refused = _psychiater(doc)
    assert refused.meesturen is False
    # Rename it, put it first, and send 'meesturen' (the form does not even offer it).
    post = flat(dertien)
    post["bijlagen.0.titel"], post["bijlagen.1.titel"] = "Verslag", "Onderzoek 2025"
    post["bijlagen.0.id"], post["bijlagen.1.id"] = post["bijlagen.1.id"], post["bijlagen.0.id"]
    post["bijlagen.0.categorie"], post["bijlagen.1.categorie"] = "overig", "onderzoek"
    post["bijlagen.0.meesturen"] = "true"  # a forged hidden value
    response = ib_client.post(f"/dossiers/{dertien.public_id}/", post)
    assert response.status_code == 302
    after = _current(dertien)
    moved = next(b for b in after.bijlagen if b.id == refused.id)
    assert (after.bijlagen.index(moved), moved.titel, moved.meesturen) == (0, "Verslag", False)
    other = next(b for b in after.bijlagen if b.id != refused.id)
    assert other.meesturen is True  # everyone said yes to that one


def test_an_uploaded_dossier_file_cannot_give_consent(
    ib: Any, ib_client: Client, dertien: Dossier, tmp_path: Path
) -> None:
    made = _asked(dertien, ib)
    for rol in ("moeder", "vader", "leerling"):
        _answer(made[rol], **(MOTHER if rol == "moeder" else YES))
    download = ib_client.get(f"/dossiers/{dertien.public_id}/dossierbestand/")
    data = yaml.safe_load(download.content)
    for toestemming in data["toestemmingen"]:
        toestemming["geweigerd"] = False
        toestemming["gegeven_door"] = ["ouders", "leerling"]
        toestemming["herkomst"] = "inzagepagina"
    for bijlage in data["bijlagen"]:
        bijlage["meesturen"] = True
    data["inzage"].update(herkomst="papier", zienswijze="eens", reacties=[], wacht_op=[])
    upload = SimpleUploadedFile("d.yaml", yaml.safe_dump(data, allow_unicode=True).encode())
    response = ib_client.post("/dossierbestanden/", {"bestanden": [upload]}, follow=True)
    assert "bewaard als &#x27;door de school ingevoerd&#x27;" in response.content.decode()
    copy = Dossier.objects.exclude(pk=dertien.pk).get()
    doc = _current(copy)
    assert {t.herkomst for t in doc.toestemmingen} == {"school"}
    assert doc.inzage is not None and doc.inzage.herkomst == "school"
    assert not any(b.meesturen for b in doc.bijlagen)
    report = check(doc)
    assert {"inzage", "toestemming_jeugdhulp", "toestemming_mdo"} <= {f.rule for f in report.errors}
    response = ib_client.post(
        f"/dossiers/{copy.public_id}/definitief/", {"versie": str(copy.current_number)}
    )
    copy.refresh_from_db()
    assert not copy.current.definitief


def test_restoring_an_older_version_does_not_bring_back_a_choice(
    ib: Any, ib_client: Client, dertien: Dossier
) -> None:
    # Version 1 had consent typed by the school; then the parents answered.
    _save_form(
        ib_client,
        dertien,
        **{
            "toestemmingen.0._rij": "1",
            "toestemmingen.0.categorie": "jeugdhulp",
            "toestemmingen.0.gegeven_door": ["ouders", "leerling"],
            "toestemmingen.0.datum": "2027-04-01",
        },
    )
    typed = dertien.current_number
    _save_form(ib_client, dertien, **{"leerling.roepnaam": "Daantje"})
    made = _asked(dertien, ib)
    for rol in ("moeder", "vader", "leerling"):
        _answer(made[rol], **(MOTHER if rol == "moeder" else YES))
    dertien.refresh_from_db()
    response = ib_client.post(
        f"/dossiers/{dertien.public_id}/versies/{typed}/herstellen/",
        {"huidig": str(dertien.current_number)},
    )
    assert response.status_code == 302
    doc = _current(dertien)
    assert dertien.current.herkomst == f"hersteld van versie {typed}"
    jeugdhulp = [t for t in doc.toestemmingen if t.categorie == "jeugdhulp"]
    assert [(t.geweigerd, t.herkomst) for t in jeugdhulp] == [(True, "inzagepagina")]
    assert _psychiater(doc).meesturen is False
    assert doc.inzage is not None and doc.inzage.zienswijze == "oneens"


def _scan() -> SimpleUploadedFile:
    return SimpleUploadedFile(
        "formulier.pdf", b"%PDF-1.4\n% ondertekend\n", content_type="application/pdf"
    )


def test_inzage_on_paper_counts_once_the_signed_form_is_read_in_and_logged(
    ib: Any, ib_client: Client, dertien: Dossier
) -> None:
    made = _asked(dertien, ib)
    _answer(made["leerling"], **YES)
    _answer(made["vader"], **YES)
    verzoek = made["moeder"].verzoek
    url = f"/dossiers/{dertien.public_id}/inzage/{verzoek.pk}/papier/"
    page = ib_client.get(url)
    assert page.status_code == 200
    assert "Inzageformulier op papier inlezen" in page.content.decode()
    # Without the scan nothing is recorded.
    missing = ib_client.post(url, MOTHER)
    assert missing.status_code == 400
    assert "Kies de scan van het ondertekende formulier." in missing.content.decode()
    not_a_scan = SimpleUploadedFile("x.pdf", b"hallo")
    assert ib_client.post(url, {**MOTHER, "formulier": not_a_scan}).status_code == 400
    assert not Inzagereactie.objects.filter(papier=True).exists()

    response = ib_client.post(url, {**MOTHER, "formulier": _scan()})
    assert response.status_code == 302
    reactie = Inzagereactie.objects.get(papier=True)
    assert reactie.ingelezen_door == ib and len(reactie.formulier_sha256) == 64
    stored = Path(dertien_data_dir()) / "inzageformulieren" / reactie.formulier
    assert stored.stat().st_mode & 0o777 == 0o600
    doc = _current(dertien)
    assert doc.inzage is not None and doc.inzage.herkomst == "papier"
    assert [(r.wie, r.herkomst) for r in doc.inzage.reacties] == [
        ("Moeder", "papier"),
        ("Vader", "inzagepagina"),
        ("Leerling", "inzagepagina"),
    ]
    assert [t.herkomst for t in doc.toestemmingen if t.categorie == "jeugdhulp"] == ["papier"]
    assert not [f for f in check(doc).errors if f.rule.startswith(("inzage", "toestemming"))]
    wat = [e.wat for e in disclosure.entries_for(dertien)]
    assert any(
        w.startswith("Ondertekend inzageformulier van ouder 1 (moeder) ingelezen (sha256 ")
        for w in wat
    )
    # Once read in, it is not read in again; someone who answered online cannot be overruled.
    again = ib_client.post(url, {**MOTHER, "formulier": _scan()})
    assert again.status_code == 302 or again.status_code == 409
    father = made["vader"].verzoek
    refused = ib_client.post(
        f"/dossiers/{dertien.public_id}/inzage/{father.pk}/papier/",
        {**YES, "toestemming_jeugdhulp": "nee", "formulier": _scan()},
    )
    assert refused.status_code == 409
    assert "alleen die persoon zelf" in refused.content.decode()
    assert Inzagereactie.objects.filter(verzoek=father).count() == 1


def dertien_data_dir() -> str:
    from django.conf import settings

    return str(settings.DATA_DIR)


def test_only_an_ib_reads_in_a_paper_form(
    client: Client, django_user_model: Any, ib: Any, dertien: Dossier
) -> None:
    from overdracht.web.models import Profile, Role

    user = django_user_model.objects.create_user(username="adm", password="Geheim-wachtwoord-3")
    Profile.objects.create(user=user, rol=Role.ADMINISTRATIE)
    client.force_login(user)
    verzoek = _asked(dertien, ib)["moeder"].verzoek
    url = f"/dossiers/{dertien.public_id}/inzage/{verzoek.pk}/papier/"
    assert client.get(url).status_code == 403
    assert client.post(url, {**MOTHER, "formulier": _scan()}).status_code == 403
    assert not Inzagereactie.objects.exists()


def test_a_new_bijlage_row_gets_a_new_id_and_an_empty_one_is_left_out(
    ib_client: Client, dertien: Dossier
) -> None:
    post = flat(dertien)
    ids = [v for k, v in post.items() if k.startswith("bijlagen.") and k.endswith(".id")]
    post["_actie"] = "toevoegen:bijlagen"
    html = ib_client.post(f"/dossiers/{dertien.public_id}/", post).content.decode()
    new = re.search(r'name="bijlagen\.2\.id" value="(b[0-9a-f]{16})"', html)
    assert new is not None and new.group(1) not in ids
    # Saved without typing anything in it: the empty row (only its id) is not a bijlage.
    post.pop("_actie")
    post.update({"bijlagen.2._rij": "1", "bijlagen.2.id": new.group(1)})
    post["leerling.roepnaam"] = "Daantje"
    assert ib_client.post(f"/dossiers/{dertien.public_id}/", post).status_code == 302
    saved = _current(dertien)
    assert saved.leerling.roepnaam == "Daantje" and [b.id for b in saved.bijlagen] == ids


def test_an_import_cannot_give_consent_either(ib: Any) -> None:
    from overdracht.web.store import create_dossiers

    doc = load_dossier(SAMPLES / "po-so-compleet.yaml")
    (made,) = create_dossiers([doc], ib, herkomst="import test.xlsx")
    stored = _current(made)
    assert {t.herkomst for t in stored.toestemmingen} == {"school"}
    assert stored.inzage is not None and stored.inzage.herkomst == "school"
    assert made.status == "onvolledig"


def test_a_scan_goes_when_its_dossier_goes(ib: Any, ib_client: Client, dertien: Dossier) -> None:
    verzoek = _asked(dertien, ib)["moeder"].verzoek
    url = f"/dossiers/{dertien.public_id}/inzage/{verzoek.pk}/papier/"
    assert ib_client.post(url, {**MOTHER, "formulier": _scan()}).status_code == 302
    folder = Path(dertien_data_dir()) / "inzageformulieren"
    assert len(list(folder.iterdir())) == 1
    assert folder.stat().st_mode & 0o777 == 0o700
    dertien.delete()  # as the retention period does
    assert list(folder.iterdir()) == []
