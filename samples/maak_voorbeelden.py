"""Write the sample dossiers in samples/ (fictional pupils, made-up BRINs, BSNs that pass
the 11-proef but belong to no one). Run: .venv/bin/python samples/maak_voorbeelden.py

Every sample sets ``overgang.peildatum`` so that the demo gives the same verdict on any day.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).parent

BAO = {
    "naam": "OBS De Regenboog",
    "brin": "17QX",
    "vestiging": "00",
    "soort": "bao",
    "plaats": "Amersfoort",
    "contactpersoon": "Marieke de Boer",
    "functie": "intern begeleider",
    "telefoon": "033-4561230",
    "email": "ib@regenboog-amersfoort.nl",
    "swv": "SWV Eemland PO",
}
BAO2 = {
    "naam": "CBS De Wegwijzer",
    "brin": "08ZT",
    "vestiging": "01",
    "soort": "bao",
    "plaats": "Zwolle",
    "contactpersoon": "Hanneke Smit",
    "functie": "intern begeleider",
}
SBO = {
    "naam": "SBO De Sprong",
    "brin": "22LM",
    "vestiging": "00",
    "soort": "sbo",
    "plaats": "Amersfoort",
    "contactpersoon": "Peter Wolters",
    "functie": "intern begeleider",
}
SO = {
    "naam": "SO De Baken",
    "brin": "31KR",
    "vestiging": "02",
    "soort": "so",
    "plaats": "Amersfoort",
    "contactpersoon": "Ellen Verbeek",
    "functie": "orthopedagoog",
}
VO = {
    "naam": "Corderius College",
    "brin": "19FH",
    "vestiging": "03",
    "soort": "vo",
    "plaats": "Amersfoort",
    "contactpersoon": "Youssef Amrani",
    "functie": "zorgcoördinator",
    "swv": "SWV VO Eemland",
}
VO2 = {
    "naam": "Het Nieuwe Lyceum",
    "brin": "27GD",
    "vestiging": "00",
    "soort": "vo",
    "plaats": "Bilthoven",
    "contactpersoon": "Inge Bakker",
    "functie": "zorgcoördinator",
}
PRO = {
    "naam": "Praktijkschool De Boog",
    "brin": "14PW",
    "vestiging": "00",
    "soort": "pro",
    "plaats": "Amersfoort",
    "contactpersoon": "Karin Hoekstra",
    "functie": "zorgcoördinator",
}
VSO = {
    "naam": "VSO Het Spectrum",
    "brin": "33VS",
    "vestiging": "01",
    "soort": "vso",
    "plaats": "Utrecht",
    "contactpersoon": "Bart Mulder",
    "functie": "commissie van begeleiding",
}
MBO = {
    "naam": "MBO Amersfoort",
    "brin": "25LJ",
    "vestiging": "00",
    "soort": "mbo",
    "plaats": "Amersfoort",
    "contactpersoon": "Samira El Idrissi",
    "functie": "studentbegeleider",
}
MBO2 = {
    "naam": "ROC Midden Nederland",
    "brin": "25PZ",
    "vestiging": "04",
    "soort": "mbo",
    "plaats": "Utrecht",
    "contactpersoon": "Tom van Dijk",
    "functie": "loopbaanbegeleider",
}
HBO = {
    "naam": "Hogeschool Utrecht",
    "brin": "25DW",
    "vestiging": "00",
    "soort": "hbo",
    "plaats": "Utrecht",
    "contactpersoon": "Lotte Visser",
    "functie": "studentendecaan",
}
KDV = {
    "naam": "Peuterspeelzaal Het Kwetternest",
    "soort": "voorschool",
    "plaats": "Amersfoort",
    "contactpersoon": "Anouk Peters",
    "functie": "pedagogisch medewerker",
}

OUDERS = [
    {
        "naam": "Fatima Yilmaz",
        "relatie": "moeder",
        "telefoon": "06-12345678",
        "email": "f.yilmaz@voorbeeld.nl",
        "adres": "Lindenlaan 12",
        "postcode": "3811 AB",
        "woonplaats": "Amersfoort",
    },
    {"naam": "Kemal Yilmaz", "relatie": "vader", "telefoon": "06-87654321"},
]

PO_ONTWIKKELING = {
    "cognitief": "Gemiddeld niveau; rekenen gaat goed, begrijpend lezen kost meer moeite.",
    "sociaal_emotioneel": "Vrolijk en behulpzaam; heeft soms steun nodig bij conflicten op het plein.",
    "werkhouding": "Werkt zelfstandig bij duidelijke instructie; raakt afgeleid bij lange taken.",
    "ondersteuningsbehoeften": "Korte instructie in kleine stappen, een vaste plek dicht bij de leerkracht.",
}

INZAGE = {
    "datum": "2027-04-20",
    "door": ["ouders"],
    "zienswijze": "eens",
    "toelichting": "Ouders herkennen het beeld en vinden het goed zo.",
}


def dossier(**parts: Any) -> dict[str, Any]:
    return copy.deepcopy(parts)


def renamed(data: Any, old: str, new: str) -> Any:
    """Every text with the pupil's first name ``old`` now names ``new`` (a copied sample)."""
    if isinstance(data, str):
        return data.replace(old, new)
    if isinstance(data, list):
        return [renamed(v, old, new) for v in data]
    if isinstance(data, dict):
        return {k: renamed(v, old, new) for k, v in data.items()}
    return data


def write(name: str, data: dict[str, Any]) -> None:
    header = f"# Voorbeelddossier (fictief): {name}\n"
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
    (HERE / f"{name}.yaml").write_text(header + text, encoding="utf-8")


