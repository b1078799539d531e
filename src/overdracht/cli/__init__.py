"""Command line: thin click commands that call the library and print the result.

Sub-commands live in their own modules and are imported only when used, so
``overdracht check`` never loads the renderers (WeasyPrint, docxtpl).
"""

from __future__ import annotations

import importlib
import sys
from typing import Any

import click

from overdracht import __version__
from overdracht.cli import dutch
from overdracht.cli.common import EXIT_INTERRUPTED, INTERRUPTED

dutch.install()

# name -> "module:function"; each module owns its commands.
COMMANDS: dict[str, str] = {
    "check": "overdracht.cli.check:check",
    "checklists": "overdracht.cli.check:checklists",
    "checklist": "overdracht.cli.check:checklist",
    "schema": "overdracht.cli.check:schema",
    "render": "overdracht.cli.render:render",
    "extract": "overdracht.cli.render:extract",
    "template": "overdracht.cli.importing:template",
    "import": "overdracht.cli.importing:import_",
    "tlv-check": "overdracht.cli.tlv:tlv_check",
    "verify": "overdracht.cli.verify:verify",
    "web": "overdracht.cli.web:web",
}


class LazyGroup(click.Group):
    """A click group that imports a command's module only when it is run."""

    def invoke(self, ctx: click.Context) -> Any:
        # Ctrl-C while a command's module loads, before the command's own handler runs:
        # click would say "Aborted!" with exit code 1, which scripts read as 'onvolledig'.
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            click.echo(INTERRUPTED, err=True)
            sys.exit(EXIT_INTERRUPTED)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module_name, attr = target.split(":")
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError:
            return None  # a command that is not built yet
        command = getattr(module, attr, None)
        if not isinstance(command, click.Command):
            return None
        command.options_metavar = "[OPTIES]"
        return command


CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


@click.group(
    cls=LazyGroup,
    context_settings=CONTEXT,
    options_metavar="[OPTIES]",
    subcommand_metavar="OPDRACHT [ARGUMENTEN]...",
)
@click.version_option(__version__, "--versie", "--version", message="overdracht %(version)s")
def main(**_: Any) -> None:
    """overdracht: de overdracht van een leerling naar een nieuwe school, volledig en rechtmatig.

    \b
    Afsluitcodes:
      0  compleet (waarschuwingen mogen)
      1  onvolledig: er ontbreekt iets dat verplicht is
      2  verkeerd gebruik (onbekende optie, overgang of checklist; bestand bestaat al)
      3  invoer onleesbaar of ongeldig
    """
