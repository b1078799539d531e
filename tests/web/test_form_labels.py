"""The form's words: required fields marked, errors at their field, rows in the singular."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

import pytest
from django.test import Client

from overdracht.web.formschema import Spec, dossier_specs
from overdracht.web.labels import SINGULAR, label_for

from .test_editing import BASIS, NEW

pytestmark = pytest.mark.django_db


def _all(specs: Iterable[Spec]) -> Iterator[Spec]:
    for spec in specs:
        yield spec
        yield from _all(spec.children)


def test_every_repeating_part_names_one_row_in_the_singular() -> None:
    for spec in _all(dossier_specs()):
        if spec.kind == "rows":
            assert spec.label in SINGULAR, spec.name
    assert label_for(["ouders", 0, "naam"]) == "Ouder 1 › Naam"
    assert label_for(["toetsen", 2]) == "Toets 3"
    assert label_for(["opp", "evaluaties", 0, "datum"]) == "OPP › Evaluatie 1 › Datum"


def test_rows_on_the_page_are_singular(ib_client: Client) -> None:
    post = {**BASIS, "_actie": "toevoegen:ouders"}
    html = ib_client.post(NEW, post).content.decode()
    assert "<legend>Ouder 1</legend>" in html
    assert "Ouder 1 verwijderen" in html
    assert "Ouders 1" not in html


def test_required_fields_are_marked_without_blocking_the_save(ib_client: Client) -> None:
    html = ib_client.get(NEW).content.decode()
    for field_id in (
        "veld-leerling-achternaam",
        "veld-ontvangende-school-naam",
        "veld-ontvangende-school-brin",  # required by the school's own check
        "veld-overgang-schooljaar",
    ):
        label = re.search(rf'<label for="{field_id}">([^<]*)<span[^>]*>([^<]*)</span>', html)
        assert label and label.group(2) == "(verplicht)", field_id
        tag = re.search(rf'<(?:input|select|textarea) id="{field_id}"[^>]*>', html)
        assert tag and 'aria-required="true"' in tag.group(0), field_id
    # Optional fields are not marked; nothing stops the browser from sending the form, so the
    # save without JavaScript shows every problem at once.
    assert "(verplicht)" not in re.search(
        r'<label for="veld-leerling-roepnaam">[^\n]*', html
    ).group(0)  # type: ignore[union-attr]
    assert not re.search(r"<(?:input|select|textarea)[^>]*\srequired[\s>]", html)


def test_an_error_links_to_its_field_not_its_part(ib_client: Client) -> None:
    post = {**BASIS, "ontvangende_school.brin": "", "leerling.bsn": ""}
    html = ib_client.post(NEW, post).content.decode()
    summary = html.split('id="foutsamenvatting"', 1)[1].split("</div>", 1)[0]
    links = re.findall(r'<a href="#([^"]+)"', summary)
    assert "veld-ontvangende-school-brin" in links
    assert "veld-leerling-bsn" in links
    assert "veld-ontvangende-school" not in links
    assert "veld-leerling" not in links
    # The message sits beside the field itself.
    assert 'id="veld-ontvangende-school-brin-fout"' in html


def test_internals_are_not_typed_fields(ib_client: Client, sample_dossier: object) -> None:
    names = {spec.name for spec in _all(dossier_specs())}
    for internal in ("inzage.versie", "inzage.vingerafdruk", "inzage.reacties"):
        assert internal not in names
    html = ib_client.get(NEW).content.decode()
    assert "Vingerafdruk" not in html
    assert "SHA-256" not in html
    assert not re.search(r"<label[^>]*>Versie", html)
