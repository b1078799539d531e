"""The checklist beside the form: check what is typed now, even before it can be saved.

A field with an error (a wrong BSN, an impossible date) is left out of the check and listed
instead, so the rest of the checklist still answers while the user is typing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.urls import reverse
from pydantic import ValidationError

from overdracht.checklists import Finding, load_checklist
from overdracht.errors import OverdrachtError
from overdracht.model import Dossier as DossierDoc
from overdracht.web import store
from overdracht.web.formdata import error_map
from overdracht.web.formview import anchor_for, field_id, field_label
from overdracht.web.inzage.answers import enforce
from overdracht.web.models import Dossier

MAX_ROUNDS = 8
SYMBOLS = {
    "aanwezig": ("✓", "in orde", "ok"),
    "ontbreekt": ("✗", "ontbreekt", "fout"),
    "aanbevolen": ("!", "aanbevolen", "let-op"),
    "n.v.t.": ("–", "niet van toepassing", "nvt"),
    "uitgesloten": ("–", "niet van toepassing", "nvt"),
}


@dataclass
class Line:
    """One finding as the checklist shows it."""

    symbol: str
    state: str
    css: str
    title: str
    message: str
    source: str
    target: str
    reason: str = ""
    advice: str = ""
    due: str = ""
    action: tuple[str, str] | None = None  # (url, label): settled on another page, not a field


@dataclass
class LiveChecklist:
    lines: list[Line] = field(default_factory=list)
    problems: list[tuple[str, str, str]] = field(default_factory=list)  # (id, label, message)
    to_fill: list[tuple[str, str]] = field(default_factory=list)  # (id, label) still required
    complete: bool = False
    missing: int = 0
    checked: bool = False
    title: str = ""


@dataclass
class Lenient:
    doc: DossierDoc | None
    errors: dict[str, list[str]] = field(default_factory=dict)  # wrong values
    missing: list[str] = field(default_factory=list)  # required fields left empty


def lenient_document(data: dict[str, Any]) -> Lenient:
    """Validate; on errors drop the fields in error and try again (parts the model requires
    cannot be dropped: then no document)."""
    result = Lenient(None)
    for _ in range(MAX_ROUNDS):
        try:
            result.doc = DossierDoc.model_validate(data)
            return result
        except ValidationError as exc:
            details = exc.errors(include_url=False)
            missing = {_name(e["loc"]) for e in details if e["type"] == "missing"}
            result.missing += [n for n in sorted(missing) if n not in result.missing]
            for name, messages in error_map(exc).items():
                if name not in missing:
                    known = result.errors.setdefault(name, [])
                    known.extend(m for m in messages if m not in known)
            locs = [_drop_loc(e) for e in details]
            if any(loc is None for loc in locs) or not _drop(data, [x for x in locs if x]):
                return result
    return result


def _name(loc: tuple[Any, ...]) -> str:
    return ".".join(str(p) for p in loc if isinstance(p, (str, int)))


def _drop_loc(error: Any) -> tuple[str | int, ...] | None:
    """What to leave out for this error: the field, or for a missing field its parent; None
    when that is a part the model requires (nothing to check then)."""
    loc = tuple(p for p in error["loc"] if isinstance(p, (str, int)))
    target = loc[:-1] if error["type"] == "missing" else loc
    if not target or (len(target) == 1 and target[0] in _REQUIRED):
        return None
    return target


_REQUIRED = frozenset(n for n, f in DossierDoc.model_fields.items() if f.is_required())


def _sort_key(loc: tuple[str | int, ...]) -> list[tuple[int, str | int]]:
    return [(0, p) if isinstance(p, int) else (1, p) for p in loc]


def _drop(data: dict[str, Any], locs: list[tuple[str | int, ...]]) -> bool:
    """Remove these places; the last rows first, so earlier indexes stay right."""
    dropped = False
    for loc in sorted(set(locs), key=_sort_key, reverse=True):
        parent: Any = data
        for part in loc[:-1]:
            try:
                parent = parent[part]
            except (KeyError, IndexError, TypeError):
                parent = None
                break
        last = loc[-1]
        in_dict = isinstance(parent, dict) and last in parent
        in_list = isinstance(parent, list) and isinstance(last, int) and last < len(parent)
        if in_dict or in_list:
            del parent[last]
            dropped = True
    return dropped


def live_checklist(data: dict[str, Any], dossier: Dossier | None = None) -> LiveChecklist:
    """The checklist for the typed values (as :func:`to_data` gives them), with the fields that
    could not be checked.

    It checks what saving would store: the parents' and pupil's answers of ``dossier`` put
    back, and consent or inzage typed by staff counted as the school's, not theirs.
    """
    checked = lenient_document(data)
    doc = checked.doc
    result = LiveChecklist()
    result.to_fill = [(field_id(n), field_label(n)) for n in checked.missing]
    result.problems = [
        (field_id(n), field_label(n), m) for n, ms in checked.errors.items() for m in ms
    ]
    if doc is None:
        result.lines = _unchecked(data)
        return result
    report = store.check_document(enforce(dossier, doc))
    result.checked = True
    result.title = report.checklist_title
    result.complete = report.complete
    result.missing = len(report.errors)
    result.lines = [_line(f, data, dossier) for f in report.findings]
    return result


def _unchecked(data: dict[str, Any]) -> list[Line]:
    """The rules of the chosen transition, not yet checked (the basic data is not complete)."""
    transition = str(data.get("overgang", {}).get("id", ""))
    try:
        checklist = load_checklist(transition)
    except OverdrachtError:
        return []
    return [
        Line(
            "–",
            "nog niet gecontroleerd",
            "open",
            rule.titel,
            "",
            rule.bron,
            anchor_for(rule.main_path(), data),
        )
        for rule in checklist.regels
    ]


# Where a rule's ``actie`` is settled: not a field the school types, but a page of the app.
ACTIONS = {"inzage-vragen": ("inzage_overzicht", "#inzage-vragen", "Inzage vragen")}


def _action(finding: Finding, dossier: Dossier | None) -> tuple[str, str] | None:
    if finding.action not in ACTIONS or finding.severity == "info":
        return None
    name, anchor, label = ACTIONS[finding.action]
    if dossier is None:  # a new dossier: inzage can be asked once it is saved
        return ("", f"{label} (na opslaan)")
    return (reverse(name, args=[dossier.public_id]) + anchor, label)


def _line(finding: Finding, data: dict[str, Any], dossier: Dossier | None = None) -> Line:
    symbol, state, css = SYMBOLS.get(finding.status, SYMBOLS["ontbreekt"])
    if finding.severity == "error":
        symbol, state, css = SYMBOLS["ontbreekt"]
    reason = ""
    if finding.level:
        because = (
            f" omdat {finding.reason}" if finding.reason and finding.severity == "error" else ""
        )
        reason = f"{finding.level}{because}."
    return Line(
        symbol=symbol,
        state=state,
        css=css,
        title=finding.title or finding.rule,
        message=_sentence(finding.problem),
        source=finding.source,
        target=anchor_for(finding.path, data),
        reason=reason,
        advice=finding.advice if finding.severity != "info" else "",
        due=f"{finding.due:%d-%m-%Y}" if finding.due else "",
        action=_action(finding, dossier),
    )


def _sentence(text: str) -> str:
    text = text.strip()
    if not text:
        return ""
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."


def summary(missing: int) -> str:
    if missing == 0:
        return "Alle verplichte onderdelen zijn aanwezig."
    if missing == 1:
        return "1 verplicht onderdeel ontbreekt."
    return f"{missing} verplichte onderdelen ontbreken."
