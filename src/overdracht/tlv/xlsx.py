"""The overview as an XLSX workbook: sheet 'Overzicht' and sheet 'Bevindingen'."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from overdracht.output import atomic_write_bytes
from overdracht.tlv.overview import Aanvraag, Overzicht

# Light fills that stay readable when printed; one per status of an aanvraag.
STATUS_FILL: dict[str, str] = {
    "onleesbaar": "E4D7F5",
    "onvolledig": "F8D7DA",
    "waarschuwingen": "FFF3CD",
    "compleet": "D4EDDA",
}
# Fill per finding status in the sheet 'Bevindingen'.
FINDING_FILL: dict[str, str] = {
    "ontbreekt": "F8D7DA",
    "aanbevolen": "FFF3CD",
    "aanwezig": "D4EDDA",
    "onleesbaar": "E4D7F5",
}
SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}

OVERVIEW_COLUMNS: list[tuple[str, int]] = [
    ("Leerling", 22),
    ("School", 28),
    ("BRIN", 7),
    ("Soort TLV", 10),
    ("Status", 15),
    ("Ontbrekend", 12),
    ("Waarschuwingen", 16),
    ("Eerste termijn", 14),
    ("Termijn", 40),
    ("Procesregie hoort bij", 20),
    ("Overgang", 10),
    ("Bestand", 36),
    ("Reden (onleesbaar)", 60),
]
FINDING_COLUMNS: list[tuple[str, int]] = [
    ("Leerling", 22),
    ("Bestand", 36),
    ("Status aanvraag", 16),
    ("Uitkomst", 12),
    ("Eis", 45),
    ("Melding", 90),
    ("Bron", 50),
]
DATE_FORMAT = "DD-MM-YYYY"


def xlsx_bytes(overzicht: Overzicht) -> bytes:
    """The workbook as bytes: an overview row per aanvraag and a row per finding."""
    workbook = Workbook()
    overview = workbook.active
    overview.title = "Overzicht"
    _header(overview, OVERVIEW_COLUMNS)
    # Row numbers are counted here: sheet.max_row scans every cell and would make this quadratic.
    fills = {status: PatternFill("solid", fgColor=colour) for status, colour in STATUS_FILL.items()}
    for row, aanvraag in enumerate(overzicht.aanvragen, start=2):
        _append(overview, row, _overview_row(aanvraag))
        for column in range(1, len(OVERVIEW_COLUMNS) + 1):
            overview.cell(row, column).fill = fills[aanvraag.status]
        overview.cell(row, 8).number_format = DATE_FORMAT
    _finish(overview, len(OVERVIEW_COLUMNS), len(overzicht.aanvragen) + 1)

    findings = workbook.create_sheet("Bevindingen")
    _header(findings, FINDING_COLUMNS)
    finding_fills = {
        status: PatternFill("solid", fgColor=colour) for status, colour in FINDING_FILL.items()
    }
    row = 1
    for aanvraag in overzicht.aanvragen:
        for values in _finding_rows(aanvraag):
            row += 1
            _append(findings, row, values)
            fill = finding_fills.get(str(values[3]))
            if fill is not None:
                findings.cell(row, 4).fill = fill
    _finish(findings, len(FINDING_COLUMNS), row)

    workbook.properties.title = "Overzicht TLV-aanvragen"
    workbook.properties.creator = "overdracht"
    workbook.properties.lastModifiedBy = "overdracht"
    workbook.properties.language = "nl-NL"
    if overzicht.peildatum:
        workbook.properties.subject = f"Peildatum {overzicht.peildatum:%d-%m-%Y}"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def write_xlsx(overzicht: Overzicht, path: Path, *, force: bool = False) -> None:
    """Write the workbook atomically; an existing file is only replaced with ``force``."""
    atomic_write_bytes(path, xlsx_bytes(overzicht), force=force)


def _append(sheet: Any, row: int, values: list[Any]) -> None:
    """Append ``values`` as row ``row``; text stays text, even when it starts with '='.

    openpyxl stores such a string as a formula: a school name like
    ``=HYPERLINK("https://...?"&A2, "klik")`` would be live in the loket's Excel.
    """
    sheet.append(values)
    for column, value in enumerate(values, start=1):
        if isinstance(value, str) and value.startswith("="):
            sheet.cell(row, column).data_type = "s"


def _overview_row(aanvraag: Aanvraag) -> list[Any]:
    termijn = aanvraag.eerste_termijn
    readable = aanvraag.status != "onleesbaar"
    return [
        aanvraag.leerling,
        aanvraag.school,
        aanvraag.brin,
        aanvraag.soort,
        aanvraag.status,
        aanvraag.ontbrekend if readable else None,
        aanvraag.waarschuwingen if readable else None,
        termijn.datum if termijn else None,
        (termijn.titel + (" (verstreken)" if termijn.verstreken else "")) if termijn else "",
        aanvraag.procesregie or "",
        aanvraag.overgang,
        aanvraag.bestand,
        aanvraag.reden,
    ]


def _finding_rows(aanvraag: Aanvraag) -> list[list[Any]]:
    if aanvraag.status == "onleesbaar":
        return [
            [
                aanvraag.leerling,
                aanvraag.bestand,
                aanvraag.status,
                "onleesbaar",
                "Bestand leesbaar en geldig",
                aanvraag.reden,
                "",
            ]
        ]
    # Only what needs doing: what is present or does not apply is not a finding for the loket.
    meaningful = [f for f in aanvraag.findings if f.severity != "info"]
    ordered = sorted(meaningful, key=lambda f: SEVERITY_ORDER[f.severity])
    return [
        [
            aanvraag.leerling,
            aanvraag.bestand,
            aanvraag.status,
            finding.status,
            finding.title,
            finding.message,
            finding.source,
        ]
        for finding in ordered
    ]


def _header(sheet: Any, columns: list[tuple[str, int]]) -> None:
    sheet.append([name for name, _ in columns])
    for index, (_, width) in enumerate(columns, start=1):
        cell = sheet.cell(1, index)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(vertical="top")
        sheet.column_dimensions[get_column_letter(index)].width = width


def _finish(sheet: Any, width: int, rows: int) -> None:
    """Filters on every column, the header row frozen while scrolling, and a print set-up:
    A4 landscape, all columns on the width of one page, the header row on every page."""
    sheet.auto_filter.ref = f"A1:{get_column_letter(width)}{rows}"
    sheet.freeze_panes = "A2"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "1:1"
    sheet.oddFooter.right.text = "pagina &P van &N"
    sheet.oddFooter.left.text = sheet.title
