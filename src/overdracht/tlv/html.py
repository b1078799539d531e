"""The overview as one self-contained HTML page (inline CSS, no scripts, no external files)."""

from __future__ import annotations

from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, Template

from overdracht.output import atomic_write_text
from overdracht.resources import data_dir
from overdracht.tlv.overview import STATUS_ORDER, Aanvraag, Overzicht

TEMPLATE = "tlv/overzicht.html.j2"


@cache
def _template() -> Template:
    env = Environment(
        loader=FileSystemLoader(str(data_dir("templates"))),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return env.get_template(TEMPLATE)


def html_page(overzicht: Overzicht) -> str:
    """The overview page: totals, a table sorted by status and deadline, and the details."""
    counts = overzicht.counts()
    peildatum = overzicht.peildatum
    return _template().render(
        peildatum=f"{peildatum:%d-%m-%Y}"
        if peildatum
        else f"per aanvraag (overgang.peildatum, anders vandaag: {date.today():%d-%m-%Y})",
        overlay=overzicht.overlay,
        totalen=[(status, counts[status]) for status in STATUS_ORDER],
        samenvatting=overzicht.summary(),
        aanvragen=[_view(a, index) for index, a in enumerate(overzicht.aanvragen, start=1)],
    )


def write_html(overzicht: Overzicht, path: Path, *, force: bool = False) -> None:
    """Write the page atomically; an existing file is only replaced with ``force``."""
    atomic_write_text(path, html_page(overzicht), force=force)


def _view(aanvraag: Aanvraag, index: int) -> dict[str, Any]:
    termijn = aanvraag.eerste_termijn
    return {
        "index": index,
        "leerling": aanvraag.leerling,
        "school": aanvraag.school,
        "soort": aanvraag.soort,
        "status": aanvraag.status,
        "ontbrekend": "-" if aanvraag.status == "onleesbaar" else aanvraag.ontbrekend,
        "termijn": termijn.text() if termijn else "",
        "procesregie": aanvraag.procesregie or "",
        "bestand": aanvraag.bestand,
        "reden": aanvraag.reden,
        "tekortkomingen": aanvraag.tekortkomingen,
        "details": bool(aanvraag.reden or aanvraag.tekortkomingen),
    }
