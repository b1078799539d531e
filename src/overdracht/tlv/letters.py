"""A DOCX letter to the school for every incomplete aanvraag: what is missing and why.

The pupil is named only by what the school needs to recognise the aanvraag: initials,
date of birth and leerlingnummer; never the BSN or the full name.
"""

from __future__ import annotations

import hashlib
import io
import re
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from docx import Document
from docx.shared import Cm, Pt, RGBColor

from overdracht.output import atomic_write_bytes, prepare_output_dir, refuse_existing
from overdracht.render.format import datum
from overdracht.resources import data_dir
from overdracht.tlv.letterhead import DEFAULT_TERM_DAYS, Briefhoofd
from overdracht.tlv.overview import Aanvraag, Adres, Overzicht, Tekortkoming

LETTER_TEMPLATE = "brief.docx"  # A4, nl-NL, Arial; made by templates/maak_docx_templates.py
BLUE = RGBColor(0x1D, 0x35, 0x57)
GREY = RGBColor(0x55, 0x55, 0x55)


def dutch_date(day: date) -> str:
    """12 april 2027 (the same Dutch date as in every document)."""
    return datum(day)


def needs_letter(aanvraag: Aanvraag) -> bool:
    """Letters go to schools with an incomplete (but readable) aanvraag."""
    return aanvraag.status == "onvolledig" and aanvraag.adres is not None


def letter_name(aanvraag: Aanvraag) -> str:
    """File name from the aanvraag's file, so the loket can match letter and aanvraag."""
    stem = Path(aanvraag.bestand).with_suffix("").as_posix().replace("/", "-")
    return f"aanvulling-{re.sub(r'[^A-Za-z0-9._-]+', '-', stem)[:120]}.docx"


def letter_paths(overzicht: Overzicht, directory: Path) -> list[tuple[Aanvraag, Path]]:
    """One distinct path per letter, also on a file system that ignores case.

    'a-b.yaml', 'a b.yaml' and 'a-b.json' all become 'aanvulling-a-b'; such names get
    a short fingerprint of the aanvraag's file name, so no letter replaces another.
    """
    chosen = [(a, letter_name(a)) for a in overzicht.aanvragen if needs_letter(a)]
    counts = Counter(name.casefold() for _, name in chosen)
    result: list[tuple[Aanvraag, Path]] = []
    for aanvraag, name in chosen:
        if counts[name.casefold()] > 1:
            digest = hashlib.sha256(aanvraag.bestand.encode("utf-8")).hexdigest()[:8]
            name = f"{name.removesuffix('.docx')}-{digest}.docx"
        result.append((aanvraag, directory / name))
    if len({path.name.casefold() for _, path in result}) != len(result):  # pragma: no cover
        raise AssertionError("two letters would get the same file name")
    return result


def write_letters(
    overzicht: Overzicht,
    directory: Path,
    *,
    force: bool = False,
    briefhoofd: Briefhoofd | None = None,
) -> list[Path]:
    """Write one letter per incomplete aanvraag into ``directory``; return the paths.

    ``briefhoofd`` (from ``--instellingen``) gives the letterhead, contact person and the
    term for the aanvulling; without it the letter names the SWV from the aanvraag.
    """
    prepare_output_dir(directory)
    planned = letter_paths(overzicht, directory)
    refuse_existing([path for _, path in planned], force)
    for aanvraag, path in planned:
        atomic_write_bytes(path, letter_docx(aanvraag, briefhoofd), force=True)
    return [path for _, path in planned]


def deadline(aanvraag: Aanvraag, briefhoofd: Briefhoofd | None) -> date:
    """The date by which the school sends the aanvulling: the letter's date plus the term."""
    days = briefhoofd.termijn_dagen if briefhoofd else DEFAULT_TERM_DAYS
    return (aanvraag.peildatum or date.today()) + timedelta(days=days)


def letter_docx(aanvraag: Aanvraag, briefhoofd: Briefhoofd | None = None) -> bytes:
    """The letter for one incomplete aanvraag, as DOCX bytes (A4, Dutch, with letterhead)."""
    if aanvraag.adres is None:
        raise ValueError("een onleesbare aanvraag krijgt geen brief")
    adres = aanvraag.adres
    document = Document(str(data_dir("templates") / LETTER_TEMPLATE))
    sender = briefhoofd or Briefhoofd(naam=adres.swv)
    _letterhead(document, sender)

    for line in letter_head(aanvraag):
        document.add_paragraph(line).paragraph_format.space_after = Pt(0)
    document.add_paragraph()
    document.add_paragraph(f"Betreft: {subject(aanvraag)}").runs[0].bold = True
    document.add_paragraph(salutation(adres))
    for text in opening(aanvraag):
        document.add_paragraph(text)

    missing = [t for t in aanvraag.tekortkomingen if t.verplicht]
    advice = [t for t in aanvraag.tekortkomingen if not t.verplicht]
    document.add_heading("Wat ontbreekt en waarom", level=2)
    for number, item in enumerate(missing, start=1):
        _add_item(document, f"{number}. {item.titel}", item)
    if advice:
        document.add_heading("Aandachtspunten (niet verplicht, wel van belang)", level=2)
        for item in advice:
            _add_item(document, item.titel, item)

    for text in closing(adres, sender, deadline(aanvraag, briefhoofd)):
        document.add_paragraph(text)
    _properties(document, aanvraag, sender)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _letterhead(document: Any, sender: Briefhoofd) -> None:
    header = document.sections[0].header
    top = header.paragraphs[0]
    if sender.logo is not None:
        top.add_run().add_picture(str(sender.logo), height=Cm(1.4))
        top = header.add_paragraph()
    name = top.add_run(sender.naam)
    name.bold = True
    name.font.size = Pt(11)
    name.font.color.rgb = BLUE
    afdeling = top.add_run(f"\n{sender.afdeling}")
    afdeling.font.size = Pt(9)
    afdeling.font.color.rgb = BLUE
    for line in sender.contact_lines():
        run = header.add_paragraph().add_run(line)
        run.font.size = Pt(8)
        run.font.color.rgb = GREY
    for paragraph in header.paragraphs:
        paragraph.paragraph_format.space_after = Pt(0)
    header.paragraphs[-1].paragraph_format.space_after = Pt(18)


