"""What a workbook may contain: the sheets, their columns and where each value goes.

This is data, not logic: the template writer and the importer both read it, so
the columns a school fills in are exactly the columns the importer recognises.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal, get_args

from overdracht.checklists.transitions import transition, transitions
from overdracht.model.learning import (
    ADVIES_VOLGORDE,
    DOORSTROOMTOETSEN,
    Domein,
    Referentieniveau,
)
from overdracht.model.people import Leerweg, SchoolSoort

Kind = Literal[
    "text",
    "longtext",
    "list",
    "int",
    "float",
    "date",
    "bool",
    "bsn",
    "onderwijsnummer",
    "postcode",
    "brin",
    "choice",
    "key",
    "ignore",
]


@dataclass(frozen=True)
class Sectors:
    """The transitions a sheet or column belongs to, read from their checklists.

    ``pairs`` are (van, naar) as the checklists' ``van:`` and ``naar:`` say them, ``*`` for
    any; ``kinds`` are kinds of rule (``schooladvies``, ``tlv``): a transition whose checklist
    checks one of them belongs too. So ``"po-vo" in Sectors(kinds=("schooladvies",))`` reads
    the checklist, not a list of transitions kept here.
    """

    pairs: tuple[tuple[str, str], ...] = ()
    kinds: tuple[str, ...] = ()

    def __contains__(self, transition_id: object) -> bool:
        known = transition(str(transition_id))
        if known is None:
            return False
        return any(v in ("*", known.van) and n in ("*", known.naar) for v, n in self.pairs) or (
            not known.kinds.isdisjoint(self.kinds)
        )

    def __or__(self, other: Sectors) -> Sectors:
        return Sectors(self.pairs + other.pairs, self.kinds + other.kinds)


ALL = Sectors((("*", "*"),))
_FROM_PO = Sectors((("voorschool", "*"), ("bao", "*")))
_FROM_VO = Sectors((("vo", "*"), ("mbo", "*")))
_FROM_VOORSCHOOL = Sectors((("voorschool", "*"),))
_VVE = Sectors((("voorschool", "*"), ("bao", "bao")))
_TO_MBO = Sectors((("*", "mbo"), ("*", "hbo")))
# Earlier schools and doublures: a pupil leaving a school (MBO has 'Opleidingen' instead).
_FROM_SCHOOL = Sectors((("bao", "*"), ("vo", "*")))
# Where the checklist checks it, the workbook asks for it.
_SCHOOLADVIES = Sectors(kinds=("schooladvies",))
_PRO_CRITERIA = Sectors(kinds=("pro_criteria",))
_TLV_RULE = Sectors(kinds=("tlv",))


def transition_ids() -> tuple[str, ...]:
    """Every transition a workbook can be for, in school-career order."""
    return tuple(transitions())


# The fixed lists come from the dossier model, so a dropdown can never offer a value the
# model refuses.
SCHOOL_SOORTEN: tuple[str, ...] = get_args(SchoolSoort)
LEERWEGEN: tuple[str, ...] = get_args(Leerweg)
REFERENTIENIVEAUS: tuple[str, ...] = get_args(Referentieniveau)
JA_NEE = ("ja", "nee")


@dataclass(frozen=True)
class FieldSpec:
    """One column: its Dutch header, other names it goes by, and where the value goes."""

    header: str
    path: tuple[str, ...]
    kind: Kind = "text"
    aliases: tuple[str, ...] = ()
    choices: tuple[str, ...] = ()
    required: bool = False
    help: str = ""
    example: str | int | float | None = None
    transitions: Sectors = ALL
    choices_from: Callable[[], tuple[str, ...]] | None = None  # choices read on first use

    def allowed(self) -> tuple[str, ...]:
        """The values a 'choice' column accepts."""
        return self.choices_from() if self.choices_from is not None else self.choices


@dataclass(frozen=True)
class SheetSpec:
    """One sheet of the workbook.

    ``target`` is where a row goes in the dossier: a section filled once per pupil
    (``per_pupil``), an item of a list (``list``), or the sending school (``school``).
    """

    name: str
    target: str
    mode: Literal["school", "pupil", "per_pupil", "list"]
    fields: tuple[FieldSpec, ...]
    help: str
    aliases: tuple[str, ...] = ()
    transitions: Sectors = ALL

    def fields_for(self, transition: str) -> tuple[FieldSpec, ...]:
        return tuple(f for f in self.fields if transition in f.transitions)


KEY = FieldSpec(
    "Leerlingnummer",
    ("leerlingnummer",),
    "key",
    aliases=(
        "leerlingnr",
        "llnr",
        "lln nr",
        "leerling nummer",
        "stamnummer",
        "stamnr",
        "leerling id",
        "id leerling",
        "leerlingcode",
    ),
    required=True,
    help="Het nummer van de leerling in jullie administratie; koppelt de bladen aan elkaar.",
    example="VOORBEELD",
)
NAME_HINT = FieldSpec(
    "Naam leerling (ter herkenning)",
    (),
    "ignore",
    aliases=("naam leerling", "leerling", "roepnaam", "achternaam", "voornaam"),
    help="Alleen om de rij te herkennen; wordt niet ingelezen.",
    example="Voorbeeld, Sam",
)


def _school(
    prefix: str, header: str, aliases: tuple[str, ...], help_text: str
) -> tuple[FieldSpec, ...]:
    """Columns describing a school; ``prefix`` is the dossier section."""
    label = f" {header}" if header else ""
    return (
        FieldSpec(
            f"Naam{label}" if header else "Naam school",
            (prefix, "naam"),
            aliases=tuple(f"naam {a}" for a in aliases) + aliases,
            required=True,
            help=help_text,
            example="Het Baken" if header else "OBS De Vlinder",
        ),
        FieldSpec(
            f"BRIN{label}",
            (prefix, "brin"),
            "brin",
            aliases=tuple(f"brin {a}" for a in aliases)
            + tuple(f"brinnummer {a}" for a in aliases)
            + (("brin", "brinnummer", "brin code") if not header else ()),
            help="4 tekens, bijv. 12AB.",
            example="31QX" if header else "99ZZ",
        ),
        FieldSpec(
            f"Vestiging{label}",
            (prefix, "vestiging"),
            aliases=tuple(f"vestigingsnummer {a}" for a in aliases)
            + (("vestigingsnummer",) if not header else ()),
            help="2 cijfers, bijv. 00.",
            example="00",
        ),
        FieldSpec(
            f"Soort{label}" if header else "Soort school",
            (prefix, "soort"),
            "choice",
            aliases=tuple(f"soort {a}" for a in aliases)
            + tuple(f"schoolsoort {a}" for a in aliases),
            choices=SCHOOL_SOORTEN,
            help="Leeg laten: de soort volgt uit de overgang.",
        ),
        FieldSpec(
            f"Plaats{label}",
            (prefix, "plaats"),
            aliases=tuple(f"plaats {a}" for a in aliases)
            + tuple(f"vestigingsplaats {a}" for a in aliases),
            example="Zwolle",
        ),
    )


SCHOOL = SheetSpec(
    "School",
    "vertrekkende_school",
    "school",
    (
        *_school(
            "vertrekkende_school", "", ("school", "vertrekkende school"), "Naam van jullie school."
        ),
        FieldSpec("Contactpersoon", ("vertrekkende_school", "contactpersoon"), example="J. de Wit"),
        FieldSpec("Functie", ("vertrekkende_school", "functie"), example="intern begeleider"),
        FieldSpec("Telefoon", ("vertrekkende_school", "telefoon"), aliases=("telefoonnummer",)),
        FieldSpec("E-mail", ("vertrekkende_school", "email"), aliases=("email", "e-mailadres")),
        FieldSpec("Samenwerkingsverband", ("vertrekkende_school", "swv"), aliases=("swv",)),
        FieldSpec(
            "Overgang",
            ("overgang", "id"),
            "choice",
            aliases=("overgang id", "soort overgang"),
            choices_from=transition_ids,
            help="Staat al goed; moet gelijk zijn aan --transition bij het inlezen.",
        ),
        FieldSpec(
            "Schooljaar",
            ("overgang", "schooljaar"),
            aliases=("schooljaar overgang",),
            help="Schooljaar van de nieuwe school, bijv. 2026-2027 (geldt voor alle leerlingen).",
        ),
        FieldSpec(
            "Geplande startdatum",
            ("overgang", "geplande_startdatum"),
            "date",
            aliases=("startdatum", "startdatum nieuwe school", "begindatum"),
            help="Eerste schooldag op de nieuwe school (geldt voor alle leerlingen).",
        ),
    ),
    "Eén rij: de vertrekkende school en het schooljaar van de overstap.",
    aliases=("schoolgegevens", "vertrekkende school"),
)

LEERLINGEN = SheetSpec(
    "Leerlingen",
    "leerling",
    "pupil",
    (
        KEY,
        FieldSpec(
            "Achternaam",
            ("leerling", "achternaam"),
            aliases=("achternaam leerling", "familienaam", "geslachtsnaam", "naam leerling"),
            required=True,
            example="Voorbeeld",
        ),
        FieldSpec(
            "Tussenvoegsel",
            ("leerling", "tussenvoegsel"),
            aliases=("tussenvoegsels", "voorvoegsel", "voorvoegsels", "tv"),
        ),
        FieldSpec(
            "Voornamen",
            ("leerling", "voornamen"),
            aliases=("voornaam", "voornamen leerling", "voornaam leerling", "officiele voornamen"),
            required=True,
            example="Sam Jesse",
        ),
        FieldSpec(
            "Roepnaam", ("leerling", "roepnaam"), aliases=("roepnaam leerling",), example="Sam"
        ),
        FieldSpec(
            "Geboortedatum",
            ("leerling", "geboortedatum"),
            "date",
            aliases=("geb.datum", "geb datum", "gebdat", "geb. dat.", "geboorte datum", "geboren"),
            required=True,
            help="Een datum, bijv. 14-03-2014.",
            example="2014-03-14",
        ),
        FieldSpec(
            "Geslacht",
            ("leerling", "geslacht"),
            "choice",
            aliases=("m/v", "sekse", "gender"),
            choices=("m", "v", "x"),
            example="x",
        ),
        FieldSpec(
            "BSN",
            ("leerling", "bsn"),
            "bsn",
            aliases=("burgerservicenummer", "bsn leerling", "sofinummer", "sofi nummer"),
            help="9 cijfers; BSN of onderwijsnummer is nodig.",
            example="111222333",
        ),
        FieldSpec(
            "Onderwijsnummer",
            ("leerling", "onderwijsnummer"),
            "onderwijsnummer",
            aliases=("onderwijs nummer",),
            help="Alleen als de leerling geen BSN heeft.",
        ),
        FieldSpec(
            "Groep",
            ("leerling", "groep"),
            "int",
            aliases=("jaargroep", "groep leerling"),
            transitions=_FROM_PO,
            help="1 tot en met 8.",
            example=8,
        ),
        FieldSpec(
            "Leerjaar",
            ("leerling", "leerjaar"),
            "int",
            aliases=("klas", "jaar"),
            transitions=_FROM_VO,
            help="1 tot en met 6.",
            example=3,
        ),
        FieldSpec(
            "Leerweg",
            ("leerling", "leerweg"),
            "choice",
            aliases=("niveau", "onderwijstype"),
            choices=LEERWEGEN,
            transitions=_FROM_VO,
            example="havo",
        ),
        FieldSpec(
            "LWOO",
            ("leerling", "lwoo"),
            "bool",
            aliases=("leerwegondersteuning",),
            transitions=_FROM_VO | _SCHOOLADVIES,
            example="nee",
        ),
        FieldSpec(
            "VVE-indicatie",
            ("leerling", "vve_indicatie"),
            "bool",
            aliases=("vve",),
            transitions=_VVE,
            example="nee",
        ),
        *_school(
            "ontvangende_school",
            "nieuwe school",
            ("nieuwe school", "ontvangende school", "school van inschrijving"),
            "De school waar de leerling naartoe gaat.",
        ),
        FieldSpec(
            "Schooljaar",
            ("overgang", "schooljaar"),
            help="Leeg laten: het schooljaar van het blad School geldt.",
        ),
        FieldSpec(
            "Geplande startdatum",
            ("overgang", "geplande_startdatum"),
            "date",
            aliases=("startdatum", "startdatum nieuwe school"),
            help="Leeg laten: de datum van het blad School geldt.",
        ),
        FieldSpec(
            "Aanmelddatum",
            ("overgang", "aanmelddatum"),
            "date",
            aliases=("datum aanmelding", "aangemeld op"),
            example="2026-03-20",
        ),
        FieldSpec("Reden overstap", ("overgang", "reden"), aliases=("reden", "reden van overstap")),
    ),
    "Eén rij per leerling.",
    aliases=("leerling", "leerlinggegevens", "pupils"),
)

OUDERS = SheetSpec(
    "Ouders",
    "ouders",
    "list",
    (
        KEY,
        NAME_HINT,
        FieldSpec(
            "Naam ouder",
            ("naam",),
            aliases=("naam", "naam verzorger", "ouder", "verzorger"),
            required=True,
            example="A. Voorbeeld",
        ),
        FieldSpec(
            "Relatie",
            ("relatie",),
            "choice",
            aliases=("relatie tot leerling", "rol"),
            choices=("moeder", "vader", "ouder", "voogd", "pleegouder", "verzorger"),
            example="moeder",
        ),
        FieldSpec(
            "Gezag",
            ("gezag",),
            "bool",
            aliases=("ouderlijk gezag", "gezaghebbend"),
            help="Heeft deze ouder gezag? Leeg = ja.",
            example="ja",
        ),
        FieldSpec("Telefoon", ("telefoon",), aliases=("telefoonnummer", "mobiel", "tel")),
        FieldSpec("E-mail", ("email",), aliases=("email", "e-mailadres", "emailadres")),
        FieldSpec(
            "Adres", ("adres",), aliases=("straat", "straat en huisnummer"), example="Dorpsstraat 1"
        ),
        FieldSpec("Postcode", ("postcode",), "postcode", example="1234 AB"),
        FieldSpec("Woonplaats", ("woonplaats",), aliases=("plaats",), example="Zwolle"),
    ),
    "Eén rij per ouder of verzorger.",
    aliases=("ouder", "ouders verzorgers", "verzorgers", "oudergegevens"),
)

TOETSEN = SheetSpec(
    "Toetsen",
    "toetsen",
    "list",
    (
        KEY,
        NAME_HINT,
        FieldSpec(
            "Toets",
            ("naam",),
            aliases=("naam toets", "toetsnaam", "toets naam"),
            required=True,
            example="Leerling in beeld M8",
        ),
        FieldSpec(
            "Domein", ("domein",), aliases=("vak", "vakgebied", "onderdeel"), example="rekenen"
        ),
        FieldSpec(
            "Datum",
            ("datum",),
            "date",
            aliases=("toetsdatum", "afnamedatum", "datum toets"),
            required=True,
            example="2026-01-20",
        ),
        FieldSpec(
            "Score",
            ("score",),
            aliases=("uitslag", "resultaat", "vaardigheidsscore"),
            example="235",
        ),
        FieldSpec(
            "Referentieniveau",
            ("referentieniveau",),
            "choice",
            aliases=("niveau", "ref niveau"),
            choices=REFERENTIENIVEAUS,
            example="2F",
        ),
        FieldSpec(
            "Toelichting", ("toelichting",), "longtext", aliases=("opmerking", "opmerkingen")
        ),
    ),
    "Eén rij per toetsresultaat (dit schooljaar en de twee jaren ervoor).",
    aliases=("toets", "toetsresultaten", "toetsgegevens", "resultaten toetsen"),
)

SCHOOLADVIES = SheetSpec(
    "Schooladvies",
    "schooladvies",
    "per_pupil",
    (
        KEY,
        NAME_HINT,
        FieldSpec(
            "Voorlopig advies",
            ("schooladvies", "voorlopig"),
            "choice",
            aliases=("voorlopig schooladvies",),
            choices=ADVIES_VOLGORDE,
            example="havo",
        ),
        FieldSpec(
            "Datum voorlopig advies",
            ("schooladvies", "voorlopig_datum"),
            "date",
            example="2026-01-25",
        ),
        FieldSpec(
            "Definitief advies",
            ("schooladvies", "definitief"),
            "choice",
            aliases=("definitief schooladvies", "schooladvies", "advies"),
            choices=ADVIES_VOLGORDE,
            example="havo",
        ),
        FieldSpec(
            "Datum definitief advies",
            ("schooladvies", "definitief_datum"),
            "date",
            example="2026-03-20",
        ),
        FieldSpec(
            "Heroverwogen advies",
            ("schooladvies", "heroverwogen"),
            "choice",
            aliases=("bijgesteld advies", "advies na heroverweging"),
            choices=ADVIES_VOLGORDE,
            help="Alleen invullen als het advies na de doorstroomtoets omhoog ging.",
        ),
        FieldSpec("Datum heroverweging", ("schooladvies", "heroverweging_datum"), "date"),
        FieldSpec(
            "Toelichting advies",
            ("schooladvies", "toelichting"),
            "longtext",
            aliases=("toelichting schooladvies",),
        ),
        FieldSpec(
            "Doorstroomtoets",
            ("doorstroomtoets", "naam"),
            aliases=("naam doorstroomtoets",),
            help=f"Een van: {', '.join(DOORSTROOMTOETSEN)}.",
            example="Leerling in beeld",
        ),
        FieldSpec(
            "Toetsadvies",
            ("doorstroomtoets", "toetsadvies"),
            "choice",
            aliases=("toetsadvies doorstroomtoets", "advies doorstroomtoets"),
            choices=ADVIES_VOLGORDE,
            help="Het advies dat uit de doorstroomtoets volgt.",
            example="havo",
        ),
        FieldSpec(
            "Datum doorstroomtoets", ("doorstroomtoets", "datum"), "date", example="2026-02-10"
        ),
        FieldSpec(
            "Lezen",
            ("doorstroomtoets", "uitslagen", "lezen"),
            "choice",
            aliases=("doorstroomtoets lezen", "niveau lezen"),
            choices=REFERENTIENIVEAUS,
            example="2F",
        ),
        FieldSpec(
            "Taalverzorging",
            ("doorstroomtoets", "uitslagen", "taalverzorging"),
            "choice",
            aliases=("doorstroomtoets taalverzorging", "niveau taalverzorging"),
            choices=REFERENTIENIVEAUS,
            example="2F",
        ),
        FieldSpec(
            "Rekenen",
            ("doorstroomtoets", "uitslagen", "rekenen"),
            "choice",
            aliases=("doorstroomtoets rekenen", "niveau rekenen"),
            choices=REFERENTIENIVEAUS,
            example="1S",
        ),
        FieldSpec(
            "Ontheffing doorstroomtoets",
            ("doorstroomtoets", "ontheffing"),
            "bool",
            aliases=("ontheffing",),
            example="nee",
        ),
        FieldSpec(
            "Reden ontheffing",
            ("doorstroomtoets", "reden_ontheffing"),
            "longtext",
        ),
    ),
    "Eén rij per leerling: schooladvies en uitslag van de doorstroomtoets.",
    aliases=("advies", "schooladviezen", "doorstroomtoets"),
    transitions=_SCHOOLADVIES,
)

ONTWIKKELING = SheetSpec(
    "Ontwikkeling",
    "ontwikkeling",
    "per_pupil",
    (
        KEY,
        NAME_HINT,
        *(
            FieldSpec(header, ("ontwikkeling", key), "longtext", transitions=sectors)
            for header, key, sectors in (
                ("Sterke kanten", "sterke_kanten", ALL),
                ("Cognitief", "cognitief", ALL),
                ("Sociaal-emotioneel", "sociaal_emotioneel", ALL),
                ("Werkhouding", "werkhouding", ALL),
                ("Thuissituatie", "thuissituatie", ALL),
                ("Leefomstandigheden", "leefomstandigheden", ALL),
                ("Ondersteuningsbehoeften", "ondersteuningsbehoeften", ALL),
                ("Taal", "taal", _FROM_VOORSCHOOL),
                ("Spel", "spel", _FROM_VOORSCHOOL),
                ("Motoriek", "motoriek", _FROM_VOORSCHOOL),
                ("Sociale omgang", "sociale_omgang", _FROM_VOORSCHOOL),
                ("Pedagogisch-didactische aanpak", "pedagogisch_didactische_aanpak", ALL),
                ("Wensen", "wensen", ALL),
            )
        ),
    ),
    "Eén rij per leerling: korte beschrijving van de ontwikkeling.",
)


def _verklaring(header: str, key: str) -> tuple[FieldSpec, ...]:
    """Columns of a dyslexie- or dyscalculieverklaring; either one filled in records it."""
    return (
        FieldSpec(
            f"{header} datum",
            ("ondersteuning", key, "datum"),
            "date",
            aliases=(f"datum {header.lower()}",),
            help="Datum van de verklaring; leeg laten als er geen verklaring is.",
        ),
        FieldSpec(
            f"{header} afgegeven door",
            ("ondersteuning", key, "afgegeven_door"),
            aliases=(f"{header.lower()} door",),
            help="Instelling of deskundige.",
        ),
    )


ONDERSTEUNING = SheetSpec(
    "Ondersteuning",
    "ondersteuning",
    "per_pupil",
    (
        KEY,
        NAME_HINT,
        FieldSpec(
            "Extra ondersteuning",
            ("ondersteuning", "extra_ondersteuning"),
            "bool",
            aliases=("extra ondersteuning ja nee", "zorgleerling"),
            example="nee",
        ),
        *(
            FieldSpec(
                header,
                ("ondersteuning", key),
                "list",
                help="Meerdere: één per regel of met ; ertussen.",
            )
            for header, key in (
                ("Geboden ondersteuning", "geboden_ondersteuning"),
                ("Handelingsadviezen", "handelingsadviezen"),
                ("Belemmeringen", "belemmeringen"),
                ("Diagnoses", "diagnoses"),
            )
        ),
        *_verklaring("Dyslexieverklaring", "dyslexieverklaring"),
        *_verklaring("Dyscalculieverklaring", "dyscalculieverklaring"),
        FieldSpec(
            "Leervraag",
            ("ondersteuning", "leervraag"),
            "choice",
            choices=("enkelvoudig", "complex"),
        ),
        FieldSpec(
            "Leefvraag",
            ("ondersteuning", "leefvraag"),
            "choice",
            choices=("enkelvoudig", "complex"),
        ),
        FieldSpec(
            "Extra begeleiding bij de overgang",
            ("ondersteuning", "extra_begeleiding_overgang"),
            "longtext",
            aliases=("extra begeleiding overgang",),
        ),
        FieldSpec(
            "Ondersteuningsafspraken",
            ("ondersteuning", "ondersteuningsafspraken"),
            "longtext",
            transitions=_TO_MBO,
        ),
    ),
    "Eén rij per leerling die ondersteuning kreeg.",
    aliases=("zorg", "begeleiding", "extra ondersteuning"),
)

TLV = SheetSpec(
    "TLV",
    "tlv",
    "per_pupil",
    (
        KEY,
        NAME_HINT,
        FieldSpec("Samenwerkingsverband", ("tlv", "swv"), aliases=("swv",), required=True),
        FieldSpec(
            "SWV-nummer", ("tlv", "swv_nummer"), aliases=("nummer swv",), help="Bijv. PO 23-01."
        ),
        FieldSpec(
            "Soort TLV",
            ("tlv", "soort"),
            "choice",
            aliases=("soort",),
            choices=("sbo", "so", "vso", "pro"),
            required=True,
        ),
        FieldSpec(
            "Status",
            ("tlv", "status"),
            "choice",
            choices=("aangevraagd", "afgegeven"),
        ),
        FieldSpec("Beschikkingsnummer", ("tlv", "beschikkingsnummer")),
        FieldSpec(
            "Bekostigingscategorie",
            ("tlv", "bekostigingscategorie"),
            "choice",
            aliases=("categorie",),
            choices=("laag", "midden", "hoog", "n.v.t."),
        ),
        FieldSpec("Aangevraagd op", ("tlv", "aangevraagd_op"), "date"),
        FieldSpec("Ingangsdatum", ("tlv", "ingangsdatum"), "date"),
        FieldSpec("Einddatum", ("tlv", "einddatum"), "date", help="Leeg bij een TLV PrO."),
    ),
    "Eén rij per leerling met een (aangevraagde) toelaatbaarheidsverklaring.",
    aliases=("toelaatbaarheidsverklaring", "tlvs"),
    transitions=_TLV_RULE,
)

INTELLIGENTIE = SheetSpec(
    "Intelligentie",
    "intelligentieonderzoek",
    "per_pupil",
    (
        KEY,
        NAME_HINT,
        FieldSpec(
            "Instrument", ("intelligentieonderzoek", "instrument"), aliases=("test",), required=True
        ),
        FieldSpec("Datum", ("intelligentieonderzoek", "datum"), "date", required=True),
        FieldSpec(
            "Totaal IQ",
            ("intelligentieonderzoek", "totaal_iq"),
            "int",
            aliases=("iq", "tiq"),
            required=True,
        ),
        FieldSpec(
            "Onderzoeker",
            ("intelligentieonderzoek", "onderzoeker"),
        ),
    ),
    "Eén rij per leerling: het intelligentieonderzoek.",
    aliases=("intelligentieonderzoek", "iq"),
    transitions=_PRO_CRITERIA,
)

LEERACHTERSTANDEN = SheetSpec(
    "Leerachterstanden",
    "leerachterstanden",
    "list",
    (
        KEY,
        NAME_HINT,
        FieldSpec(
            "Domein",
            ("domein",),
            "choice",
            required=True,
            choices=get_args(Domein),
        ),
        FieldSpec(
            "Achterstand in jaren",
            ("achterstand_jaren",),
            "float",
            aliases=("achterstand",),
            required=True,
        ),
        FieldSpec("Toets", ("toets",)),
        FieldSpec("Datum", ("datum",), "date"),
    ),
    "Eén rij per domein met een leerachterstand.",
    aliases=("leerachterstand", "achterstanden"),
    transitions=_PRO_CRITERIA,
)

VERZUIM = SheetSpec(
    "Verzuim",
    "verzuim",
    "per_pupil",
    (
        KEY,
        NAME_HINT,
        FieldSpec(
            "Periode van", ("verzuim", "periode_van"), "date", aliases=("van",), required=True
        ),
        FieldSpec(
            "Periode tot", ("verzuim", "periode_tot"), "date", aliases=("tot",), required=True
        ),
        FieldSpec(
            "Geoorloofd (uren)", ("verzuim", "geoorloofd_uren"), "float", aliases=("geoorloofd",)
        ),
        FieldSpec(
            "Ongeoorloofd (uren)",
            ("verzuim", "ongeoorloofd_uren"),
            "float",
            aliases=("ongeoorloofd",),
        ),
        FieldSpec("Toelichting", ("verzuim", "toelichting"), "longtext"),
    ),
    "Eén rij per leerling: verzuim van de laatste 12 maanden.",
    aliases=("absentie", "afwezigheid"),
    transitions=_FROM_VO,
)

RESULTATEN = SheetSpec(
    "Resultaten",
    "resultaten",
    "list",
    (
        KEY,
        NAME_HINT,
        FieldSpec("Vak", ("vak",), required=True),
        FieldSpec("Cijfer", ("cijfer",), required=True, aliases=("resultaat",)),
        FieldSpec("Periode", ("periode",)),
    ),
    "Eén rij per vak en periode (cijferlijst).",
    aliases=("cijfers", "cijferlijst"),
    transitions=_FROM_VO,
)

OPLEIDINGEN = SheetSpec(
    "Opleidingen",
    "opleidingen",
    "list",
    (
        KEY,
        NAME_HINT,
        FieldSpec("Opleiding", ("naam",), aliases=("naam opleiding",), required=True),
        FieldSpec("Van", ("van",), "date"),
        FieldSpec("Tot", ("tot",), "date"),
        FieldSpec(
            "Status",
            ("status",),
            "choice",
            choices=("voltooid", "afgebroken", "lopend"),
            required=True,
        ),
        FieldSpec("Diploma", ("diploma",), "bool"),
    ),
    "Eén rij per gevolgde opleiding.",
    aliases=("opleiding", "schoolloopbaan"),
    transitions=_TO_MBO,
)

EERDERE_SCHOLEN = SheetSpec(
    "Eerdere scholen",
    "eerdere_scholen",
    "list",
    (
        KEY,
        NAME_HINT,
        FieldSpec(
            "School",
            ("naam",),
            aliases=("naam school", "naam eerdere school", "vorige school"),
            required=True,
            example="CBS Het Anker",
        ),
        FieldSpec("Plaats", ("plaats",), aliases=("vestigingsplaats",), example="Amersfoort"),
        FieldSpec("Van", ("van",), "date", aliases=("begindatum", "datum in")),
        FieldSpec("Tot", ("tot",), "date", aliases=("einddatum", "datum uit")),
        FieldSpec(
            "Reden vertrek",
            ("reden",),
            "longtext",
            aliases=("reden van vertrek", "reden uitschrijving"),
            example="Verhuizing",
        ),
    ),
    "Eén rij per school waar de leerling eerder op zat (schoolloopbaan).",
    aliases=("vorige scholen", "schoolloopbaan scholen"),
    transitions=_FROM_SCHOOL,
)

DOUBLURES = SheetSpec(
    "Doublures",
    "doublures",
    "list",
    (
        KEY,
        NAME_HINT,
        FieldSpec(
            "Soort",
            ("soort",),
            "choice",
            aliases=("doublure of versnelling",),
            choices=("doublure", "versnelling"),
            required=True,
            help="Doublure: een jaar overgedaan; versnelling: een jaar overgeslagen.",
            example="doublure",
        ),
        FieldSpec(
            "Groep of leerjaar",
            ("groep_of_leerjaar",),
            required=True,
            example="groep 4",
        ),
        FieldSpec(
            "Schooljaar",
            ("schooljaar",),
            help="Bijvoorbeeld 2022-2023.",
            example="2020-2021",
        ),
        FieldSpec("Reden", ("reden",), "longtext"),
    ),
    "Eén rij per jaar dat de leerling overdeed of oversloeg.",
    aliases=("doublure", "versnellingen", "doublures en versnellingen", "zittenblijven"),
    transitions=_FROM_SCHOOL,
)

SHEETS: tuple[SheetSpec, ...] = (
    SCHOOL,
    LEERLINGEN,
    OUDERS,
    EERDERE_SCHOLEN,
    DOUBLURES,
    TOETSEN,
    SCHOOLADVIES,
    ONTWIKKELING,
    ONDERSTEUNING,
    TLV,
    INTELLIGENTIE,
    LEERACHTERSTANDEN,
    VERZUIM,
    RESULTATEN,
    OPLEIDINGEN,
)

INSTRUCTION_SHEET = "Instructie"
EXAMPLE_KEY = "VOORBEELD"


def sheets_for(transition: str) -> tuple[SheetSpec, ...]:
    """The sheets a workbook for ``transition`` has, in template order."""
    return tuple(s for s in SHEETS if transition in s.transitions)


@dataclass
class Defaults:
    """Values a workbook need not contain because the transition implies them."""

    transition: str
    values: dict[tuple[str, ...], str] = field(default_factory=dict)

    @classmethod
    def for_transition(cls, transition: str) -> Defaults:
        known = transitions()[transition]
        return cls(
            transition,
            {
                ("vertrekkende_school", "soort"): known.van,
                ("ontvangende_school", "soort"): known.naar,
                ("overgang", "id"): transition,
            },
        )
