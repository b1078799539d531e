"""View models of the documents that travel with the OKR.

- TLV-dossier summary (to SBO, SO, VSO and praktijkonderwijs)
- verslag warme overdracht: a form pre-filled with who and when, room for agreements
- terugkoppelingsformulier: the receiving school reports back after the start
"""

from __future__ import annotations

from overdracht.checklists.domain_rules import TlvRule
from overdracht.model.handover import RouteFase
from overdracht.model.support import Deskundigenadvies
from overdracht.render import format as fmt
from overdracht.render.blocks import opp_blocks
from overdracht.render.context import BuildContext, leerling_kort, scholen_kort
from overdracht.render.view import (
    Block,
    DocumentView,
    Section,
    Veld,
    handtekening,
    invul,
    lijst,
    section,
    tabel,
    tekst,
    velden,
)

TLV_LABELS = {
    "sbo": "speciaal basisonderwijs (SBO)",
    "so": "speciaal onderwijs (SO)",
    "vso": "voortgezet speciaal onderwijs (VSO)",
    "pro": "praktijkonderwijs (PrO)",
}
FASE_LABELS = {
    "signaleren": "1. Begeleiden, observeren en signaleren",
    "consultatie": "2. Collegiale consultatie",
    "leerlingbespreking": "3. Interne leerlingbespreking",
    "mdo": "4. MDO / ondersteuningsteam",
    "arrangeren": "5. Arrangeren en toeleiden",
    "evalueren": "6. Uitvoeren en evalueren",
}


def needs_tlv_summary(ctx: BuildContext) -> bool:
    """A TLV-dossier summary goes along where the checklist asks for a TLV of this school's soort.

    The soorten are those of the checklist's ``tlv`` rules (SBO, SO, VSO, PrO), so a summary
    goes exactly where the checklist report checks a TLV.
    """
    soorten = {s for r in ctx.checklist.regels if isinstance(r, TlvRule) for s in r.soorten}
    return bool({ctx.checklist.naar, ctx.dossier.ontvangende_school.soort} & soorten)


def _document(
    ctx: BuildContext,
    soort: str,
    titel: str,
    *parts: Section | None,
    inleiding: tuple[str, ...] = (),
    invulbaar: bool = False,
) -> DocumentView:
    d = ctx.dossier
    return DocumentView(
        soort=soort,
        titel=titel,
        ondertitel=f"{ctx.overgang_titel} · schooljaar {d.overgang.schooljaar}",
        leerling=d.leerling.volledige_naam,
        school=d.vertrekkende_school.naam,
        gemaakt_op=fmt.datum(ctx.gemaakt_op),
        concept=ctx.concept,
        concept_reden=ctx.concept_reden,
        inleiding=inleiding,
        secties=tuple(s for s in parts if s is not None),
        auteur=d.vertrekkende_school.naam,
        invulbaar=invulbaar,
    )


