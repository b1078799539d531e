"""View model of the checklist report for the sender: complete, missing, and left out."""

from __future__ import annotations

from pathlib import PurePath

from overdracht.checklists.consent import CATEGORY_LABELS
from overdracht.checklists.labels import field_label
from overdracht.checklists.report import Finding
from overdracht.render import format as fmt
from overdracht.render.context import BuildContext
from overdracht.render.view import DocumentView, lijst, section, tabel, tekst, velden


def _rows(findings: list[Finding]) -> list[tuple[str, str]]:
    return [(f.title or f.rule, what_to_do(f)) for f in findings]


def what_to_do(finding: Finding) -> str:
    """'Niet ingevuld. Verplicht omdat …. Wat te doen.' without repeating the title."""
    problem = finding.problem or finding.message
    text = f"{problem[:1].upper()}{problem[1:]}."
    if finding.severity == "error" and finding.reason:
        text += f" Verplicht omdat {finding.reason}."
    return f"{text} {finding.advice}" if finding.advice else text


def _count(number: int, one: str, more: str) -> str:
    return f"{number} {one if number == 1 else more}"


def build_checklist_report(ctx: BuildContext, dossier_naam: str) -> DocumentView:
    """What the sending school must still do; never sent to the receiving school."""
    report, d = ctx.report, ctx.dossier
    errors = report.errors
    by_status: dict[str, list[Finding]] = {}
    for finding in report.findings:
        by_status.setdefault(finding.status, []).append(finding)
    if errors:
        oordeel = (
            f"Onvolledig: {len(errors)} verplicht{'' if len(errors) == 1 else 'e'} "
            f"onderde{'el ontbreekt' if len(errors) == 1 else 'len ontbreken'}."
        )
    else:
        oordeel = "Compleet: alle verplichte onderdelen zijn aanwezig."
    inzage = f"vastgelegd op {fmt.datum(d.inzage.datum)}" if d.inzage else "nog niet vastgelegd"
    if d.inzage is not None and d.inzage.herkomst == "school":
        inzage = "door de school ingevoerd; telt niet als inzage"
    elif d.inzage is not None and d.inzage.wacht_op:
        inzage += f"; nog geen reactie van {fmt.opsomming([w.lower() for w in d.inzage.wacht_op])}"
    definitief = "ja" if not ctx.concept else "nee, de documenten zijn een concept"
    samenvatting = velden(
        ("Dossier", PurePath(dossier_naam).name),
        ("Overgang", ctx.overgang_titel),
        ("Checklist", ctx.checklist.titel if ctx.checklist.titel != ctx.overgang_titel else None),
        ("Peildatum", fmt.datum(ctx.peildatum)),
        ("Oordeel", oordeel),
        (f"Inzage door {ctx.termen.reagerenden}", inzage),
        ("Aanbevelingen", str(len(report.warnings))),
        ("Kan definitief worden gemaakt", definitief),
    )
    privacy = ctx.privacy
    weggelaten = [
        f"{CATEGORY_LABELS.get(c, c).capitalize()}: geen geldige toestemming, dus in geen enkel "
        "document opgenomen."
        for c in privacy.left_out
    ]
    weggelaten += [
        f"Bijlage '{titel}': niet meegestuurd (ouders gaven geen toestemming, of de toestemming "
        "voor deze soort gegevens ontbreekt)."
        for titel in privacy.attachments_withheld
    ]
    if privacy.tests_withheld:
        weggelaten.append(
            f"{_count(privacy.tests_withheld, 'toetsresultaat', 'toetsresultaten')} ouder dan dit "
            "en de twee vorige "
            "schooljaren: niet opgenomen."
        )
    if privacy.mentions_dropped:
        weggelaten.append(
            f"{_count(privacy.mentions_dropped, 'vermelding', 'vermeldingen')} elders in het "
            "dossier (bijvoorbeeld bij "
            "de deelnemers van de warme overdracht) die weggelaten gegevens noemen: niet opgenomen."
        )
    weggelaten += [
        f"Controleer de tekst bij {field_label(path)}: die gaat mee, maar noemt mogelijk "
        "weggelaten gegevens."
        for path in privacy.mentions_to_check
    ]
    return DocumentView(
        soort="checklistrapport",
        titel="Checklistrapport",
        ondertitel=f"Voor {d.vertrekkende_school.naam} · niet meesturen met het dossier",
        leerling=d.leerling.volledige_naam,
        school=d.vertrekkende_school.naam,
        gemaakt_op=fmt.datum(ctx.gemaakt_op),
        concept=False,
        concept_reden="",
        inleiding=(
            f"Dit rapport is voor de {ctx.termen.vertrekkend}. Het laat zien wat compleet is, "
            "wat nog ontbreekt en welke gegevens zijn weggelaten omdat er geen toestemming "
            "voor is.",
        ),
        secties=tuple(
            s
            for s in (
                section("Samenvatting", samenvatting),
                section(
                    "Ontbreekt (verplicht)", tabel(("Onderdeel", "Wat te doen"), _rows(errors))
                ),
                section(
                    "Aanbevolen",
                    tabel(("Onderdeel", "Toelichting"), _rows(by_status.get("aanbevolen", []))),
                ),
                section("Weggelaten uit de documenten", lijst(weggelaten))
                if weggelaten
                else section(
                    "Weggelaten uit de documenten",
                    tekst("Niets: alle gegevens in het dossier mogen mee."),
                ),
                section(
                    "Aanwezig",
                    lijst([f.title or f.rule for f in by_status.get("aanwezig", [])]),
                ),
                section(
                    "Niet van toepassing",
                    lijst([f.title or f.rule for f in by_status.get("n.v.t.", [])]),
                ),
            )
            if s is not None
        ),
        auteur=d.vertrekkende_school.naam,
    )
