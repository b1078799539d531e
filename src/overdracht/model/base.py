"""Shared base model and small validated types for the dossier."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator
from stdnum.exceptions import ValidationError as StdnumError
from stdnum.nl import brin as _brin
from stdnum.nl import bsn as _bsn
from stdnum.nl import onderwijsnummer as _onderwijsnummer
from stdnum.nl import postcode as _postcode

from overdracht.xmltext import clean_text


class FieldError(ValueError):
    """A check of a whole part that is about one of its fields (the BRIN of a school): the web
    form puts the message beside that field, not above the part."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


class DossierModel(BaseModel):
    """Base for every part of a dossier: unknown keys are an error, text is trimmed."""

    model_config = ConfigDict(
        extra="forbid",
        str_strip_whitespace=True,
        frozen=False,
        populate_by_name=True,
        # Build validators on first use: building ~60 nested classes at import cost most of
        # the start-up time of `overdracht check`.
        defer_build=True,
    )

    @model_validator(mode="before")
    @classmethod
    def _clean_text(cls, data: Any) -> Any:
        """Drop characters XML forbids from this level's text; nested models do their own."""
        if isinstance(data, dict):
            return {key: _cleaned(value) for key, value in data.items()}
        return data


def _cleaned(value: Any) -> Any:
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, list):
        return [_cleaned(item) for item in value]
    return value


def _check_bsn(value: str) -> str:
    digits = _bsn.compact(value)
    if digits.isdigit() and len(digits) == 8:
        digits = "0" + digits  # Excel dropped the leading zero
    try:
        return str(_bsn.validate(digits))
    except StdnumError:
        raise ValueError(
            "geen geldig BSN (9 cijfers die de elfproef doorstaan); "
            "neem het nummer opnieuw over uit de leerlingadministratie"
        ) from None


def _check_onderwijsnummer(value: str) -> str:
    try:
        return str(_onderwijsnummer.validate(value))
    except StdnumError:
        raise ValueError(
            "geen geldig onderwijsnummer (9 cijfers, begint met 10); "
            "neem het nummer opnieuw over uit de leerlingadministratie"
        ) from None


def _check_brin(value: str) -> str:
    try:
        code = str(_brin.validate(value))
    except StdnumError:
        raise ValueError(
            "geen geldige BRIN-code (2 cijfers en 2 letters of cijfers, bijv. 12AB)"
        ) from None
    if len(code) != 4:
        raise ValueError("geef alleen de BRIN-code (4 tekens); de vestiging hoort in 'vestiging'")
    return code


def _check_postcode(value: str) -> str:
    try:
        return str(_postcode.validate(value))
    except StdnumError:
        raise ValueError("geen geldige postcode (4 cijfers en 2 letters, bijv. 1234 AB)") from None


Bsn = Annotated[str, AfterValidator(_check_bsn)]
Onderwijsnummer = Annotated[str, AfterValidator(_check_onderwijsnummer)]
Brin = Annotated[str, AfterValidator(_check_brin)]
Postcode = Annotated[str, AfterValidator(_check_postcode)]
Vestiging = Annotated[str, Field(pattern=r"^\d{2}$", description="Vestigingsnummer, 2 cijfers")]
Tekst = Annotated[str, Field(min_length=1)]
Email = Annotated[str, Field(pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$", description="E-mailadres")]
