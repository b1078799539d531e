from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from overdracht.checklists import evaluate, known_ids, load_checklist
from overdracht.cli import main
from overdracht.errors import ChecklistError, UsageError
from overdracht.model import Dossier

from .conftest import ROOT

TRANSITIONS = [
    "voorschool-po",
    "po-po",
    "po-sbo",
    "po-so",
    "po-vo",
    "po-pro",
    "po-vso",
    "vo-vo",
    "vo-pro",
    "vo-vso",
    "vo-mbo",
    "mbo-mbo",
    "mbo-hbo",
]


def test_every_transition_has_a_checklist() -> None:
    assert sorted(known_ids()) == sorted(TRANSITIONS)


@pytest.mark.parametrize("checklist_id", TRANSITIONS)
def test_every_checklist_builds_on_the_basis(checklist_id: str) -> None:
    checklist = load_checklist(checklist_id)
    ids = {r.id for r in checklist.regels}
    assert {"inzage", "toestemming_jeugdhulp", "warme_overdracht", "kennismaking"} <= ids
    assert all(r.bron for r in checklist.regels)
    assert len(ids) == len(checklist.regels)


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "regio.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_overlay_adds_tightens_relaxes_and_disables(
    tmp_path: Path, sample: Callable[[str], dict[str, Any]]
) -> None:
    overlay = write(
        tmp_path,
        """\
extends: po-so
titel: Afspraken SWV Eemland
aanpassen:
  kennismaking: {niveau: verplicht}
  zienswijze: {niveau: aanbevolen, titel: Zienswijze (graag)}
  handelingsadviezen: {niveau: aanbevolen, als: null}
uitschakelen: [terugkoppeling]
regels:
  - id: advies_recent
    titel: Deskundigenadviezen niet ouder dan 3 maanden
    niveau: verplicht
    soort: deskundigenadviezen
    max_maanden: 2
    bron: Ondersteuningsplan SWV Eemland
""",
    )
    checklist = load_checklist("po-so", overlay)
    assert checklist.overlay == "Afspraken SWV Eemland"
    rules = {r.id: r for r in checklist.regels}
    assert "terugkoppeling" not in rules
    assert rules["kennismaking"].niveau == "verplicht"
    assert rules["handelingsadviezen"].als is None
    data = sample("po-so-compleet")
    data.pop("kennismaking")
    report = evaluate(checklist, Dossier.model_validate(data))
    assert {f.rule for f in report.errors} == {"kennismaking", "advies_recent"}
    assert next(f.message for f in report.errors if f.rule == "advies_recent") == (
        "Deskundigenadviezen niet ouder dan 3 maanden: advies 1 (orthopedagoog) is ouder dan "
        "2 maanden. Verplicht."
    )


def test_overlay_for_several_checklists(tmp_path: Path) -> None:
    overlay = write(tmp_path, "extends: [po-sbo, po-so]\nuitschakelen: [terugkoppeling]\n")
    assert load_checklist("po-sbo", overlay).rule("terugkoppeling") is None
    with pytest.raises(UsageError, match="deze overlay hoort bij po-sbo, po-so, niet bij 'po-vo'"):
        load_checklist("po-vo", overlay)


def test_overlay_edit_that_does_nothing_is_reported(tmp_path: Path) -> None:
    overlay = write(tmp_path, "extends: [po-sbo, po-so]\nuitschakelen: [oza]\n")
    assert load_checklist("po-so", overlay).warnings == []
    assert load_checklist("po-sbo", overlay).warnings == [
        f"{overlay}:2: uitschakelen: regel 'oza' staat niet in po-sbo; deze regel doet hier niets"
    ]
    code_out = CliRunner().invoke(main, ["checklist", "po-sbo", "--overlay", str(overlay)])
    assert code_out.exit_code == 0
    assert code_out.stdout.endswith(
        "Let op, deze aanpassingen van de overlay doen niets:\n"
        f"  - {overlay}:2: uitschakelen: regel 'oza' staat niet in po-sbo; deze regel doet hier "
        "niets\n"
    )


def test_overlay_edit_that_matches_no_checklist_is_an_error(tmp_path: Path) -> None:
    overlay = write(
        tmp_path,
        "extends: [po-sbo, po-so]\nuitschakelen: [bestaat_niet]\naanpassen:\n  weg: {niveau: verplicht}\n",
    )
    with pytest.raises(ChecklistError) as info:
        load_checklist("po-so", overlay)
    assert str(info.value) == (
        f"{overlay}: de checklist bevat 2 fouten:\n"
        f"  - {overlay}:2: uitschakelen: regel 'bestaat_niet' bestaat in geen enkele checklist\n"
        f"  - {overlay}:4: aanpassen: regel 'weg' bestaat in geen enkele checklist"
    )


def test_consent_that_holds_everywhere_cannot_be_switched_off_or_narrowed(
    tmp_path: Path,
) -> None:
    overlay = write(
        tmp_path,
        "extends: po-so\nuitschakelen: [toestemming_medisch]\naanpassen:\n"
        "  toestemming_jeugdhulp: {gegevens: [ondersteuning.jeugdhulp]}\n"
        "  toestemming_mdo: {niveau: aanbevolen}\n",
    )
    with pytest.raises(ChecklistError) as info:
        load_checklist("po-so", overlay)
    assert info.value.details == [
        f"{overlay}:2: uitschakelen: regel 'toestemming_medisch' geldt op elke overgang "
        "(altijd: true) en kan niet worden uitgeschakeld; zonder toestemming gaan deze "
        "gegevens nooit mee",
        f"{overlay}:4: aanpassen.toestemming_jeugdhulp: deze toestemming geldt op elke "
        "overgang; velden weghalen kan niet (ondersteuning.oza, opp.jeugdhulp_genoemd), "
        "velden toevoegen wel",
    ]


