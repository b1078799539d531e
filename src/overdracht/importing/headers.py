"""Recognise sheets and column headers, and read a school's own --mapping file."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from overdracht.errors import InvalidInputError
from overdracht.importing.fields import INSTRUCTION_SHEET, FieldSpec, SheetSpec
from overdracht.sourcefile import read_source
from overdracht.validation import describe_errors

IGNORE_WORDS = frozenset({"negeren", "overslaan", "niet gebruiken"})
HEADER_SCAN_ROWS = 20


def normalise(text: object) -> str:
    """Lower case, no accents, only letters and digits: 'Geb. datum' -> 'gebdatum'."""
    decomposed = unicodedata.normalize("NFKD", str(text).casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]", "", plain)


class Mapping(BaseModel):
    """A school's own export described in YAML (``--mapping``)."""

    model_config = ConfigDict(extra="forbid")

    bladen: dict[str, str] = Field(
        default_factory=dict, description="Eigen bladnaam -> blad van het sjabloon"
    )
    kolommen: dict[str, str] = Field(
        default_factory=dict,
        description="Eigen kolomkop -> kolomkop van het sjabloon (of 'negeren')",
    )
    vaste_waarden: dict[str, dict[str, str | int | float]] = Field(
        default_factory=dict,
        description="Per blad: kolomkop -> waarde die voor elke leerling geldt",
    )


def load_mapping(path: Path) -> Mapping:
    """Read and validate a --mapping YAML file; errors name the file and line."""
    source = read_source(path)
    data = source.data if source.data is not None else {}
    if not isinstance(data, dict):
        raise InvalidInputError(
            f"{path}: dit is geen mappingbestand; het hoort te beginnen met 'kolommen:' "
            "(zie de README, 'Importeren uit Excel of CSV')."
        )
    try:
        return Mapping.model_validate(data)
    except ValidationError as exc:
        raise InvalidInputError(
            f"{path}: het mappingbestand klopt niet; verbeter het en probeer opnieuw.",
            details=describe_errors(exc, source),
        ) from None


@dataclass(frozen=True)
class Column:
    """A column of a sheet in the file, and the field it was recognised as (if any)."""

    index: int
    header: str
    spec: FieldSpec | None

    @property
    def label(self) -> str:
        return (
            f"{column_letter(self.index)} ({self.header})"
            if self.header
            else column_letter(self.index)
        )


def column_letter(index: int) -> str:
    """0 -> A, 27 -> AB."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


class HeaderIndex:
    """Header names (normalised) of one sheet kind -> field, including a mapping's own names."""

    def __init__(self, fields: tuple[FieldSpec, ...], mapping: Mapping, target: str = "") -> None:
        self._by_name: dict[str, FieldSpec | None] = {}
        for spec in fields:
            # the model's own key works too, but 'naam' of a school is not the pupil's name
            own = (
                spec.path[-1]
                if spec.path and (len(spec.path) == 1 or spec.path[0] == target)
                else ""
            )
            for name in (*spec.aliases, own, "_".join(spec.path)):
                if name:
                    self._by_name.setdefault(normalise(name), spec)
        for spec in fields:  # the template's own header always wins
            self._by_name[normalise(spec.header)] = spec
        self.by_header = {normalise(spec.header): spec for spec in fields}
        for own, ours in mapping.kolommen.items():
            if normalise(ours) in {normalise(w) for w in IGNORE_WORDS}:
                self._by_name[normalise(own)] = None
            elif normalise(ours) in self._by_name:
                self._by_name[normalise(own)] = self._by_name[normalise(ours)]

    def lookup(self, header: object) -> tuple[bool, FieldSpec | None]:
        """(known, spec): known is False for a column nobody told us about."""
        key = normalise(header)
        if key in self._by_name:
            return True, self._by_name[key]
        return False, None

    def resolve(self, name: str) -> FieldSpec | None:
        """The field a template header (or alias) in a mapping refers to."""
        return self._by_name.get(normalise(name))


def find_header_row(rows: list[list[object]], index: HeaderIndex) -> int | None:
    """Index of the first row (within the first 20) that has at least two known headers."""
    for number, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        known = sum(1 for cell in row if str(cell).strip() and index.lookup(cell)[1] is not None)
        if known >= 2 or (known == 1 and sum(1 for c in row if str(c).strip()) == 1):
            return number
    return None


def match_sheet(name: str, sheets: tuple[SheetSpec, ...], mapping: Mapping) -> SheetSpec | None:
    """The sheet kind a sheet name stands for, or None."""
    wanted = normalise(mapping.bladen.get(name, name))
    for own, ours in mapping.bladen.items():
        if normalise(own) == normalise(name):
            wanted = normalise(ours)
    for sheet in sheets:
        if wanted in {normalise(sheet.name), *(normalise(a) for a in sheet.aliases)}:
            return sheet
    return None


def is_instruction(name: str) -> bool:
    return normalise(name) in {normalise(INSTRUCTION_SHEET), "toelichting", "uitleg", "lijsten"}
