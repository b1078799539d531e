"""Disclosure or access: looking at or downloading inside the school is access; only a deliberate
act that names the receiver is a disclosure, and only disclosures reach the parents' page."""

from __future__ import annotations

import hashlib
import io
import zipfile
from typing import Any

import pytest
from django.test import Client

from overdracht.web import disclosure
from overdracht.web.models import DefinitiefDocument, Dossier, Logregel

pytestmark = pytest.mark.django_db


def url(dossier: Dossier, soort: str = "onderwijskundig-rapport", formaat: str = "pdf") -> str:
    return f"/dossiers/{dossier.public_id}/documenten/v{dossier.current_number}/{soort}/{formaat}/"


def send_url(dossier: Dossier) -> str:
    return f"/dossiers/{dossier.public_id}/documenten/v{dossier.current_number}/versturen/"


def make_final(client: Client, dossier: Dossier) -> None:
    client.post(f"/dossiers/{dossier.public_id}/definitief/", {"versie": "1"})
    dossier.refresh_from_db()


def test_a_preview_is_access_with_its_hash(ib_client: Client, sample_dossier: Dossier) -> None:
    preview = ib_client.get(url(sample_dossier, formaat="voorbeeld"))
    entry = disclosure.entries_for(sample_dossier).get()
    assert entry.soort == "toegang"
    assert entry.wat == "onderwijskundig rapport (PDF, voorbeeld, concept)"
    assert entry.sha256 == hashlib.sha256(preview.content).hexdigest()
    assert entry.door == "ib" and entry.versie == 1 and entry.aan == ""
    assert not disclosure.real_disclosures(sample_dossier).exists()


def test_concept_downloads_and_the_zip_are_access_not_disclosures(
    ib_client: Client, sample_dossier: Dossier
) -> None:
    concept = ib_client.get(url(sample_dossier))
    ib_client.get(url(sample_dossier, "checklistrapport", "docx"))
    ib_client.get(f"/dossiers/{sample_dossier.public_id}/documenten/v1/alles.zip")
    entries = list(disclosure.entries_for(sample_dossier))
    assert [e.soort for e in entries] == ["toegang"] * 3
    assert [e.wat for e in entries] == [
        "onderwijskundig rapport (PDF, concept)",
        "checklistrapport (DOCX, concept)",
        "alle documenten (ZIP, concept)",
    ]
    assert entries[0].sha256 == hashlib.sha256(concept.content).hexdigest()
    assert not disclosure.disclosures().exists()


def test_final_documents_are_sent_to_a_named_receiver_without_the_checklistrapport(
    ib_client: Client, sample_dossier: Dossier
) -> None:
    make_final(ib_client, sample_dossier)
    page = ib_client.get(f"/dossiers/{sample_dossier.public_id}/documenten/").content.decode()
    assert "Downloaden voor deze ontvanger" in page
    assert 'value="SO De Baken' in page  # the receiving school, suggested
    ib_client.get(url(sample_dossier, formaat="docx"))  # the IB's own copy: access
    response = ib_client.post(send_url(sample_dossier), {"aan": "SO De Baken", "formaat": "pdfa"})
    assert response["Content-Type"] == "application/zip"
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        names = archive.namelist()
        sent = {n: archive.read(n) for n in names}
    assert names[-1] == "verzendbewijs.txt"
    documents_sent = names[:-1]
    assert len(documents_sent) == 4 and not any("checklistrapport" in n for n in names)
    real = list(disclosure.real_disclosures(sample_dossier))
    assert [e.aan for e in real] == ["SO De Baken"] * 4
    assert real[0].wat == "onderwijskundig rapport (PDF/A)"
    stored = DefinitiefDocument.objects.get(soort="onderwijskundig-rapport", formaat="pdfa")
    assert real[0].sha256 == stored.sha256 == hashlib.sha256(sent[names[0]]).hexdigest()
    toegang = Logregel.objects.filter(soort="toegang").get()
    assert toegang.wat == "onderwijskundig rapport (DOCX)"

    # The receipt: what, to whom, and the log's head, which the receiver now holds too.
    receipt = sent["verzendbewijs.txt"].decode()
    assert "Verstrekt aan: SO De Baken" in receipt
    assert f"{names[0]}  {stored.sha256}" in receipt
    assert f"regels {real[0].volgnummer} tot en met {real[-1].volgnummer}" in receipt
    assert real[-1].hash in receipt
    assert sample_dossier.leerling_naam not in receipt


def test_sending_needs_a_receiver_and_a_final_version(
    ib_client: Client, sample_dossier: Dossier
) -> None:
    refused = ib_client.post(send_url(sample_dossier), {"aan": "SO De Baken", "formaat": "pdf"})
    assert refused.status_code == 400
    assert "Alleen een definitieve versie kan worden verstuurd" in refused.content.decode()
    make_final(ib_client, sample_dossier)
    empty = ib_client.post(send_url(sample_dossier), {"aan": "  ", "formaat": "pdf"})
    assert empty.status_code == 400
    assert "Vul in aan wie u de documenten verstuurt." in empty.content.decode()
    assert ib_client.get(send_url(sample_dossier)).status_code == 405
    assert not disclosure.disclosures().exists()


def test_the_logboek_shows_disclosures_and_access_apart(
    ib_client: Client, sample_dossier: Dossier
) -> None:
    ib_client.get(url(sample_dossier, formaat="voorbeeld"))
    text = ib_client.get(f"/dossiers/{sample_dossier.public_id}/logboek/").content.decode()
    verstrekkingen, rest = text.split("Toegang binnen de school", 1)
    assert "voorbeeld, concept" not in verstrekkingen
    assert "onderwijskundig rapport (PDF, voorbeeld, concept)" in rest


