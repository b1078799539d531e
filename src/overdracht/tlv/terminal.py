"""The overview as a rich table for the terminal."""

from __future__ import annotations

from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from overdracht.tlv.overview import Overzicht

STATUS_STYLE: dict[str, str] = {
    "onleesbaar": "bold magenta",
    "onvolledig": "bold red",
    "waarschuwingen": "yellow",
    "compleet": "green",
}


def overview_table(overzicht: Overzicht) -> Table:
    """One row per aanvraag: leerling, school, soort, status, missing items, first deadline."""
    table = Table(title="TLV-aanvragen", title_justify="left", header_style="bold")
    table.add_column("Leerling", no_wrap=True)
    table.add_column("School")
    table.add_column("TLV", no_wrap=True)
    table.add_column("Status", no_wrap=True)
    table.add_column("Ontbreekt", justify="right", no_wrap=True)
    table.add_column("Eerste termijn in gevaar")
    table.add_column("Bestand", overflow="fold")
    for aanvraag in overzicht.aanvragen:
        readable = aanvraag.status != "onleesbaar"
        table.add_row(
            aanvraag.leerling or "-",
            aanvraag.school or "-",
            aanvraag.soort or "-",
            Text(aanvraag.status, style=STATUS_STYLE[aanvraag.status]),
            str(aanvraag.ontbrekend) if readable else "-",
            aanvraag.eerste_termijn.text() if aanvraag.eerste_termijn else "",
            aanvraag.bestand,
        )
    return table


def overview_renderable(overzicht: Overzicht) -> Group:
    """The table, the reasons for unreadable files and the one-line summary."""
    parts: list[Table | Text] = [overview_table(overzicht)]
    unreadable = [a for a in overzicht.aanvragen if a.status == "onleesbaar"]
    if unreadable:
        lines = Text("\nOnleesbaar (verbeter het bestand en controleer opnieuw):\n")
        for aanvraag in unreadable:
            lines.append(f"  {aanvraag.reden}\n")
        parts.append(lines)
    parts.append(Text(f"\n{overzicht.summary()}"))
    return Group(*parts)


def print_overview(overzicht: Overzicht, console: Console | None = None) -> None:
    console = console or Console()
    if not console.is_terminal:
        console = Console(width=250, file=console.file)  # a file or pipe: no wrapping at 80
    console.print(overview_renderable(overzicht), soft_wrap=False)
