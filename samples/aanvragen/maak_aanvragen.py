"""Write the sample TLV aanvragen in samples/aanvragen/ (fictional pupils and schools).

Run: .venv/bin/python samples/aanvragen/maak_aanvragen.py

Names are invented, BRINs made up, and every BSN passes the 11-proef without belonging to
anyone we know of. Every aanvraag sets ``overgang.peildatum`` (12 April 2027), so the demo
gives the same verdict on any day. Together they cover every status of ``tlv-check``.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import yaml
from stdnum.nl import bsn

HERE = Path(__file__).parent
PEILDATUM = "2027-04-12"


def _bsns() -> list[str]:
    """Deterministic numbers that pass the 11-proef (starting well away from real ranges)."""
    found: list[str] = []
    number = 900_000_001
    while len(found) < 20:
        candidate = str(number)
        if bsn.is_valid(candidate):
            found.append(candidate)
        number += 7_919
    return found


BSN = _bsns()

JEUGDHULP = {"categorie": "jeugdhulp", "gegeven_door": ["ouders"], "datum": "2026-09-21"}
SWV_PO = {"swv": "SWV Eemland PO", "swv_nummer": "PO 26-05"}
SWV_VO = {"swv": "SWV VO Eemland", "swv_nummer": "VO 26-05"}

BAO = {
    "naam": "OBS De Vlinderboom",
    "brin": "12AB",
    "vestiging": "00",
    "soort": "bao",
    "plaats": "Amersfoort",
    "contactpersoon": "Sanne Vermeulen",
    "functie": "intern begeleider",
    "telefoon": "033-7654321",
    "email": "ib@vlinderboom.example",
    "swv": "SWV Eemland PO",
}
BAO2 = {
    "naam": "CBS Het Kompas",
    "brin": "34CD",
    "vestiging": "01",
    "soort": "bao",
    "plaats": "Leusden",
    "contactpersoon": "Joost Dekker",
    "functie": "intern begeleider",
    "email": "zorg@hetkompas.example",
    "swv": "SWV Eemland PO",
}
VO = {
    "naam": "Eemcollege",
    "brin": "56EF",
    "vestiging": "02",
    "soort": "vo",
    "plaats": "Amersfoort",
    "contactpersoon": "Fatima El Idrissi",
    "functie": "zorgcoördinator",
    "email": "zorg@eemcollege.example",
    "swv": "SWV VO Eemland",
}
TARGET = {
    "sbo": {"naam": "SBO De Horizon", "brin": "78GH", "vestiging": "00", "soort": "sbo"},
    "so": {"naam": "SO De Wissel", "brin": "90JK", "vestiging": "00", "soort": "so"},
    "vso": {"naam": "VSO De Wissel", "brin": "90JK", "vestiging": "01", "soort": "vso"},
    "pro": {"naam": "Praktijkschool Eemland", "brin": "21LM", "vestiging": "00", "soort": "pro"},
}


def route(mdo: str = "2026-10-05") -> list[dict[str, Any]]:
    """Phases 1-4 of the ondersteuningsroute, with an MDO plan van aanpak."""
    return [
        {"fase": "signaleren", "datum": "2025-11-03", "toelichting": "Leerkracht signaleert."},
        {"fase": "consultatie", "datum": "2025-12-01"},
        {"fase": "leerlingbespreking", "datum": "2026-01-26"},
        {
            "fase": "mdo",
            "datum": mdo,
            "plan_van_aanpak": {
                "doelen": ["Passende onderwijsplek vanaf schooljaar 2027-2028"],
                "acties": ["Deskundigenadviezen aanvragen", "TLV aanvragen"],
                "verantwoordelijken": ["IB'er", "Orthopedagoog SWV"],
                "regie": "school (IB'er)",
                "evaluatiedatum": "2027-02-15",
            },
        },
    ]


def opp() -> dict[str, Any]:
    return {
        "opgesteld_op": "2026-02-09",
        "uitstroomperspectief": "Vervolgonderwijs met intensieve ondersteuning.",
        "onderbouwing": {
            "bevorderend": ["Betrokken ouders", "Werkt graag praktisch"],
            "belemmerend": ["Snel overprikkeld", "Leerachterstand"],
        },
        "handelingsdeel": {
            "doelen": ["Werkt 15 minuten zelfstandig aan een taak."],
            "aanpak": "Visueel stappenplan en vaste rustmomenten.",
        },
        "evaluaties": [{"datum": "2027-01-18", "bevindingen": "Doel deels behaald."}],
        "instemming_ouders": {"datum": "2026-02-23", "akkoord": True},
        "leerling_gehoord": "2026-02-16",
    }


def adviezen(eerste: str = "2027-01-12", tweede: str = "2027-02-02") -> list[dict[str, Any]]:
    return [
        {
            "deskundige": "drs. P. Smeets",
            "discipline": "orthopedagoog",
            "datum": eerste,
            "advies": "De leerling is aangewezen op het kleinere en gestructureerde aanbod.",
            "conclusie": "positief",
        },
        {
            "deskundige": "A. Yilmaz",
            "discipline": "maatschappelijk werker",
            "datum": tweede,
            "advies": "Plaatsing is passend; ouders staan achter de keuze.",
            "conclusie": "positief",
        },
    ]


def base(
    soort: str, transition: str, school: dict[str, Any], bsn_index: int, **pupil: Any
) -> dict[str, Any]:
    """A complete aanvraag for a TLV of ``soort``; the samples change one thing each."""
    swv = SWV_VO if soort in ("vso", "pro") else SWV_PO
    tlv: dict[str, Any] = {
        **swv,
        "soort": soort,
        "status": "aangevraagd",
        "bekostigingscategorie": "laag" if soort in ("so", "vso") else "n.v.t.",
        "aangevraagd_op": "2027-03-22",
        "ingangsdatum": "2027-08-01",
    }
    if soort != "pro":
        tlv["einddatum"] = "2029-07-31"
    data: dict[str, Any] = {
        "leerling": {"bsn": BSN[bsn_index], "geslacht": "v", **pupil},
        "ouders": [{"naam": "Ouder van de leerling", "relatie": "ouder"}],
        "vertrekkende_school": school,
        "ontvangende_school": TARGET[soort],
        "overgang": {
            "id": transition,
            "schooljaar": "2027-2028",
            "geplande_startdatum": "2027-08-23",
            "reden": "De ondersteuningsbehoefte is groter dan de school kan bieden.",
            "aanmelddatum": "2027-03-15",
            "peildatum": PEILDATUM,
        },
        "ontwikkeling": {
            "cognitief": "Disharmonisch profiel.",
            "sociaal_emotioneel": "Snel overprikkeld in de groep.",
            "werkhouding": "Werkt zelfstandig bij korte, duidelijke opdrachten.",
            "ondersteuningsbehoeften": "Kleine groep, vaste structuur, voorspelbare overgangen.",
        },
        "toetsen": [
            {"naam": "LVS Rekenen-Wiskunde", "domein": "rekenen", "datum": "2027-01-25"},
        ],
        "verzuim": {"periode_van": "2026-04-01", "periode_tot": "2027-03-31"},
        "ondersteuning": {
            "extra_ondersteuning": True,
            "geboden_ondersteuning": ["Dagelijks begeleiding door een onderwijsassistent"],
            "handelingsadviezen": ["Kondig veranderingen vooraf aan."],
            "leervraag": "complex",
            "leefvraag": "enkelvoudig",
            "regie": {"rol": "school", "naam": school["contactpersoon"]},
        },
        "opp": opp(),
        "deskundigenadviezen": adviezen(),
        "tlv": tlv,
        "toestemmingen": [{"categorie": "mdo", "gegeven_door": ["ouders"], "datum": "2026-09-21"}],
        "inzage": {"datum": "2027-03-18", "door": ["ouders"], "zienswijze": "eens"},
        "zienswijze_aanvraag": "Ouders steunen de aanvraag.",
        "ondersteuningsroute": route(),
    }
    if transition in ("po-vso", "po-pro"):
        data["schooladvies"] = {"definitief": soort, "definitief_datum": "2027-03-10"}
        data["doorstroomtoets"] = {"ontheffing": True, "reden_ontheffing": "Eigen leerlijn."}
    if transition.startswith("vo-"):
        data["resultaten"] = [{"vak": "Nederlands", "cijfer": "5,4", "periode": "2026-2027 P2"}]
    if soort == "pro":
        data["intelligentieonderzoek"] = {
            "instrument": "WISC-V-NL",
            "datum": "2026-11-20",
            "totaal_iq": 71,
        }
        data["leerachterstanden"] = [
            {"domein": "inzichtelijk_rekenen", "achterstand_jaren": 3.4},
            {"domein": "begrijpend_lezen", "achterstand_jaren": 3.1},
        ]
        data["deskundigenadviezen"] = adviezen()[:1]
    return data


def older_than_12(data: dict[str, Any]) -> dict[str, Any]:
    """A pupil of 12+ must be heard on the aanvraag and consents together with the parents."""
    data["inzage"]["leerling_gehoord"] = "2027-03-18"
    data["toestemmingen"][0]["gegeven_door"] = ["ouders", "leerling"]
    return data


def aanvragen() -> dict[str, dict[str, Any]]:
    samples: dict[str, dict[str, Any]] = {}
    kid = {"groep": 5, "geboortedatum": "2018-06-14"}

    samples["01-sbo-compleet"] = base(
        "sbo",
        "po-sbo",
        BAO,
        0,
        voornamen="Noor",
        achternaam="Visser",
        leerlingnummer="31001",
        **kid,
    )

    d = base("so", "po-so", BAO2, 1, voornamen="Luuk Pieter", achternaam="Mulder", **kid)
    d["leerling"]["geslacht"] = "m"
    d["leerling"]["leerlingnummer"] = "31002"
    d["tlv"]["bekostigingscategorie"] = "midden"
    d["ondersteuning"]["leefvraag"] = "complex"
    d["ondersteuning"]["regie"] = {"rol": "casemanager", "naam": "Casemanager sociaal team"}
    d["ondersteuning"]["oza"] = "Onderwijs-zorgarrangement met dagbehandeling (2 dagdelen)."
    d["toestemmingen"].append(JEUGDHULP)
    samples["02-so-compleet"] = d

    d = base(
        "vso",
        "vo-vso",
        VO,
        2,
        voornamen="Sem",
        tussenvoegsel="de",
        achternaam="Graaf",
        geboortedatum="2013-09-30",
        leerjaar=2,
        leerweg="vmbo-b",
        leerlingnummer="V7001",
    )
    samples["03-vso-compleet"] = older_than_12(d)

    d = base(
        "pro",
        "po-pro",
        BAO,
        3,
        voornamen="Jayden",
        achternaam="Bos",
        geboortedatum="2014-10-02",
        groep=8,
        leerlingnummer="31004",
    )
    samples["04-pro-compleet"] = older_than_12(d)

    d = base("sbo", "po-sbo", BAO2, 4, voornamen="Evi", achternaam="Jansen", **kid)
    d["ondersteuningsroute"] = [f for f in route() if f["fase"] != "consultatie"]
    plan = d["ondersteuningsroute"][-1]["plan_van_aanpak"]
    del plan["evaluatiedatum"], plan["regie"]
    samples["05-sbo-route-onvolledig"] = d

    d = base("so", "po-so", BAO, 5, voornamen="Daan", achternaam="Koster", **kid)
    d["leerling"]["leerlingnummer"] = "31006"
    d["deskundigenadviezen"][1]["conclusie"] = "negatief"
    d["deskundigenadviezen"][1]["advies"] = "Eerst een arrangement op de eigen school proberen."
    samples["06-so-adviezen-tegenstrijdig"] = d

    d = base(
        "vso",
        "po-vso",
        BAO2,
        6,
        voornamen="Lotte",
        tussenvoegsel="van",
        achternaam="Dijk",
        geboortedatum="2015-01-21",
        groep=8,
    )
    d["opp"]["evaluaties"] = [{"datum": "2026-01-12"}]
    del d["opp"]["instemming_ouders"]
    samples["07-vso-opp-verlopen"] = older_than_12(d)

    d = base(
        "pro",
        "vo-pro",
        VO,
        7,
        voornamen="Milan",
        achternaam="Hendriks",
        geboortedatum="2013-05-11",
        leerjaar=1,
        leerweg="vmbo-b",
        leerlingnummer="V7008",
    )
    d["intelligentieonderzoek"]["totaal_iq"] = 86
    del d["zienswijze_aanvraag"]
    samples["08-pro-buiten-criteria"] = older_than_12(d)

    d = base(
        "vso",
        "vo-vso",
        VO,
        8,
        voornamen="Yara",
        achternaam="Peters",
        geboortedatum="2012-12-03",
        leerjaar=3,
        leerweg="vmbo-k",
        leerlingnummer="V7009",
    )
    d["toestemmingen"][0]["gegeven_door"] = ["ouders", "leerling"]
    del d["zienswijze_aanvraag"]
    samples["09-vso-leerling-niet-gehoord"] = d

    d = base("so", "po-so", BAO2, 9, voornamen="Finn", achternaam="Bakker", **kid)
    d["leerling"]["leerlingnummer"] = "31010"
    d["ondersteuning"]["leefvraag"] = "complex"
    d["ondersteuning"]["oza"] = "Ambulante jeugdhulp thuis, afgestemd met school."
    d["toestemmingen"].append(JEUGDHULP)
    samples["10-so-regie-bij-school"] = d

    d = base("so", "po-so", BAO, 10, voornamen="Sara", achternaam="Willems", **kid)
    d["leerling"]["leerlingnummer"] = "31011"
    d["tlv"].update(
        status="afgegeven",
        beschikkingsnummer="TLV-2025-0412",
        ingangsdatum="2025-08-01",
        einddatum="2027-06-30",
    )
    d["overgang"]["schooljaar"] = "2025-2026"
    d["overgang"]["geplande_startdatum"] = "2025-08-25"
    d["overgang"]["reden"] = "Verlenging: de huidige TLV SO loopt op 30 juni 2027 af."
    samples["11-so-tlv-loopt-af"] = d

    d = base(
        "pro",
        "po-pro",
        BAO2,
        11,
        voornamen="Ilse",
        achternaam="Smit",
        geboortedatum="2015-02-26",
        groep=8,
        leerlingnummer="31012",
    )
    d["tlv"]["ingangsdatum"] = "2027-04-01"
    d["overgang"]["geplande_startdatum"] = "2027-04-06"
    d["overgang"]["reden"] = "Tussentijdse plaatsing na de voorjaarsvakantie."
    samples["12-pro-ingangsdatum-verstreken"] = older_than_12(d)

    d = base("sbo", "po-sbo", BAO, 12, voornamen="Tim", achternaam="Vos", **kid)
    d["leerling"]["leerlingnummer"] = "31013"
    d["deskundigenadviezen"] = adviezen("2025-10-06", "2025-11-03")
    samples["13-sbo-adviezen-18-maanden"] = d
    return samples


BROKEN = {
    "14-kapot-bestand.yaml": (
        "# Voorbeeld van een kapot bestand: de inspringing van 'achternaam' klopt niet.\n"
        "leerling:\n  voornamen: Bram\n achternaam: Kok\n"
    ),
}


def main() -> None:
    for name, data in aanvragen().items():
        text = yaml.safe_dump(copy.deepcopy(data), allow_unicode=True, sort_keys=False, width=100)
        header = f"# Voorbeeld-TLV-aanvraag (fictief): {name}\n"
        (HERE / f"{name}.yaml").write_text(header + text, encoding="utf-8")
    for name, text in BROKEN.items():
        (HERE / name).write_text(text, encoding="utf-8")
    # One aanvraag with a BSN that fails the 11-proef: readable YAML, invalid dossier.
    broken = aanvragen()["01-sbo-compleet"]
    broken["leerling"].update(bsn="123456780", voornamen="Roos", leerlingnummer="31015")
    text = yaml.safe_dump(broken, allow_unicode=True, sort_keys=False, width=100)
    (HERE / "15-ongeldig-bsn.yaml").write_text(
        "# Voorbeeld-TLV-aanvraag (fictief) met een BSN dat de elfproef niet doorstaat.\n" + text,
        encoding="utf-8",
    )


if __name__ == "__main__":
    main()
