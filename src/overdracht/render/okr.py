"""View model of the onderwijskundig rapport (OKR): the written handover itself."""

from __future__ import annotations

from datetime import date

from overdracht.checklists.consent import CATEGORY_LABELS, valid_consents
from overdracht.model.dossier import Dossier
from overdracht.model.handover import Afspraak
from overdracht.model.people import School
from overdracht.model.support import Verklaring
from overdracht.render import format as fmt
from overdracht.render.blocks import opp_blocks
from overdracht.render.context import BuildContext, officiele_naam
from overdracht.render.privacy import travels
from overdracht.render.view import (
    Block,
    DocumentView,
    Section,
    handtekening,
    invul,
    lijst,
    section,
    tabel,
    tekst,
    velden,
)

ONTWIKKELING_LABELS: tuple[tuple[str, str], ...] = (
    ("sterke_kanten", "Sterke kanten en talenten"),
    ("cognitief", "Cognitieve ontwikkeling"),
    ("taal", "Taal"),
    ("spel", "Spel"),
    ("motoriek", "Motoriek"),
    ("sociale_omgang", "Sociale omgang"),
    ("sociaal_emotioneel", "Sociaal-emotionele ontwikkeling en gedrag"),
    ("werkhouding", "Werkhouding"),
    ("thuissituatie", "Opgroeien en thuissituatie"),
    ("leefomstandigheden", "Leefomstandigheden"),
    ("ondersteuningsbehoeften", "Ondersteuningsbehoeften"),
    ("pedagogisch_didactische_aanpak", "Pedagogisch-didactische aanpak"),
    ("wensen", "Wensen van leerling en ouders"),
)


def _leerling(ctx: BuildContext) -> Section | None:
    d = ctx.dossier
    ll = d.leerling
    pupil = velden(
        ("Naam", officiele_naam(ll)),
        ("Roepnaam", ll.roepnaam),
        ("Geboortedatum", fmt.datum(ll.geboortedatum)),
        ("Geslacht", None if ctx.termen.volwassen else fmt.GESLACHT.get(ll.geslacht or "", "")),
        ("BSN", ll.bsn),
        ("Onderwijsnummer", ll.onderwijsnummer),
        (ctx.termen.nummer, ll.leerlingnummer),
        ("Groep", str(ll.groep) if ll.groep else None),
        ("Leerjaar", str(ll.leerjaar) if ll.leerjaar else None),
        ("Leerweg", fmt.LEERWEG_LABELS.get(ll.leerweg or "", ll.leerweg)),
        ("Leerwegondersteuning (lwoo)", "ja" if ll.lwoo else None),
        ("VVE-indicatie", "ja" if ll.vve_indicatie else None),
    )
    return section(f"Gegevens {ctx.termen.van_de_persoon}", pupil, _ouders(d))


def _ouders(d: Dossier) -> Block | None:
    return tabel(
        ("Naam", "Relatie", "Gezag", "Contact", "Adres"),
        [
            (
                o.naam,
                o.relatie,
                fmt.ja_nee(o.gezag),
                "\n".join(p for p in (o.telefoon, o.email) if p),
                "\n".join(
                    p for p in (o.adres, " ".join(q for q in (o.postcode, o.woonplaats) if q)) if p
                ),
            )
            for o in d.ouders
        ],
        titel="Ouders/verzorgers",
    )


def _school(titel: str, school: School) -> Block | None:
    return velden(
        ("Naam", school.naam),
        ("Soort", fmt.SCHOOLSOORT_LABELS.get(school.soort, school.soort)),
        ("BRIN en vestiging", fmt.brin(school)),
        ("Plaats", school.plaats),
        ("Contactpersoon", ", ".join(p for p in (school.contactpersoon, school.functie) if p)),
        ("Telefoon", school.telefoon),
        ("E-mail", school.email),
        ("Samenwerkingsverband", school.swv),
        titel=titel,
    )


def _scholen(ctx: BuildContext) -> Section | None:
    d = ctx.dossier
    overgang = velden(
        ("Overgang", ctx.overgang_titel),
        ("Schooljaar", d.overgang.schooljaar),
        ("Geplande startdatum", fmt.datum(d.overgang.geplande_startdatum)),
        ("Aangemeld op", fmt.datum(d.overgang.aanmelddatum)),
        ("Reden van de overstap", d.overgang.reden),
        titel="Overgang",
    )
    return section(
        "Scholen en overgang",
        _school(ctx.termen.vertrekkend_kop, d.vertrekkende_school),
        _school("Ontvangende school", d.ontvangende_school),
        overgang,
    )