def build_tlv_summary(ctx: BuildContext) -> DocumentView:
    d = ctx.dossier
    tlv: Block | None = None
    if d.tlv:
        t = d.tlv
        if t.einddatum:
            einde = fmt.datum(t.einddatum)
        elif t.soort == "pro":
            einde = "geen einddatum: geldt voor de hele schoolloopbaan"
        else:
            einde = "nog niet bekend"
        tlv = velden(
            ("Soort", TLV_LABELS[t.soort]),
            ("Status", t.status),
            ("Samenwerkingsverband", f"{t.swv} ({t.swv_nummer})" if t.swv_nummer else t.swv),
            ("Beschikkingsnummer", t.beschikkingsnummer),
            ("Bekostigingscategorie", t.bekostigingscategorie),
            ("Aangevraagd op", fmt.datum(t.aangevraagd_op)),
            ("Ingangsdatum", fmt.datum(t.ingangsdatum)),
            ("Einddatum", einde),
        )
    else:
        tlv = tekst("Er is nog geen toelaatbaarheidsverklaring vastgelegd.")
    adviezen: list[Block | None] = [
        _advies(index, a) for index, a in enumerate(d.deskundigenadviezen, start=1)
    ] or [tekst("Er zijn nog geen deskundigenadviezen vastgelegd.")]
    route = tabel(
        ("Fase", "Datum", "Toelichting"),
        [
            (FASE_LABELS[f.fase], fmt.datum(f.datum), _route_text(f))
            for f in sorted(d.ondersteuningsroute, key=lambda f: f.datum)
        ],
    )
    criteria: list[Block | None] = []
    if d.intelligentieonderzoek:
        i = d.intelligentieonderzoek
        criteria.append(
            velden(
                ("Intelligentieonderzoek", f"{i.instrument}, {fmt.datum(i.datum)}"),
                ("Totaal-IQ", str(i.totaal_iq)),
                titel="Criteria",
            )
        )
    criteria.append(
        tabel(
            ("Domein", "Achterstand", "Toets"),
            [
                (
                    fmt.DOMEIN_LABELS.get(a.domein, a.domein),
                    f"{fmt.getal(a.achterstand_jaren)} jaar",
                    a.toets or "",
                )
                for a in d.leerachterstanden
            ],
        )
    )
    opp = opp_blocks(d) or [tekst("Er is geen ontwikkelingsperspectiefplan vastgelegd.")]
    return _document(
        ctx,
        "tlv",
        "Samenvatting TLV-dossier",
        section(f"{ctx.termen.persoon_kop} en scholen", leerling_kort(ctx), scholen_kort(ctx)),
        section("Afzender", _sender(ctx)),
        section("Toelaatbaarheidsverklaring", tlv),
        section("Deskundigenadviezen", *adviezen),
        section("Ontwikkelingsperspectief (OPP)", *opp),
        section("Ondersteuningsroute", route),
        section("Onderbouwing praktijkonderwijs", *criteria)
        if ctx.dossier.tlv and ctx.dossier.tlv.soort == "pro"
        else None,
        section("Zienswijze van ouders op de aanvraag", tekst(d.zienswijze_aanvraag)),
    )


def _sender(ctx: BuildContext) -> Block | None:
    """Who sends the summary and when: the receiving school and the SWV know whom to call."""
    van = ctx.dossier.vertrekkende_school
    return velden(
        ("Opgesteld door", ", ".join(p for p in (van.contactpersoon, van.functie) if p)),
        ("Namens", fmt.school_naam(van)),
        ("Telefoon", van.telefoon),
        ("E-mail", van.email),
        ("Datum", fmt.datum(ctx.gemaakt_op)),
    )


def _advies(index: int, a: Deskundigenadvies) -> Block:
    conclusie = {"positief": "adviseert toelating", "negatief": "adviseert geen toelating"}
    rows = (
        ("Deskundige", f"{a.deskundige} ({a.discipline})"),
        ("Datum", fmt.datum(a.datum)),
        ("Conclusie", conclusie.get(a.conclusie or "", "")),
        ("Advies", a.advies),
    )
    return Block(
        "velden",
        titel=f"Deskundigenadvies {index}",
        velden=tuple(Veld(label, value) for label, value in rows if value),
    )


def _route_text(fase: RouteFase) -> str:
    lines = [fase.toelichting or ""]
    plan = fase.plan_van_aanpak
    if plan:
        lines += [f"Doel: {x}" for x in plan.doelen]
        lines += [f"Actie: {x}" for x in plan.acties]
        if plan.verantwoordelijken:
            lines.append(f"Verantwoordelijk: {', '.join(plan.verantwoordelijken)}")
        if plan.regie:
            lines.append(f"Regie: {plan.regie}")
        if plan.evaluatiedatum:
            lines.append(f"Evaluatie: {fmt.datum(plan.evaluatiedatum)}")
    return "\n".join(line for line in lines if line)


