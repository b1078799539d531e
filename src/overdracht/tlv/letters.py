"""A DOCX letter to the school for every incomplete aanvraag: what is missing and why.

The pupil is named only by what the school needs to recognise the aanvraag: initials,
date of birth and leerlingnummer; never the BSN or the full name.
"""

from __future__ import annotations

import hashlib
import io
import re
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

from docx import Document
from docx.shared import Pt

from overdracht.output import atomic_write_bytes, prepare_output_dir, refuse_existing
from overdracht.render.format import datum
from overdracht.tlv.overview import Aanvraag, Adres, Overzicht, Tekortkoming


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


def write_letters(overzicht: Overzicht, directory: Path, *, force: bool = False) -> list[Path]:
    """Write one letter per incomplete aanvraag into ``directory``; return the paths."""
    prepare_output_dir(directory)
    planned = letter_paths(overzicht, directory)
    refuse_existing([path for _, path in planned], force)
    for aanvraag, path in planned:
        atomic_write_bytes(path, letter_docx(aanvraag), force=True)
    return [path for _, path in planned]


def letter_docx(aanvraag: Aanvraag) -> bytes:
    """The letter for one incomplete aanvraag, as DOCX bytes."""
    if aanvraag.adres is None:
        raise ValueError("een onleesbare aanvraag krijgt geen brief")
    adres = aanvraag.adres
    document = Document()
    style = document.styles["Normal"]
    style.font.name = "Arial"
    style.font.size = Pt(10.5)

    for line in letter_head(aanvraag):
        document.add_paragraph(line)
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

    for text in closing(adres):
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def letter_head(aanvraag: Aanvraag) -> list[str]:
    adres = aanvraag.adres
    assert adres is not None
    lines = [f"{adres.swv} · Loket toelaatbaarheid", "", adres.school]
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


def closing(adres: Adres) -> list[str]:
    return [
        "Wilt u de ontbrekende onderdelen aanvullen en de aanvraag daarna opnieuw indienen? "
        "Zodra de aanvraag compleet is, nemen wij haar in behandeling. Bespreek de aanvulling "
        "zo nodig eerst met de ouders (en met de leerling).",
        f"Heeft u vragen over deze brief? Neem dan contact op met het loket van {adres.swv}.",
        "Met vriendelijke groet,",
        f"Loket toelaatbaarheid\n{adres.swv}",
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
