"""Make and edit a dossier in the browser: the generated form, validation, rows, conflicts."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client

from overdracht.web.formdata import raw_from_document
from overdracht.web.models import Dossier

from .conftest import SAMPLES

pytestmark = pytest.mark.django_db

NEW = "/dossiers/nieuw/?overgang=po-so"

# The fewest fields for a po-so dossier that the model accepts.
BASIS = {
    "leerling.voornamen": "Sanne",
    "leerling.achternaam": "Jansen",
    "leerling.geboortedatum": "2017-05-02",
    "leerling.bsn": "111222333",
    "vertrekkende_school.naam": "OBS De Linde",
    "vertrekkende_school.brin": "12AB",
    "vertrekkende_school.soort": "bao",
    "ontvangende_school.naam": "SO De Wissel",
    "ontvangende_school.brin": "34CD",
    "ontvangende_school.soort": "so",
    "overgang.id": "po-so",
    "overgang.schooljaar": "2027-2028",
    "overgang.geplande_startdatum": "2027-08-23",
}


def flat(dossier: Dossier) -> dict[str, Any]:
    """The stored version as the form posts it (name -> value), rows marked."""
    out: dict[str, Any] = {"_versie": str(dossier.current_number), "_dossier": dossier.public_id}

    def walk(node: Any, prefix: str) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                walk(value, f"{prefix}{key}" if not prefix else f"{prefix}.{key}")
        elif isinstance(node, list) and node and isinstance(node[0], dict):
            for index, row in enumerate(node):
                out[f"{prefix}.{index}._rij"] = "1"
                walk(row, f"{prefix}.{index}")
        elif isinstance(node, bool):
            out[prefix] = ["nee", "ja"] if node else ["nee"]
        elif isinstance(node, list):
            out[prefix] = node
        else:
            out[prefix] = node

    walk(raw_from_document(dossier.current.data), "")
    return out


def test_pages_need_a_login(client: Client, sample_dossier: Any) -> None:
    for url in (NEW, f"/dossiers/{sample_dossier.public_id}/"):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/inloggen/")
    response = client.post("/dossiers/checklist-bijwerken/", BASIS)
    assert response.status_code == 302


def test_choose_the_transition_first(ib_client: Client) -> None:
    html = ib_client.get("/dossiers/nieuw/").content.decode()
    assert "Voor welke overgang is dit dossier?" in html
    assert 'value="po-so"' in html
    assert ib_client.get("/dossiers/nieuw/?overgang=bestaat-niet").status_code == 400


def test_form_shows_what_the_checklist_asks_in_okr_order(ib_client: Client) -> None:
    html = ib_client.get(NEW).content.decode()
    asked, others = html.split("Overige onderdelen", 1)
    order = ["Leerling", "Ouders", "Ontwikkeling", "Toetsen", "Ondersteuning", "OPP", "TLV"]
    positions = [asked.index(f'<h2 class="legend-kop">{title}</h2>') for title in order]
    assert positions == sorted(positions)
    # po-so does not ask for a schooladvies; it stays reachable under "Overige onderdelen".
    assert "Schooladvies" not in asked
    assert '<h2 class="legend-kop">Schooladvies</h2>' in others
    assert '<button type="submit" class="knop">Opslaan</button>' in html
    assert 'aria-labelledby="checklist-kop"' in html


def test_every_input_has_a_label(ib_client: Client, sample_dossier: Any) -> None:
    html = ib_client.get(f"/dossiers/{sample_dossier.public_id}/").content.decode()
    ids = re.findall(r'<(?:input|select|textarea)[^>]*\sid="([^"]+)"', html)
    assert len(ids) > 100
    for field_id in ids:
        assert f'for="{field_id}"' in html, field_id


def test_create_po_so_from_nothing(ib_client: Client) -> None:
    response = ib_client.post(NEW, BASIS)
    assert response.status_code == 302
    dossier = Dossier.objects.get()
    assert response["Location"] == f"/dossiers/{dossier.public_id}/"
    assert dossier.leerling_naam == "Sanne Jansen"
    assert dossier.overgang == "po-so"
    data = dossier.current.data
    assert data["leerling"]["bsn"] == "111222333"
    assert not data.get("ouders")
    html = ib_client.get(response["Location"]).content.decode()
    assert "Het dossier is aangemaakt en opgeslagen (versie 1)." in html
    assert 'value="Jansen"' in html


def test_bad_bsn_and_impossible_date_are_refused_with_the_cli_wording(ib_client: Client) -> None:
    post = {**BASIS, "leerling.bsn": "123456789", "overgang.geplande_startdatum": "2027-02-30"}
    post["ontwikkeling.cognitief"] = "Leest graag."
    response = ib_client.post(NEW, post)
    assert response.status_code == 200
    html = response.content.decode()
    bsn = (
        "geen geldig BSN (9 cijfers die de elfproef doorstaan); "
        "neem het nummer opnieuw over uit de leerlingadministratie"
    )
    date = (
        "&#x27;2027-02-30&#x27; bestaat niet als datum; controleer dag en maand, bijv. 14-03-2014"
    )
    # Beside the field, in the summary and in the live checklist's list of fields in error.
    assert html.count(bsn) == 3
    assert html.count(date) == 3
    assert "Leerling › BSN: " + bsn in html
    # Nothing typed is lost.
    assert 'value="123456789"' in html
    assert 'value="2027-02-30"' in html
    assert "Leest graag.</textarea>" in html
    assert Dossier.objects.count() == 0


def test_add_and_remove_rows_without_javascript(ib_client: Client) -> None:
    post = {**BASIS, "_actie": "toevoegen:ouders"}
    html = ib_client.post(NEW, post).content.decode()
    assert 'name="ouders.0._rij"' in html
    assert 'value="Jansen"' in html  # what was typed stays
    post = {**BASIS, "ouders.0._rij": "1", "ouders.0.naam": "Eva", "ouders.1._rij": "1"}
    post["ouders.1.naam"] = "Tom"
    post["_actie"] = "verwijderen:ouders.0"
    html = ib_client.post(NEW, post).content.decode()
    assert 'value="Tom"' in html
    assert 'value="Eva"' not in html
    assert 'name="ouders.0.naam"' in html
    assert 'name="ouders.1.naam"' not in html


def test_add_row_with_htmx_returns_only_that_part(ib_client: Client) -> None:
    post = {**BASIS, "_actie": "toevoegen:opp.evaluaties"}
    response = ib_client.post(NEW, post, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert "<html" not in html
    assert 'id="veld-opp-evaluaties"' in html
    assert 'name="opp.evaluaties.0.datum"' in html
    assert "autofocus" in html
    assert response["HX-Trigger"] == "checklistBijwerken"


def test_edit_saves_a_new_version(ib_client: Client, sample_dossier: Any) -> None:
    url = f"/dossiers/{sample_dossier.public_id}/"
    post = flat(sample_dossier)
    post["leerling.roepnaam"] = "Daantje"
    response = ib_client.post(url, post)
    assert response.status_code == 302
    sample_dossier.refresh_from_db()
    assert sample_dossier.current_number == 2
    assert sample_dossier.current.data["leerling"]["roepnaam"] == "Daantje"
    assert "Leerling › Roepnaam gewijzigd" in sample_dossier.current.wijzigingen
    # The form round-trips: saving it unchanged makes no new version.
    response = ib_client.post(url, flat(sample_dossier))
    sample_dossier.refresh_from_db()
    assert sample_dossier.current_number == 2


def test_conflict_shows_both_versions(ib_client: Client, sample_dossier: Any) -> None:
    url = f"/dossiers/{sample_dossier.public_id}/"
    mine = flat(sample_dossier)
    theirs = {**flat(sample_dossier), "leerling.roepnaam": "Pieter"}
    assert ib_client.post(url, theirs).status_code == 302
    mine["ontwikkeling.werkhouding"] = "Mijn eigen tekst"
    response = ib_client.post(url, mine)
    assert response.status_code == 409
    html = response.content.decode()
    assert "heeft dit dossier op" in html
    assert "Uw wijzigingen zijn niet opgeslagen maar staan nog in het formulier" in html
    assert "<td>Leerling › Roepnaam</td><td>Pieter</td>" in html
    assert "Mijn eigen tekst</textarea>" in html
    assert 'name="_versie" value="2"' in html
    sample_dossier.refresh_from_db()
    assert sample_dossier.current_number == 2


def test_final_version_is_read_only_until_a_new_concept(
    ib_client: Client, sample_dossier: Any
) -> None:
    from overdracht.web.store import mark_final

    mark_final(sample_dossier, None)
    url = f"/dossiers/{sample_dossier.public_id}/"
    html = ib_client.get(url).content.decode()
    assert "Deze versie is definitief en kan niet meer worden gewijzigd." in html
    assert 'class="formulier-binnen" disabled' in html
    assert ">Opslaan</button>" not in html
    html = ib_client.get(url + "?bewerken=1").content.decode()
    assert "nieuwe <strong>conceptversie</strong>" in html
    post = {**flat(sample_dossier), "leerling.roepnaam": "Dani"}
    assert ib_client.post(url, post).status_code == 302
    sample_dossier.refresh_from_db()
    assert sample_dossier.current_number == 2
    assert not sample_dossier.current.definitief
    assert sample_dossier.status != "definitief"


def test_live_checklist_partial(ib_client: Client, sample_dossier: Any) -> None:
    post = flat(sample_dossier)
    html = ib_client.post("/dossiers/checklist-bijwerken/", post).content.decode()
    assert "<html" not in html
    assert "Compleet." in html
    assert "✓" in html
    assert "Bron: " in html
    # Empty the OPP's perspective: that rule turns red and links to its field.
    post["opp.uitstroomperspectief"] = ""
    html = ib_client.post("/dossiers/checklist-bijwerken/", post).content.decode()
    assert "Nog niet compleet." in html
    assert 'href="#veld-opp-uitstroomperspectief"' in html
    assert "✗" in html
    assert Dossier.objects.count() == 1
    sample_dossier.refresh_from_db()
    assert sample_dossier.current_number == 1


def test_live_checklist_lists_fields_in_error(ib_client: Client) -> None:
    post = {**BASIS, "toetsen.0._rij": "1", "toetsen.0.naam": "Cito", "toetsen.0.datum": "x"}
    html = ib_client.post("/dossiers/checklist-bijwerken/", post).content.decode()
    assert "Nog niet goed ingevuld" in html
    assert "&#x27;x&#x27; is geen datum; vul een datum in als 14-03-2014" in html
    assert "Nog niet compleet." in html  # the rest is still checked
    post = {**BASIS, "leerling.geboortedatum": ""}
    html = ib_client.post("/dossiers/checklist-bijwerken/", post).content.decode()
    assert "Nog niet gecontroleerd." in html
    assert "Nodig om op te slaan" in html
    assert '<a href="#veld-leerling-geboortedatum"' in html
    assert "Leerling › Geboortedatum</a>" in html
    # The rules are listed already, not yet checked.
    assert "Ontwikkelingsperspectiefplan (OPP)" in html


def test_no_pupil_data_in_urls(ib_client: Client, sample_dossier: Any) -> None:
    response = ib_client.post(NEW, BASIS)
    assert "Jansen" not in response["Location"]
    assert "111222333" not in response["Location"]
    html = ib_client.get(f"/dossiers/{sample_dossier.public_id}/").content.decode()
    for url in re.findall(r'(?:href|action|hx-post)="([^"#]+)"', html):
        assert "Berg" not in url and "725763863" not in url, url


def test_live_checklist_reads_the_json_the_page_sends(
    ib_client: Client, sample_dossier: Any
) -> None:
    import json

    post = {k: v for k, v in flat(sample_dossier).items() if v != ""}
    post["opp.uitstroomperspectief"] = ""
    response = ib_client.post(
        "/dossiers/checklist-bijwerken/", json.dumps(post), content_type="application/json"
    )
    html = response.content.decode()
    assert "Nog niet compleet." in html
    assert 'href="#veld-opp-uitstroomperspectief"' not in html or "✗" in html
    # ... and the parents' inzage was of the dossier before this change.
    assert "2 verplichte onderdelen ontbreken." in html
    assert "De inzage geldt voor versie 1 van het dossier" in html
    bad = ib_client.post(
        "/dossiers/checklist-bijwerken/", "[niet, goed", content_type="application/json"
    )
    assert bad.status_code == 200
    assert "Nog niet gecontroleerd." in bad.content.decode()


@pytest.mark.parametrize("name", sorted(p.name for p in SAMPLES.glob("*.yaml")))
def test_live_data_is_the_form_data(name: str) -> None:
    """The live checklist builds the dossier from the sent fields only; it must be the same
    dict as the one a save validates."""
    from django.http import QueryDict

    from overdracht.model import load_dossier
    from overdracht.web.formdata import data_from_params, raw_from_post, to_data
    from overdracht.web.store import as_json

    doc = load_dossier(SAMPLES / name)
    fake = type("D", (), {"current_number": 1, "public_id": "x"})()
    fake.current = type("V", (), {"data": as_json(doc)})()
    post = flat(fake)
    query = QueryDict(mutable=True)
    for key, value in post.items():
        query.setlist(key, value if isinstance(value, list) else [str(value)])
    sent = {k: query.getlist(k) for k in query if query.getlist(k) != [""]}
    assert data_from_params(sent) == to_data(raw_from_post(query))


def test_an_untouched_optional_part_of_a_new_form_is_left_out() -> None:
    # Verzuim starts with 0 uren and the TLV with its status: that alone is not a part to save.
    from overdracht.web.formdata import new_document, to_data

    assert to_data(new_document("po-so")) == {
        "leerling": {},
        "vertrekkende_school": {},
        "ontvangende_school": {},
        "overgang": {"id": "po-so"},
    }
