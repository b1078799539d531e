"""Issue 10's story: the IB'er makes a po-so dossier from nothing, part by part, until the live
checklist is all green but for what parents decide; asks for inzage and reads in the parents'
signed forms; makes it final; downloads the PDF and reads it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from .conftest import main_page, open_tab, screenshot
from .invullen import checklist, fill, fill_rows, open_rules, save
from .papier import inzage_on_paper
from .test_documenten import SLOW, pdf_text

pytestmark = pytest.mark.browser


def test_the_ib_makes_a_po_so_dossier_from_nothing_until_it_is_final(
    ib: Any, tmp_path: Path
) -> None:
    # She starts a new dossier and chooses the transition.
    ib.get_by_role("link", name="Nieuw dossier").click()
    ib.get_by_label("Van (speciale) basisschool naar speciaal onderwijs (SO)").check()
    ib.get_by_role("button", name="Verder").click()
    expect(checklist(ib)).to_contain_text("Nog niet gecontroleerd")
    screenshot(ib, "nieuw-dossier-leeg")

    # The basics: who the pupil is, the schools, the transition. Then the first save.
    fill(
        ib,
        "Leerling",
        {
            "Voornamen": "Mees Johannes",
            "Roepnaam": "Mees",
            "Achternaam": "Oosterhuis",
            "Geboortedatum": "2016-11-02",
            "Geslacht": "jongen",
            "BSN": "111222333",
            "Leerlingnummer": "40417",
            "Groep": "6",
        },
    )
    fill_rows(
        ib,
        "Ouders",
        [
            {
                "Naam": "Ilse Oosterhuis",
                "Relatie": "moeder",
                "Gezag": True,
                "Telefoon": "06-11223344",
            },
            {"Naam": "Ruben Oosterhuis", "Relatie": "vader", "Gezag": True},
        ],
    )
    school = {"BRIN": "17QX", "Plaats": "Amersfoort"}
    fill(
        ib,
        "Vertrekkende school",
        {
            **school,
            "Naam": "OBS De Regenboog",
            "Soort": "basisschool",
            "Contactpersoon": "Marieke de Boer",
            "Functie": "intern begeleider",
        },
    )
    fill(
        ib,
        "Ontvangende school",
        {**school, "Naam": "SO De Baken", "BRIN": "31KR", "Soort": "speciaal onderwijs (SO)"},
    )
    fill(
        ib,
        "Overgang",
        {
            "Schooljaar": "2027-2028",
            "Geplande startdatum": "2027-08-23",
            "Reden": "Mees heeft meer structuur en een kleinere groep nodig dan wij kunnen bieden.",
            "Aanmelddatum": "2027-03-15",
            "Peildatum": "2027-05-20",
        },
    )
    # As soon as the basics are right, the checklist answers: far from complete.
    expect(checklist(ib)).to_contain_text("Nog niet compleet.")
    assert "Het dossier is aangemaakt en opgeslagen (versie 1)." in save(ib)
    dossier = ib.url
    assert "Oosterhuis" not in dossier and "111222333" not in dossier
    main_page(ib, "nieuw-dossier-versie-1")

    # How Mees is doing, what he needs and what the school did.
    fill(
        ib,
        "Ontwikkeling",
        {
            "Cognitief": "Gemiddeld niveau; rekenen gaat beter dan lezen.",
            "Sociaal emotioneel": "Raakt snel overprikkeld en trekt zich dan terug.",
            "Werkhouding": "Werkt 10 minuten zelfstandig met een time-timer.",
            "Ondersteuningsbehoeften": "Kleine groep, vaste structuur, een rustige werkplek.",
        },
    )
    fill_rows(
        ib,
        "Toetsen",
        [{"Naam": "Cito LOVS Rekenen-Wiskunde", "Domein": "rekenen", "Datum": "2027-01-25"}],
    )
    fill(
        ib,
        "Verzuim",
        {"Periode van": "2026-05-01", "Periode tot": "2027-04-30", "Geoorloofd uren": "12"},
    )
    fill(
        ib,
        "Ondersteuning",
        {
            "Extra ondersteuning": True,
            "Geboden ondersteuning": "Dagelijks begeleiding door een onderwijsassistent\n"
            "Prikkelarme werkplek",
            "Handelingsadviezen": "Kondig veranderingen vooraf aan.\nGeef korte instructies.",
            "Extra begeleiding overgang": "Twee wenmiddagen in juni.",
        },
    )
    fill(
        ib,
        "Ondersteuning › Jeugdhulp",
        {
            "Loopt": True,
            "Aanbieder": "Youké jeugdhulp",
            "Soort": "ambulante gezinsbegeleiding",
            "Continuering": "De gezinsbegeleider sluit aan bij de startbespreking.",
        },
    )
    fill(ib, "Ondersteuning › Regie", {"Rol": "school", "Naam": "Marieke de Boer (IB)"})
    assert "versie 2" in save(ib)

    # The OPP, with its evaluation; the two expert advices; the TLV.
    fill(
        ib,
        "OPP",
        {
            "Opgesteld op": "2026-10-05",
            "Uitstroomperspectief": "Vmbo basis, met ondersteuning.",
            "Jeugdhulp genoemd": "Ambulante gezinsbegeleiding via Youké.",
        },
    )
    fill(ib, "OPP › Onderbouwing", {"Bevorderend": "Betrokken ouders", "Belemmerend": "Prikkels"})
    fill(
        ib,
        "OPP › Handelingsdeel",
        {"Doelen": "Mees werkt 15 minuten zelfstandig.", "Aanpak": "Time-timer en stappenplan."},
    )
    fill_rows(
        ib,
        "OPP › Evaluaties",
        [{"Datum": "2027-01-20", "Bevindingen": "Doel deels behaald (10 minuten)."}],
    )
    fill(ib, "OPP › Instemming ouders", {"Datum": "2026-10-12", "Akkoord": True})
    fill_rows(
        ib,
        "Deskundigenadviezen",
        [
            {
                "Deskundige": "drs. L. Hendriks",
                "Discipline": "orthopedagoog",
                "Datum": "2027-02-10",
                "Advies": "Mees is aangewezen op het SO.",
                "Conclusie": "positief",
            },
            {
                "Deskundige": "M. Kramer",
                "Discipline": "maatschappelijk werker",
                "Datum": "2027-02-24",
                "Advies": "Plaatsing op het SO is passend.",
                "Conclusie": "positief",
            },
        ],
    )
    fill(
        ib,
        "TLV",
        {
            "SWV": "SWV Eemland PO",
            "Soort": "speciaal onderwijs (SO)",
            "Status": "afgegeven",
            "Beschikkingsnummer": "TLV-2027-0733",
            "Bekostigingscategorie": "laag",
            "Ingangsdatum": "2027-08-01",
            "Einddatum": "2029-07-31",
        },
    )
    fill(
        ib,
        "Warme overdracht",
        {
            "Status": "gepland",
            "Datum": "2027-06-10",
            "Deelnemers": "Marieke de Boer (IB)\nEllen Verbeek (SO De Baken)",
        },
    )
    fill(ib, "Kennismaking", {"Datum": "2027-05-12"})
    fill(ib, "Terugkoppeling", {"Datum": "2027-10-15"})
    assert "versie 3" in save(ib)

    # Left: the parents' consent and their inzage.
    remaining = open_rules(ib)
    assert any("Toestemming voor jeugdhulpgegevens" in rule for rule in remaining), remaining
    assert any("Inzage door ouders" in rule for rule in remaining), remaining
    # Typing them in does not count: the parents choose themselves. The rules lead to asking.
    fill(ib, "Inzage", {"Datum": "2027-04-20", "Door": ["ouders/verzorgers"]})
    inzage_rule = ib.locator(".regel", has_text="Inzage door ouders")
    expect(inzage_rule).to_contain_text("door de school ingevoerd")
    expect(inzage_rule.get_by_role("link", name="Inzage vragen")).to_be_visible()
    screenshot(ib, "nieuw-dossier-inzage-vragen")
    assert "versie 4" in save(ib)
    # The parents came to school, read the dossier and signed the form: she reads it in.
    dossier_url = ib.url
    people = inzage_on_paper(ib, dossier_url, {"moeder": "Ouders herkennen het beeld."})
    assert sorted(people) == ["moeder", "vader"]
    main_page(ib, "inzage-op-papier")
    ib.goto(dossier_url)
    expect(checklist(ib)).to_contain_text("Compleet.")
    assert open_rules(ib) == []
    assert "Concept, compleet" in ib.locator(".paginakop .status").inner_text()
    main_page(ib, "nieuw-dossier-compleet")

    # Final: the documents are made once and kept.
    open_tab(ib, dossier, "Documenten")
    ib.get_by_role("button", name="Definitief maken").click(timeout=SLOW)
    expect(ib.get_by_text("is definitief").first).to_be_visible()
    with ib.expect_download(timeout=SLOW) as download:
        ib.get_by_role("link", name="Download PDF", exact=True).click()
    pdf = tmp_path / "rapport.pdf"
    download.value.save_as(pdf)
    assert "Oosterhuis" not in download.value.suggested_filename
    text = " ".join(pdf_text(pdf).split())
    assert "Onderwijskundig rapport" in text
    assert "Mees" in text and "Oosterhuis" in text
    assert "SO De Baken" in text
    assert "Youké jeugdhulp" in text  # the parents gave consent for jeugdhulp
    assert "Moeder: eens — Ouders herkennen het beeld.; Vader: eens" in text
    assert "CONCEPT" not in text