def _properties(document: Any, aanvraag: Aanvraag, sender: Briefhoofd) -> None:
    """Clean document properties: what the letter is and who sent it, nothing of a template."""
    now = datetime.now(UTC).replace(tzinfo=None)
    props = document.core_properties
    props.title = f"Aanvulling aanvraag TLV {aanvraag.soort}"
    props.subject = "Aanvulling nodig op een aanvraag voor een toelaatbaarheidsverklaring"
    props.author = sender.naam
    props.last_modified_by = sender.naam
    props.language = "nl-NL"
    props.keywords = ""
    props.comments = ""
    props.category = ""
    props.created = props.modified = now
    props.revision = 1


def letter_head(aanvraag: Aanvraag) -> list[str]:
    """The addressee and the date (the sender is in the letterhead)."""
    adres = aanvraag.adres
    assert adres is not None
    lines = [adres.school]
    if adres.contactpersoon:
        role = f", {adres.functie}" if adres.functie else ""
        lines.append(f"t.a.v. {adres.contactpersoon}{role}")
    if adres.plaats:
        lines.append(adres.plaats)
    if adres.email:
        lines.append(adres.email)
    lines.append("")
    lines.append(f"Datum: {dutch_date(aanvraag.peildatum or date.today())}")
    return lines


def pupil_reference(adres: Adres) -> str:
    """What the school needs to recognise the pupil: initials, birth date, leerlingnummer."""
    text = f"leerling {adres.leerling}, geboren {adres.geboortedatum:%d-%m-%Y}"
    if adres.leerlingnummer:
        text += f", leerlingnummer {adres.leerlingnummer}"
    return text


def subject(aanvraag: Aanvraag) -> str:
    assert aanvraag.adres is not None
    return (
        f"aanvulling nodig op de aanvraag TLV {aanvraag.soort} voor "
        f"{pupil_reference(aanvraag.adres)}"
    )


def salutation(adres: Adres) -> str:
    return f"Beste {adres.contactpersoon}," if adres.contactpersoon else "Geachte heer, mevrouw,"


def opening(aanvraag: Aanvraag) -> list[str]:
    adres = aanvraag.adres
    assert adres is not None
    received = (
        f"Op {dutch_date(adres.aangevraagd_op)} ontvingen wij"
        if adres.aangevraagd_op
        else "Wij ontvingen"
    )
    count = sum(1 for t in aanvraag.tekortkomingen if t.verplicht)
    noun = (
        "verplicht onderdeel is niet in orde"
        if count == 1
        else "verplichte onderdelen zijn niet in orde"
    )
    return [
        f"{received} uw aanvraag voor een toelaatbaarheidsverklaring ({aanvraag.soort}) voor "
        f"de leerling die hierboven staat. Wij hebben de aanvraag gecontroleerd op volledigheid.",
        f"De aanvraag is nog niet compleet: {count} {noun}. Daardoor kunnen wij de aanvraag "
        "nog niet in behandeling nemen. Hieronder leest u per onderdeel wat er ontbreekt, "
        "waarom het nodig is en wat u kunt doen.",
    ]


def closing(adres: Adres, sender: Briefhoofd | None = None, due: date | None = None) -> list[str]:
    sender = sender or Briefhoofd(naam=adres.swv)
    by = f"uiterlijk {dutch_date(due)} " if due else ""
    contact = f"met {sender.contactpersoon}" if sender.contactpersoon else "met het loket"
    reach = " of ".join(p for p in (sender.telefoon, sender.email) if p)
    signature = [p for p in (sender.contactpersoon, sender.functie) if p]
    return [
        f"Wilt u de ontbrekende onderdelen {by}aanvullen en de aanvraag daarna opnieuw "
        "indienen? Zodra de aanvraag compleet is, nemen wij haar in behandeling. Bespreek de "
        "aanvulling zo nodig eerst met de ouders (en met de leerling).",
        f"Heeft u vragen over deze brief? Neem dan contact op {contact}"
        + (f" ({reach})." if reach else f" van {sender.naam}."),
        "Met vriendelijke groet,",
        "\n".join([*signature, sender.afdeling, sender.naam]),
    ]


def why_text(item: Tekortkoming) -> str:
    """'dit is verplicht omdat er een OPP is (bron: ...).' from the reason and the source."""
    if item.verplicht:
        why = f"dit is verplicht omdat {item.reden}" if item.reden else "dit is verplicht"
    else:
        why = "dit wordt aanbevolen"
    return f"{why} (bron: {item.bron})." if item.bron else f"{why}."


def _add_item(document: Any, heading: str, item: Tekortkoming) -> None:
    paragraph = document.add_paragraph()
    paragraph.add_run(heading).bold = True
    for problem in item.problemen:
        document.add_paragraph(problem, style="List Bullet")
    document.add_paragraph(f"Waarom: {why_text(item)}")
    if item.uitleg:
        document.add_paragraph(f"Wat u kunt doen: {item.uitleg}")
