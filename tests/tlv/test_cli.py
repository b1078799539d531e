"""``overdracht tlv-check`` through click's CliRunner: exact Dutch output and exit codes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import openpyxl
from click.testing import CliRunner

from overdracht.cli import main

from .conftest import AANVRAGEN, SWV

SUMMARY = "15 aanvragen: 5 compleet, 3 met waarschuwingen, 5 onvolledig, 2 onleesbaar."


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["tlv-check", *args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_table_summary_and_exit_1_when_any_is_incomplete() -> None:
    code, out, err = run(str(AANVRAGEN), "--peildatum", "2027-04-12")
    assert code == 1
    assert err == ""
    lines = out.splitlines()
    assert lines[0].startswith("TLV-aanvragen")
    assert lines[1].startswith("┏")
    header = lines[2]
    for column in ("Leerling", "School", "TLV", "Status", "Ontbreekt", "Eerste termijn in gevaar"):
        assert column in header
    row = next(line for line in lines if "07-vso-opp-verlopen.yaml" in line)
    cells = [c.strip() for c in row.strip("│").split("│")]
    assert cells == [
        "L.D.",
        "CBS Het Kompas",
        "VSO",
        "onvolledig",
        "2",
        "12-01-2027 Volgende jaarlijkse evaluatie van het OPP (verstreken)",
        "07-vso-opp-verlopen.yaml",
    ]
    assert "Onleesbaar (verbeter het bestand en controleer opnieuw):" in lines
    assert (
        f"  {AANVRAGEN / '15-ongeldig-bsn.yaml'}:3: leerling.bsn: geen geldig BSN (9 cijfers die "
        "de elfproef doorstaan); neem het nummer opnieuw over uit de leerlingadministratie"
    ) in lines
    assert lines[-1] == SUMMARY
    assert "900" not in out and "Visser" not in out


def test_exit_0_when_all_are_complete(tmp_path: Path) -> None:
    for name in ("01-sbo-compleet.yaml", "10-so-regie-bij-school.yaml"):
        shutil.copy(AANVRAGEN / name, tmp_path)
    code, out, _ = run(str(tmp_path), "--peildatum", "2027-04-12")
    assert code == 0
    assert out.splitlines()[-1] == (
        "2 aanvragen: 1 compleet, 1 met waarschuwingen, 0 onvolledig, 0 onleesbaar."
    )


def test_namen_shows_full_names() -> None:
    code, out, _ = run(str(AANVRAGEN / "01-sbo-compleet.yaml"), "--namen")
    assert code == 0
    assert "Noor Visser" in out and "900" not in out


def test_json_for_scripts() -> None:
    code, out, err = run(str(AANVRAGEN), "--json", "--peildatum", "2027-04-12")
    assert code == 1 and err == ""
    data = json.loads(out)
    assert data["totaal"] == {
        "aanvragen": 15,
        "onleesbaar": 2,
        "onvolledig": 5,
        "waarschuwingen": 3,
        "compleet": 5,
    }
    assert data["peildatum"] == "2027-04-12"
    first_incomplete = data["aanvragen"][2]
    assert {k: first_incomplete[k] for k in ("bestand", "status", "ontbrekend")} == {
        "bestand": "07-vso-opp-verlopen.yaml",
        "status": "onvolledig",
        "ontbrekend": 2,
    }
    assert first_incomplete["eerste_termijn"] == {
        "datum": "2027-01-12",
        "omschrijving": "Volgende jaarlijkse evaluatie van het OPP",
        "verstreken": True,
    }


def test_xlsx_html_and_letters_with_overlay(tmp_path: Path) -> None:
    xlsx, html, brieven = tmp_path / "overzicht.xlsx", tmp_path / "overzicht.html", tmp_path / "b"
    code, out, _ = run(
        str(AANVRAGEN),
        "-o",
        str(xlsx),
        "--overlay",
        str(SWV),
        "--brieven",
        str(brieven),
        "--peildatum",
        "2027-04-12",
    )
    assert code == 1
    assert out.splitlines()[-3:] == [
        "15 aanvragen: 4 compleet, 3 met waarschuwingen, 6 onvolledig, 2 onleesbaar.",
        f"Overzicht geschreven: {xlsx}",
        f"6 brieven aan scholen geschreven in {brieven}",
    ]
    sheet = openpyxl.load_workbook(xlsx)["Overzicht"]
    assert sheet.max_row == 16
    assert len(list(brieven.glob("*.docx"))) == 6
    code, out, _ = run(str(AANVRAGEN), "-o", str(html), "--peildatum", "2027-04-12")
    assert out.splitlines()[-1] == f"Overzicht geschreven: {html}"
    assert html.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_json_keeps_stdout_clean_when_writing(tmp_path: Path) -> None:
    out_file = tmp_path / "o.html"
    _, out, err = run(str(AANVRAGEN), "--json", "-o", str(out_file))
    assert json.loads(out)["totaal"]["aanvragen"] == 15
    assert err == f"Overzicht geschreven: {out_file}\n"


def test_existing_output_is_refused_before_checking(tmp_path: Path) -> None:
    target = tmp_path / "overzicht.xlsx"
    target.write_bytes(b"oud")
    code, out, err = run(str(AANVRAGEN), "-o", str(target))
    assert code == 2 and out == ""
    assert err == (
        "Fout: Deze bestanden bestaan al en worden niet overschreven. Gebruik --force om ze te "
        f"vervangen, of kies een andere map met -o.\n  - {target}\n"
    )
    assert target.read_bytes() == b"oud"
    code, _, _ = run(str(AANVRAGEN), "-o", str(target), "--force")
    assert code == 1 and target.read_bytes() != b"oud"


def test_existing_letters_are_refused_before_anything_is_written(tmp_path: Path) -> None:
    brieven = tmp_path / "brieven"
    brieven.mkdir()
    (brieven / "aanvulling-05-sbo-route-onvolledig.docx").write_bytes(b"oud")
    code, _, err = run(str(AANVRAGEN), "--brieven", str(brieven), "-o", str(tmp_path / "o.html"))
    assert code == 2
    assert "aanvulling-05-sbo-route-onvolledig.docx" in err
    assert not (tmp_path / "o.html").exists()


def test_unknown_output_format_is_a_usage_error(tmp_path: Path) -> None:
    code, out, err = run(str(AANVRAGEN), "-o", str(tmp_path / "overzicht.pdf"))
    assert code == 2 and out == ""
    assert err == (
        f"Fout: {tmp_path / 'overzicht.pdf'}: onbekend soort uitvoer '.pdf'; kies een "
        "bestandsnaam op .xlsx of .html.\n"
    )


def test_unusable_folder_exits_3(tmp_path: Path) -> None:
    code, out, err = run(str(tmp_path / "nergens"))
    assert code == 3 and out == ""
    assert (
        err
        == f"Fout: {tmp_path / 'nergens'}: deze map bestaat niet. Controleer de naam en de map.\n"
    )
    code, _, err = run(str(tmp_path))
    assert code == 3
    assert err == (
        f"Fout: {tmp_path}: geen aanvragen gevonden (gezocht naar .yaml-, .yml- en "
        ".json-bestanden).\n"
    )


def test_overlay_that_is_not_for_tlv_exits_2(tmp_path: Path) -> None:
    overlay = tmp_path / "regio.yaml"
    overlay.write_text("extends: po-vo\n", encoding="utf-8")
    code, _, err = run(str(AANVRAGEN), "--overlay", str(overlay))
    assert code == 2
    assert err == (
        f"Fout: {overlay}: deze overlay breidt po-vo uit; voor TLV-aanvragen moet hij een of "
        "meer van po-sbo, po-so, po-vso, vo-vso, po-pro, vo-pro uitbreiden (extends:).\n"
    )


def test_help_is_dutch() -> None:
    code, out, _ = run("--help")
    assert code == 0
    assert "Controleer TLV-aanvragen op volledigheid" in out
    assert "--brieven" in out and "--namen" in out and "--peildatum" in out