def po_so(jeugdhulp_toestemming: bool) -> dict[str, Any]:
    d = dossier(
        leerling={
            "voornamen": "Daan Pieter",
            "roepnaam": "Daan",
            "tussenvoegsel": "van der",
            "achternaam": "Berg",
            "geboortedatum": "2017-09-14",
            "geslacht": "m",
            "bsn": "725763863",
            "leerlingnummer": "20231",
            "groep": 4,
        },
        ouders=[
            {
                "naam": "Sandra van der Berg",
                "relatie": "moeder",
                "telefoon": "06-24681357",
                "email": "sandra.vdberg@voorbeeld.nl",
                "postcode": "3812 CD",
                "woonplaats": "Amersfoort",
            },
            {"naam": "Joost van der Berg", "relatie": "vader"},
        ],
        vertrekkende_school=BAO,
        ontvangende_school=SO,
        overgang={
            "id": "po-so",
            "schooljaar": "2027-2028",
            "geplande_startdatum": "2027-08-23",
            "reden": "De ondersteuningsbehoefte van Daan is groter dan de basisschool kan bieden.",
            "aanmelddatum": "2027-03-15",
            "peildatum": "2027-05-20",
        },
        ontwikkeling={
            "cognitief": "Disharmonisch profiel; verbale vaardigheden sterker dan performale.",
            "sociaal_emotioneel": "Snel overprikkeld in de groep; reageert dan met boosheid of terugtrekken.",
            "werkhouding": "Kan 10 minuten zelfstandig werken met een time-timer en een prikkelarme plek.",
            "thuissituatie": "Stabiel gezin; ouders zijn nauw betrokken en werken goed samen met school.",
            "ondersteuningsbehoeften": "Kleine groep, vaste structuur, voorspelbare overgangen, visuele dagplanning.",
            "sterke_kanten": "Weet veel van dieren en vertelt er boeiend over; eerlijk en zorgzaam voor jongere kinderen.",
        },
        toetsen=[
            {
                "naam": "Cito LOVS Rekenen-Wiskunde",
                "domein": "rekenen",
                "datum": "2027-01-25",
                "score": "IV",
            },
            {
                "naam": "Cito LOVS Begrijpend lezen",
                "domein": "begrijpend lezen",
                "datum": "2027-01-26",
                "score": "V",
            },
        ],
        verzuim={
            "periode_van": "2026-05-01",
            "periode_tot": "2027-04-30",
            "geoorloofd_uren": 36,
            "ongeoorloofd_uren": 0,
            "toelichting": "Afspraken bij de kinderpsychiater.",
        },
        ondersteuning={
            "extra_ondersteuning": True,
            "geboden_ondersteuning": [
                "Dagelijks 30 minuten begeleiding door onderwijsassistent",
                "Prikkelarme werkplek en koptelefoon",
                "Arrangement gedrag van het SWV (schooljaar 2026-2027)",
            ],
            "handelingsadviezen": [
                "Kondig veranderingen in het dagprogramma vooraf aan.",
                "Geef instructie in korte stappen & check of het begrepen is.",
                "Bied een rustplek aan als Daan overprikkeld raakt.",
            ],
            "belemmeringen": ["Prikkelverwerking", "Frustratietolerantie"],
            "diagnoses": ["ASS (2025, GGZ Centraal)"],
            "jeugdhulp": {
                "loopt": True,
                "aanbieder": "Youké jeugdhulp",
                "soort": "ambulante gezinsbegeleiding",
                "sinds": "2026-02-01",
                "contactpersoon": "Nadia Bos",
                "continuering": "De gezinsbegeleider blijft betrokken en sluit aan bij de startbespreking op SO De Baken.",
            },
            "leervraag": "complex",
            "leefvraag": "enkelvoudig",
            "regie": {"rol": "school", "naam": "Marieke de Boer (IB)"},
            "extra_begeleiding_overgang": "Twee wenmiddagen in juni en een fotoboek van de nieuwe school.",
        },
        opp={
            "opgesteld_op": "2026-10-05",
            "uitstroomperspectief": "Praktijkonderwijs of vmbo basis, met ondersteuning.",
            "onderbouwing": {
                "bevorderend": ["Betrokken ouders", "Sterk in verbale taken"],
                "belemmerend": ["Snel overprikkeld", "Moeite met plannen"],
            },
            "handelingsdeel": {
                "doelen": [
                    "Daan werkt 15 minuten zelfstandig aan een taak.",
                    "Daan vraagt zelf om een pauze als het te druk wordt.",
                ],
                "aanpak": "Time-timer, visueel stappenplan, vaste rustmomenten.",
                "evaluatiemomenten": ["2027-01-20", "2027-06-15"],
            },
            "evaluaties": [
                {"datum": "2027-01-20", "bevindingen": "Doel 1 deels behaald (10 minuten)."}
            ],
            "instemming_ouders": {"datum": "2026-10-12", "akkoord": True},
            "jeugdhulp_genoemd": "Ambulante gezinsbegeleiding via Youké.",
        },
        deskundigenadviezen=[
            {
                "deskundige": "drs. L. Hendriks",
                "discipline": "orthopedagoog",
                "datum": "2027-02-10",
                "advies": "Daan is aangewezen op het SO (cluster 4); de ondersteuningsbehoefte overstijgt de mogelijkheden van het regulier onderwijs.",
                "conclusie": "positief",
            },
            {
                "deskundige": "M. Kramer",
                "discipline": "maatschappelijk werker",
                "datum": "2027-02-24",
                "advies": "Plaatsing op SO passend; een rustige, voorspelbare overgang is belangrijk.",
                "conclusie": "positief",
            },
        ],
        tlv={
            "swv": "SWV Eemland PO",
            "swv_nummer": "PO 26-05",
            "soort": "so",
            "status": "afgegeven",
            "beschikkingsnummer": "TLV-2027-0412",
            "bekostigingscategorie": "laag",
            "aangevraagd_op": "2027-03-01",
            "ingangsdatum": "2027-08-01",
            "einddatum": "2029-07-31",
        },
        toestemmingen=[{"categorie": "mdo", "gegeven_door": ["ouders"], "datum": "2026-09-20"}],
        inzage=INZAGE,
        zienswijze_aanvraag="Ouders steunen de aanvraag voor het SO.",
        warme_overdracht={
            "status": "gepland",
            "datum": "2027-06-10",
            "vorm": "gesprek",
            "deelnemers": [
                "Marieke de Boer (IB De Regenboog)",
                "Ellen Verbeek (SO De Baken)",
                "Sandra van der Berg (moeder)",
                "Nadia Bos (gezinsbegeleider)",
            ],
        },
        ondersteuningsroute=[
            {
                "fase": "signaleren",
                "datum": "2025-11-10",
                "toelichting": "Leerkracht signaleert boosheid na overgangsmomenten.",
            },
            {"fase": "consultatie", "datum": "2025-12-08"},
            {"fase": "leerlingbespreking", "datum": "2026-01-19"},
            {
                "fase": "mdo",
                "datum": "2026-09-28",
                "plan_van_aanpak": {
                    "doelen": ["Passende onderwijsplek vanaf 2027-2028"],
                    "acties": ["Deskundigenadviezen aanvragen", "TLV aanvragen"],
                    "verantwoordelijken": ["IB'er", "Orthopedagoog SWV"],
                    "regie": "school (IB'er)",
                    "evaluatiedatum": "2027-03-01",
                },
            },
        ],
        bijlagen=[
            {
                "titel": "Psychodiagnostisch onderzoek 2025",
                "categorie": "onderzoek",
                "datum": "2025-06-01",
                "meesturen": True,
            },
            {
                "titel": "Verslag kinderpsychiater",
                "categorie": "medisch",
                "datum": "2025-09-15",
                "meesturen": False,
            },
        ],
        kennismaking={
            "datum": "2027-05-12",
            "toelichting": "Daan en ouders bezochten de nieuwe klas.",
        },
        terugkoppeling={
            "datum": "2027-10-15",
            "toelichting": "SO De Baken koppelt terug na de herfstvakantie.",
        },
    )
    if jeugdhulp_toestemming:
        d["toestemmingen"].append(
            {"categorie": "jeugdhulp", "gegeven_door": ["ouders"], "datum": "2027-03-10"}
        )
    return d