def test_legacy_entries_of_downloads_inside_the_school_are_not_shown_to_parents(
    sample_dossier: Dossier, ib: Any
) -> None:
    # What versions before this one wrote as 'verstrekking' for a download inside the school.
    for wat, aan in (
        ("onderwijskundig rapport (PDF, concept)", "SO De Baken"),
        ("dossierbestand (YAML)", "eigen school (download)"),
        ("checklistrapport (PDF)", "SO De Baken"),
        ("onderwijskundig rapport (PDF)", "SO De Baken"),
    ):
        disclosure.record(ib, sample_dossier, 1, wat, to_whom=aan)
    Logregel.objects.update(gesleuteld=False)
    assert [e.wat for e in disclosure.real_disclosures(sample_dossier)] == [
        "onderwijskundig rapport (PDF)"
    ]


def test_without_the_logs_key_nothing_leaves_and_the_page_says_why(
    ib_client: Client, sample_dossier: Dossier, data_dir: Any
) -> None:
    from overdracht.web import logchain

    ib_client.get(url(sample_dossier))
    (data_dir / logchain.KEY_FILE).unlink()
    refused = ib_client.get(url(sample_dossier))
    assert refused.status_code == 200 and refused["Content-Type"].startswith("text/html")
    assert "De sleutel van het verstrekkingenlog ontbreekt" in refused.content.decode()
    assert disclosure.entries_for(sample_dossier).count() == 1


def test_a_disclosure_always_names_its_receiver(sample_dossier: Dossier, ib: Any) -> None:
    with pytest.raises(ValueError):
        disclosure.record(ib, sample_dossier, 1, "onderwijskundig rapport (PDF)", to_whom=" ")


def test_the_parents_page_shows_only_real_disclosures(sample_dossier: Dossier, ib: Any) -> None:
    from overdracht.web.inzage import links

    sample_dossier.refresh_from_db()
    link = links.ask(sample_dossier, ib)[0]
    disclosure.access(ib, sample_dossier, 1, "onderwijskundig rapport (PDF, voorbeeld, concept)")
    disclosure.access(ib, sample_dossier, 1, "checklistrapport (PDF, concept)")
    # What an earlier version wrote for a concept download: 'verstrekking', without a key.
    legacy = disclosure.record(ib, sample_dossier, 1, "rapport (PDF, concept)", "SO De Baken")
    Logregel.objects.filter(pk=legacy.pk).update(gesleuteld=False)
    disclosure.record(
        ib,
        sample_dossier,
        1,
        "onderwijskundig rapport (PDF/A)",
        "SO De Baken",
        left_out=["medisch"],
    )
    parent = Client()
    url = f"/inzage/{link.token}/"
    key = parent.get(url).context["sleutel"]
    opened = parent.post(url, {"code": link.code.lower().replace("-", " "), "sleutel": key})
    assert opened.status_code == 302
    text = parent.get(opened["Location"]).content.decode()
    sent = text.split("Wat is er al verstuurd?", 1)[1]
    assert "onderwijskundig rapport (PDF/A) aan SO De Baken" in sent
    assert "voorbeeld" not in sent and "concept" not in sent and "checklistrapport" not in sent


def test_the_loket_s_letters_are_disclosures_its_overview_is_access(
    client: Client, django_user_model: Any, all_samples: list[Dossier]
) -> None:
    from overdracht.web.models import Profile, Role

    user = django_user_model.objects.create_user(username="loket", password="Geheim-wachtw-3")
    Profile.objects.create(user=user, rol=Role.LOKET)
    client.force_login(user)
    assert client.get("/loket/download/overzicht.xlsx").status_code == 200
    overview = Logregel.objects.filter(wat="TLV-overzicht (XLSX)")
    assert overview.exists() and {e.soort for e in overview} == {"toegang"}
    assert client.get("/loket/download/brieven.zip").status_code == 200
    letters = Logregel.objects.filter(wat__startswith="TLV-brief")
    assert letters.exists() and {e.soort for e in letters} == {"verstrekking"}
    assert all(e.aan and e.aan != "loket samenwerkingsverband" for e in letters)


def test_the_export_has_disclosures_and_on_request_everything(
    beheer_client: Client, sample_dossier: Dossier, beheerder: Any
) -> None:
    disclosure.access(beheerder, sample_dossier, 1, "onderwijskundig rapport (PDF, concept)")
    disclosure.record(
        beheerder, sample_dossier, 1, "onderwijskundig rapport (PDF/A)", "SO De Baken"
    )
    page = beheer_client.get("/beheer/verstrekkingenlog/").content.decode()
    assert "verstrekkingenlog.csv?alles=1" in page
    sent = beheer_client.get("/beheer/verstrekkingenlog.csv").content.decode("utf-8-sig")
    assert "Toegang binnen de school" not in sent and "Verstrekking" in sent
    everything = beheer_client.get("/beheer/verstrekkingenlog.csv?alles=1")
    assert "Toegang binnen de school" in everything.content.decode("utf-8-sig")


def test_only_the_ib_and_the_beheerder_send(
    client: Client, django_user_model: Any, sample_dossier: Dossier
) -> None:
    from overdracht.web.models import Profile, Role

    for rol in (Role.ADMINISTRATIE, Role.LOKET):
        user = django_user_model.objects.create_user(username=rol, password="Geheim-wachtw-9")
        Profile.objects.create(user=user, rol=rol)
        client.force_login(user)
        refused = client.post(send_url(sample_dossier), {"aan": "SO De Baken", "formaat": "pdf"})
        assert refused.status_code == 403
    assert not disclosure.disclosures().exists()
