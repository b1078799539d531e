"""``overdracht tlv-check``: check a folder of TLV aanvragen for the loket of an SWV."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from overdracht.cli.common import DATUM, handle_errors, overlay_option
from overdracht.errors import EXIT_INCOMPLETE, EXIT_OK, UsageError
from overdracht.output import prepare_output_dir, refuse_existing

FORMATS = {".xlsx": "xlsx", ".html": "html", ".htm": "html"}


@click.command("tlv-check")
@click.argument("aanvragen", type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--uitvoer",
    "output",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Schrijf het overzicht ook naar een bestand: .xlsx (Excel) of .html (webpagina).",
)
@overlay_option("Regionale aanvulling van het samenwerkingsverband (YAML met 'extends:').")
@click.option("--json", "as_json", is_flag=True, help="Geef het overzicht als JSON (voor scripts).")
@click.option(
    "--brieven",
    type=click.Path(path_type=Path, file_okay=False),
    help="Map waarin per onvolledige aanvraag een brief (DOCX) aan de school komt.",
)
@click.option(
    "--instellingen",
    type=click.Path(path_type=Path, dir_okay=False),
    help="YAML met het briefhoofd van het SWV (naam, adres, contactpersoon, logo, termijn).",
)
@click.option("--namen", is_flag=True, help="Toon volledige namen in het overzicht.")
@click.option(
    "--peildatum",
    type=DATUM,
    help="Datum waarop getoetst wordt (JJJJ-MM-DD); standaard overgang.peildatum, anders vandaag.",
)
@click.option("--force", is_flag=True, help="Overschrijf bestaande uitvoerbestanden.")
@handle_errors
def tlv_check(
    aanvragen: Path,
    output: Path | None,
    overlay: Path | None,
    as_json: bool,
    brieven: Path | None,
    instellingen: Path | None,
    namen: bool,
    peildatum: Any,
    force: bool,
) -> None:
    """Controleer TLV-aanvragen op volledigheid: één bestand of een hele map.

    Per aanvraag: leerling (initialen en leerlingnummer), school, soort TLV, status
    (compleet, waarschuwingen, onvolledig, onleesbaar), het aantal ontbrekende onderdelen
    en de eerste termijn die in gevaar is. Gesorteerd op status en termijn.
    Afsluitcode: 0 alles compleet, 1 een of meer niet compleet, 2 verkeerd gebruik,
    3 map of overlay onbruikbaar.
    """
    from overdracht.tlv import check_aanvragen

    kind = _output_kind(output, force)
    briefhoofd = None
    if instellingen is not None:
        from overdracht.tlv.letterhead import load_letterhead

        briefhoofd = load_letterhead(instellingen)
    day = peildatum.date() if peildatum is not None else None
    with _progress(enabled=not as_json) as advance:
        overzicht = check_aanvragen(
            aanvragen, overlay=overlay, peildatum=day, namen=namen, progress=advance
        )
    say = _messenger(as_json)
    if as_json:
        click.echo(json.dumps(overzicht.to_json_dict(), ensure_ascii=False, indent=2))
    else:
        from overdracht.tlv.terminal import print_overview

        print_overview(overzicht)
    if brieven is not None:
        from overdracht.tlv.letters import letter_paths

        refuse_existing([path for _, path in letter_paths(overzicht, brieven)], force)
    if output is not None:
        _write_overview(overzicht, output, kind, force)
        say(f"Overzicht geschreven: {output}")
    if brieven is not None:
        from overdracht.tlv.letters import write_letters

        written = write_letters(overzicht, brieven, force=force, briefhoofd=briefhoofd)
        noun = "brief" if len(written) == 1 else "brieven"
        say(f"{len(written)} {noun} aan scholen geschreven in {brieven}")
    raise SystemExit(EXIT_OK if overzicht.complete else EXIT_INCOMPLETE)


def _output_kind(output: Path | None, force: bool) -> str | None:
    """Check -o before the (possibly long) check, so a typo costs no time."""
    if output is None:
        return None
    kind = FORMATS.get(output.suffix.lower())
    if kind is None:
        raise UsageError(
            f"{output}: onbekend soort uitvoer '{output.suffix or '(geen extensie)'}'; "
            "kies een bestandsnaam op .xlsx of .html."
        )
    prepare_output_dir(output.parent)  # made if needed, like render and import do
    refuse_existing([output], force)
    return kind


def _write_overview(overzicht: Any, output: Path, kind: str | None, force: bool) -> None:
    if kind == "xlsx":
        from overdracht.tlv.xlsx import write_xlsx

        write_xlsx(overzicht, output, force=force)
    else:
        from overdracht.tlv.html import write_html

        write_html(overzicht, output, force=force)


def _messenger(as_json: bool) -> Callable[[str], None]:
    """Messages go to stdout, or to stderr when stdout carries JSON."""
    return lambda text: click.echo(text, err=as_json)


@contextmanager
def _progress(enabled: bool) -> Iterator[Callable[[int, int], None] | None]:
    """A progress bar on stderr, only when stderr is a terminal."""
    from rich.console import Console

    console = Console(stderr=True)
    if not enabled or not console.is_terminal:
        yield None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    with Progress(
        TextColumn("Aanvragen controleren"),
        BarColumn(),
        MofNCompleteColumn(),
        console=console,
        transient=True,
    ) as bar:
        task = bar.add_task("controleren", total=None)

        def advance(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        yield advance
