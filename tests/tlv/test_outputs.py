"""The XLSX workbook read back with openpyxl, the HTML page parsed, the letters read as text."""

from __future__ import annotations

import datetime as dt
from html.parser import HTMLParser
from pathlib import Path

import openpyxl
import pytest
from docx2python import docx2python

from overdracht.errors import UsageError
from overdracht.tlv import check_aanvragen
from overdracht.tlv.html import html_page
from overdracht.tlv.letters import dutch_date, letter_name, write_letters
from overdracht.tlv.overview import Overzicht
from overdracht.tlv.xlsx import STATUS_FILL, write_xlsx

from .conftest import AANVRAGEN, PEILDATUM, ROOT


@pytest.fixture(scope="module")
def overzicht() -> Overzicht:
    return check_aanvragen(AANVRAGEN, peildatum=PEILDATUM)


# --- XLSX ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def workbook(overzicht: Overzicht, tmp_path_factory: pytest.TempPathFactory) -> openpyxl.Workbook:
    path = tmp_path_factory.mktemp("xlsx") / "overzicht.xlsx"
    write_xlsx(overzicht, path)
    return openpyxl.load_workbook(path)


def test_xlsx_has_overview_and_findings_sheets(workbook: openpyxl.Workbook) -> None:
    assert workbook.sheetnames == ["Overzicht", "Bevindingen"]


def test_xlsx_overview_rows(workbook: openpyxl.Workbook) -> None:
    sheet = workbook["Overzicht"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:9] == (
        "Leerling",
        "School",
        "BRIN",
        "Soort TLV",
        "Status",
        "Ontbrekend",
        "Waarschuwingen",
        "Eerste termijn",
        "Termijn",
    )
    assert len(rows) == 16
    by_file = {row[11]: row for row in rows[1:]}
    assert by_file["07-vso-opp-verlopen.yaml"][:10] == (
        "L.D.",
        "CBS Het Kompas",
        "34CD",
        "VSO",
        "onvolledig",
        2,
        1,
        dt.datetime(2027, 1, 12),
        "Volgende jaarlijkse evaluatie van het OPP (verstreken)",
        "school",
    )
    broken = by_file["15-ongeldig-bsn.yaml"]
    assert broken[4] == "onleesbaar" and broken[5] is None
    assert "leerling.bsn: geen geldig BSN" in broken[12]
    assert [row[4] for row in rows[1:3]] == ["onleesbaar", "onleesbaar"]  # sorted: worst first


def test_xlsx_overview_filter_freeze_and_colours(workbook: openpyxl.Workbook) -> None:
    sheet = workbook["Overzicht"]
    assert sheet.auto_filter.ref == "A1:M16"
    assert sheet.freeze_panes == "A2"
    assert sheet.cell(1, 1).font.bold
    for row in range(2, 17):
        status = sheet.cell(row, 5).value
        assert sheet.cell(row, 1).fill.fgColor.rgb == f"00{STATUS_FILL[status]}"
        assert sheet.cell(row, 13).fill.fgColor.rgb == f"00{STATUS_FILL[status]}"
    assert sheet.cell(4, 8).number_format == "DD-MM-YYYY"


