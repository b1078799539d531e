"""What every document builder gets: the shareable dossier, the report and the facts around it."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date

from overdracht.checklists import Checklist, Report
from overdracht.model.dossier import Dossier
from overdracht.model.people import Leerling
from overdracht.render import format as fmt
from overdracht.render.privacy import Privacy
from overdracht.render.terms import Termen
from overdracht.render.view import Block, velden


@dataclass(frozen=True)
class BuildContext:
    """Input of every view-model builder.

    ``dossier`` is already stripped of everything without consent (see ``privacy.py``);
    builders never see the original.
    """

    dossier: Dossier
    report: Report
    checklist: Checklist
    privacy: Privacy
    peildatum: date
    gemaakt_op: date
    overgang_titel: str  # "Van groep 8 naar het voortgezet onderwijs", whatever the overlay

    @property
    def concept(self) -> bool:
        """A document is a concept until the checklist is complete and parents had inzage."""
        return not self.report.complete or self.dossier.inzage is None

    @property
    def concept_reden(self) -> str:
        reasons = []
        if not self.report.complete:
            reasons.append("het dossier is nog niet compleet")
        if self.dossier.inzage is None:
            reasons.append(f"{self.termen.wie_inziet} het nog niet ingezien")
        if not reasons:
            return ""
        return f"CONCEPT: {fmt.opsomming(reasons)}. Niet versturen."

    @property
    def leerling(self) -> Leerling:
        return self.dossier.leerling

    @property
    def leeftijd(self) -> int:
        return self.dossier.leeftijd_op(self.peildatum)

    @functools.cached_property
    def termen(self) -> Termen:
        """The documents' words for this transition and age (kind, leerling, student)."""
        return Termen.voor(self.checklist.instellingen, self.leeftijd)


def officiele_naam(leerling: Leerling) -> str:
    return " ".join(
        p for p in (leerling.voornamen, leerling.tussenvoegsel, leerling.achternaam) if p
    )


def leerling_kort(ctx: BuildContext, titel: str = "") -> Block | None:
    """Who the document is about: the few facts every companion document repeats."""
    ll = ctx.leerling
    return velden(
        ("Naam", officiele_naam(ll)),
        ("Roepnaam", ll.roepnaam),
        ("Geboortedatum", fmt.datum(ll.geboortedatum)),
        ("Groep", str(ll.groep) if ll.groep else None),
        ("Leerjaar", str(ll.leerjaar) if ll.leerjaar else None),
        titel=titel or ctx.termen.persoon_kop,
    )


def scholen_kort(ctx: BuildContext) -> Block | None:
    d = ctx.dossier
    van, naar = d.vertrekkende_school, d.ontvangende_school
    return velden(
        (ctx.termen.vertrekkend_kop, fmt.school_naam(van)),
        ("Contactpersoon", ", ".join(p for p in (van.contactpersoon, van.functie) if p)),
        ("Ontvangende school", fmt.school_naam(naar)),
        (
            "Contactpersoon ontvangende school",
            ", ".join(p for p in (naar.contactpersoon, naar.functie) if p),
        ),
        ("Overgang", ctx.overgang_titel),
        ("Geplande startdatum", fmt.datum(d.overgang.geplande_startdatum)),
        titel="Scholen",
    )
