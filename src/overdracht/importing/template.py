"""Write a workbook made for filling in: one sheet per kind of data, with dropdowns."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path
from typing import Any

from overdracht.importing.fields import (
    EXAMPLE_KEY,
    INSTRUCTION_SHEET,
    JA_NEE,
    FieldSpec,
    SheetSpec,
    sheets_for,
)
from overdracht.importing.importer import check_transition
from overdracht.output import atomic_write_bytes

TEMPLATE_ROWS = 1000  # rows that get dropdowns and date formats
DATE_FORMAT = "DD-MM-YYYY"
_REQUIRED_FILL = "FCE4D6"
_OPTIONAL_FILL = "DDEBF7"
_EXAMPLE_FONT = "808080"


def write_template(path: str | Path, *, transition: str, force: bool = False) -> Path:
    """Write a fill-in workbook for ``transition`` (e.g. ``"po-vo"``) to ``path``.

    One sheet per kind of data (School, Leerlingen, Ouders, Toetsen, ...), joined by
    leerlingnummer; Dutch headers, dropdowns for fixed lists, date-formatted
    columns, an instruction sheet and one example row per sheet. Refuses to
    overwrite an existing file unless ``force``.
    """
    target = Path(path)
    check_transition(transition)
    atomic_write_bytes(target, template_bytes(transition), force=force)
    return target


def template_bytes(transition: str) -> bytes:
    """The template workbook for ``transition`` as .xlsx bytes."""
    from openpyxl import Workbook

    workbook = Workbook()
    instructions = workbook.active
    instructions.title = INSTRUCTION_SHEET
    specs = sheets_for(transition)
    _write_instructions(instructions, transition, specs)
    for spec in specs:
        _write_sheet(workbook.create_sheet(spec.name), spec, transition)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _write_instructions(sheet: Any, transition: str, specs: tuple[SheetSpec, ...]) -> None:
    from openpyxl.styles import Alignment, Font

    lines = [
        (f"Invulsjabloon overdracht – overgang {transition}", True),
        ("", False),
        ("Zo vult u dit sjabloon in", True),
        ("1. Vul op blad School één rij in: de vertrekkende school en het schooljaar.", False),
        ("2. Vul op blad Leerlingen één rij per leerling in, met een eigen leerlingnummer.", False),
        (
            "3. Vul op de andere bladen zoveel rijen in als nodig; het leerlingnummer koppelt "
            "elke rij aan de leerling.",
            False,
        ),
        (
            "4. Oranje kolomkoppen zijn verplicht; blauwe mag u leeg laten. Bij elke kolomkop "
            "staat een opmerking met uitleg.",
            False,
        ),
        (
            "5. Datums als datum (bijv. 14-03-2014). Bij keuzelijsten kiest u uit het lijstje.",
            False,
        ),
        (
            f"6. De grijze rij met leerlingnummer {EXAMPLE_KEY} is een voorbeeld; die wordt "
            "niet ingelezen. U mag hem laten staan of verwijderen.",
            False,
        ),
        ("", False),
        ("Inlezen", True),
        (f"overdracht import <dit bestand> -o dossiers/ --transition {transition}", False),
        (
            "Elke leerling wordt één dossierbestand. Wat niet klopt, staat met blad, rij en kolom "
            "in importverslag.xlsx in dezelfde map.",
            False,
        ),
        ("", False),
        ("Bladen", True),
        *((f"{spec.name}: {spec.help}", False) for spec in specs),
        ("", False),
        (
            "Privacy: neem alleen gegevens op die bij de overdracht horen (zie de README). "
            "Bewaar en verstuur dit bestand beveiligd.",
            False,
        ),
    ]
    for number, (text, bold) in enumerate(lines, start=1):
        cell = sheet.cell(row=number, column=1, value=text)
        cell.font = Font(bold=bold, size=14 if number == 1 else 11)
        cell.alignment = Alignment(wrap_text=False)
    sheet.column_dimensions["A"].width = 110


def _write_sheet(sheet: Any, spec: SheetSpec, transition: str) -> None:
    from openpyxl.comments import Comment
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    fields = spec.fields_for(transition)
    last = TEMPLATE_ROWS + 1
    for position, field_spec in enumerate(fields, start=1):
        letter = get_column_letter(position)
        cell = sheet.cell(row=1, column=position, value=field_spec.header)
        cell.font = Font(bold=True)
        required = field_spec.required
        cell.fill = PatternFill("solid", fgColor=_REQUIRED_FILL if required else _OPTIONAL_FILL)
        cell.comment = Comment(_explain(field_spec), "overdracht", width=300, height=120)
        sheet.column_dimensions[letter].width = max(12, min(40, len(field_spec.header) + 4))
        _validate_column(sheet, field_spec, f"{letter}2:{letter}{last}")
        if field_spec.kind == "date":
            for row in sheet.iter_rows(min_row=2, max_row=last, min_col=position, max_col=position):
                row[0].number_format = DATE_FORMAT
        elif field_spec.kind in {"key", "bsn", "onderwijsnummer", "brin", "postcode"} or (
            field_spec.header == "Vestiging" or field_spec.path[-1:] == ("vestiging",)
        ):
            for row in sheet.iter_rows(min_row=2, max_row=last, min_col=position, max_col=position):
                row[0].number_format = "@"  # text, so Excel keeps leading zeros
    sheet.freeze_panes = "B2" if spec.mode != "school" else "A2"
    if spec.mode == "school":
        for position, field_spec in enumerate(fields, start=1):
            if field_spec.path == ("overgang", "id"):
                sheet.cell(row=2, column=position, value=transition)
    if spec.mode != "school":
        grey = Font(italic=True, color=_EXAMPLE_FONT)
        for position, field_spec in enumerate(fields, start=1):
            value = _example_value(field_spec)
            if value is not None:
                sheet.cell(row=2, column=position, value=value).font = grey


def _explain(field_spec: FieldSpec) -> str:
    parts = ["Verplicht." if field_spec.required else "Mag leeg blijven."]
    if field_spec.help:
        parts.append(field_spec.help)
    if field_spec.kind == "choice":
        parts.append("Kies uit: " + ", ".join(field_spec.allowed()) + ".")
    elif field_spec.kind == "bool":
        parts.append("ja of nee.")
    elif field_spec.kind == "date" and "datum" not in field_spec.help:
        parts.append("Een datum, bijv. 14-03-2014.")
    return " ".join(parts)


def _example_value(field_spec: FieldSpec) -> Any:
    value = field_spec.example
    if value is None:
        return None
    if field_spec.kind == "date" and isinstance(value, str):
        return date.fromisoformat(value)
    return value


def _validate_column(sheet: Any, field_spec: FieldSpec, cells: str) -> None:
    from openpyxl.worksheet.datavalidation import DataValidation

    validation: DataValidation | None = None
    if field_spec.kind in {"choice", "bool"}:
        choices = field_spec.allowed() if field_spec.kind == "choice" else JA_NEE
        validation = DataValidation(
            type="list", formula1='"' + ",".join(choices) + '"', allow_blank=True
        )
        validation.error = "Kies een waarde uit de lijst: " + ", ".join(choices)
    elif field_spec.kind == "date":
        validation = DataValidation(
            type="date",
            operator="between",
            formula1="DATE(1990,1,1)",
            formula2="DATE(2100,12,31)",
            allow_blank=True,
        )
        validation.error = "Vul een datum in, bijv. 14-03-2014."
    elif field_spec.kind == "int" and field_spec.path[-1:] in {("groep",), ("leerjaar",)}:
        high = 8 if field_spec.path[-1] == "groep" else 6
        validation = DataValidation(
            type="whole", operator="between", formula1="1", formula2=str(high), allow_blank=True
        )
        validation.error = f"Vul een getal van 1 tot en met {high} in."
    if validation is None:
        return
    validation.errorTitle = field_spec.header
    validation.showErrorMessage = True
    validation.add(cells)
    sheet.add_data_validation(validation)
