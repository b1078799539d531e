"""``overdracht verify``: is this PDF exactly a final document stored by the web app?"""

from __future__ import annotations

from pathlib import Path

import click

from overdracht.cli.common import handle_errors
from overdracht.errors import EXIT_INCOMPLETE, InvalidInputError, UsageError, os_reason


@click.command(options_metavar="[OPTIES]")
@click.argument("bestand", type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "--data",
    "data_dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("overdracht-data"),
    show_default=True,
    help="De gegevensmap van de webapp.",
)
@handle_errors
def verify(bestand: Path, data_dir: Path) -> None:
    """Controleer of BESTAND precies een definitief document uit de webapp is, en welk.

    \b
    Afsluitcodes: 0 precies een definitief document; 1 geen definitief document uit deze
    gegevensmap (veranderd, een concept, of van elders); 2 de gegevensmap bestaat niet;
    3 het bestand is niet te lezen.
    """
    try:
        data = bestand.read_bytes()
    except OSError as exc:
        raise InvalidInputError(
            f"{bestand}: het bestand is niet te lezen ({os_reason(exc)})."
        ) from None
    if not data_dir.is_dir():
        raise UsageError(f"{data_dir}: deze gegevensmap bestaat niet. Geef de map op met --data.")
    from django.utils import timezone

    from overdracht.web import server

    server.configure(data_dir)
    server.migrate()
    from overdracht.web.verify import find_final, sha256_of

    matches = find_final(data)
    if not matches:
        click.echo(
            f"{bestand}: dit is GEEN definitief document uit {data_dir}. Het is na het "
            "definitief maken veranderd, het is een concept, of het komt uit een andere app."
        )
        click.echo(f"  SHA-256: {sha256_of(data)}")
        raise SystemExit(EXIT_INCOMPLETE)
    click.echo(f"{bestand}: dit is precies een definitief document.")
    for m in matches:
        when = (
            timezone.localtime(m.definitief_op).strftime("%d-%m-%Y %H:%M")
            if m.definitief_op
            else "?"
        )
        click.echo(f"  Document:    {m.document}, versie {m.versie}")
        click.echo(f"  Leerling:    {m.leerling} (dossier {m.dossier_id})")
        click.echo(
            f"  Definitief:  {when}{' door ' + m.definitief_door if m.definitief_door else ''}"
        )
    click.echo(f"  SHA-256:     {sha256_of(data)}")
