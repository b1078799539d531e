"""The 'import' and 'template' commands: exact Dutch output and exit codes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import yaml
from click.testing import CliRunner

from overdracht.cli import main
from overdracht.model import load_dossier

from .conftest import pupil, with_school


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_clean_workbook_imports_every_pupil(xlsx: Callable[..., Path], tmp_path: Path) -> None:
    source = xlsx(with_school([pupil("1001"), pupil("1002", BSN="123456782", Voornamen="Tim")]))
    out = tmp_path / "dossiers"
    code, stdout, stderr = run("import", str(source), "-o", str(out), "--transition", "po-vo")
    assert (code, stderr) == (0, "")
    assert stdout == (
        "Gelezen: 3 rijen (School 1, Leerlingen 2).\n"
        f"Dossiers geschreven: 2 in {out}.\n"
        "Rijen afgewezen: 0.\n"
        "Waarschuwingen: 0.\n"
        f"Importverslag: {out / 'importverslag.xlsx'}.\n"
    )
    assert sorted(p.name for p in out.iterdir()) == [
        "importverslag.xlsx",
        "leerling-1001.yaml",
        "leerling-1002.yaml",
    ]
    dossier = load_dossier(out / "leerling-1001.yaml")  # what 'overdracht check' reads
    assert dossier.leerling.geboortedatum.isoformat() == "2014-03-14"
    assert dossier.vertrekkende_school.soort == "bao"
    assert dossier.ontvangende_school.soort == "vo"
    assert dossier.overgang.id == "po-vo"
    data = yaml.safe_load((out / "leerling-1002.yaml").read_text(encoding="utf-8"))
    assert data["leerling"] == {
        "voornamen": "Tim",
        "achternaam": "Jansen",
        "geboortedatum": "2014-03-14",
        "bsn": "123456782",
        "leerlingnummer": "1002",
    }


def test_rerun_refuses_to_overwrite_without_force(
    xlsx: Callable[..., Path], tmp_path: Path
) -> None:
    source = xlsx(with_school([pupil("1001")]))
    out = tmp_path / "dossiers"
    assert run("import", str(source), "-o", str(out), "-t", "po-vo")[0] == 0
    first = (out / "leerling-1001.yaml").read_bytes()
    code, _, stderr = run("import", str(source), "-o", str(out), "-t", "po-vo")
    assert code == 2
    assert stderr.startswith("Fout: Deze bestanden bestaan al en worden niet overschreven.")
    assert run("import", str(source), "-o", str(out), "-t", "po-vo", "--force")[0] == 0
    assert (out / "leerling-1001.yaml").read_bytes() == first  # same workbook, same dossier


def test_rejected_rows_exit_1(xlsx: Callable[..., Path], tmp_path: Path) -> None:
    source = xlsx(with_school([pupil("1001"), [], pupil("1002", BSN="123456789")]))
    out = tmp_path / "d"
    code, stdout, _ = run("import", str(source), "-o", str(out), "-t", "po-vo")
    assert code == 1
    assert stdout == (
        "Gelezen: 3 rijen (School 1, Leerlingen 2).\n"
        "Overgeslagen: 1 lege rij.\n"
        f"Dossiers geschreven: 1 in {out}.\n"
        "Rijen afgewezen: 1.\n"
        "Waarschuwingen: 0.\n"
        f"Importverslag: {out / 'importverslag.xlsx'}. Verbeter de afgewezen rijen en lees "
        "opnieuw in met --force.\n"
    )


def test_unreadable_file_exits_3(tmp_path: Path) -> None:
    source = tmp_path / "leerlingen.xlsx"
    source.write_bytes(b"dit is geen werkmap")
    code, stdout, stderr = run("import", str(source), "-o", str(tmp_path / "d"), "-t", "po-vo")
    assert (code, stdout) == (3, "")
    assert stderr == (
        f"Fout: {source}: het bestand is geen geldige Excel- of OpenDocument-werkmap (het is "
        "beschadigd of heeft de verkeerde extensie). Open het in Excel en sla het opnieuw op "
        "als .xlsx.\n"
    )
    assert not (tmp_path / "d").exists()


def test_missing_file_and_wrong_type_exit_3(tmp_path: Path) -> None:
    code, _, stderr = run("import", str(tmp_path / "weg.xlsx"), "-o", str(tmp_path), "-t", "po-vo")
    assert code == 3
    assert (
        stderr
        == f"Fout: {tmp_path / 'weg.xlsx'}: bestand niet gevonden. Controleer de naam en de map.\n"
    )
    other = tmp_path / "leerlingen.pdf"
    other.write_bytes(b"%PDF")
    code, _, stderr = run("import", str(other), "-o", str(tmp_path), "-t", "po-vo")
    assert code == 3
    assert "dit bestandstype wordt niet ondersteund" in stderr


def test_unknown_transition_is_a_usage_error(tmp_path: Path) -> None:
    code, _, stderr = run("template", str(tmp_path / "t.xlsx"), "-t", "po-hbo")
    assert code == 2
    assert "'po-hbo' is not one of" in stderr or "po-hbo" in stderr


def test_template_command(tmp_path: Path) -> None:
    target = tmp_path / "leerlingen.xlsx"
    code, stdout, _ = run("template", str(target), "--transition", "po-vo")
    assert (code, stdout) == (0, f"Sjabloon geschreven: {target}\n")
    code, _, stderr = run("template", str(target), "--transition", "po-vo")
    assert code == 2 and "--force" in stderr


def test_help_is_dutch() -> None:
    code, stdout, _ = run("import", "--help")
    assert code == 0
    assert "Lees leerlingen uit Excel" in stdout
    assert "Afsluitcode 0: alle rijen" in stdout


def test_progress_covers_every_stage(xlsx: Callable[..., Path], tmp_path: Path) -> None:
    from overdracht.importing import import_workbook

    calls: list[tuple[str, int, int]] = []
    source = xlsx(with_school([pupil("1001"), pupil("1002", BSN="123456782")]))
    import_workbook(source, tmp_path / "o", transition="po-vo", progress=lambda *c: calls.append(c))
    stages = list(dict.fromkeys(stage for stage, _, _ in calls))
    assert stages == ["Werkmap lezen", "Rijen controleren", "Dossiers maken", "Dossiers schrijven"]
    last = {stage: (done, total) for stage, done, total in calls}
    # the pre-scan counts the rows before calamine reads them: School 2, Leerlingen 3
    assert last == {
        "Werkmap lezen": (5, 5),
        "Rijen controleren": (5, 5),
        "Dossiers maken": (2, 2),
        "Dossiers schrijven": (2, 2),
    }
    assert calls[0] == ("Werkmap lezen", 0, 5)
