"""The overview of a batch of TLV aanvragen: one row per aanvraag, as data.

The terminal table, the XLSX workbook, the HTML page, the JSON and the letters are all
rendered from these objects, so they can never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

from overdracht.checklists.report import Finding

Status = Literal["onleesbaar", "onvolledig", "waarschuwingen", "compleet"]

# Sort order: what needs the loket's attention first.
STATUS_ORDER: dict[str, int] = {
    "onleesbaar": 0,
    "onvolledig": 1,
    "waarschuwingen": 2,
    "compleet": 3,
}
SOORT_TEXT: dict[str, str] = {"sbo": "SBO", "so": "SO", "vso": "VSO", "pro": "PrO"}


@dataclass(frozen=True)
class Deadline:
    """A deadline of an aanvraag that has passed or is close (a ``termijn`` rule)."""

    datum: date
    titel: str
    verstreken: bool

    def text(self) -> str:
        suffix = " (verstreken)" if self.verstreken else ""
        return f"{self.datum:%d-%m-%Y} {self.titel}{suffix}"


@dataclass(frozen=True)
class Tekortkoming:
    """One requirement that is not met, with every problem found for it (for letters)."""

    rule: str
    titel: str
    problemen: tuple[str, ...]
    reden: str  # why it is required here, the clause after 'verplicht omdat'; may be empty
    uitleg: str
    bron: str
    verplicht: bool


@dataclass(frozen=True)
class Adres:
    """What a letter needs to reach the school and let it recognise the pupil (no BSN)."""

    school: str
    contactpersoon: str | None
    functie: str | None
    plaats: str | None
    email: str | None
    swv: str
    leerling: str
    geboortedatum: date
    leerlingnummer: str | None
    aangevraagd_op: date | None


@dataclass
class Aanvraag:
    """One checked aanvraag (a dossier file) and its verdict."""

    bestand: str
    status: Status
    leerling: str = ""
    school: str = ""
    brin: str = ""
    soort: str = ""
    overgang: str = ""
    peildatum: date | None = None
    reden: str = ""
    eerste_termijn: Deadline | None = None
    procesregie: str | None = None
    findings: list[Finding] = field(default_factory=list)
    tekortkomingen: list[Tekortkoming] = field(default_factory=list)
    adres: Adres | None = None

    @property
    def ontbrekend(self) -> int:
        """Number of required items that are missing (errors)."""
        return sum(1 for f in self.findings if f.severity == "error")

    @property
    def waarschuwingen(self) -> int:
        return sum(1 for f in self.findings if f.severity == "warning")

    @property
    def complete(self) -> bool:
        return self.status in ("compleet", "waarschuwingen")

    def sort_key(self) -> tuple[int, date, str]:
        due = self.eerste_termijn.datum if self.eerste_termijn else date.max
        return (STATUS_ORDER[self.status], due, self.bestand)

    def to_json_dict(self) -> dict[str, Any]:
        termijn = self.eerste_termijn
        return {
            "bestand": self.bestand,
            "status": self.status,
            "leerling": self.leerling,
            "school": self.school,
            "brin": self.brin,
            "soort": self.soort,
            "overgang": self.overgang,
            "ontbrekend": self.ontbrekend,
            "waarschuwingen": self.waarschuwingen,
            "eerste_termijn": None
            if termijn is None
            else {
                "datum": termijn.datum.isoformat(),
                "omschrijving": termijn.titel,
                "verstreken": termijn.verstreken,
            },
            "procesregie_hoort_bij": self.procesregie,
            "reden": self.reden or None,
            "bevindingen": [f.to_json_dict() for f in self.findings],
        }


@dataclass
class Overzicht:
    """Every aanvraag of a batch, sorted by status and first deadline at risk."""

    aanvragen: list[Aanvraag]
    peildatum: date | None = None
    overlay: str | None = None

    def __post_init__(self) -> None:
        self.aanvragen.sort(key=Aanvraag.sort_key)

    @property
    def complete(self) -> bool:
        """True when every aanvraag is complete (warnings are allowed)."""
        return all(a.complete for a in self.aanvragen)

    def counts(self) -> dict[str, int]:
        counts = dict.fromkeys(STATUS_ORDER, 0)
        for aanvraag in self.aanvragen:
            counts[aanvraag.status] += 1
        return counts

    def summary(self) -> str:
        """One Dutch line, e.g. '12 aanvragen: 4 compleet, 3 met waarschuwingen, ...'."""
        c = self.counts()
        total = len(self.aanvragen)
        parts = [
            f"{c['compleet']} compleet",
            f"{c['waarschuwingen']} met waarschuwingen",
            f"{c['onvolledig']} onvolledig",
            f"{c['onleesbaar']} onleesbaar",
        ]
        noun = "aanvraag" if total == 1 else "aanvragen"
        return f"{total} {noun}: {', '.join(parts)}."

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "peildatum": self.peildatum.isoformat() if self.peildatum else None,
            "overlay": self.overlay,
            "compleet": self.complete,
            "totaal": {"aanvragen": len(self.aanvragen), **self.counts()},
            "aanvragen": [a.to_json_dict() for a in self.aanvragen],
        }
