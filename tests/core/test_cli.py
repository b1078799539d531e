from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from overdracht.cli import main

from .conftest import SAMPLES


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_check_complete_dossier() -> None:
    code, out, err = run("check", str(SAMPLES / "po-so-compleet.yaml"))
    assert code == 0
    assert out.splitlines()[0] == (
        f"{SAMPLES / 'po-so-compleet.yaml'} — Van (speciale) basisschool naar speciaal onderwijs (SO) (po-so)"
    )
    assert "  ✓ aanwezig    Twee deskundigenadviezen: aanwezig." in out
    assert out.rstrip().endswith("Uitslag: COMPLEET")
    assert err == ""


def test_check_incomplete_dossier_shows_field_and_source() -> None:
    code, out, _ = run("check", str(SAMPLES / "po-so-zonder-toestemming.yaml"))
    assert code == 1
    assert (
        "  ✗ verplicht   Toestemming voor jeugdhulpgegevens: geen geldige toestemming voor jeugdhulp;"
        in out
    )
    assert (
        "                 veld: toestemmingen  ·  bron: AVG; Jeugdwet (toestemming naar leeftijd)"
        in out
    )
    assert "Weggelaten uit de documenten (geen geldige toestemming): jeugdhulp." in out
    assert out.rstrip().endswith("Uitslag: ONVOLLEDIG: 1 verplicht onderdeel ontbreekt")


def test_check_json_shape() -> None:
    code, out, _ = run("check", "--json", str(SAMPLES / "po-vo-concept.yaml"))
    assert code == 1
    (data,) = json.loads(out)
    assert set(data) == {"dossier", "transition", "complete", "findings", "error"}
    assert data["transition"] == "po-vo" and data["complete"] is False and data["error"] is None
    assert set(data["findings"][0]) == {
        *("rule", "severity", "path", "message", "source"),
        *("title", "problem", "reason", "advice", "due", "status"),
    }
    errors = [f for f in data["findings"] if f["severity"] == "error"]
    assert {f["rule"] for f in errors} == {"inzage", "schooladvies"}
    assert {f["severity"] for f in data["findings"]} <= {"error", "warning", "info"}


def test_check_several_dossiers_one_line_each_and_worst_code(tmp_path: Path) -> None:
    broken = tmp_path / "kapot.yaml"
    broken.write_text("leerling: [\n", encoding="utf-8")
    files = [SAMPLES / "po-vo-compleet.yaml", SAMPLES / "po-vo-concept.yaml", broken]
    code, out, err = run("check", *map(str, files))
    assert code == 3
    assert out.splitlines() == [
        f"{files[0]}: po-vo: COMPLEET, 1 waarschuwing",
        f"{files[1]}: po-vo: ONVOLLEDIG: 2 verplichte onderdelen ontbreken, 2 waarschuwingen",
    ]
    assert err.startswith(f"Fout: {broken}:2: het bestand is geen geldige YAML of JSON")


def test_check_json_always_a_list_with_unreadable_files(tmp_path: Path) -> None:
    broken = tmp_path / "kapot.yaml"
    broken.write_text("leerling: [\n", encoding="utf-8")
    missing = tmp_path / "weg.yaml"
    code, out, err = run("check", "--json", str(SAMPLES / "po-vo-compleet.yaml"), str(broken))
    assert code == 3
    good, bad = json.loads(out)
    assert good["complete"] is True and good["error"] is None
    assert bad["dossier"] == str(broken) and bad["transition"] is None
    assert bad["complete"] is False and bad["findings"] == []
    assert bad["error"].startswith(f"{broken}:2: het bestand is geen geldige YAML of JSON")
    assert err.startswith(f"Fout: {broken}:2:")

    code, out, _ = run("check", "--json", str(broken), str(missing))
    assert code == 3
    assert [e["dossier"] for e in json.loads(out)] == [str(broken), str(missing)]

    code, out, _ = run("check", "--json", str(missing))
    assert code == 3
    (entry,) = json.loads(out)
    assert entry["error"] == f"{missing}: bestand niet gevonden. Controleer de naam en de map."


