"""Class 1: the YAML/JSON reader refuses what a dossier never needs, in Dutch, with exit 3."""

from __future__ import annotations

from pathlib import Path

import pytest

from overdracht.limits import MAX_SOURCE_DEPTH, MAX_SOURCE_VALUES

from .conftest import AANVRAGEN, SAMPLES, run

BILLION_LAUGHS = "\n".join(
    ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    + [
        f"{c}: &{c} [{','.join([f'*{p}'] * 9)}]"
        for p, c in zip("abcdefgh", "bcdefghi", strict=True)
    ]
)

HOSTILE = {
    "recursive alias": (
        "a: &a [*a]\n",
        "r.yaml:1: verwijzingen met & en * (ankers en aliassen) zijn in dit bestand niet "
        "toegestaan; schrijf de waarde voluit.",
    ),
    "billion laughs": (
        BILLION_LAUGHS,
        "r.yaml:1: verwijzingen met & en * (ankers en aliassen) zijn in dit bestand niet "
        "toegestaan; schrijf de waarde voluit.",
    ),
    "complex key": (
        "? [a, b]\n: 1\n",
        "r.yaml:1: een veldnaam moet gewone tekst zijn, geen lijst of blok (zoals '? [a, b]').",
    ),
    "huge integer": (
        "leerling: " + "9" * 5000 + "\n",
        "r.yaml:1: dit getal is te lang (meer dan 40 tekens); zet het tussen aanhalingstekens "
        "als het tekst is.",
    ),
    "deep nesting": (
        "a: " + "[" * 20_000 + "]" * 20_000 + "\n",
        f"r.yaml:1: het bestand is dieper genest dan {MAX_SOURCE_DEPTH} niveaus; zo diep gaat "
        "een dossier niet. Is dit wel het goede bestand?",
    ),
    "odd tag": (
        "leerling: !!binary aGFsbG8=\n",
        "r.yaml:1: een typeaanduiding met ! of !! (hier 'binary') is in dit bestand niet "
        "toegestaan; haal die weg en schrijf de waarde als gewone tekst.",
    ),
    "python tag": (
        "leerling: !!python/object:os.system ls\n",
        "r.yaml:1: een typeaanduiding met ! of !! (hier 'python/object:os.system') is in dit "
        "bestand niet toegestaan; haal die weg en schrijf de waarde als gewone tekst.",
    ),
    "two documents": (
        "a: 1\n---\nb: 2\n",
        "r.yaml:2: het bestand bevat meer dan één document (gescheiden door '---'); zet elk "
        "dossier in een eigen bestand.",
    ),
    "raw control character": (
        'leerling: "Jan\x01"\n',
        "r.yaml:1: het bestand bevat een onzichtbaar stuurteken (teken #x0001) dat niet in "
        "tekst mag staan; vaak is het meegekopieerd uit Word of Excel. Verwijder het (typ de "
        "tekst op die regel opnieuw) en probeer opnieuw.",
    ),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_yaml_is_refused_in_dutch_with_exit_3(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    text, message = HOSTILE[name]
    monkeypatch.chdir(tmp_path)
    Path("r.yaml").write_text(text, encoding="utf-8")
    code, out, err = run("check", "r.yaml")
    assert (code, out, err) == (3, "", f"Fout: {message}\n")


def test_too_many_values_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("r.yaml").write_text("a: [" + "1," * MAX_SOURCE_VALUES + "1]\n", encoding="utf-8")
    code, _, err = run("check", "r.yaml")
    assert code == 3
    assert err.startswith(f"Fout: r.yaml:1: het bestand bevat meer dan {MAX_SOURCE_VALUES} waarden")


def test_json_with_deep_nesting_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("r.json").write_text('{"a": ' + "[" * 5000 + "]" * 5000 + "}", encoding="utf-8")
    code, _, err = run("check", "r.json")
    assert code == 3 and "dieper genest dan" in err


def test_hostile_overlay_and_mapping_exit_3(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yml"
    bad.write_text("extends: &a [*a]\n", encoding="utf-8")
    code, _, err = run("check", "--overlay", bad, SAMPLES / "po-vo-compleet.yaml")
    assert code == 3 and "ankers en aliassen" in err
    code, _, err = run(
        "import", SAMPLES / "import" / "leerlingen-po-vo.csv", "-t", "po-vo",
        "--mapping", bad, "-o", tmp_path / "uit",
    )  # fmt: skip
    assert code == 3 and "ankers en aliassen" in err and "Traceback" not in err


def test_a_batch_goes_on_after_a_hostile_file(tmp_path: Path) -> None:
    (tmp_path / "a-kwaad.yaml").write_text("a: &a [*a]\n", encoding="utf-8")
    (tmp_path / "b-goed.yaml").write_text(
        (SAMPLES / "po-vo-compleet.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    code, out, err = run("check", tmp_path)
    assert code == 3
    assert "b-goed.yaml" in out and "COMPLEET" in out
    assert err.startswith("Fout: ") and "a-kwaad.yaml:1:" in err and "ankers en aliassen" in err


def test_tlv_check_still_writes_its_overview(tmp_path: Path) -> None:
    folder = tmp_path / "aanvragen"
    folder.mkdir()
    (folder / "00-kwaad.yaml").write_text("a: &a [*a]\n", encoding="utf-8")
    (folder / "01-sbo-compleet.yaml").write_bytes((AANVRAGEN / "01-sbo-compleet.yaml").read_bytes())
    overview = tmp_path / "overzicht.xlsx"
    code, out, _ = run("tlv-check", folder, "-o", overview)
    assert code == 1
    assert "onleesbaar" in out
    assert overview.exists()