def _ontwikkeling(ctx: BuildContext) -> Section | None:
    o = ctx.dossier.ontwikkeling
    if o is None:
        return None
    t = ctx.termen
    wensen = f"Wensen van de {t.persoon}" if t.volwassen else f"Wensen van {t.persoon} en ouders"
    return section(
        "Ontwikkeling",
        velden(
            *(
                (wensen if key == "wensen" else label, getattr(o, key))
                for key, label in ONTWIKKELING_LABELS
            )
        ),
    )


def _schooladvies(d: Dossier) -> Section | None:
    blocks: list[Block | None] = []
    if d.schooladvies:
        a = d.schooladvies
        blocks.append(
            velden(
                ("Voorlopig advies", _dated(fmt.advies(a.voorlopig), a.voorlopig_datum)),
                ("Definitief advies", _dated(fmt.advies(a.definitief), a.definitief_datum)),
                (
                    "Bijgesteld advies na heroverweging",
                    _dated(fmt.advies(a.heroverwogen), a.heroverweging_datum),
                ),
                ("Geldend advies", fmt.advies(a.geldend)),
                ("Toelichting", a.toelichting),
                titel="Schooladvies",
            )
        )
    if d.doorstroomtoets:
        t = d.doorstroomtoets
        if t.ontheffing:
            blocks.append(
                velden(
                    ("Doorstroomtoets", "ontheffing"),
                    ("Reden van de ontheffing", t.reden_ontheffing or "niet vermeld"),
                    titel="Doorstroomtoets",
                )
            )
        else:
            blocks.append(
                velden(
                    ("Toets", t.naam),
                    ("Afgenomen op", fmt.datum(t.datum)),
                    ("Toetsadvies", fmt.advies(t.toetsadvies)),
                    titel="Doorstroomtoets",
                )
            )
            blocks.append(
                tabel(
                    ("Domein", "Referentieniveau"),
                    [
                        (fmt.DOMEIN_LABELS.get(u.domein, u.domein), u.referentieniveau)
                        for u in t.uitslagen
                    ],
                )
            )
    return section("Schooladvies en doorstroomtoets", *blocks)


def _dated(value: str, when: date | None) -> str:
    if not value:
        return ""
    return f"{value} ({fmt.datum(when)})" if when else value


def _resultaten(d: Dossier) -> Section | None:
    toetsen = tabel(
        ("Toets", "Domein", "Datum", "Score", "Niveau"),
        [
            (t.naam, t.domein or "", fmt.datum(t.datum), t.score or "", t.referentieniveau or "")
            for t in sorted(d.toetsen, key=lambda t: t.datum)
        ],
        titel="Toetsen",
    )
    iq = None
    if d.intelligentieonderzoek:
        i = d.intelligentieonderzoek
        iq = velden(
            ("Instrument", i.instrument),
            ("Datum", fmt.datum(i.datum)),
            ("Totaal-IQ", str(i.totaal_iq)),
            ("Onderzoeker", i.onderzoeker),
            titel="Intelligentieonderzoek",
        )
    achterstanden = tabel(
        ("Domein", "Achterstand", "Toets", "Datum"),
        [
            (
                fmt.DOMEIN_LABELS.get(a.domein, a.domein),
                f"{fmt.getal(a.achterstand_jaren)} jaar",
                a.toets or "",
                fmt.datum(a.datum),
            )
            for a in d.leerachterstanden
        ],
        titel="Didactische achterstanden",
    )
    opleidingen = tabel(
        ("Opleiding", "Van", "Tot", "Status", "Diploma"),
        [
            (o.naam, fmt.datum(o.van), fmt.datum(o.tot), o.status, fmt.ja_nee(o.diploma))
            for o in d.opleidingen
        ],
        titel="Gevolgde opleidingen",
    )
    cijfers = tabel(
        ("Vak", "Cijfer", "Periode"),
        [(r.vak, r.cijfer, r.periode or "") for r in d.resultaten],
        titel="Cijfers en examenresultaten",
    )
    verzuim = None
    if d.verzuim:
        v = d.verzuim
        verzuim = velden(
            ("Periode", f"{fmt.datum(v.periode_van)} tot en met {fmt.datum(v.periode_tot)}"),
            ("Geoorloofd verzuim", f"{fmt.getal(v.geoorloofd_uren)} uur"),
            ("Ongeoorloofd verzuim", f"{fmt.getal(v.ongeoorloofd_uren)} uur"),
            ("Toelichting", v.toelichting),
            titel="Verzuim (laatste 12 maanden)",
        )
    uitzondering = tekst(d.pro_uitzondering, titel="Uitzondering op de landelijke criteria")
    return section(
        "Leerresultaten en schoolloopbaan",
        *_schoolloopbaan(d),
        toetsen,
        iq,
        achterstanden,
        uitzondering,
        opleidingen,
        cijfers,
        verzuim,
    )


