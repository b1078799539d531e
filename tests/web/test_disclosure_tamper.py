"""Every rewrite of the verstrekkingenlog by someone who can write to the database (not to the
data folder, where the key and the anchor are) is detected by ``overdracht web --controleer-log``:
exit 3, a Dutch message naming what is wrong, no traceback."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from django.db import connection
from django.utils import timezone

from overdracht.web import disclosure, logchain
from overdracht.web.models import Logregel, Logsoort, Logstand

pytestmark = pytest.mark.django_db


@pytest.fixture
def log(sample_dossier: Any, ib: Any) -> list[Logregel]:
    """Five entries, as a real dossier's log starts."""
    return [
        disclosure.note(ib, sample_dossier, "Inzage gevraagd aan ouder 1 (moeder)", 1),
        disclosure.note("ouder 1 (moeder)", sample_dossier, "Inzage door ouder 1: oneens", 1),
        disclosure.access(ib, sample_dossier, 1, "onderwijskundig rapport (PDF, concept)"),
        disclosure.note(ib, sample_dossier, "Versie 1 definitief gemaakt", 1),
        disclosure.record(ib, sample_dossier, 1, "onderwijskundig rapport (PDF/A)", "SO De Baken"),
    ]


def _set_head() -> None:
    """What a careful attacker does after every rewrite: make the head row agree."""
    last = Logregel.objects.order_by("-volgnummer").first()
    Logstand.objects.filter(pk=1).update(
        aantal=last.volgnummer if last else 0, laatste_hash=last.hash if last else ""
    )


def _rechain(hash_function: Callable[[str, Logregel], str], *, keyed: bool = True) -> None:
    """Recompute every entry's hash and link, as the app would, but with ``hash_function``."""
    previous = disclosure.GENESIS
    for entry in Logregel.objects.order_by("volgnummer"):
        entry.vorige_hash = previous
        entry.hash = hash_function(previous, entry)
        Logregel.objects.filter(pk=entry.pk).update(
            vorige_hash=entry.vorige_hash, hash=entry.hash, gesleuteld=keyed
        )
        previous = entry.hash
    _set_head()


def change_a_row_and_rechain_with_the_apps_hash() -> str:
    Logregel.objects.filter(volgnummer=2).update(wat="Inzage door ouder 1: eens")
    _rechain(disclosure.entry_hash)
    return "regel 2 klopt niet met de sleutel"


def change_a_row_and_rechain_as_an_old_log_without_key() -> str:
    Logregel.objects.filter(volgnummer=2).update(wat="Inzage door ouder 1: eens")
    _rechain(disclosure.entry_hash, keyed=False)
    return "niet meer de regels die in het ankerbestand staan: het log is herschreven"


def change_a_row_and_rechain_with_a_guessed_key() -> str:
    from django.conf import settings

    guess = settings.SECRET_KEY.encode()
    Logregel.objects.filter(volgnummer=2).update(wat="Inzage door ouder 1: eens")
    _rechain(lambda previous, entry: logchain.entry_mac(guess, previous, entry))
    return "regel 2 klopt niet met de sleutel"


def delete_the_last_row_and_update_the_head() -> str:
    Logregel.objects.filter(volgnummer=5).delete()
    _set_head()
    return "volgens het ankerbestand had het log 5 regels, maar het heeft er 4"


def delete_a_row_and_renumber() -> str:
    Logregel.objects.filter(volgnummer=2).delete()
    for entry in Logregel.objects.filter(volgnummer__gt=2).order_by("volgnummer"):
        Logregel.objects.filter(pk=entry.pk).update(volgnummer=entry.volgnummer - 1)
    _set_head()
    return "regel 2 sluit niet aan op de regel ervoor"


def append_a_forged_parent_agrees() -> str:
    last = Logregel.objects.order_by("-volgnummer").first()
    assert last is not None
    forged = Logregel(
        volgnummer=last.volgnummer + 1,
        tijdstip=timezone.now(),
        soort=Logsoort.GEBEURTENIS,
        door="ouder 1 (moeder)",
        dossier_ref=last.dossier_ref,
        versie=1,
        wat="Inzage door ouder 1: eens",
        vorige_hash=last.hash,
        gesleuteld=True,
    )
    forged.hash = disclosure.entry_hash(last.hash, forged)
    forged.save()
    _set_head()
    return "regel 6 klopt niet met de sleutel: achteraf veranderd, of buiten de app toegevoegd"


def append_a_forged_row_without_key() -> str:
    append_a_forged_parent_agrees()
    Logregel.objects.filter(volgnummer=6).update(gesleuteld=False)
    return "regel 6 heeft geen sleutel, maar staat na regels met sleutel"


