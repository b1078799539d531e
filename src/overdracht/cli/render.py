"""``overdracht render`` and ``overdracht extract``."""

from __future__ import annotations

import os
import sys
from datetime import date, datetime
from pathlib import Path

import click

from overdracht.cli.common import DATUM, handle_errors, overlay_option
from overdracht.errors import EXIT_OK


@click.command()
@click.argument("dossier", type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--uitvoer",
    "output",
    required=True,
    type=click.Path(path_type=Path, file_okay=False),
    help="Map waarin de documenten komen (wordt gemaakt als die nog niet bestaat).",
)
@click.option(
    "--format",
    "formats",
    metavar="FORMATEN",
    default="docx,pdf",
    show_default=True,
    help="Welke bestanden: docx, pdf of docx,pdf.",
)
@click.option(
    "--final",
    is_flag=True,
    help="Definitief: weiger als er iets ontbreekt of ouders het dossier nog niet zagen.",
)
@click.option(
    "--force",
    is_flag=True,
    help="Bestaande bestanden overschrijven (en ongewijzigde dossiers opnieuw maken).",
)
@click.option(
    "--pdfa",
    is_flag=True,
    help="PDF/A-3a (archief) met de dossiergegevens als bijlage (lezen met 'overdracht extract').",
)
@overlay_option()
@click.option(
    "--peildatum",
    type=DATUM,
    metavar="JJJJ-MM-DD",
    help="Datum waarop getoetst wordt (JJJJ-MM-DD); standaard uit het dossier, anders vandaag.",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    metavar="AANTAL",
    default=None,
    help="Bij een map: zoveel dossiers tegelijk (standaard: het aantal processorkernen).",
)
@handle_errors
def render(
    dossier: Path,
    output: Path,
    formats: str,
    final: bool,
    force: bool,
    pdfa: bool,
    overlay: Path | None,
    peildatum: datetime | None,
    jobs: int | None,
) -> None:
    """Maak de documenten voor de overdracht van één dossier of van een hele map.

    \b
    Per dossier, in DOCX (bewerkbaar) en PDF:
      - onderwijskundig rapport
      - samenvatting TLV-dossier (naar SBO, SO, VSO en praktijkonderwijs)
      - verslag warme overdracht en terugkoppelingsformulier
      - checklistrapport voor de eigen school (niet meesturen)

    Gegevens zonder toestemming komen in geen enkel document. Is het dossier nog niet
    compleet of niet door ouders ingezien, dan krijgt elke pagina het woord CONCEPT;
    met --final weigert overdracht dan (afsluitcode 1) en somt op wat ontbreekt.
    Bestaande bestanden worden alleen met --force vervangen.

    Bij een map: alle dossiers tegelijk, met voortgang; een dossier dat niet lukt houdt
    de rest niet op, en ongewijzigde dossiers worden overgeslagen.
    """
    from overdracht.render.documents import parse_formats

    chosen = parse_formats(formats)
    day = peildatum.date() if peildatum is not None else None
    if dossier.is_dir():
        sys.exit(run_batch(dossier, output, chosen, final, force, pdfa, overlay, day, jobs))

    from overdracht.render import render_documents

    result = render_documents(
        dossier,
        output,
        formats=chosen,
        final=final,
        force=force,
        pdfa=pdfa,
        overlay=overlay,
        peildatum=day,
    )
    for path in result.files:
        click.echo(f"geschreven: {path}")
    if result.concept:
        click.echo("Let op: dit zijn concepten (zie het checklistrapport voor wat ontbreekt).")
    if result.left_out:
        from overdracht.checklists.consent import CATEGORY_LABELS

        labels = ", ".join(CATEGORY_LABELS.get(c, c) for c in result.left_out)
        click.echo(f"Weggelaten wegens ontbrekende toestemming: {labels}.")
    sys.exit(EXIT_OK)


@click.command()
@click.argument("pdf", type=click.Path(path_type=Path, dir_okay=False))
@handle_errors
def extract(pdf: Path) -> None:
    """Toon de dossiergegevens (JSON) uit een PDF/A die met 'render --pdfa' is gemaakt."""
    from overdracht.render.attachment import extract_dossier_json

    click.echo(extract_dossier_json(pdf))


def run_batch(
    folder: Path,
    output: Path,
    formats: tuple[str, ...],
    final: bool,
    force: bool,
    pdfa: bool,
    overlay: Path | None,
    peildatum: date | None,
    jobs: int | None,
) -> int:
    """Render a folder with a progress bar and a summary; returns the exit code."""
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    from overdracht.render.batch import Outcome, RenderOptions, render_batch

    options = RenderOptions(
        formats, final=final, force=force, pdfa=pdfa, overlay=overlay, peildatum=peildatum
    )
    console = Console(stderr=True)
    progress = Progress(
        TextColumn("Documenten maken"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("dossiers ·"),
        TimeElapsedColumn(),
        TextColumn("· nog"),
        TimeRemainingColumn(),
        console=console,
        transient=False,
    )
    task = progress.add_task("render", total=None)

    def started(total: int) -> None:
        progress.update(task, total=total)

    def done(outcome: Outcome) -> None:
        progress.advance(task)
        if outcome.status == "mislukt":
            progress.console.print(f"[red]mislukt[/red]: {outcome.dossier.name}", highlight=False)

    with progress:
        summary = render_batch(
            folder,
            output,
            options,
            jobs=jobs or os.cpu_count() or 1,
            on_start=started,
            on_outcome=done,
        )
    written, skipped, failed = (summary.count(s) for s in ("geschreven", "overgeslagen", "mislukt"))
    concept = sum(1 for o in summary.outcomes if o.concept)
    click.echo(
        f"Klaar: {written} geschreven ({concept} als concept), {skipped} overgeslagen "
        f"(ongewijzigd), {failed} mislukt, in {output}."
    )
    for outcome in summary.failed:
        reason = outcome.reason
        if not reason.startswith(str(outcome.dossier)):
            reason = f"{outcome.dossier}: {reason}"
        click.echo(f"\n{reason}", err=True)
    if summary.interrupted:
        todo = summary.total - len(summary.outcomes)
        click.echo(
            f"Afgebroken: {len(summary.outcomes)} van {summary.total} dossiers afgehandeld, "
            f"{todo} niet begonnen. Er zijn geen half geschreven bestanden; "
            "start opnieuw om de rest te maken.",
            err=True,
        )
        return 130
    return summary.exit_code
