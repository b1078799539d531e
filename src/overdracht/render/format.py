"""Dutch formatting of dates, names and codes for documents."""

from __future__ import annotations

from datetime import date

from babel.dates import format_date

from overdracht.model.handover import Inzage
from overdracht.model.people import School

ADVIES_LABELS: dict[str, str] = {
    "vso": "voortgezet speciaal onderwijs",
    "pro": "praktijkonderwijs",
    "vmbo-b": "vmbo basisberoepsgerichte leerweg",
    "vmbo-b/k": "vmbo basis/kader",
    "vmbo-k": "vmbo kaderberoepsgerichte leerweg",
    "vmbo-k/gt": "vmbo kader/gemengd-theoretisch",
    "vmbo-gt": "vmbo gemengde/theoretische leerweg",
    "vmbo-gt/havo": "vmbo-gt/havo",
    "havo": "havo",
    "havo/vwo": "havo/vwo",
    "vwo": "vwo",
}

DOMEIN_LABELS: dict[str, str] = {
    "inzichtelijk_rekenen": "inzichtelijk rekenen",
    "begrijpend_lezen": "begrijpend lezen",
    "technisch_lezen": "technisch lezen",
    "spelling": "spelling",
    "taalverzorging": "taalverzorging",
    "rekenen": "rekenen",
    "lezen": "lezen",
}

SCHOOLSOORT_LABELS: dict[str, str] = {
    "voorschool": "voorschoolse voorziening",
    "bao": "basisschool",
    "sbo": "speciaal basisonderwijs (SBO)",
    "so": "speciaal onderwijs (SO)",
    "vo": "voortgezet onderwijs",
    "pro": "praktijkonderwijs",
    "vso": "voortgezet speciaal onderwijs (VSO)",
    "mbo": "mbo-instelling",
    "hbo": "hogeschool",
}

LEERWEG_LABELS: dict[str, str] = {
    "vmbo-b": "vmbo basisberoepsgerichte leerweg",
    "vmbo-k": "vmbo kaderberoepsgerichte leerweg",
    "vmbo-gt": "vmbo gemengde/theoretische leerweg",
    "havo": "havo",
    "vwo": "vwo",
    "pro": "praktijkonderwijs",
    "vso": "voortgezet speciaal onderwijs",
    "lwoo": "leerwegondersteunend onderwijs",
    "mbo-1": "mbo niveau 1 (entree)",
    "mbo-2": "mbo niveau 2",
    "mbo-3": "mbo niveau 3",
    "mbo-4": "mbo niveau 4",
    "hbo": "hbo",
}
ZIENSWIJZE: dict[str, str] = {
    "eens": "eens met de inhoud",
    "oneens": "niet eens met de inhoud (zie toelichting)",
    "geen reactie": "geen reactie gegeven",
}

HERKOMST = {
    "inzagepagina": "door ouders en leerling zelf, via hun inzagepagina",
    "papier": "op een ondertekend inzageformulier, door de school ingelezen",
    "school": "door de school ingevoerd, niet door de ouders zelf (telt niet als inzage)",
}


def zienswijze(inzage: Inzage) -> str:
    """Each person's own zienswijze ('Moeder: oneens — reden; Vader: eens'), or the one
    recorded for everyone."""
    if inzage.reacties:
        return "; ".join(
            f"{r.wie}: {r.zienswijze}" + (f" — {r.toelichting}" if r.toelichting else "")
            for r in inzage.reacties
        )
    return ZIENSWIJZE.get(inzage.zienswijze or "", "niet vastgelegd")


GESLACHT = {"m": "jongen", "v": "meisje", "x": "anders / niet vermeld"}
GEVERS = {"ouders": "ouders/verzorgers", "leerling": "leerling"}


def datum(value: date | None) -> str:
    """'14 maart 2026'; empty for no date."""
    if value is None:
        return ""
    return str(format_date(value, format="d MMMM y", locale="nl_NL"))


def ja_nee(value: bool) -> str:
    return "ja" if value else "nee"


def opsomming(words: list[str]) -> str:
    """'a, b en c'."""
    words = [w for w in words if w]
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} en {words[-1]}"


def advies(value: str | None) -> str:
    return ADVIES_LABELS.get(value, value) if value else ""


def school_naam(school: School) -> str:
    return f"{school.naam}, {school.plaats}" if school.plaats else school.naam


def brin(school: School) -> str:
    if not school.brin:
        return ""
    return f"{school.brin}{school.vestiging}" if school.vestiging else school.brin


def getal(value: float) -> str:
    """Dutch decimal comma, no trailing ',0'."""
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")