def _schoolloopbaan(d: Dossier) -> list[Block | None]:
    scholen = tabel(
        ("School", "Plaats", "Van", "Tot", "Reden van vertrek"),
        [
            (s.naam, s.plaats or "", fmt.datum(s.van), fmt.datum(s.tot), s.reden or "")
            for s in sorted(d.eerdere_scholen, key=lambda s: s.van or date.min)
        ],
        titel="Eerdere scholen",
    )
    doublures = tabel(
        ("Soort", "Groep of leerjaar", "Schooljaar", "Reden"),
        [
            (x.soort, x.groep_of_leerjaar, x.schooljaar or "", x.reden or "")
            for x in sorted(d.doublures, key=lambda x: x.schooljaar or "")
        ],
        titel="Doublures en versnellingen",
    )
    return [scholen, doublures]


def _verklaring(titel: str, v: Verklaring | None) -> Block | None:
    if v is None:
        return None
    return velden(
        ("Verklaring", "aanwezig"),
        ("Datum", fmt.datum(v.datum)),
        ("Afgegeven door", v.afgegeven_door),
        ("Toelichting en faciliteiten", v.toelichting),
        titel=titel,
    )


def _zicht_gehoor_motoriek(d: Dossier) -> Block | None:
    """Medical: ``d`` is the shareable dossier, so without medisch consent this is empty."""
    z = d.ondersteuning.lichamelijk
    if z is None:
        return None
    return velden(
        ("Zicht", z.zicht),
        ("Gehoor", z.gehoor),
        ("Motoriek", z.motoriek),
        titel="Zicht, gehoor en motoriek",
    )


def _ondersteuning(d: Dossier) -> Section | None:
    o = d.ondersteuning
    regie = None
    if o.regie:
        regie = "school" if o.regie.rol == "school" else "casemanager"
        regie = f"{regie} ({o.regie.naam})" if o.regie.naam else regie
    algemeen = velden(
        ("Extra ondersteuning", "ja" if o.extra_ondersteuning else None),
        ("Leervraag", o.leervraag),
        ("Leefvraag", o.leefvraag),
        ("Procesregie", regie),
        ("Extra begeleiding rond de overstap", o.extra_begeleiding_overgang),
        ("Ondersteuningsafspraken (bijlage onderwijsovereenkomst)", o.ondersteuningsafspraken),
    )
    jeugdhulp = None
    if o.jeugdhulp:
        j = o.jeugdhulp
        jeugdhulp = velden(
            ("Loopt nog", fmt.ja_nee(j.loopt)),
            ("Aanbieder", j.aanbieder),
            ("Soort hulp", j.soort),
            ("Sinds", fmt.datum(j.sinds)),
            ("Contactpersoon", j.contactpersoon),
            ("Afspraak over voortzetting", j.continuering),
            titel="Jeugdhulp",
        )
    return section(
        "Ondersteuning",
        algemeen,
        lijst(o.geboden_ondersteuning, titel="Geboden ondersteuning"),
        lijst(o.belemmeringen, titel="Belemmeringen"),
        lijst(o.diagnoses, titel="Diagnoses"),
        _verklaring("Dyslexieverklaring", o.dyslexieverklaring),
        _verklaring("Dyscalculieverklaring", o.dyscalculieverklaring),
        tekst(o.medisch, titel="Medische informatie"),
        _zicht_gehoor_motoriek(d),
        jeugdhulp,
        tekst(o.oza, titel="Onderwijs-zorgarrangement"),
    )


def _vervolg(d: Dossier) -> Section | None:
    warm = None
    afspraken = None
    if d.warme_overdracht:
        w = d.warme_overdracht
        warm = velden(
            ("Status", "gehouden" if w.status == "gehouden" else "gepland"),
            ("Datum", fmt.datum(w.datum)),
            ("Vorm", w.vorm),
            ("Deelnemers", "\n".join(w.deelnemers)),
            titel="Warme overdracht",
        )
        afspraken = lijst(w.afspraken, titel="Afspraken")
    verder = velden(
        ("Kennismaking op de nieuwe school", _afspraak(d.kennismaking)),
        ("Terugkoppeling door de ontvangende school", _afspraak(d.terugkoppeling)),
        titel="Kennismaking en terugkoppeling",
    )
    return section("Warme overdracht en vervolg", warm, afspraken, verder)


def _afspraak(a: Afspraak | None) -> str:
    if a is None:
        return ""
    return "\n".join(p for p in (fmt.datum(a.datum), a.toelichting) if p)


