"""The SWV's letterhead for the letters of ``tlv-check --brieven``, from a settings file.

A small YAML file (``--instellingen``), documented in the README; see
``samples/instellingen-swv.yml``::

    naam: Samenwerkingsverband Eemland PO
    afdeling: Loket toelaatbaarheid
    adres: Postbus 2100
    postcode_plaats: 3800 CC Amersfoort
    telefoon: 033-123 45 67
    email: loket@swv-eemland.nl
    contactpersoon: Anja de Wit
    functie: medewerker loket
    logo: swv-logo.png          # PNG or JPEG, next to this file
    termijn_dagen: 15           # the school gets this many days to send the aanvulling
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from overdracht.errors import InvalidInputError
from overdracht.sourcefile import read_source
from overdracht.validation import describe_errors

DEFAULT_TERM_DAYS = 15


class Briefhoofd(BaseModel):
    """Who sends the letters and how a school reaches them."""

    model_config = ConfigDict(extra="forbid")

    naam: str = Field(min_length=1, title="Naam van het samenwerkingsverband")
    afdeling: str = Field(default="Loket toelaatbaarheid", title="Afdeling")
    adres: str | None = Field(default=None, title="Adres of postbus")
    postcode_plaats: str | None = Field(default=None, title="Postcode en plaats")
    telefoon: str | None = Field(default=None, title="Telefoonnummer van het loket")
    email: str | None = Field(default=None, title="E-mailadres van het loket")
    website: str | None = Field(default=None, title="Website")
    contactpersoon: str | None = Field(default=None, title="Contactpersoon voor de school")
    functie: str | None = Field(default=None, title="Functie van de contactpersoon")
    logo: Path | None = Field(
        default=None, title="Logo", description="PNG- of JPEG-bestand, naast dit bestand"
    )
    termijn_dagen: int = Field(
        default=DEFAULT_TERM_DAYS,
        ge=1,
        le=90,
        title="Termijn voor de aanvulling",
        description="Aantal dagen dat de school krijgt om de aanvulling te sturen",
    )

    def contact_lines(self) -> list[str]:
        """Address and contact lines under the name, in the order of a Dutch letterhead."""
        lines = [p for p in (self.adres, self.postcode_plaats) if p]
        reach = [p for p in (self.telefoon, self.email, self.website) if p]
        if reach:
            lines.append(" · ".join(reach))
        return lines


def load_letterhead(path: Path) -> Briefhoofd:
    """Read and check a settings file; a wrong file is reported as file:line: field: problem."""
    source = read_source(path)
    data = source.data if source.data is not None else {}
    if not isinstance(data, dict):
        raise InvalidInputError(
            f"{path}: dit is geen instellingenbestand; het hoort te beginnen met 'naam:'."
        )
    try:
        letterhead = Briefhoofd.model_validate(data)
    except ValidationError as exc:
        raise InvalidInputError(
            f"{path}: het instellingenbestand klopt niet; verbeter het en probeer opnieuw.",
            details=describe_errors(exc, source),
        ) from None
    if letterhead.logo is not None:
        logo = (path.parent / letterhead.logo).resolve()
        if logo.suffix.lower() not in (".png", ".jpg", ".jpeg") or not logo.is_file():
            raise InvalidInputError(
                f"{path}: logo: '{letterhead.logo}' is geen PNG- of JPEG-bestand naast het "
                "instellingenbestand. Zet het logo in dezelfde map of laat 'logo:' weg."
            )
        letterhead = letterhead.model_copy(update={"logo": logo})
    return letterhead