def test_finding_fields_make_the_message() -> None:
    code, out, _ = run("check", "--json", str(SAMPLES / "po-so-zonder-toestemming.yaml"))
    assert code == 1
    (data,) = json.loads(out)
    (finding,) = [f for f in data["findings"] if f["severity"] == "error"]
    assert finding["message"] == (
        f"{finding['title']}: {finding['problem']}. Verplicht"
        + (f" omdat {finding['reason']}" if finding["reason"] else "")
        + "."
        + (f" {finding['advice']}" if finding["advice"] else "")
    )


def test_check_json_several_is_a_list() -> None:
    code, out, _ = run(
        "check",
        "--json",
        str(SAMPLES / "po-vo-compleet.yaml"),
        str(SAMPLES / "vo-vo-compleet.yaml"),
    )
    assert code == 0
    assert [r["transition"] for r in json.loads(out)] == ["po-vo", "vo-vo"]


def test_invalid_dossier_exit_3_without_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "d.yaml"
    bad.write_text(
        (SAMPLES / "po-po-verhuizing.yaml")
        .read_text(encoding="utf-8")
        .replace("bsn: '738199795'", "bsn: '738199796'"),
        encoding="utf-8",
    )
    code, out, err = run("check", str(bad))
    assert code == 3
    assert out == ""
    assert err.splitlines() == [
        f"Fout: {bad}: het dossier bevat 1 fout; verbeter die en probeer opnieuw.",
        f"  - {bad}:7: leerling.bsn: geen geldig BSN (9 cijfers die de elfproef doorstaan); neem het nummer opnieuw over uit de leerlingadministratie",
    ]
    assert "Traceback" not in err


def test_missing_file_exit_3(tmp_path: Path) -> None:
    code, _, err = run("check", str(tmp_path / "nergens.yaml"))
    assert code == 3
    assert (
        err
        == f"Fout: {tmp_path / 'nergens.yaml'}: bestand niet gevonden. Controleer de naam en de map.\n"
    )


def test_unknown_transition_exit_2_with_known_ids(tmp_path: Path) -> None:
    path = tmp_path / "d.yaml"
    path.write_text(
        (SAMPLES / "po-po-verhuizing.yaml")
        .read_text(encoding="utf-8")
        .replace("id: po-po", "id: po-xyz"),
        encoding="utf-8",
    )
    code, _, err = run("check", str(path))
    assert code == 2
    assert err.startswith(
        "Fout: onbekende overgang of checklist 'po-xyz'. Bekende overgangen: mbo-hbo, mbo-mbo, po-po,"
    )


def test_checklist_option_overrides_transition() -> None:
    code, out, _ = run("check", "--checklist", "po-sbo", str(SAMPLES / "po-po-verhuizing.yaml"))
    assert code == 1
    assert "(po-sbo)" in out.splitlines()[0]


def test_peildatum_option() -> None:
    code, out, _ = run("check", "--peildatum", "2027-01-01", str(SAMPLES / "po-vo-compleet.yaml"))
    assert code == 1
    assert "de inzagedatum ligt in de toekomst" in out


def test_overlay_option(tmp_path: Path) -> None:
    overlay = tmp_path / "regio.yaml"
    overlay.write_text(
        "extends: po-vo\naanpassen:\n  zienswijze: {niveau: verplicht}\n", encoding="utf-8"
    )
    code, out, _ = run("check", "--overlay", str(overlay), str(SAMPLES / "po-vo-concept.yaml"))
    assert (
        "Zienswijze van ouders op het dossier: zienswijze (inzage) is niet ingevuld. Verplicht."
        in out
    )
    assert code == 1


def test_checklists_lists_all() -> None:
    code, out, _ = run("checklists")
    assert code == 0
    assert len(out.splitlines()) == 13
    assert "po-so           Van (speciale) basisschool naar speciaal onderwijs (SO)" in out


def test_checklist_shows_items_in_dutch() -> None:
    code, out, _ = run("checklist", "po-vo")
    assert code == 0
    assert out.startswith("Van groep 8 naar het voortgezet onderwijs (po-vo)\n\nVerplicht:\n")
    assert "      verplicht als de leerling extra ondersteuning krijgt (anders aanbevolen)" in out
    assert "Aanbevolen:" in out


def test_checklist_unknown_exit_2() -> None:
    code, _, err = run("checklist", "xx")
    assert code == 2
    assert "Bekende overgangen:" in err