def _toestemmingen(ctx: BuildContext) -> Section | None:
    """The consents the handover rests on: only those that hold, and only their category.

    A refused, missing or not yet valid consent (say, parents only while a pupil of 13 must
    consent too) is not named: "toestemming voor jeugdhulp geweigerd" would tell the
    receiving school that there is jeugdhulp. Nor is a consent for a category of which no
    data travels: naming it would hint at data the rapport does not hold. What stayed home is
    in the sender's checklist report.
    """
    d = ctx.dossier
    settings = ctx.checklist.instellingen
    rows = []
    for categorie, label in CATEGORY_LABELS.items():
        valid = valid_consents(
            d,
            categorie,
            ctx.peildatum,
            settings.toestemming_leerling_mee_vanaf,
            settings.toestemming_leerling_alleen_vanaf,
        )
        if not valid or not travels(ctx.checklist, d, categorie):
            continue
        latest = max(valid, key=lambda t: t.datum)
        rows.append(
            (
                label[:1].upper() + label[1:],
                fmt.opsomming([ctx.termen.gever(g) for g in latest.gegeven_door]),
                fmt.datum(latest.datum),
                "schriftelijk" if latest.schriftelijk else "mondeling",
            )
        )
    basis = "Dit rapport bevat de gegevens die scholen elkaar bij een overstap mogen geven."
    return section(
        "Toestemmingen",
        tekst(
            basis, "Daarnaast bevat het gegevens waarvoor toestemming is gegeven:" if rows else None
        ),
        tabel(("Gegevens", "Toestemming gegeven door", "Datum", "Vorm"), rows),
    )


def _inzage(ctx: BuildContext) -> Section | None:
    d = ctx.dossier
    blocks: list[Block | None] = []
    if d.inzage is None:
        wie = ctx.termen.wie_inziet
        blocks.append(tekst(f"{wie[:1].upper()}{wie[1:]} dit rapport nog niet ingezien."))
    else:
        i = d.inzage
        blocks.append(
            velden(
                ("Ingezien op", fmt.datum(i.datum)),
                ("Ingezien door", fmt.opsomming([ctx.termen.gever(g) for g in i.door])),
                ("Zienswijze", fmt.zienswijze(i)),
                ("Nog geen reactie van", fmt.opsomming([w.lower() for w in i.wacht_op])),
                ("Toelichting", i.toelichting),
                (f"{ctx.termen.persoon_kop} gehoord op", fmt.datum(i.leerling_gehoord)),
                ("Vastgelegd", fmt.HERKOMST.get(i.herkomst or "", "")),
            )
        )
    return section(f"Inzage en zienswijze van {ctx.termen.reagerenden}", *blocks)


def _reactie(ctx: BuildContext) -> Section | None:
    """A box for the parents' (or the student's) own words; it travels with the rapport."""
    return section(
        f"Reactie van {ctx.termen.reagerenden}",
        invul(
            "Ruimte voor een eigen reactie op dit rapport: een aanvulling, of iets waarmee men "
            "het niet eens is. Deze reactie gaat met het rapport mee.",
            regels=5,
        ),
    )


def signatures(ctx: BuildContext) -> Block:
    d = ctx.dossier
    van = d.vertrekkende_school
    rows = [
        (f"Namens {van.naam}", ", ".join(p for p in (van.contactpersoon, van.functie) if p)),
        ("Directeur of leidinggevende", ""),
    ]
    t = ctx.termen
    if not t.volwassen:
        rows += [(f"{o.relatie.capitalize()} (voor gezien)", o.naam) for o in d.ouders if o.gezag]
    if t.leerling_reageert:
        rows.append((f"{t.persoon_kop} (voor gezien)", officiele_naam(d.leerling)))
    return handtekening(rows)


def build_okr(ctx: BuildContext) -> DocumentView:
    """The onderwijskundig rapport for this pupil and transition."""
    d = ctx.dossier
    bijlagen = tabel(
        ("Bijlage", "Soort", "Datum"),
        [(b.titel, b.soort or b.categorie, fmt.datum(b.datum)) for b in d.bijlagen],
    )
    sections = [
        _leerling(ctx),
        _scholen(ctx),
        _ontwikkeling(ctx),
        _schooladvies(d),
        _resultaten(d),
        _ondersteuning(d),
        section("Handelingsadviezen", lijst(d.ondersteuning.handelingsadviezen)),
        section("Ontwikkelingsperspectief (OPP)", *opp_blocks(d)),
        _vervolg(d),
        section("Bijlagen", bijlagen),
        _toestemmingen(ctx),
        _inzage(ctx),
        _reactie(ctx),
        section("Ondertekening", signatures(ctx)),
    ]
    return DocumentView(
        soort="okr",
        titel=ctx.termen.document,
        ondertitel=f"{ctx.overgang_titel} · schooljaar {d.overgang.schooljaar}",
        leerling=d.leerling.volledige_naam,
        school=d.vertrekkende_school.naam,
        gemaakt_op=fmt.datum(ctx.gemaakt_op),
        concept=ctx.concept,
        concept_reden=ctx.concept_reden,
        secties=tuple(s for s in sections if s is not None),
        auteur=d.vertrekkende_school.naam,
    )