def test_every_problem_of_an_overlay_at_once(tmp_path: Path) -> None:
    overlay = write(
        tmp_path,
        "extends: po-so\nuitschakelen: [weg]\naanpassen:\n  opp: {niveau: soms}\n"
        "  ook_weg: {niveau: verplicht}\n",
    )
    with pytest.raises(ChecklistError) as info:
        load_checklist("po-so", overlay)
    assert info.value.details == [
        f"{overlay}:2: uitschakelen: regel 'weg' bestaat in geen enkele checklist",
        f"{overlay}:4: aanpassen.opp.niveau: ongeldige waarde 'soms'; kies uit: verplicht, "
        "verplicht-als, aanbevolen",
        f"{overlay}:5: aanpassen: regel 'ook_weg' bestaat in geen enkele checklist",
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "extends: po-so\nregels:\n  - id: x\n    titel: X\n    niveau: verplicht\n    soort: bestaat_niet\n    bron: b\n",
            "regio.yaml:6: regels[1].soort: onbekende soort 'bestaat_niet'; kies uit: aanwezig, ",
        ),
        (
            "extends: po-so\nregels:\n  - id: x\n    titel: X\n    niveau: verplicht-als\n    soort: aanwezig\n    pad: opp\n    bron: b\n",
            "regio.yaml:3: regels[1]: niveau 'verplicht-als' heeft een voorwaarde nodig onder 'als:'",
        ),
        (
            "extends: po-so\nregels:\n  - id: x\n    titel: X\n    niveau: verplicht\n    soort: aanwezig\n    bron: b\n    padd: opp\n",
            "regio.yaml:8: regels[1].padd: onbekend veld",
        ),
        (
            "extends: po-so\naanpassen:\n  bestaat_niet: {niveau: verplicht}\n",
            "regio.yaml:3: aanpassen: regel 'bestaat_niet' bestaat in geen enkele checklist",
        ),
        (
            "extends: po-so\naanpassen:\n  opp:\n    niveau: soms\n",
            "regio.yaml:4: aanpassen.opp.niveau: ongeldige waarde 'soms'; kies uit: verplicht, verplicht-als, aanbevolen",
        ),
        (
            "extends: po-so\nuitschakelen: [opp, weg]\n",
            "regio.yaml:2: uitschakelen: regel 'weg' bestaat in geen enkele checklist",
        ),
        ("extends: po-zo\n", "regio.yaml:1: extends: onbekende checklist 'po-zo'"),
        (
            "extends: po-so\nregels:\n  - id: opp\n    titel: X\n    niveau: verplicht\n    soort: aanwezig\n    pad: opp\n    bron: b\n",
            "regio.yaml:3: regels[1].id: regel 'opp' bestaat al; gebruik 'aanpassen:'",
        ),
        ("extends: po-so\nregels: [\n", "regio.yaml:3: het bestand is geen geldige YAML of JSON"),
        (
            "titel: zonder extends\n",
            "regio.yaml:1: extends: een overlay moet zeggen welke checklist hij uitbreidt",
        ),
    ],
)
def test_broken_overlay_is_reported_as_file_line_field_problem(
    tmp_path: Path, text: str, message: str
) -> None:
    overlay = write(tmp_path, text)
    with pytest.raises(ChecklistError) as info:
        load_checklist("po-so", overlay)
    assert message in str(info.value)


def test_unknown_checklist_lists_the_known_ids() -> None:
    with pytest.raises(UsageError) as info:
        load_checklist("po-xx")
    assert str(info.value) == (
        "onbekende overgang of checklist 'po-xx'. Bekende overgangen: "
        + ", ".join(sorted(TRANSITIONS))
        + "."
    )


def test_no_python_or_expressions_in_checklists() -> None:
    for path in (ROOT / "checklists").rglob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        assert "!!python" not in text and "eval(" not in text and "lambda" not in text, path


def test_the_words_of_the_documents_are_checklist_settings(tmp_path: Path) -> None:
    assert load_checklist("voorschool-po").instellingen.persoon == "kind"
    assert load_checklist("voorschool-po").instellingen.document == "Overdrachtsformulier"
    assert load_checklist("mbo-hbo").instellingen.persoon == "student"
    assert load_checklist("po-vo").instellingen.persoon == "leerling"
    overlay = write(
        tmp_path,
        "extends: po-vo\ninstellingen:\n  vertrekkend: basisschool\n  volwassen_vanaf: 16\n",
    )
    settings = load_checklist("po-vo", overlay).instellingen
    assert (settings.persoon, settings.vertrekkend, settings.volwassen_vanaf) == (
        "leerling",
        "basisschool",
        16,
    )
    wrong = tmp_path / "fout"
    wrong.mkdir()  # another file: a checklist file is read once
    with pytest.raises(ChecklistError) as info:
        load_checklist("po-vo", write(wrong, "extends: po-vo\ninstellingen:\n  persoon: pupil\n"))
    assert "instellingen.persoon" in str(info.value)
