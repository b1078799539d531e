"""``overdracht check``, ``checklists``, ``checklist`` and ``schema``."""

from __future__ import annotations

import json
from pathlib import Path

import click

from overdracht.checklists import check as check_dossier
from overdracht.checklists import list_checklists, load_checklist
from overdracht.checklists.text import (
    checklist_text,
    report_text,
    reports_json,
    summary_line,
    unreadable_json_dict,
)
from overdracht.cli.common import DATUM, handle_errors, overlay_option
from overdracht.errors import EXIT_INCOMPLETE, EXIT_OK, OverdrachtError
from overdracht.model import dossier_schema, expand_dossier_paths, load_dossier

OVERLAY = overlay_option()


@click.command()
@click.argument("dossiers", nargs=-1, required=True, type=click.Path(path_type=Path))
@OVERLAY
@click.option("--json", "as_json", is_flag=True, help="Geef het verslag als JSON (voor scripts).")
@click.option(
    "--peildatum",
    type=DATUM,
    help="Datum waarop getoetst wordt (JJJJ-MM-DD); standaard vandaag.",
)
@click.option(
    "--checklist",
    "checklist_id",
    metavar="ID",
    help="Toets tegen deze checklist in plaats van 'overgang.id'.",
)
@click.option(
    "-u", "--uitgebreid", is_flag=True, help="Toon ook bij meerdere dossiers het hele verslag."
)
@handle_errors
def check(
    dossiers: tuple[Path, ...],
    overlay: Path | None,
    as_json: bool,
    peildatum: object,
    checklist_id: str | None,
    uitgebreid: bool,
) -> None:
    """Controleer of een dossier compleet is voor zijn overgang.

    Per eis van de checklist: wat aanwezig is, wat ontbreekt en wat aanbevolen is,
    met het veld en de bron. Meerdere dossiers tegelijk mag (dossiers/*.yaml of een map).
    Afsluitcode: 0 compleet, 1 onvolledig, 2 verkeerd gebruik, 3 ongeldige invoer.
    """
    day = peildatum.date() if peildatum is not None else None  # type: ignore[attr-defined]
    entries: list[dict[str, object]] = []
    worst = EXIT_OK
    paths = expand_dossier_paths(dossiers)
    single = len(paths) == 1 and not dossiers[0].is_dir()
    for path in paths:
        try:
            report = check_dossier(
                load_dossier(path),
                overlay=overlay,
                dossier_path=str(path),
                peildatum=day,
                checklist_id=checklist_id,
            )
        except OverdrachtError as exc:
            if single and not as_json:
                raise
            click.echo(f"Fout: {naming(path, exc)}", err=True)
            entries.append(unreadable_json_dict(str(path), exc))
            worst = max(worst, exc.exit_code)
            continue
        entries.append(report.to_json_dict())
        worst = max(worst, EXIT_OK if report.complete else EXIT_INCOMPLETE)
        if not as_json:
            text = report_text(report) if single or uitgebreid else summary_line(report)
            click.echo(text + ("\n" if uitgebreid and not single else ""))
    if as_json:
        click.echo(reports_json(entries))
    raise SystemExit(worst)


def naming(path: Path, exc: OverdrachtError) -> str:
    """The error's text, with the file name in front unless the message names it already."""
    text = str(exc)
    return text if str(path) in exc.message else f"{path}: {text}"


@click.command()
@handle_errors
def checklists() -> None:
    """Toon alle checklists (overgangen) die overdracht kent."""
    for checklist_id, titel in list_checklists():
        click.echo(f"{checklist_id:<15} {titel}")


@click.command()
@click.argument("checklist_id", metavar="ID")
@OVERLAY
@handle_errors
def checklist(checklist_id: str, overlay: Path | None) -> None:
    """Toon de eisen van één checklist in gewone taal."""
    click.echo(checklist_text(load_checklist(checklist_id, overlay)))


@click.command()
@handle_errors
def schema() -> None:
    """Druk het JSON Schema van een dossierbestand af (voor editors die YAML controleren)."""
    click.echo(json.dumps(dossier_schema(), ensure_ascii=False, indent=2))