def po_vo(**changes: Any) -> dict[str, Any]:
    d = dossier(
        leerling={
            "voornamen": "Sanne Maria",
            "roepnaam": "Sanne",
            "achternaam": "Jansen",
            "geboortedatum": "2015-03-14",
            "geslacht": "v",
            "bsn": "162275869",
            "leerlingnummer": "20119",
            "groep": 8,
        },
        ouders=[OUDERS[0] | {"naam": "Ingrid Jansen", "email": "ingrid.jansen@voorbeeld.nl"}],
        vertrekkende_school=BAO,
        ontvangende_school=VO,
        overgang={
            "id": "po-vo",
            "schooljaar": "2027-2028",
            "geplande_startdatum": "2027-08-23",
            "aanmelddatum": "2027-03-10",
            "peildatum": "2027-05-20",
        },
        ontwikkeling=PO_ONTWIKKELING,
        toetsen=[
            {
                "naam": "Cito LOVS Begrijpend lezen M8",
                "domein": "begrijpend lezen",
                "datum": "2027-01-20",
                "score": "II",
            },
            {
                "naam": "Cito LOVS Rekenen-Wiskunde M8",
                "domein": "rekenen",
                "datum": "2027-01-22",
                "score": "I",
            },
            {
                "naam": "Cito LOVS Spelling E7",
                "domein": "spelling",
                "datum": "2026-06-10",
                "score": "II",
            },
        ],
        schooladvies={
            "voorlopig": "havo",
            "voorlopig_datum": "2026-12-15",
            "definitief": "havo",
            "definitief_datum": "2027-03-20",
            "heroverwogen": "havo/vwo",
            "heroverweging_datum": "2027-05-10",
            "toelichting": "Na de doorstroomtoets (2F/1S) is het advies heroverwogen en verhoogd.",
        },
        doorstroomtoets={
            "naam": "Doorstroomtoets Leerling in beeld",
            "datum": "2027-02-10",
            "uitslagen": [
                {"domein": "lezen", "referentieniveau": "2F"},
                {"domein": "taalverzorging", "referentieniveau": "2F"},
                {"domein": "rekenen", "referentieniveau": "1S"},
            ],
        },
        verzuim={"periode_van": "2026-05-01", "periode_tot": "2027-04-30", "geoorloofd_uren": 12},
        ondersteuning={
            "extra_ondersteuning": False,
            "handelingsadviezen": ["Daag Sanne uit met verrijkingsstof bij rekenen."],
        },
        inzage=INZAGE,
        kennismaking={"datum": "2027-06-16"},
        terugkoppeling={"datum": "2027-11-01"},
    )
    d.update(copy.deepcopy(changes))
    return d


