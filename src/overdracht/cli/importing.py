"""CLI commands 'template' and 'import': thin wrappers around overdracht.importing."""

from __future__ import annotations

from pathlib import Path

import click

from overdracht.cli.common import handle_errors
from overdracht.importing.fields import transition_ids
from overdracht.importing.report import ImportResult

_TRANSITION = click.option(
    "--transition",
    "-t",
    required=True,
    type=click.Choice(transition_ids()),
    help="De overgang, bijv. po-vo.",
)
_PROGRESS_FROM = 1000  # rows or pupils; smaller imports finish before a bar is useful


@click.command(name="template")
@click.argument("bestand", type=click.Path(dir_okay=False, path_type=Path))
@_TRANSITION
@click.option("--force", is_flag=True, help="Overschrijf een bestaand bestand.")
@handle_errors
def template(bestand: Path, transition: str, force: bool) -> None:
    """Maak een invulwerkmap (.xlsx) voor leerlinggegevens van een overgang.

    Eén blad per soort gegevens (School, Leerlingen, Ouders, Toetsen, ...), met keuzelijsten,
    datumkolommen, een instructieblad en een voorbeeldrij. Lees de ingevulde werkmap in met
    'overdracht import'.
    """
    from overdracht.importing import write_template

    write_template(bestand, transition=transition, force=force)
    click.echo(f"Sjabloon geschreven: {bestand}")


@click.command(name="import")
@click.argument("bestand", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "-o",
    "--uitvoer",
    "--output",
    "uitvoer",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Map voor de dossierbestanden en het importverslag.",
)
@_TRANSITION
@click.option(
    "--mapping",
    type=click.Path(dir_okay=False, path_type=Path),
    help="YAML-bestand dat de kolommen van uw eigen export koppelt aan het sjabloon.",
)
@click.option("--force", is_flag=True, help="Overschrijf bestaande dossiers en het verslag.")
@handle_errors
def import_(
    bestand: Path, uitvoer: Path, transition: str, mapping: Path | None, force: bool
) -> None:
    """Lees leerlingen uit Excel (.xlsx, .xlsm, .xls), OpenDocument (.ods) of CSV in.

    Schrijft één dossierbestand per leerling en een importverslag (importverslag.xlsx) met
    per probleem het blad, de rij, de kolom en wat u kunt doen. Afsluitcode 0: alle rijen
    ingelezen; 1: er zijn rijen afgewezen; 3: het bestand is onleesbaar.
    """
    from overdracht.importing import import_workbook

    with _progress() as progress:
        result = import_workbook(
            bestand,
            uitvoer,
            transition=transition,
            mapping=mapping,
            force=force,
            progress=progress,
        )
    click.echo(summary(result))
    raise SystemExit(result.exit_code)


def summary(result: ImportResult) -> str:
    """The Dutch summary printed after an import."""
    per_sheet = ", ".join(f"{name} {count}" for name, count in result.rows_per_sheet.items())
    lines = [
        f"Gelezen: {result.rows_read} rijen ({per_sheet})." if per_sheet else "Gelezen: 0 rijen."
    ]
    skipped = []
    if result.empty_rows:
        skipped.append(f"{result.empty_rows} lege {'rij' if result.empty_rows == 1 else 'rijen'}")
    if result.example_rows:
        skipped.append(
            f"{result.example_rows} voorbeeld{'rij' if result.example_rows == 1 else 'rijen'}"
        )
    if skipped:
        lines.append(f"Overgeslagen: {' en '.join(skipped)}.")
    lines.append(f"Dossiers geschreven: {len(result.written)} in {result.output_dir}.")
    lines.append(f"Rijen afgewezen: {result.rows_rejected}.")
    lines.append(f"Waarschuwingen: {len(result.warnings)}.")
    if result.report_path is not None:
        hint = (
            " Verbeter de afgewezen rijen en lees opnieuw in met --force."
            if result.rows_rejected
            else ""
        )
        lines.append(f"Importverslag: {result.report_path}.{hint}")
    return "\n".join(lines)


class _progress:
    """A rich progress bar on stderr for large imports on a terminal; silent otherwise.

    One bar for every stage (reading, checking rows, making and writing dossiers);
    its label says which stage is running.
    """

    def __enter__(self) -> _progress:
        self._bar: object | None = None
        self._quiet = False
        return self

    def __call__(self, stage: str, done: int, total: int) -> None:
        from rich.progress import Progress

        if self._bar is None:
            if self._quiet or total < _PROGRESS_FROM:
                return
            from rich.console import Console

            console = Console(stderr=True)
            if not console.is_terminal:
                self._quiet = True
                return
            bar = Progress(console=console, transient=True)
            bar.start()
            self._task = bar.add_task(stage, total=total)
            self._bar = bar
        assert isinstance(self._bar, Progress)
        self._bar.update(self._task, description=stage, completed=done, total=total)

    def __exit__(self, *_: object) -> None:
        from rich.progress import Progress

        if isinstance(self._bar, Progress):
            self._bar.stop()
