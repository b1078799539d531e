"""Turn one spreadsheet cell into a dossier value, or explain in Dutch what is wrong."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, time, timedelta

from overdracht.datetext import DateProblem, in_range, parse_date_text
from overdracht.importing.fields import FieldSpec

Cell = object
Value = str | int | float | bool | list[str]

EXCEL_ERRORS = frozenset(
    {
        "#N/A",
        "#N/B",
        "#DIV/0!",
        "#DEEL/0!",
        "#REF!",
        "#VERW!",
        "#NAME?",
        "#NAAM?",
        "#VALUE!",
        "#WAARDE!",
        "#NUM!",
        "#GETAL!",
        "#NULL!",
        "#LEEG!",
        "#SPILL!",
        "#CALC!",
    }
)
_EPOCH_1900 = date(1899, 12, 30)  # serial 1 = 1900-01-01, allowing for Excel's 1900 leap bug
_EPOCH_1904 = date(1904, 1, 1)
_TRUE = frozenset({"ja", "j", "yes", "y", "true", "waar", "1", "x", "wel", "✓", "v"})
_FALSE = frozenset({"nee", "n", "no", "false", "onwaar", "0", "niet", "-", "geen"})


class CellProblem(Exception):
    """A value that cannot be used: what is wrong, and what the user should do."""

    def __init__(self, problem: str, action: str) -> None:
        super().__init__(problem)
        self.problem = problem
        self.action = action


class FormulaWithoutValue:
    """Marker for a formula cell that was saved without its calculated value."""

    def __str__(self) -> str:
        return "(formule)"


FORMULA = FormulaWithoutValue()


def is_empty(cell: Cell) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def _as_text(cell: Cell, yes: str, no: str) -> str:
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    if isinstance(cell, datetime) and cell.time() == time(0):
        return cell.date().isoformat()
    if isinstance(cell, (date, datetime)):
        return cell.isoformat()
    if isinstance(cell, bool):
        return yes if cell else no
    return "" if cell is None else str(cell)


def shown(cell: Cell) -> str:
    """The value as the user sees it, for the error report."""
    return _as_text(cell, "WAAR", "ONWAAR")


def convert(cell: Cell, spec: FieldSpec, *, date1904: bool = False) -> Value:
    """The dossier value of a non-empty cell for field ``spec``; raises CellProblem."""
    if isinstance(cell, FormulaWithoutValue):
        raise CellProblem(
            "de cel bevat een formule zonder berekende waarde",
            "open het bestand in Excel, laat het herberekenen (F9) en sla het op; "
            "of vervang de formule door de waarde zelf",
        )
    if isinstance(cell, str) and cell.strip().upper() in EXCEL_ERRORS:
        raise CellProblem(
            f"de cel bevat de foutwaarde {cell.strip()}",
            "verbeter de formule of vul de waarde zelf in",
        )
    kind = spec.kind
    if kind == "date":
        return to_date(cell, date1904=date1904).isoformat()
    if kind == "bool":
        return to_bool(cell)
    if kind == "int":
        return to_int(cell, spec)
    if kind == "float":
        return to_float(cell)
    if kind in {"bsn", "onderwijsnummer"}:
        return to_number_code(cell, spec)
    if kind in {"postcode", "brin"}:  # the model checks and formats them
        return re.sub(r"\s+", "", to_text(cell)).upper()
    if kind == "choice":
        return to_choice(cell, spec)
    if kind == "list":
        return [part.strip() for part in re.split(r"[;\n]", to_text(cell)) if part.strip()]
    return to_text(cell)


def to_text(cell: Cell) -> str:
    return _as_text(cell, "ja", "nee").strip()


def to_date(cell: Cell, *, date1904: bool = False) -> date:
    """A date from a date cell, an Excel serial number or text such as 14-3-2014."""
    if isinstance(cell, datetime):
        return cell.date()
    if isinstance(cell, date):
        return cell
    if isinstance(cell, (int, float)) and not isinstance(cell, bool):
        return _from_serial(float(cell), date1904)
    if isinstance(cell, (time, timedelta)):
        raise CellProblem("de cel bevat een tijd, geen datum", "vul een datum in, bijv. 14-03-2014")
    text = str(cell).strip()
    try:
        found = parse_date_text(text)
    except DateProblem as problem:
        raise CellProblem(problem.problem, problem.action) from None
    if found is not None:
        return found
    if re.fullmatch(r"\d+([.,]\d+)?", text):
        return _from_serial(float(text.replace(",", ".")), date1904)
    raise CellProblem(f"'{text}' is geen datum", "vul een datum in als 14-03-2014 of 2014-03-14")


def _from_serial(serial: float, date1904: bool) -> date:
    epoch = _EPOCH_1904 if date1904 else _EPOCH_1900
    try:
        return _in_range(epoch + timedelta(days=int(serial)))
    except (OverflowError, ValueError, CellProblem):
        raise CellProblem(
            f"het getal {shown(serial)} is geen datum",
            "vul een datum in als 14-03-2014, of geef de kolom de celopmaak Datum",
        ) from None


def _in_range(value: date) -> date:
    try:
        return in_range(value)
    except DateProblem as problem:
        raise CellProblem(problem.problem, problem.action) from None


def to_bool(cell: Cell) -> bool:
    if isinstance(cell, bool):
        return cell
    if isinstance(cell, (int, float)) and cell in (0, 1):
        return bool(cell)
    word = str(cell).strip().casefold().rstrip(".")
    if word in _TRUE:
        return True
    if word in _FALSE:
        return False
    raise CellProblem(f"'{shown(cell)}' is geen ja of nee", "vul ja of nee in")


def to_int(cell: Cell, spec: FieldSpec) -> int:
    if isinstance(cell, float) and cell.is_integer():
        return int(cell)
    if isinstance(cell, int) and not isinstance(cell, bool):
        return cell
    text = str(cell).strip()
    # "groep 8", "8B" (class letter) and "8.0" all mean 8
    found = re.fullmatch(
        rf"(?:{re.escape(spec.header)}\s*)?(\d+)(?:[.,]0+)?\s*[a-zA-Z]?", text, re.I
    )
    if found:
        return int(found.group(1))
    raise CellProblem(f"'{shown(cell)}' is geen geheel getal", "vul alleen een getal in, bijv. 8")


def to_float(cell: Cell) -> float:
    if isinstance(cell, (int, float)) and not isinstance(cell, bool):
        return float(cell)
    text = str(cell).strip().replace(",", ".")
    try:
        return float(text)
    except ValueError:
        raise CellProblem(f"'{shown(cell)}' is geen getal", "vul een getal in, bijv. 2,5") from None


def to_number_code(cell: Cell, spec: FieldSpec) -> str:
    """BSN or onderwijsnummer: digits only; an 8-digit BSN gets its leading zero back."""
    if isinstance(cell, float):
        if not cell.is_integer():
            raise CellProblem(
                f"'{shown(cell)}' is geen {spec.header}",
                "geef de kolom de celopmaak Tekst en neem het nummer opnieuw over",
            )
        text = str(int(cell))
    else:
        text = re.sub(r"[\s.\-]", "", str(cell))
    if re.fullmatch(r"\d+([.,]\d+)?[eE]\+?\d+", text):
        raise CellProblem(
            f"'{shown(cell)}' is door Excel afgekort tot een wetenschappelijke notatie",
            "geef de kolom de celopmaak Tekst en neem het nummer opnieuw over",
        )
    if not text.isdigit():
        raise CellProblem(
            f"'{shown(cell)}' bevat andere tekens dan cijfers",
            f"vul alleen de 9 cijfers van het {spec.header} in",
        )
    if spec.kind == "bsn" and len(text) == 8:
        text = "0" + text  # Excel dropped the leading zero
    return text


def _choice_key(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"[\s_.\-()]", "", plain).replace("vmbotl", "vmbogt").replace("mavo", "vmbogt")


_SYNONYMS = {
    "man": "m",
    "jongen": "m",
    "mannelijk": "m",
    "vrouw": "v",
    "meisje": "v",
    "vrouwelijk": "v",
    "anders": "x",
    "onbekend": "x",
    "nvt": "n.v.t.",
    "nietvantoepassing": "n.v.t.",
    "1f": "1F",
    "2f": "2F",
    "1s": "1S",
    "<1f": "<1F",
    "onder1f": "<1F",
    "niet1f": "<1F",
}


def to_choice(cell: Cell, spec: FieldSpec) -> str:
    key = _choice_key(to_text(cell))
    for choice in spec.allowed():
        if _choice_key(choice) == key:
            return choice
    synonym = _SYNONYMS.get(key)
    if synonym in spec.allowed():
        return synonym
    raise CellProblem(
        f"'{shown(cell)}' is geen toegestane waarde",
        "kies uit: " + ", ".join(spec.allowed()),
    )