def test_xlsx_findings_sheet_has_what_needs_doing(
    workbook: openpyxl.Workbook, overzicht: Overzicht
) -> None:
    sheet = workbook["Bevindingen"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == (
        "Leerling",
        "Bestand",
        "Status aanvraag",
        "Uitkomst",
        "Eis",
        "Melding",
        "Bron",
    )
    # Errors and warnings only: what is present or does not apply is no work for the loket.
    readable = sum(1 for a in overzicht.aanvragen for f in a.findings if f.severity != "info")
    assert len(rows) - 1 == readable + 2  # + one row per unreadable file
    assert sheet.auto_filter.ref == f"A1:G{len(rows)}"
    route = [r for r in rows if r[1] == "05-sbo-route-onvolledig.yaml" and r[3] == "ontbreekt"]
    assert route[0][5].startswith(
        "Ondersteuningsroute gevolgd (fase 1 tot en met 4): fase 2. collegiale consultatie"
    )
    assert {r[3] for r in rows[1:]} == {"onleesbaar", "ontbreekt", "aanbevolen"}


def test_xlsx_prints_on_a4_landscape_with_headers_and_names_its_maker(
    workbook: openpyxl.Workbook,
) -> None:
    assert workbook.properties.creator == "overdracht"
    for sheet in workbook:
        assert sheet.page_setup.orientation == "landscape"
        assert sheet.page_setup.fitToWidth == 1
        assert sheet.print_title_rows == "$1:$1"


def test_xlsx_contains_no_bsn_or_names(workbook: openpyxl.Workbook) -> None:
    for sheet in workbook:
        for row in sheet.iter_rows(values_only=True):
            text = " ".join(str(v) for v in row if v is not None)
            assert "900" not in text and "Visser" not in text


def test_xlsx_is_not_overwritten_without_force(overzicht: Overzicht, tmp_path: Path) -> None:
    path = tmp_path / "o.xlsx"
    write_xlsx(overzicht, path)
    with pytest.raises(UsageError, match="bestaan al"):
        write_xlsx(overzicht, path)
    write_xlsx(overzicht, path, force=True)


# --- HTML ----------------------------------------------------------------------------------


class _Page(HTMLParser):
    """Collects the overview table rows, section ids, and anything that loads from outside."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[str]] = []
        self.sections: list[str] = []
        self.external: list[str] = []
        self.scripts = 0
        self._in_body = False
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "tbody":
            self._in_body = True
        elif tag == "tr" and self._in_body:
            self.rows.append([])
        elif tag == "td" and self._in_body:
            self._cell = []
        elif tag == "section":
            self.sections.append(values.get("id") or "")
        elif tag == "script":
            self.scripts += 1
        for name in ("src", "href"):
            value = values.get(name)
            if value and not value.startswith("#"):
                self.external.append(value)

    def handle_endtag(self, tag: str) -> None:
        if tag == "tbody":
            self._in_body = False
        elif tag == "td" and self._cell is not None:
            self.rows[-1].append("".join(self._cell).strip())
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


@pytest.fixture(scope="module")
def page(overzicht: Overzicht) -> tuple[str, _Page]:
    text = html_page(overzicht)
    parser = _Page()
    parser.feed(text)
    return text, parser


def test_html_table_rows(page: tuple[str, _Page]) -> None:
    _, parsed = page
    assert len(parsed.rows) == 15
    assert parsed.rows[2] == [
        "L.D.",
        "CBS Het Kompas",
        "VSO",
        "onvolledig",
        "2",
        "12-01-2027 Volgende jaarlijkse evaluatie van het OPP (verstreken)",
        "school",
        "07-vso-opp-verlopen.yaml",
    ]
    assert parsed.rows[0][3] == "onleesbaar" and parsed.rows[0][4] == "-"
    assert [row[3] for row in parsed.rows[-5:]] == ["compleet"] * 5


def test_html_is_self_contained(page: tuple[str, _Page]) -> None:
    text, parsed = page
    assert parsed.external == [] and parsed.scripts == 0
    assert "<style>" in text and '<html lang="nl">' in text


def test_html_details_per_aanvraag_with_problems(page: tuple[str, _Page]) -> None:
    text, parsed = page
    assert len(parsed.sections) == 10  # 2 unreadable, 5 incomplete, 3 with warnings
    assert "Ontbreekt: Ondersteuningsroute gevolgd (fase 1 tot en met 4)" in text
    assert "<li>In het plan van aanpak van het MDO ontbreekt: regie, evaluatiedatum.</li>" in text
    assert "15 aanvragen: 5 compleet, 3 met waarschuwingen, 5 onvolledig, 2 onleesbaar." in text
    assert "Peildatum: 12-04-2027" in text


def test_html_escapes_dossier_text(tmp_path: Path) -> None:
    source = (AANVRAGEN / "05-sbo-route-onvolledig.yaml").read_text(encoding="utf-8")
    (tmp_path / "a.yaml").write_text(
        source.replace("naam: CBS Het Kompas", "naam: CBS <b>Kompas</b> & Co"), encoding="utf-8"
    )
    text = html_page(check_aanvragen(tmp_path, peildatum=PEILDATUM))
    assert "CBS &lt;b&gt;Kompas&lt;/b&gt; &amp; Co" in text and "<b>Kompas" not in text


# --- letters -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def letters(overzicht: Overzicht, tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    folder = tmp_path_factory.mktemp("brieven")
    paths = write_letters(overzicht, folder)
    return {path.name: docx2python(str(path)).text for path in paths}


def test_one_letter_per_incomplete_aanvraag(letters: dict[str, str]) -> None:
    assert sorted(letters) == [
        "aanvulling-05-sbo-route-onvolledig.docx",
        "aanvulling-06-so-adviezen-tegenstrijdig.docx",
        "aanvulling-07-vso-opp-verlopen.docx",
        "aanvulling-08-pro-buiten-criteria.docx",
        "aanvulling-09-vso-leerling-niet-gehoord.docx",
    ]


def test_letter_lists_what_is_missing_and_why(letters: dict[str, str]) -> None:
    text = letters["aanvulling-07-vso-opp-verlopen.docx"]
    for expected in (
        "SWV VO Eemland",
        "Loket toelaatbaarheid",
        "t.a.v. Joost Dekker, intern begeleider",
        "Datum: 12 april 2027",
        "Betreft: aanvulling nodig op de aanvraag TLV VSO voor leerling L.D., geboren 21-01-2015",
        "Beste Joost Dekker,",
        "Op 22 maart 2027 ontvingen wij uw aanvraag voor een toelaatbaarheidsverklaring (VSO)",
        "De aanvraag is nog niet compleet: 2 verplichte onderdelen zijn niet in orde.",
        "Wat ontbreekt en waarom",
        "1. OPP - instemming van ouders met het handelingsdeel",
        "Waarom: dit is verplicht omdat er een OPP is (bron: Instemmingsrecht ouders op het "
        "handelingsdeel (sinds 1-8-2017)).",
        "2. OPP - evaluatie in het afgelopen jaar",
        "De meest recente datum is ouder dan 12 maanden.",
        "Wat u kunt doen: Evalueer het OPP met ouders en leg de datum van de evaluatie vast bij het OPP.",
        "Aandachtspunten (niet verplicht, wel van belang)",
        "De termijn is verstreken op 12-01-2027.",
        "Heeft u vragen over deze brief? Neem dan contact op met het loket van SWV VO Eemland.",
    ):
        assert expected in text, expected


def test_letter_names_the_pupil_only_as_needed(letters: dict[str, str]) -> None:
    text = letters["aanvulling-09-vso-leerling-niet-gehoord.docx"]
    assert "leerling Y.P., geboren 03-12-2012, leerlingnummer V7009" in text
    for letter in letters.values():
        assert "900" not in letter  # no BSN
    assert "Yara" not in text and "Peters" not in text


def test_letter_groups_problems_of_one_requirement(letters: dict[str, str]) -> None:
    text = letters["aanvulling-05-sbo-route-onvolledig.docx"]
    assert text.count("Ondersteuningsroute gevolgd (fase 1 tot en met 4)") == 1
    assert "Fase 2. collegiale consultatie is niet vastgelegd." in text
    assert "In het plan van aanpak van het MDO ontbreekt: regie, evaluatiedatum." in text
    assert text.count("Wat u kunt doen: Leg bij de ondersteuningsroute") == 1
    assert "De aanvraag is nog niet compleet: 1 verplicht onderdeel is niet in orde." in text


def test_letter_on_a4_in_dutch_with_the_swv_letterhead_and_a_deadline(
    overzicht: Overzicht, tmp_path: Path
) -> None:
    import zipfile

    from overdracht.tlv.letterhead import load_letterhead

    settings = ROOT / "samples" / "instellingen-swv.yml"
    paths = write_letters(overzicht, tmp_path, briefhoofd=load_letterhead(settings))
    path = next(p for p in paths if p.name == "aanvulling-07-vso-opp-verlopen.docx")
    text = docx2python(str(path)).text
    for expected in (
        "Samenwerkingsverband Eemland PO (voorbeeld)",
        "Postbus 2100",
        "033-123 45 67 · loket@swv-eemland.example",
        "Wilt u de ontbrekende onderdelen uiterlijk 27 april 2027 aanvullen",
        "Neem dan contact op met Anja de Wit (033-123 45 67 of loket@swv-eemland.example).",
        "medewerker loket",
    ):
        assert expected in text, expected
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        document = archive.read("word/document.xml").decode()
        styles = archive.read("word/styles.xml").decode()
        core = archive.read("docProps/core.xml").decode()
    assert '<w:pgSz w:w="11906" w:h="16838"' in document  # A4
    assert 'w:lang w:val="nl-NL"' in styles and "en-US" not in styles
    assert any(n.startswith("word/media/") for n in names)  # the logo
    assert not [n for n in names if "thumbnail" in n or n.startswith("customXml")]
    assert "<dc:creator>Samenwerkingsverband Eemland PO (voorbeeld)</dc:creator>" in core
    assert "<dc:language>nl-NL</dc:language>" in core and "python-docx" not in core


def test_a_wrong_settings_file_names_file_line_and_field(tmp_path: Path) -> None:
    from overdracht.errors import InvalidInputError
    from overdracht.tlv.letterhead import load_letterhead

    path = tmp_path / "instellingen.yml"
    path.write_text("naam: SWV\ntermijn_dagen: nooit\n", encoding="utf-8")
    with pytest.raises(InvalidInputError) as caught:
        load_letterhead(path)
    assert "instellingen.yml:2: termijn_dagen" in "\n".join(caught.value.details)


def test_letters_are_not_overwritten_without_force(overzicht: Overzicht, tmp_path: Path) -> None:
    write_letters(overzicht, tmp_path)
    with pytest.raises(UsageError, match="bestaan al"):
        write_letters(overzicht, tmp_path)
    assert len(write_letters(overzicht, tmp_path, force=True)) == 5


def test_letter_name_and_date_helpers(overzicht: Overzicht) -> None:
    row = next(a for a in overzicht.aanvragen if a.status == "onvolledig")
    row_copy = type(row)(bestand="school a/aanvraag 1.yaml", status="onvolledig")
    assert letter_name(row_copy) == "aanvulling-school-a-aanvraag-1.docx"
    assert dutch_date(dt.date(2027, 3, 1)) == "1 maart 2027"