def test_schema_is_json_schema() -> None:
    code, out, _ = run("schema")
    schema = json.loads(out)
    assert code == 0
    assert schema["title"] == "Overdrachtsdossier"
    assert {"leerling", "overgang", "opp", "tlv", "toestemmingen"} <= set(schema["properties"])
    assert schema["additionalProperties"] is False


def test_help_is_dutch() -> None:
    code, out, _ = run("--help")
    assert code == 0
    assert "Afsluitcodes:" in out
    code, out, _ = run("check", "--help")
    assert "Controleer of een dossier compleet is voor zijn overgang." in out


def test_usage_error_exit_2() -> None:
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 2


def test_check_a_folder(tmp_path: Path) -> None:
    for name in ("po-vo-compleet", "po-vo-concept"):
        (tmp_path / f"{name}.yaml").write_text(
            (SAMPLES / f"{name}.yaml").read_text(encoding="utf-8"), encoding="utf-8"
        )
    (tmp_path / "notities.txt").write_text("geen dossier", encoding="utf-8")
    code, out, _ = run("check", str(tmp_path))
    assert code == 1
    assert [line.split(": ")[1] for line in out.splitlines()] == ["po-vo", "po-vo"]


def test_click_usage_errors_are_dutch() -> None:
    result = CliRunner().invoke(
        main, ["check", "--peildatum", "2027-13-01", str(SAMPLES / "po-vo-compleet.yaml")]
    )
    assert result.exit_code == 2
    assert (
        "Fout: Ongeldige waarde voor '--peildatum': '2027-13-01' is geen geldige datum; schrijf de datum als JJJJ-MM-DD, bijv. 2027-05-20"
        in result.stderr
    )
    result = CliRunner().invoke(main, ["check", "--onbekend"])
    assert "Fout: Onbekende optie '--onbekend'." in result.stderr
    assert "Gebruik: main check [OPTIES] DOSSIERS..." in result.stderr


def test_binary_file_is_not_a_text_file(tmp_path: Path) -> None:
    pdf = tmp_path / "dossier.yaml"
    pdf.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    code, _, err = run("check", str(pdf))
    assert code == 3
    assert err == (
        f"Fout: {pdf}: dit is geen tekstbestand (bijvoorbeeld een PDF, Word- of Excelbestand). "
        "Geef een dossier in YAML of JSON op.\n"
    )


def test_missing_choice_is_explained_in_dutch(tmp_path: Path) -> None:
    code, _, err = run("template", str(tmp_path / "t.xlsx"))
    assert code == 2
    assert "Fout: Ontbrekende optie '--transition' / '-t'. Kies uit:\n\tvoorschool-po," in err
    assert "Choose" not in err


def test_lowered_advice_is_checked_not_refused(tmp_path: Path) -> None:
    path = tmp_path / "d.yaml"
    path.write_text(
        (SAMPLES / "po-vo-compleet.yaml")
        .read_text(encoding="utf-8")
        .replace("heroverwogen: havo/vwo", "heroverwogen: vmbo-gt"),
        encoding="utf-8",
    )
    code, out, err = run("check", str(path))
    assert code == 1 and err == ""
    assert (
        "  ✗ verplicht   Definitief schooladvies: het heroverwogen advies 'vmbo-gt' is niet "
        "hoger dan het definitieve advies 'havo'; een heroverweging mag het advies alleen "
        "verhogen. Verplicht." in out
    )


def test_a_folder_means_the_same_dossier_files_for_check_render_and_tlv(tmp_path: Path) -> None:
    from overdracht.model.loading import dossier_files

    good = tmp_path / "a.yaml"
    good.write_text((SAMPLES / "po-vo-compleet.yaml").read_text(encoding="utf-8"), "utf-8")
    (tmp_path / ".verborgen.yaml").write_text("x: 1\n", encoding="utf-8")
    (tmp_path / "regio.yml").write_text("extends: po-vo\nuitschakelen: []\n", encoding="utf-8")
    (tmp_path / "notities.txt").write_text("x", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.json").write_text("{}", encoding="utf-8")
    assert dossier_files(tmp_path) == [good]
    assert dossier_files(tmp_path, recursive=True) == [good, tmp_path / "sub" / "b.json"]
    code, out, _ = run("check", str(tmp_path))
    assert code == 0 and out.splitlines() == [f"{good}: po-vo: COMPLEET, 1 waarschuwing"]
