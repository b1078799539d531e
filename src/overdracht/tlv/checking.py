"""Check a folder of TLV aanvragen: transition checklist + TLV checklist + SWV overlay."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TypedDict

from overdracht.checklists.evaluate import evaluate
from overdracht.checklists.loader import Checklist, load_checklist, overlay_bases
from overdracht.checklists.report import Finding, Report
from overdracht.checklists.tlv_rules import Procesregie
from overdracht.checklists.transitions import tlv_checklist_path, tlv_transitions, transition
from overdracht.errors import InvalidInputError, OverdrachtError, UsageError
from overdracht.model.dossier import Dossier
from overdracht.model.loading import DOSSIER_SUFFIXES, dossier_files, load_dossier
from overdracht.model.people import Leerling
from overdracht.tlv.overview import (
    SOORT_TEXT,
    Aanvraag,
    Adres,
    Deadline,
    Overzicht,
    Status,
    Tekortkoming,
)

PATTERNS: tuple[str, ...] = tuple(f"*{suffix}" for suffix in DOSSIER_SUFFIXES)

Progress = Callable[[int, int], None]


def find_aanvragen(folder: Path) -> list[Path]:
    """Every dossier file in ``folder`` (and its subfolders), or ``folder`` itself if a file."""
    if folder.is_file():
        return [folder]
    if not folder.exists():
        raise InvalidInputError(f"{folder}: deze map bestaat niet. Controleer de naam en de map.")
    if not folder.is_dir():
        raise InvalidInputError(f"{folder}: dit is geen map en geen dossierbestand.")
    try:
        files = dossier_files(folder, recursive=True)
    except PermissionError:
        raise InvalidInputError(
            f"{folder}: geen toestemming om deze map te lezen. Vraag de beheerder om leesrechten."
        ) from None
    if not files:
        raise InvalidInputError(
            f"{folder}: geen aanvragen gevonden (gezocht naar .yaml-, .yml- en .json-bestanden)."
        )
    return files


class Checklists:
    """The resolved checklist per transition, loaded once per batch."""

    def __init__(self, overlay: Path | None = None) -> None:
        self.overlay = overlay
        self.bases: set[str] = set()
        if overlay is not None:
            self.bases = set(overlay_bases(overlay))
            if not self.bases & set(tlv_transitions()):
                raise UsageError(
                    f"{overlay}: deze overlay breidt {', '.join(sorted(self.bases)) or 'niets'} "
                    f"uit; voor TLV-aanvragen moet hij een of meer van "
                    f"{', '.join(tlv_transitions())} uitbreiden (extends:)."
                )
        self._loaded: dict[str, Checklist] = {}

    def get(self, transition: str) -> Checklist:
        if transition not in self._loaded:
            overlays = [tlv_checklist_path()]
            if self.overlay is not None and transition in self.bases:
                overlays.append(self.overlay)
            self._loaded[transition] = load_checklist(transition, overlays)
        return self._loaded[transition]


def check_aanvragen(
    folder: str | Path,
    *,
    overlay: str | Path | None = None,
    peildatum: date | None = None,
    namen: bool = False,
    progress: Progress | None = None,
) -> Overzicht:
    """Check every TLV aanvraag (dossier file) in ``folder`` for completeness.

    Each aanvraag is checked against the checklist of its transition (po-sbo, po-so,
    po-vso, vo-vso, po-pro, vo-pro), the bundled TLV requirements
    (``checklists/aanvraag/tlv-aanvraag.yaml``) and, if given, the SWV's ``overlay``.
    A file that cannot be read becomes a row with status ``onleesbaar`` and the batch
    goes on; only an unusable folder or overlay raises :class:`OverdrachtError`.

    ``peildatum`` defaults per aanvraag to ``overgang.peildatum``, else today.
    ``namen`` shows full names in the overview; otherwise only initials and leerlingnummer.
    ``progress(done, total)`` is called after every aanvraag.
    """
    root = Path(folder)
    files = find_aanvragen(root)
    checklists = Checklists(Path(overlay) if overlay is not None else None)
    base = root if root.is_dir() else root.parent
    rows: list[Aanvraag] = []
    for number, path in enumerate(files, start=1):
        rows.append(check_file(path, checklists, peildatum=peildatum, namen=namen, base=base))
        if progress is not None:
            progress(number, len(files))
    overlay_name = None
    if checklists.overlay is not None:
        overlay_name = checklists.overlay.name
    return Overzicht(rows, peildatum=peildatum, overlay=overlay_name)


def check_file(
    path: Path,
    checklists: Checklists,
    *,
    peildatum: date | None = None,
    namen: bool = False,
    base: Path | None = None,
) -> Aanvraag:
    """Check one aanvraag; problems with the file itself become an 'onleesbaar' row."""
    shown = _relative(path, base)
    try:
        dossier = load_dossier(path)
    except OverdrachtError as exc:
        return Aanvraag(bestand=shown, status="onleesbaar", reden=_one_line(exc))
    transition = dossier.overgang.id
    if transition not in tlv_transitions():
        return Aanvraag(
            bestand=shown,
            status="onleesbaar",
            reden=f"{path}: geen TLV-aanvraag: de overgang is '{transition}'; tlv-check "
            f"controleert {', '.join(tlv_transitions())}.",
            **_identity(dossier, namen),
        )
    checklist = checklists.get(transition)
    day = peildatum or dossier.overgang.peildatum or date.today()
    report = evaluate(checklist, dossier, dossier_path=str(path), peildatum=day)
    return Aanvraag(
        bestand=shown,
        status=_status(report),
        peildatum=day,
        eerste_termijn=_first_deadline(report, day),
        procesregie=_procesregie(checklist, dossier),
        findings=report.findings,
        tekortkomingen=shortcomings(report.findings),
        adres=_adres(dossier),
        **_identity(dossier, namen),
    )


def pupil_label(leerling: Leerling, namen: bool = False) -> str:
    """Full name with ``namen``; otherwise initials and leerlingnummer (never the BSN)."""
    if namen:
        return leerling.volledige_naam
    initials = "".join(f"{part[0].upper()}." for part in leerling.voornamen.split())
    initials += f"{leerling.achternaam[0].upper()}."
    if leerling.leerlingnummer:
        return f"{initials} ({leerling.leerlingnummer})"
    return initials


def shortcomings(findings: list[Finding]) -> list[Tekortkoming]:
    """Group the errors and warnings per rule: every problem found for one requirement."""
    grouped: dict[str, list[Finding]] = {}
    for finding in findings:
        if finding.severity != "info":
            grouped.setdefault(finding.rule, []).append(finding)
    result = [
        Tekortkoming(
            rule=rule_id,
            titel=group[0].title,
            problemen=tuple(dict.fromkeys(_sentence(f.problem) for f in group)),
            reden=group[0].reason,
            uitleg=group[0].advice,
            bron=group[0].source,
            verplicht=group[0].severity == "error",
        )
        for rule_id, group in grouped.items()
    ]
    result.sort(key=lambda t: not t.verplicht)
    return result


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:] + "."


def _status(report: Report) -> Status:
    if report.errors:
        return "onvolledig"
    if report.warnings:
        return "waarschuwingen"
    return "compleet"


def _first_deadline(report: Report, peildatum: date) -> Deadline | None:
    """The earliest deadline that has passed or is close (the findings of ``termijn`` rules)."""
    found = [
        Deadline(f.due, f.title, verstreken=f.due < peildatum)
        for f in report.findings
        if f.due is not None
    ]
    return min(found, key=lambda d: d.datum, default=None)


def _procesregie(checklist: Checklist, dossier: Dossier) -> str | None:
    rule = next((r for r in checklist.regels if isinstance(r, Procesregie)), None)
    return rule.expected(dossier) if rule is not None else None


class _Identity(TypedDict):
    leerling: str
    school: str
    brin: str
    soort: str
    overgang: str


def _identity(dossier: Dossier, namen: bool) -> _Identity:
    school = dossier.vertrekkende_school
    known = transition(dossier.overgang.id)
    naar = known.naar if known is not None else dossier.ontvangende_school.soort
    soort = dossier.tlv.soort if dossier.tlv is not None else naar
    return {
        "leerling": pupil_label(dossier.leerling, namen),
        "school": school.naam,
        "brin": school.brin or "",
        "soort": SOORT_TEXT.get(soort, soort.upper()),
        "overgang": dossier.overgang.id,
    }


def _adres(dossier: Dossier) -> Adres:
    school = dossier.vertrekkende_school
    swv = (dossier.tlv.swv if dossier.tlv else None) or school.swv or "het samenwerkingsverband"
    return Adres(
        school=school.naam,
        contactpersoon=school.contactpersoon,
        functie=school.functie,
        plaats=school.plaats,
        email=school.email,
        swv=swv,
        leerling=pupil_label(dossier.leerling).split(" (")[0],
        geboortedatum=dossier.leerling.geboortedatum,
        leerlingnummer=dossier.leerling.leerlingnummer,
        aangevraagd_op=dossier.tlv.aangevraagd_op if dossier.tlv else None,
    )


def _relative(path: Path, base: Path | None) -> str:
    if base is not None:
        try:
            return path.relative_to(base).as_posix()
        except ValueError:
            pass
    return path.as_posix()


def _one_line(exc: OverdrachtError) -> str:
    """The error on one line, for a table cell; the details name file, line and field."""
    return "; ".join(exc.details) if exc.details else exc.message