def main() -> None:
    write("po-so-compleet", po_so(jeugdhulp_toestemming=True))
    write("po-so-zonder-toestemming", po_so(jeugdhulp_toestemming=False))

    sbo = po_so(True)
    sbo["overgang"]["id"] = "po-sbo"
    sbo["ontvangende_school"] = SBO
    sbo["tlv"].update(
        {"soort": "sbo", "bekostigingscategorie": "n.v.t.", "beschikkingsnummer": "TLV-2027-0388"}
    )
    sbo["leerling"].update(
        {
            "voornamen": "Mila",
            "roepnaam": None,
            "tussenvoegsel": None,
            "achternaam": "Kok",
            "geslacht": "v",
            "bsn": "192285142",
            "leerlingnummer": "20240",
            "geboortedatum": "2018-02-02",
            "groep": 3,
        }
    )
    sbo["leerling"] = {k: v for k, v in sbo["leerling"].items() if v is not None}
    sbo["ouders"] = [{"naam": "Rianne Kok", "relatie": "moeder", "telefoon": "06-11223344"}]
    sbo["deskundigenadviezen"][0]["advies"] = (
        "Mila is gebaat bij het kleinere en meer gestructureerde aanbod van het SBO."
    )
    sbo["deskundigenadviezen"][1]["advies"] = "SBO is passend; ouders staan achter de keuze."
    sbo["warme_overdracht"]["deelnemers"] = [
        "Marieke de Boer (IB)",
        "Peter Wolters (IB SBO De Sprong)",
        "Rianne Kok (moeder)",
    ]
    sbo["ondersteuning"]["jeugdhulp"] = None
    sbo["ondersteuning"] = {k: v for k, v in sbo["ondersteuning"].items() if v is not None}
    sbo["opp"].pop("jeugdhulp_genoemd")
    sbo["ontwikkeling"]["sterke_kanten"] = (
        "Tekent en knutselt met veel geduld; is een trouwe vriendin voor klasgenoten."
    )
    sbo["ondersteuning"]["lichamelijk"] = {
        "zicht": "Draagt sinds groep 2 een bril (verziend); bij het lezen altijd opzetten.",
        "gehoor": "Buisjes geplaatst in 2023; gehoor nu goed.",
        "motoriek": "Grove motoriek wat onhandig; kinderfysiotherapie in 2025 afgerond.",
    }
    sbo["toestemmingen"].append(
        {"categorie": "medisch", "gegeven_door": ["ouders"], "datum": "2027-03-10"}
    )
    sbo["doublures"] = [
        {
            "soort": "doublure",
            "groep_of_leerjaar": "groep 3",
            "schooljaar": "2026-2027",
            "reden": "Groep 3 over omdat lezen en rekenen nog niet op gang kwamen.",
        }
    ]
    write("po-sbo-compleet", renamed(sbo, "Daan", "Mila"))

    lwoo = po_vo(
        leerling={
            "voornamen": "Jesse",
            "achternaam": "Bakker",
            "geboortedatum": "2015-06-30",
            "geslacht": "m",
            "bsn": "691682483",
            "leerlingnummer": "20122",
            "groep": 8,
            "lwoo": True,
        },
        schooladvies={
            "voorlopig": "vmbo-b/k",
            "voorlopig_datum": "2026-12-15",
            "definitief": "vmbo-k",
            "definitief_datum": "2027-03-18",
            "toelichting": "Jesse kan de kaderberoepsgerichte leerweg aan met leerwegondersteuning.",
        },
        doorstroomtoets={
            "naam": "Route 8 Doorstroomtoets",
            "toetsadvies": "vmbo-k",
            "datum": "2027-02-11",
            "uitslagen": [
                {"domein": "lezen", "referentieniveau": "1F"},
                {"domein": "taalverzorging", "referentieniveau": "<1F"},
                {"domein": "rekenen", "referentieniveau": "1F"},
            ],
        },
        ondersteuning={
            "extra_ondersteuning": True,
            "geboden_ondersteuning": [
                "Remedial teaching lezen (2× per week)",
                "Dyslexieverklaring en voorleessoftware",
            ],
            "handelingsadviezen": [
                "Geef extra tijd bij toetsen (25%).",
                "Bied teksten digitaal aan met voorleessoftware.",
                'Laat Jesse "hardop denken" bij meerstappige opdrachten.',
            ],
            "diagnoses": ["Dyslexie (2023)"],
            "lwoo_aanwijzing": "Aanwijzing LWOO afgegeven door SWV VO Eemland op 2027-04-02.",
        },
        opp={
            "opgesteld_op": "2026-09-30",
            "uitstroomperspectief": "vmbo kader, met LWOO",
            "onderbouwing": {
                "bevorderend": ["Gemotiveerd", "Praktisch ingesteld"],
                "belemmerend": ["Dyslexie", "Faalangst bij toetsen"],
            },
            "handelingsdeel": {
                "doelen": ["Technisch lezen op AVI-E6", "Zelfstandig gebruik van voorleessoftware"],
                "aanpak": "RT 2× per week, Kurzweil in alle vakken.",
            },
            "evaluaties": [
                {
                    "datum": "2027-02-05",
                    "bevindingen": "Leestempo verbeterd; doel AVI-E6 bijna behaald.",
                }
            ],
            "instemming_ouders": {"datum": "2026-10-08", "akkoord": True},
        },
        warme_overdracht={
            "status": "gehouden",
            "datum": "2027-05-18",
            "vorm": "gesprek",
            "deelnemers": [
                "Marieke de Boer (IB)",
                "Youssef Amrani (zorgcoördinator)",
                "Jesse en zijn moeder",
            ],
            "afspraken": [
                "Jesse krijgt een mentor uit het LWOO-team.",
                "Voorleessoftware staat klaar vanaf dag 1.",
            ],
        },
    )
    write("po-vo-lwoo", lwoo)
    write(
        "po-vo-compleet",
        po_vo(
            ontwikkeling=PO_ONTWIKKELING
            | {
                "sterke_kanten": "Sterk in rekenen en ruimtelijk inzicht; leest graag over "
                "sterrenkunde."
            },
            doorstroomtoets={
                "naam": "Doorstroomtoets Leerling in beeld",
                "datum": "2027-02-10",
                "uitslagen": [
                    {"domein": "lezen", "referentieniveau": "2F"},
                    {"domein": "taalverzorging", "referentieniveau": "2F"},
                    {"domein": "rekenen", "referentieniveau": "1S"},
                ],
                "toetsadvies": "havo/vwo",
            },
            eerdere_scholen=[
                {
                    "naam": "OBS De Klimop",
                    "plaats": "Leusden",
                    "van": "2019-03-18",
                    "tot": "2021-07-09",
                    "reden": "Verhuizing naar Amersfoort.",
                }
            ],
        ),
    )
    concept = po_vo(
        leerling={
            "voornamen": "Lotte",
            "achternaam": "de Vries",
            "geboortedatum": "2015-11-02",
            "geslacht": "v",
            "bsn": "987825707",
            "leerlingnummer": "20133",
            "groep": 8,
        }
    )
    concept.pop("inzage")
    concept["schooladvies"] = {"voorlopig": "vmbo-gt/havo", "voorlopig_datum": "2026-12-15"}
    write("po-vo-concept", renamed(concept, "Sanne", "Lotte"))

    pro = po_vo(
        leerling={
            "voornamen": "Kevin",
            "achternaam": "Hermans",
            "geboortedatum": "2014-12-05",
            "geslacht": "m",
            "bsn": "688136138",
            "leerlingnummer": "20150",
            "groep": 8,
        },
        ontvangende_school=PRO,
        overgang={
            "id": "po-pro",
            "schooljaar": "2027-2028",
            "geplande_startdatum": "2027-08-23",
            "aanmelddatum": "2027-03-05",
            "peildatum": "2027-05-20",
        },
        schooladvies={"definitief": "pro", "definitief_datum": "2027-03-15"},
        doublures=[
            {
                "soort": "doublure",
                "groep_of_leerjaar": "groep 3",
                "schooljaar": "2021-2022",
                "reden": "Het aanvankelijk lezen kwam nog niet op gang.",
            }
        ],
        ontwikkeling={
            **PO_ONTWIKKELING,
            "cognitief": "Leert langzaam en het best door te doen; rekenen en begrijpend lezen "
            "liggen ruim drie jaar achter op wat in groep 8 gewoon is.",
        },
        toetsen=[
            {
                "naam": "Cito LOVS Begrijpend lezen M8",
                "domein": "begrijpend lezen",
                "datum": "2027-01-20",
                "score": "V",
            },
            {
                "naam": "Cito LOVS Rekenen-Wiskunde M8",
                "domein": "rekenen",
                "datum": "2027-01-22",
                "score": "V",
            },
            {
                "naam": "Cito LOVS Spelling E7",
                "domein": "spelling",
                "datum": "2026-06-10",
                "score": "IV",
            },
        ],
        doorstroomtoets={
            "ontheffing": True,
            "reden_ontheffing": "Leerling volgt een eigen leerlijn (OPP, uitstroom PrO).",
        },
        intelligentieonderzoek={
            "instrument": "WISC-V-NL",
            "datum": "2026-11-20",
            "totaal_iq": 72,
            "onderzoeker": "drs. L. Hendriks, orthopedagoog",
        },
        leerachterstanden=[
            {
                "domein": "inzichtelijk_rekenen",
                "achterstand_jaren": 3.5,
                "toets": "Cito Rekenen-Wiskunde",
            },
            {
                "domein": "begrijpend_lezen",
                "achterstand_jaren": 3.2,
                "toets": "Cito Begrijpend lezen",
            },
            {"domein": "technisch_lezen", "achterstand_jaren": 2.0, "toets": "DMT"},
        ],
        ondersteuning={
            "extra_ondersteuning": True,
            "geboden_ondersteuning": ["Eigen leerlijn rekenen en lezen"],
            "handelingsadviezen": [
                "Leer vaardigheden in praktijksituaties aan.",
                "Herhaal instructie en laat voordoen.",
            ],
        },
        opp={
            "opgesteld_op": "2025-10-01",
            "uitstroomperspectief": "Praktijkonderwijs, richting arbeid",
            "onderbouwing": {
                "bevorderend": ["Werkt graag met zijn handen"],
                "belemmerend": ["Leerachterstand van ruim 3 jaar"],
            },
            "handelingsdeel": {
                "doelen": ["Klokkijken en rekenen met geld in dagelijkse situaties"]
            },
            "evaluaties": [{"datum": "2027-01-15"}],
            "instemming_ouders": {"datum": "2025-10-10"},
        },
        tlv={
            "swv": "SWV VO Eemland",
            "swv_nummer": "VO 26-05",
            "soort": "pro",
            "status": "afgegeven",
            "beschikkingsnummer": "PRO-2027-0077",
            "bekostigingscategorie": "n.v.t.",
            "ingangsdatum": "2027-08-01",
        },
        deskundigenadviezen=[
            {
                "deskundige": "drs. L. Hendriks",
                "discipline": "orthopedagoog",
                "datum": "2026-12-01",
                "advies": "Kevin voldoet aan de criteria voor praktijkonderwijs.",
                "conclusie": "positief",
            }
        ],
        zienswijze_aanvraag="Ouders en Kevin zijn het eens met praktijkonderwijs.",
        warme_overdracht={
            "status": "gepland",
            "datum": "2027-06-08",
            "deelnemers": ["Marieke de Boer (IB)", "Karin Hoekstra (PrO)"],
        },
    )
    write("po-pro-compleet", pro)

    vso = po_vo(
        leerling={
            "voornamen": "Ayoub",
            "achternaam": "El Amrani",
            "geboortedatum": "2015-01-21",
            "geslacht": "m",
            "onderwijsnummer": "107028755",
            "leerlingnummer": "20161",
            "groep": 8,
        },
        ontvangende_school=VSO,
        overgang={
            "id": "po-vso",
            "schooljaar": "2027-2028",
            "geplande_startdatum": "2027-08-23",
            "peildatum": "2027-05-20",
        },
        schooladvies={"definitief": "vso", "definitief_datum": "2027-03-12"},
        doorstroomtoets={
            "ontheffing": True,
            "reden_ontheffing": "Minder dan vier jaar onderwijs in Nederland.",
        },
        ondersteuning={
            "extra_ondersteuning": True,
            "geboden_ondersteuning": ["Taalklas (NT2) en ambulante begeleiding"],
            "handelingsadviezen": ["Gebruik visuele ondersteuning bij instructie."],
        },
        opp={"uitstroomperspectief": "VSO, uitstroomprofiel arbeid"},
        deskundigenadviezen=[
            {
                "deskundige": "M. Kramer",
                "discipline": "maatschappelijk werker",
                "datum": "2027-02-01",
                "advies": "VSO lijkt passend.",
            }
        ],
        tlv={
            "swv": "SWV VO Eemland",
            "soort": "vso",
            "status": "afgegeven",
            "beschikkingsnummer": "VSO-2027-0019",
            "ingangsdatum": "2027-08-01",
            "einddatum": "2027-08-15",
        },
    )
    write("po-vso-onvolledig", vso)

    vovo = dossier(
        leerling={
            "voornamen": "Emma Louise",
            "roepnaam": "Emma",
            "achternaam": "Visser",
            "geboortedatum": "2012-07-08",
            "geslacht": "v",
            "bsn": "864623112",
            "leerlingnummer": "V4412",
            "leerjaar": 3,
            "leerweg": "havo",
        },
        ouders=[
            {
                "naam": "Mark Visser",
                "relatie": "vader",
                "telefoon": "06-55443322",
                "email": "mark.visser@voorbeeld.nl",
            }
        ],
        vertrekkende_school=VO,
        ontvangende_school=VO2,
        overgang={
            "id": "vo-vo",
            "schooljaar": "2026-2027",
            "geplande_startdatum": "2027-01-04",
            "reden": "Verhuizing van het gezin naar Bilthoven.",
            "aanmelddatum": "2026-11-02",
            "peildatum": "2026-12-01",
        },
        ontwikkeling={
            "cognitief": "Goede havo-leerling; sterk in talen.",
            "sterke_kanten": "Taalgevoel; speelt viool in het schoolorkest en helpt bij open dagen.",
            "werkhouding": "Zelfstandig en plichtsgetrouw.",
            "ondersteuningsbehoeften": "Geen bijzondere; af en toe hulp bij plannen rond toetsweken.",
        },
        resultaten=[
            {"vak": "Nederlands", "cijfer": "7,4", "periode": "rapport 1"},
            {"vak": "Engels", "cijfer": "8,1", "periode": "rapport 1"},
            {"vak": "Wiskunde A", "cijfer": "6,2", "periode": "rapport 1"},
        ],
        verzuim={
            "periode_van": "2025-12-01",
            "periode_tot": "2026-11-30",
            "geoorloofd_uren": 8,
            "ongeoorloofd_uren": 2,
        },
        ondersteuning={
            "extra_ondersteuning": False,
            "handelingsadviezen": ["Help Emma met een planning in de toetsweek."],
            "dyscalculieverklaring": {
                "datum": "2022-03-14",
                "afgegeven_door": "Onderwijsadvies Midden, gz-psycholoog",
                "toelichting": "Rekenmachine en 20 minuten extra tijd bij wiskunde- en rekentoetsen.",
            },
        },
        eerdere_scholen=[
            {
                "naam": "CBS De Wegwijzer",
                "plaats": "Zwolle",
                "van": "2014-08-18",
                "tot": "2022-07-08",
                "reden": "Naar het voortgezet onderwijs.",
            }
        ],
        inzage={
            "datum": "2026-11-20",
            "door": ["ouders"],
            "zienswijze": "eens",
            "leerling_gehoord": "2026-11-20",
        },
        kennismaking={"datum": "2026-12-10"},
        terugkoppeling={"datum": "2027-03-01"},
    )
    write("vo-vo-compleet", vovo)

    vopro = copy.deepcopy(vovo)
    vopro["leerling"] = {
        "voornamen": "Dylan",
        "achternaam": "Smits",
        "geboortedatum": "2012-04-17",
        "geslacht": "m",
        "bsn": "321146487",
        "leerlingnummer": "V4501",
        "leerjaar": 1,
        "leerweg": "vmbo-b",
        "lwoo": True,
    }
    vopro["ontvangende_school"] = PRO
    vopro.pop("eerdere_scholen")
    vopro["ontwikkeling"] = {
        **vopro["ontwikkeling"],
        "sterke_kanten": "Handig met gereedschap; werkt graag met zijn handen en is behulpzaam.",
        "cognitief": "Leert het best in de praktijk; taal en rekenen liggen ruim drie jaar achter, "
        "ook met de extra hulp van LWOO.",
    }
    vopro["overgang"] = {
        "id": "vo-pro",
        "schooljaar": "2026-2027",
        "geplande_startdatum": "2027-02-01",
        "reden": "Vmbo basis met LWOO blijkt te hoog gegrepen.",
        "aanmelddatum": "2026-11-10",
        "peildatum": "2026-12-15",
    }
    vopro["ondersteuning"] = {
        "extra_ondersteuning": True,
        "geboden_ondersteuning": ["LWOO-klas, extra mentoruur"],
        "handelingsadviezen": ["Werk met korte, concrete opdrachten."],
    }
    vopro["intelligentieonderzoek"] = {
        "instrument": "WISC-V-NL",
        "datum": "2026-10-05",
        "totaal_iq": 74,
    }
    vopro["leerachterstanden"] = [
        {"domein": "inzichtelijk_rekenen", "achterstand_jaren": 3.4},
        {"domein": "spelling", "achterstand_jaren": 3.1},
    ]
    vopro["opp"] = {
        "opgesteld_op": "2026-10-20",
        "uitstroomperspectief": "Praktijkonderwijs, richting arbeid",
        "onderbouwing": {"belemmerend": ["Achterstand rekenen"]},
        "handelingsdeel": {"doelen": ["Zelfstandig een werkopdracht uitvoeren"]},
        "instemming_ouders": {"datum": "2026-10-27"},
        "leerling_gehoord": "2026-10-27",
    }
    vopro["tlv"] = {
        "swv": "SWV VO Eemland",
        "soort": "pro",
        "status": "afgegeven",
        "beschikkingsnummer": "PRO-2026-0131",
        "ingangsdatum": "2027-02-01",
    }
    vopro["warme_overdracht"] = {
        "status": "gepland",
        "datum": "2027-01-20",
        "deelnemers": ["mentor", "Karin Hoekstra"],
    }
    vopro["deskundigenadviezen"] = [
        {
            "deskundige": "drs. A. Peeters",
            "discipline": "psycholoog",
            "datum": "2026-10-05",
            "advies": "Praktijkonderwijs sluit aan bij de mogelijkheden van Dylan.",
        }
    ]
    write("vo-pro-compleet", vopro)

    vovso = copy.deepcopy(vopro)
    vovso["leerling"] = {
        "voornamen": "Noah",
        "achternaam": "Willems",
        "geboortedatum": "2012-10-30",
        "geslacht": "m",
        "bsn": "187891151",
        "leerlingnummer": "V4520",
        "leerjaar": 2,
        "leerweg": "vmbo-k",
    }
    vovso["ontvangende_school"] = VSO
    vovso["overgang"] = {
        "id": "vo-vso",
        "schooljaar": "2026-2027",
        "geplande_startdatum": "2027-02-01",
        "reden": "Ernstige gedragsproblematiek; regulier VO kan niet genoeg ondersteuning bieden.",
        "aanmelddatum": "2026-11-10",
        "peildatum": "2026-12-15",
    }
    for key in ("intelligentieonderzoek", "leerachterstanden"):
        vovso.pop(key)
    vovso["ondersteuning"] = {
        "extra_ondersteuning": True,
        "geboden_ondersteuning": ["Time-out voorziening", "Begeleiding door gedragsspecialist"],
        "handelingsadviezen": ["Benoem gewenst gedrag en wees voorspelbaar."],
        "jeugdhulp": {
            "aanbieder": "Lindenhout",
            "soort": "ambulante hulp",
            "continuering": "Hulp loopt door na de overstap.",
        },
        "leervraag": "complex",
        "leefvraag": "complex",
        "oza": "OZA met Lindenhout, 2 dagdelen per week",
        "regie": {"rol": "casemanager", "naam": "wijkteam Amersfoort-Noord"},
    }
    vovso["opp"]["uitstroomperspectief"] = "VSO, uitstroomprofiel vervolgonderwijs (vmbo kader)"
    vovso["tlv"] = {
        "swv": "SWV VO Eemland",
        "soort": "vso",
        "status": "afgegeven",
        "beschikkingsnummer": "VSO-2026-0210",
        "bekostigingscategorie": "midden",
        "ingangsdatum": "2027-02-01",
        "einddatum": "2029-07-31",
    }
    vovso["deskundigenadviezen"] = [
        {
            "deskundige": "drs. A. Peeters",
            "discipline": "psycholoog",
            "datum": "2026-10-05",
            "advies": "VSO cluster 4 is passend.",
            "conclusie": "positief",
        },
        {
            "deskundige": "dr. R. Dekker",
            "discipline": "kinderpsychiater",
            "datum": "2026-10-19",
            "advies": "Eens met VSO; OZA voortzetten.",
            "conclusie": "positief",
        },
    ]
    vovso["toestemmingen"] = [
        {"categorie": "jeugdhulp", "gegeven_door": ["ouders", "leerling"], "datum": "2026-11-01"}
    ]
    vovso["inzage"] = {"datum": "2026-12-01", "door": ["ouders", "leerling"], "zienswijze": "eens"}
    write("vo-vso-compleet", vovso)

    vombo = dossier(
        leerling={
            "voornamen": "Sophie",
            "achternaam": "Meijer",
            "geboortedatum": "2010-05-19",
            "geslacht": "v",
            "bsn": "883235912",
            "leerlingnummer": "V3920",
            "leerjaar": 4,
            "leerweg": "vmbo-gt",
        },
        ouders=[{"naam": "Petra Meijer", "relatie": "moeder", "telefoon": "06-99887766"}],
        vertrekkende_school=VO,
        ontvangende_school=MBO,
        overgang={
            "id": "vo-mbo",
            "schooljaar": "2027-2028",
            "geplande_startdatum": "2027-09-01",
            "aanmelddatum": "2027-03-12",
            "peildatum": "2027-05-20",
        },
        ontwikkeling={
            "cognitief": "Haalt naar verwachting haar vmbo-gt diploma.",
            "sociaal_emotioneel": "Faalangstig bij presentaties; heeft baat bij voorbereiding.",
            "ondersteuningsbehoeften": "Begeleiding bij plannen en bij de start van stages.",
        },
        opleidingen=[
            {
                "naam": "vmbo gemengde leerweg, profiel Zorg en welzijn",
                "van": "2023-08-21",
                "status": "lopend",
            }
        ],
        resultaten=[
            {"vak": "Nederlands", "cijfer": "6,8"},
            {"vak": "Engels", "cijfer": "7,0"},
            {"vak": "Zorg en welzijn", "cijfer": "7,6"},
        ],
        ondersteuning={
            "extra_ondersteuning": True,
            "geboden_ondersteuning": ["Faalangsttraining", "Coaching bij plannen"],
            "handelingsadviezen": ["Laat presentaties eerst in een klein groepje oefenen."],
            "ondersteuningsafspraken": "Coaching 1× per twee weken in periode 1 en 2.",
        },
        toestemmingen=[
            {"categorie": "psychosociaal", "gegeven_door": ["leerling"], "datum": "2027-04-15"},
            {
                "categorie": "ondersteuningsbehoeften",
                "gegeven_door": ["leerling"],
                "datum": "2027-04-15",
            },
        ],
        inzage={"datum": "2027-04-15", "door": ["ouders", "leerling"], "zienswijze": "eens"},
        warme_overdracht={
            "status": "gepland",
            "datum": "2027-06-02",
            "deelnemers": ["mentor", "Samira El Idrissi (MBO)", "Sophie"],
        },
        kennismaking={"datum": "2027-04-02"},
        terugkoppeling={"datum": "2027-11-15"},
    )
    write("vo-mbo-compleet", vombo)

    mbombo = copy.deepcopy(vombo)
    mbombo["leerling"] = {
        "voornamen": "Thijs",
        "achternaam": "de Graaf",
        "geboortedatum": "2008-08-08",
        "geslacht": "m",
        "bsn": "178598835",
        "leerlingnummer": "M1187",
        "leerweg": "mbo-3",
    }
    mbombo["vertrekkende_school"], mbombo["ontvangende_school"] = MBO, MBO2
    mbombo["overgang"] = {
        "id": "mbo-mbo",
        "schooljaar": "2026-2027",
        "geplande_startdatum": "2027-02-01",
        "reden": "Overstap naar opleiding Mediavormgeving.",
        "peildatum": "2026-12-15",
    }
    mbombo["opleidingen"] = [
        {
            "naam": "Software developer niveau 4",
            "van": "2024-09-01",
            "tot": "2026-12-20",
            "status": "afgebroken",
        }
    ]
    mbombo["toestemmingen"] = []
    mbombo["inzage"] = {"datum": "2026-12-10", "door": ["leerling"]}
    mbombo.pop("warme_overdracht")
    write("mbo-mbo-onvolledig", mbombo)

    mbohbo = dossier(
        leerling={
            "voornamen": "Yara",
            "achternaam": "Bos",
            "geboortedatum": "2006-02-11",
            "geslacht": "v",
            "bsn": "467279627",
            "leerlingnummer": "M0991",
            "leerweg": "mbo-4",
        },
        vertrekkende_school=MBO,
        ontvangende_school=HBO,
        overgang={
            "id": "mbo-hbo",
            "schooljaar": "2027-2028",
            "geplande_startdatum": "2027-09-01",
            "aanmelddatum": "2027-04-10",
            "peildatum": "2027-05-20",
        },
        ontwikkeling={
            "cognitief": "Diploma Pedagogisch medewerker niveau 4 verwacht in juni 2027.",
            "ondersteuningsbehoeften": "Extra tijd bij tentamens vanwege dyslexie.",
            "sterke_kanten": "Sterk in het contact met kinderen en ouders; zette in haar stage een voorleesproject op.",
        },
        opleidingen=[
            {
                "naam": "Pedagogisch medewerker kinderopvang niveau 4",
                "van": "2023-09-01",
                "status": "lopend",
            }
        ],
        ondersteuning={
            "diagnoses": ["Dyslexie"],
            "dyslexieverklaring": {
                "datum": "2015-05-20",
                "afgegeven_door": "Regionaal Instituut voor Dyslexie",
                "toelichting": "Extra tijd, teksten in groter lettertype en voorleessoftware.",
            },
            "handelingsadviezen": ["Tentamens in een apart lokaal met 30 minuten extra tijd."],
        },
        toestemmingen=[
            {"categorie": "overdracht", "gegeven_door": ["leerling"], "datum": "2027-04-10"},
            {
                "categorie": "ondersteuningsbehoeften",
                "gegeven_door": ["leerling"],
                "datum": "2027-04-10",
            },
        ],
        inzage={"datum": "2027-04-20", "door": ["leerling"], "zienswijze": "eens"},
        kennismaking={"datum": "2027-06-20"},
    )
    write("mbo-hbo-compleet", mbohbo)

    popo = dossier(
        leerling={
            "voornamen": "Finn",
            "achternaam": "Koster",
            "geboortedatum": "2019-04-03",
            "geslacht": "m",
            "bsn": "738199795",
            "leerlingnummer": "20301",
            "groep": 2,
        },
        ouders=[{"naam": "Eva Koster", "relatie": "moeder", "telefoon": "06-31313131"}],
        vertrekkende_school=BAO2,
        ontvangende_school=BAO,
        overgang={
            "id": "po-po",
            "schooljaar": "2026-2027",
            "geplande_startdatum": "2027-01-05",
            "reden": "Verhuizing naar Amersfoort.",
            "aanmelddatum": "2026-11-05",
            "peildatum": "2026-12-01",
        },
        ontwikkeling={
            "cognitief": "Leeftijdsadequaat; kent alle letters van zijn naam.",
            "sociaal_emotioneel": "Speelt graag samen; maakt makkelijk contact.",
            "ondersteuningsbehoeften": "Geen extra behoeften.",
        },
        toetsen=[{"naam": "KIJK! registratie", "datum": "2026-06-15", "score": "op niveau"}],
        inzage={"datum": "2026-11-25", "door": ["ouders"], "zienswijze": "eens"},
        terugkoppeling={"datum": "2027-03-01"},
    )
    write("po-po-verhuizing", popo)

    voorschool = dossier(
        leerling={
            "voornamen": "Noor",
            "achternaam": "Hendriks",
            "geboortedatum": "2023-01-09",
            "geslacht": "v",
            "bsn": "173833652",
            "vve_indicatie": True,
        },
        ouders=[
            {"naam": "Anna Hendriks", "relatie": "moeder", "telefoon": "06-21212121"},
            {"naam": "Rutger Hendriks", "relatie": "vader"},
        ],
        vertrekkende_school=KDV,
        ontvangende_school=BAO,
        overgang={
            "id": "voorschool-po",
            "schooljaar": "2026-2027",
            "geplande_startdatum": "2027-01-12",
            "aanmelddatum": "2026-06-01",
            "peildatum": "2026-12-01",
        },
        ontwikkeling={
            "taal": "Tweetalig opgevoed; Nederlandse woordenschat groeit snel dankzij VVE.",
            "spel": "Speelt graag rollenspel in de huishoek; houdt het spel 15 minuten vol.",
            "motoriek": "Fijne motoriek leeftijdsadequaat; knipt langs een lijn.",
            "sociale_omgang": "Wat afwachtend in de groep; heeft één vast vriendinnetje.",
            "thuissituatie": "Gezin met twee kinderen; thuis wordt Nederlands en Pools gesproken.",
            "pedagogisch_didactische_aanpak": "Veel herhaling van woorden met plaatjes; kleine groepjes.",
            "sterke_kanten": "Nieuwsgierig en zorgzaam: helpt jongere peuters bij het opruimen.",
        },
        toestemmingen=[
            {"categorie": "overdracht", "gegeven_door": ["ouders"], "datum": "2026-11-10"}
        ],
        inzage={
            "datum": "2026-11-10",
            "door": ["ouders"],
            "zienswijze": "eens",
            "toelichting": "Ouders vullen aan: Noor zingt graag liedjes in beide talen.",
        },
        warme_overdracht={
            "status": "gehouden",
            "datum": "2026-11-20",
            "vorm": "gesprek",
            "deelnemers": [
                "Anouk Peters (peuterspeelzaal)",
                "juf Karin (groep 1)",
                "Anna Hendriks (moeder)",
            ],
            "afspraken": [
                "Woordenlijst VVE-thema's gaat mee naar groep 1.",
                "Evaluatie na zes weken.",
            ],
        },
        kennismaking={"datum": "2026-12-15"},
        terugkoppeling={"datum": "2027-02-23"},
    )
    write("voorschool-po-vve", voorschool)


if __name__ == "__main__":
    main()