def build_warm_handover(ctx: BuildContext) -> DocumentView:
    d = ctx.dossier
    w = d.warme_overdracht
    gesprek = velden(
        ("Status", w.status if w else "nog te plannen"),
        ("Datum", fmt.datum(w.datum) if w and w.datum else "…………………………"),
        ("Vorm", w.vorm if w and w.vorm else "gesprek / telefonisch / online"),
        titel="Het gesprek",
    )
    deelnemers = [(name, "") for name in (w.deelnemers if w else [])]
    blank = ("\u00a0", "\u00a0")  # a row to write in keeps one line of height
    deelnemers += [blank] * max(1, 4 - len(deelnemers))
    aanwezig = tabel(
        ("Naam en rol", "Aanwezig namens"), deelnemers, titel="Deelnemers", invullen=True
    )
    bekend = list(w.afspraken) if w else []
    adviezen = lijst(
        d.ondersteuning.handelingsadviezen,
        titel=f"Handelingsadviezen uit het {ctx.termen.document.lower()}",
    )
    return _document(
        ctx,
        "warme-overdracht",
        "Verslag warme overdracht",
        section(f"{ctx.termen.persoon_kop} en scholen", leerling_kort(ctx), scholen_kort(ctx)),
        section("Gesprek", gesprek, aanwezig),
        section(
            "Ter bespreking",
            adviezen,
            invul("Wat moet de nieuwe school weten om een goede start te maken?", 5),
        ),
        section(
            "Afspraken",
            invul("Gemaakte afspraken (wat, wie, wanneer)", 8, voorgevuld=tuple(bekend)),
            invul(f"Wanneer en hoe {_betrokken(ctx)}?", 3),
            invul(
                "Datum van de terugkoppeling door de ontvangende school",
                2,
                voorgevuld=(fmt.datum(d.terugkoppeling.datum),)
                if d.terugkoppeling and d.terugkoppeling.datum
                else (),
            ),
        ),
        section(
            "Ondertekening",
            handtekening(
                [
                    (ctx.termen.vertrekkend_kop, d.vertrekkende_school.contactpersoon or ""),
                    ("Ontvangende school", d.ontvangende_school.contactpersoon or ""),
                    (ctx.termen.persoon_kop if ctx.termen.volwassen else "Ouder/verzorger", ""),
                ]
            ),
        ),
        inleiding=(
            "Vul dit verslag in tijdens of direct na het gesprek en bewaar het bij het dossier "
            "van beide scholen.",
        ),
    )


def _betrokken(ctx: BuildContext) -> str:
    if ctx.termen.volwassen:
        return f"wordt de {ctx.termen.persoon} betrokken"
    return f"worden ouders en {ctx.termen.persoon} betrokken"


def build_feedback_form(ctx: BuildContext) -> DocumentView:
    d = ctx.dossier
    van, naar = d.vertrekkende_school, d.ontvangende_school
    terug = velden(
        (
            "Graag terug vóór",
            fmt.datum(d.terugkoppeling.datum)
            if d.terugkoppeling and d.terugkoppeling.datum
            else "",
        ),
        ("Toelichting", d.terugkoppeling.toelichting if d.terugkoppeling else None),
        ("Terugsturen naar", ", ".join(p for p in (van.contactpersoon, van.naam) if p)),
        ("E-mail", van.email),
        ("Telefoon", van.telefoon),
    )
    return _document(
        ctx,
        "terugkoppeling",
        "Terugkoppelingsformulier",
        section(f"{ctx.termen.persoon_kop} en scholen", leerling_kort(ctx), scholen_kort(ctx)),
        section("Terugkoppeling", terug),
        section(
            "De start op de nieuwe school",
            invul(f"Hoe is de start {ctx.termen.van_de_persoon} verlopen?", 4),
            invul(
                "Was de overgedragen informatie volledig en bruikbaar (ja, deels, nee)? Licht toe.",
                4,
            ),
            invul("Welke informatie miste u, of kwam te laat?", 3),
            invul(
                "Zijn de handelingsadviezen en de afspraken uit de warme overdracht opgevolgd?", 3
            ),
            invul(
                f"Is de ondersteuning {ctx.termen.van_de_persoon} doorgegaan zoals afgesproken?", 3
            ),
            invul(f"Wat kan de {ctx.termen.vertrekkend} de volgende keer beter doen?", 3),
        ),
        section(
            "Ingevuld door", handtekening([(f"Namens {naar.naam}", naar.contactpersoon or "")])
        ),
        inleiding=(
            f"Dit formulier is voor {naar.naam}. Vul het in na de eerste weken en stuur het terug "
            f"naar {van.naam}. Uw terugkoppeling helpt de overdracht te verbeteren, voor "
            f"{ctx.termen.dit_persoon} en voor {ctx.termen.volgende}. In de PDF kunt u de vakken "
            "op het scherm invullen.",
        ),
        invulbaar=True,
    )
