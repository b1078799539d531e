"""``overdracht web``: start the web app on this computer."""

from __future__ import annotations

from pathlib import Path

import click

from overdracht.cli.common import handle_errors
from overdracht.errors import InvalidInputError, UsageError


@click.command(options_metavar="[OPTIES]")
@click.option(
    "--data",
    "data_dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("overdracht-data"),
    show_default=True,
    help="Map voor de database en de geüploade bestanden.",
)
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option(
    "--adres",
    default="127.0.0.1",
    show_default=True,
    help="Adres om op te luisteren. Een ander adres dan 127.0.0.1 zet de HTTPS-instellingen aan "
    "en vraagt --hostnaam en --proxy.",
)
@click.option(
    "--proxy",
    metavar="ADRES",
    help="Adres van de HTTPS-proxy (bijv. nginx) die voor de app staat, bijv. 127.0.0.1 of "
    "10.0.0.5. Alleen van dat adres gelooft de app X-Forwarded-For, -Proto en -Host. Zet de "
    "HTTPS-instellingen aan en vraagt --hostnaam.",
)
@click.option(
    "--hostnaam",
    "hostnames",
    multiple=True,
    help="Naam waaronder de app bereikbaar is, bijv. overdracht.school.nl (bij --adres).",
)
@click.option(
    "--beheerder",
    metavar="NAAM",
    help="Maak het eerste account (beheerder) met deze naam; het wachtwoord wordt gevraagd.",
)
@click.option(
    "--voorbeelden",
    type=click.Path(path_type=Path, exists=True),
    help="Laad de voorbeelddossiers uit deze map (alleen in een lege database) en maak een "
    "demo-account.",
)
@click.option("--alleen-voorbereiden", is_flag=True, help="Maak de database klaar en stop.")
@click.option(
    "--controleer-log",
    is_flag=True,
    help="Controleer of er regels uit het verstrekkingenlog zijn verwijderd of veranderd, en stop.",
)
@click.option(
    "--verzendbewijs",
    "receipts",
    multiple=True,
    type=click.Path(path_type=Path, exists=True, dir_okay=False),
    help="Bij --controleer-log: controleer ook dat de verstrekking van dit verzendbewijs "
    "(verzendbewijs.txt uit een verstuurde ZIP) nog zo in het log staat. Mag vaker.",
)
@handle_errors
def web(
    data_dir: Path,
    port: int,
    adres: str,
    proxy: str | None,
    hostnames: tuple[str, ...],
    beheerder: str | None,
    voorbeelden: Path | None,
    alleen_voorbereiden: bool,
    controleer_log: bool,
    receipts: tuple[Path, ...],
) -> None:
    """Start de webapp op http://127.0.0.1:8000 (of --port), met de database in --data."""
    from overdracht.web import server

    public = adres not in server.LOCAL_HOSTS or bool(proxy)
    if public and not hostnames:
        raise UsageError(
            "Geef met --hostnaam op onder welke naam de app bereikbaar is als u op een ander "
            "adres dan 127.0.0.1 luistert of een proxy gebruikt."
        )
    if public and not proxy and not controleer_log:
        raise UsageError(
            "Op een ander adres dan 127.0.0.1 moet een HTTPS-proxy (bijv. nginx) voor de app "
            "staan. Geef zijn adres met --proxy, bijv. --proxy 127.0.0.1."
        )
    if receipts and not controleer_log:
        raise UsageError("--verzendbewijs hoort bij --controleer-log.")
    if controleer_log:
        _check_log(data_dir, receipts)
        return
    server.configure(data_dir, public_hosts=list(hostnames) if public else None)
    if voorbeelden is not None:
        server.check_demo_folder(data_dir)

    server.migrate()
    server.prepare_log(data_dir)
    if beheerder:
        password = click.prompt("Wachtwoord", hide_input=True, confirmation_prompt="Nog een keer")
        server.create_beheerder(beheerder, password)
        click.echo(f"Account '{beheerder}' (beheerder) is gemaakt.")
    login_hint = None
    if voorbeelden is not None:
        count, problems = server.load_samples([voorbeelden])
        for problem in problems:
            click.echo(f"Overgeslagen: {problem}", err=True)
        if count:
            click.echo(f"{count} voorbeelddossiers geladen.")
        login_hint = server.demo_login(data_dir)
    url = f"http://{'127.0.0.1' if adres in server.LOCAL_HOSTS else adres}:{port}/"
    if alleen_voorbereiden:
        click.echo(f"De database in {data_dir} is klaar.")
        return
    click.echo(f"overdracht draait op {url}  (stoppen: Ctrl-C)")
    if login_hint:
        click.echo(f"Inloggen: gebruikersnaam '{login_hint[0]}', wachtwoord '{login_hint[1]}'")
    elif not server.has_accounts():
        click.echo(f"Open {url}eerste-keer/ op deze computer om het eerste account te maken.")
    server.serve(adres, port, proxy=proxy)


def _check_log(data_dir: Path, receipt_paths: tuple[Path, ...]) -> None:
    from overdracht.web import server

    if not data_dir.is_dir():
        raise UsageError(f"{data_dir}: deze gegevensmap bestaat niet. Geef de map op met --data.")
    server.configure(data_dir)
    receipts = [(path.name, _receipt_head(path)) for path in receipt_paths]
    result = server.check_log(receipts)
    if not result.ok:
        raise InvalidInputError(
            f"Het verstrekkingenlog in {data_dir} is niet in orde: er is achteraf iets "
            "veranderd of weggehaald. Meld dit aan de functionaris gegevensbescherming.",
            details=[p[:1].upper() + p[1:] for p in result.problemen],
        )
    click.echo(f"Het verstrekkingenlog in {data_dir} is in orde: {result.aantal} regels.")
    if result.zonder_sleutel:
        click.echo(
            f"De eerste {result.zonder_sleutel} regels zijn van een eerdere versie, zonder "
            "sleutel; ze worden verzegeld zodra 'overdracht web' weer start."
            if result.aantal == result.zonder_sleutel
            else f"De eerste {result.zonder_sleutel} regels zijn van een eerdere versie, zonder "
            "sleutel, en sindsdien verzegeld."
        )
    for name, (number, _) in receipts:
        click.echo(f"{name}: regel {number} staat nog zo in het log.")
    if result.laatste_hash:
        click.echo(f"Controlecode van de laatste regel: {result.laatste_hash}")


def _receipt_head(path: Path) -> tuple[int, str]:
    from overdracht.web.logchain import receipt_head

    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise InvalidInputError(f"{path}: niet te lezen ({exc.strerror}).") from None
    head = receipt_head(text)
    if head is None:
        raise InvalidInputError(
            f"{path}: dit is geen verzendbewijs van overdracht (er staat geen controlecode in)."
        )
    return head