def empty_the_log() -> str:
    Logregel.objects.all().delete()
    Logstand.objects.all().delete()
    return "het log is leeg, maar volgens het ankerbestand had het 5 regels"


def drop_the_table() -> str:
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE {Logregel._meta.db_table}")
    return "de tabellen van het verstrekkingenlog ontbreken of zijn niet te lezen"


def drop_the_head_table() -> str:
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE {Logstand._meta.db_table}")
    return "de tabellen van het verstrekkingenlog ontbreken of zijn niet te lezen"


REWRITES = [
    change_a_row_and_rechain_with_the_apps_hash,
    change_a_row_and_rechain_as_an_old_log_without_key,
    change_a_row_and_rechain_with_a_guessed_key,
    delete_the_last_row_and_update_the_head,
    delete_a_row_and_renumber,
    append_a_forged_parent_agrees,
    append_a_forged_row_without_key,
    empty_the_log,
    drop_the_table,
    drop_the_head_table,
]


def controleer_log(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    from overdracht.cli import main

    monkeypatch.setenv("OVERDRACHT_DATA", str(data_dir))  # configure() sets it: restore after
    return CliRunner().invoke(main, ["web", "--data", str(data_dir), "--controleer-log"])


def test_the_untouched_log_passes(
    log: list[Logregel], data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = controleer_log(data_dir, monkeypatch)
    assert result.exit_code == 0, result.output
    assert "is in orde: 5 regels" in result.output
    assert f"Controlecode van de laatste regel: {log[-1].hash}" in result.output


@pytest.mark.parametrize("rewrite", REWRITES, ids=lambda f: f.__name__)
def test_every_rewrite_is_detected(
    rewrite: Callable[[], str],
    log: list[Logregel],
    data_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    expected = rewrite()
    assert any(expected in p for p in logchain.verify().problemen)
    result = controleer_log(data_dir, monkeypatch)
    assert result.exit_code == 3, result.output
    assert "is niet in orde: er is achteraf iets veranderd of weggehaald" in result.output
    assert expected.lower() in result.output.lower()
    assert isinstance(result.exception, SystemExit)  # no traceback: a message and exit 3
    assert "Traceback" not in result.output


def test_files_are_private(log: list[Logregel], data_dir: Path) -> None:
    for name in (logchain.KEY_FILE, logchain.ANCHOR_FILE):
        assert (data_dir / name).stat().st_mode & 0o777 == 0o600
    anchor = (data_dir / logchain.ANCHOR_FILE).read_text(encoding="utf-8")
    assert anchor.startswith("# Verstrekkingenlog van overdracht")
    assert anchor.splitlines()[-1] == f"5 {log[-1].hash}"


def test_a_missing_key_is_reported_and_nothing_more_is_logged(
    log: list[Logregel], data_dir: Path, sample_dossier: Any
) -> None:
    (data_dir / logchain.KEY_FILE).unlink()
    assert "de sleutel van het log" in logchain.verify().problemen[0]
    with pytest.raises(logchain.LogKeyMissing):
        disclosure.access("ib", sample_dossier, 1, "onderwijskundig rapport (PDF)")
    assert not (data_dir / logchain.KEY_FILE).exists()  # never silently replaced


def test_a_long_rewrite_is_summed_up(
    log: list[Logregel], sample_dossier: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(logchain, "MAX_PROBLEMS", 3)
    change_a_row_and_rechain_with_the_apps_hash()
    problems = logchain.verify().problemen
    assert len(problems) == 4 and problems[-1].startswith("en nog ")


def test_an_unreadable_key_counts_as_missing(
    log: list[Logregel], data_dir: Path, sample_dossier: Any
) -> None:
    (data_dir / logchain.KEY_FILE).write_text("geen sleutel\n", encoding="utf-8")
    assert "ontbreekt in de gegevensmap of is onleesbaar" in logchain.verify().problemen[0]
    with pytest.raises(logchain.LogKeyMissing):
        disclosure.access("ib", sample_dossier, 1, "onderwijskundig rapport (PDF)")


def test_a_missing_anchor_is_reported(log: list[Logregel], data_dir: Path) -> None:
    (data_dir / logchain.ANCHOR_FILE).unlink()
    assert "het ankerbestand" in logchain.verify().problemen[0]


def test_a_log_from_an_earlier_version_is_sealed_once(
    log: list[Logregel], data_dir: Path, sample_dossier: Any
) -> None:
    """Entries written before the key: a plain SHA-256 chain, no key, no anchor."""
    from overdracht.web import server

    _rechain(disclosure.entry_hash, keyed=False)
    (data_dir / logchain.KEY_FILE).unlink()
    (data_dir / logchain.ANCHOR_FILE).unlink()
    assert logchain.verify().ok and logchain.verify().zonder_sleutel == 5

    server.prepare_log(data_dir)  # what 'overdracht web' does at start
    server.prepare_log(data_dir)  # once only
    seal = Logregel.objects.get(volgnummer=6)
    assert seal.gesleuteld and seal.door == "overdracht"
    assert seal.wat.startswith("Log verzegeld met de sleutel buiten de database: regels 1 tot")
    assert Logregel.objects.get(volgnummer=5).hash in seal.wat
    check = logchain.verify()
    assert check.ok and check.aantal == 6 and check.zonder_sleutel == 5
    disclosure.access("ib", sample_dossier, 1, "onderwijskundig rapport (PDF)")
    assert logchain.verify().ok

    # After the seal, the old entries cannot be rewritten either: the seal names their head.
    Logregel.objects.filter(volgnummer=2).update(wat="Inzage door ouder 1: eens")
    previous = disclosure.GENESIS
    for entry in Logregel.objects.filter(volgnummer__lte=5).order_by("volgnummer"):
        new = disclosure.entry_hash(previous, entry)
        Logregel.objects.filter(pk=entry.pk).update(vorige_hash=previous, hash=new)
        previous = new
    assert "regel 6 sluit niet aan op de regel ervoor" in logchain.verify().problemen[0]


def test_a_dropped_table_in_a_real_data_folder(tmp_path: Path) -> None:
    """A process of its own, as the privacy officer runs it: exit 3, Dutch, no traceback."""
    folder = tmp_path / "eigen-data"
    env = {
        k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")
    }
    command = [sys.executable, "-m", "overdracht", "web", "--data", str(folder)]
    subprocess.run([*command, "--alleen-voorbereiden"], env=env, check=True, capture_output=True)
    assert (folder / logchain.KEY_FILE).stat().st_mode & 0o777 == 0o600
    with sqlite3.connect(folder / "overdracht.sqlite3") as database:
        database.execute("DROP TABLE overdracht_logregel")
    result = subprocess.run(
        [*command, "--controleer-log"], env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 3
    assert "Traceback" not in result.stderr
    assert "De tabellen van het verstrekkingenlog ontbreken" in result.stderr


def test_a_receipt_held_by_the_receiving_school_checks_the_log(
    log: list[Logregel],
    data_dir: Path,
    sample_dossier: Any,
    ib: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Even someone who can rewrite the database and the anchor cannot match the receipt."""
    from overdracht.cli import main
    from overdracht.web import sending

    version = sample_dossier.versions.get(number=1)
    sent = disclosure.record_many(
        ib, [disclosure.Disclosure(sample_dossier, version, "rapport (PDF/A)", "SO De Baken")]
    )
    receipt = tmp_path / "verzendbewijs.txt"
    receipt.write_text(
        sending.receipt(sample_dossier, version, "SO De Baken", [], (), sent), encoding="utf-8"
    )
    assert logchain.receipt_head(receipt.read_text(encoding="utf-8")) == (6, sent[-1].hash)

    def check() -> Any:
        monkeypatch.setenv("OVERDRACHT_DATA", str(data_dir))
        arguments = ["web", "--data", str(data_dir), "--controleer-log"]
        return CliRunner().invoke(main, [*arguments, "--verzendbewijs", str(receipt)])

    passed = check()
    assert passed.exit_code == 0, passed.output
    assert "verzendbewijs.txt: regel 6 staat nog zo in het log." in passed.output

    # Truncate the log to before the sending, and the anchor with it: the receipt still knows.
    Logregel.objects.filter(volgnummer=6).delete()
    _set_head()
    anchor = data_dir / logchain.ANCHOR_FILE
    anchor.write_text("".join(anchor.read_text().splitlines(keepends=True)[:-1]))
    assert logchain.verify().ok  # nothing else can tell
    failed = check()
    assert failed.exit_code == 3
    assert "Regel 6 staat niet meer in het log zoals bij het versturen (verzendbewijs.txt)" in (
        failed.output
    )


def test_a_file_that_is_no_receipt_is_refused(data_dir: Path, tmp_path: Path) -> None:
    from overdracht.cli import main

    other = tmp_path / "brief.txt"
    other.write_text("Beste ouders,\n", encoding="utf-8")
    result = CliRunner().invoke(
        main,
        ["web", "--data", str(data_dir), "--controleer-log", "--verzendbewijs", str(other)],
        env={"OVERDRACHT_DATA": str(data_dir)},
    )
    assert result.exit_code == 3
    assert "dit is geen verzendbewijs van overdracht" in result.output
