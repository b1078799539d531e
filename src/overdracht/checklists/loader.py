"""Load checklists and regional overlays; resolve ``extends`` into one list of rules."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from overdracht.checklists.context import Instellingen
from overdracht.checklists.domain_rules import ToestemmingRule
from overdracht.checklists.schema import RULE_KINDS, ChecklistFile, Rule, rule_adapter
from overdracht.errors import ChecklistError, InvalidInputError, UsageError
from overdracht.resources import data_dir
from overdracht.sourcefile import SourceDocument, read_source
from overdracht.validation import describe_errors

_TAGS = frozenset(RULE_KINDS)


@dataclass
class Checklist:
    """A resolved checklist: every rule of the transition, overlays applied."""

    id: str
    titel: str
    regels: list[Rule]
    instellingen: Instellingen = field(default_factory=Instellingen)
    van: str | None = None
    naar: str | None = None
    oso_overstaptype: str | None = None
    overlay: str | None = None
    warnings: list[str] = field(default_factory=list)  # 'file:line: ...': edits that do nothing

    def rule(self, rule_id: str) -> Rule | None:
        return next((r for r in self.regels if r.id == rule_id), None)


def checklist_dir() -> Path:
    return data_dir("checklists")


@cache
def _read(path: Path) -> tuple[ChecklistFile, SourceDocument]:
    try:
        source = read_source(path)
    except InvalidInputError as exc:
        raise ChecklistError(exc.message, details=exc.details) from None
    if not isinstance(source.data, dict):
        raise ChecklistError(
            f"{path}:1: (hele bestand): een checklist begint met 'id:' en 'regels:'"
        )
    try:
        return ChecklistFile.model_validate(source.data), source
    except ValidationError as exc:
        problems = describe_errors(exc, source, drop=_TAGS)
        raise ChecklistError(
            f"{path}: de checklist bevat {len(problems)} "
            f"{'fout' if len(problems) == 1 else 'fouten'}:",
            details=problems,
        ) from None


def list_checklists() -> list[tuple[str, str]]:
    """(id, titel) of every transition checklist shipped with overdracht, sorted."""
    found: list[tuple[str, str]] = []
    for path in sorted(checklist_dir().glob("*.yaml")):
        parsed, _ = _read(path)
        if not parsed.abstract:
            found.append((path.stem, parsed.titel or path.stem))
    return found


def known_ids() -> list[str]:
    return [checklist_id for checklist_id, _ in list_checklists()]


def _unknown(checklist_id: str) -> UsageError:
    return UsageError(
        f"onbekende overgang of checklist '{checklist_id}'. Bekende overgangen: "
        f"{', '.join(known_ids())}."
    )


def _resolve(checklist_id: str, chain: tuple[str, ...] = ()) -> Checklist:
    if checklist_id in chain:
        raise ChecklistError(
            f"checklists '{' -> '.join((*chain, checklist_id))}' verwijzen in een kring naar elkaar"
        )
    path = checklist_dir() / f"{checklist_id}.yaml"
    if not path.is_file() or not checklist_id.replace("-", "").isalnum():
        raise _unknown(checklist_id)
    parsed, source = _read(path)
    bases = parsed.bases
    if len(bases) > 1:
        raise ChecklistError(f"{path}: een checklist breidt precies één andere checklist uit")
    base = _resolve(bases[0], (*chain, checklist_id)) if bases else Checklist(checklist_id, "", [])
    return _apply(base, parsed, source, checklist_id=checklist_id)


def load_checklist(checklist_id: str, overlay: Path | Sequence[Path] | None = None) -> Checklist:
    """The checklist for ``checklist_id`` with, optionally, regional overlays applied in order."""
    checklist = _resolve(checklist_id)
    if overlay is None:
        return checklist
    overlays = [overlay] if isinstance(overlay, (str, Path)) else list(overlay)
    names: list[str] = []
    for path in overlays:
        checklist = _apply_overlay(checklist, Path(path), checklist_id)
        names.append(checklist.overlay or Path(path).name)
    checklist.overlay = " + ".join(names) if names else None
    return checklist


def overlay_bases(overlay: Path) -> list[str]:
    """The checklist ids an overlay file says it ``extends`` (validated like any checklist)."""
    parsed, _ = _read(Path(overlay))
    return parsed.bases


def _apply_overlay(checklist: Checklist, overlay: Path, checklist_id: str) -> Checklist:
    parsed, source = _read(overlay)
    if not parsed.bases:
        raise ChecklistError(
            f"{overlay}:1: extends: een overlay moet zeggen welke checklist hij uitbreidt"
        )
    for base in parsed.bases:
        if base not in known_ids():
            line = source.line_of(("extends",)) or 1
            raise ChecklistError(
                f"{overlay}:{line}: extends: onbekende checklist '{base}'; bekend zijn: "
                f"{', '.join(known_ids())}"
            )
    if checklist_id not in parsed.bases:
        raise UsageError(
            f"{overlay}: deze overlay hoort bij {', '.join(parsed.bases)}, "
            f"niet bij '{checklist_id}'."
        )
    result = _apply(checklist, parsed, source, checklist_id=checklist_id, others=_bundled_ids())
    result.overlay = parsed.titel or overlay.name
    return result


@cache
def _bundled_ids() -> frozenset[str]:
    """The id of every rule in every bundled checklist (transitions and aanvragen)."""
    paths = sorted(checklist_dir().rglob("*.yaml"))
    return frozenset(rule.id for path in paths for rule in _read(path)[0].regels)


def _apply(
    base: Checklist,
    parsed: ChecklistFile,
    source: SourceDocument,
    *,
    checklist_id: str,
    others: frozenset[str] | None = None,
) -> Checklist:
    """Apply one file's edits to ``base``; every problem of the file is reported at once.

    An edit of a rule that ``base`` does not have is an error, unless the rule is in
    ``others`` (for an overlay: the rules of every bundled checklist): then the edit is meant
    for another checklist (e.g. the TLV requirements under ``tlv-check``) and only does
    nothing here, which is a warning.
    """
    path = source.path
    rules: list[Rule] = list(base.regels)
    ids = {r.id for r in rules}
    problems: list[str] = []
    warnings: list[str] = list(base.warnings)

    def where(*loc: str | int) -> str:
        line = source.line_of(loc)
        return f"{path}:{line}" if line else str(path)

    def unknown(section: str, loc: tuple[str | int, ...], rule_id: str) -> None:
        if others is not None and rule_id in others:
            warnings.append(
                f"{where(*loc)}: {section}: regel '{rule_id}' staat niet in {checklist_id}; "
                "deze regel doet hier niets"
            )
        elif others is not None:
            problems.append(
                f"{where(*loc)}: {section}: regel '{rule_id}' bestaat in geen enkele checklist"
            )
        else:
            problems.append(f"{where(*loc)}: {section}: regel '{rule_id}' bestaat niet")

    for index, rule_id in enumerate(parsed.uitschakelen):
        if rule_id not in ids:
            unknown("uitschakelen", ("uitschakelen", index), rule_id)
            continue
        if _always(next(r for r in rules if r.id == rule_id)):
            problems.append(
                f"{where('uitschakelen', index)}: uitschakelen: regel '{rule_id}' geldt op elke "
                "overgang (altijd: true) en kan niet worden uitgeschakeld; zonder toestemming "
                "gaan deze gegevens nooit mee"
            )
            continue
        rules = [r for r in rules if r.id != rule_id]
        ids.discard(rule_id)

    for rule_id, change in parsed.aanpassen.items():
        current = next((r for r in rules if r.id == rule_id), None)
        if current is None:
            unknown("aanpassen", ("aanpassen", rule_id), rule_id)
            continue
        try:
            changed = _changed(current, rule_id, change, source)
        except ChecklistError as exc:
            problems.extend(exc.details or [exc.message])
            continue
        weakened = _weakened(current, changed)
        if weakened:
            problems.append(f"{where('aanpassen', rule_id)}: aanpassen.{rule_id}: {weakened}")
            continue
        rules[rules.index(current)] = changed

    for index, rule in enumerate(parsed.regels):
        if rule.id in ids:
            problems.append(
                f"{where('regels', index, 'id')}: regels[{index + 1}].id: regel '{rule.id}' "
                "bestaat al; gebruik 'aanpassen:' om een bestaande regel te wijzigen"
            )
            continue
        rules.append(rule)
        ids.add(rule.id)

    if problems:
        raise ChecklistError(
            f"{path}: de checklist bevat {len(problems)} "
            f"{'fout' if len(problems) == 1 else 'fouten'}:",
            details=problems,
        )
    settings = base.instellingen.model_copy(
        update=parsed.instellingen.model_dump(exclude_none=True) if parsed.instellingen else {}
    )
    return Checklist(
        id=parsed.id or checklist_id,
        titel=parsed.titel or base.titel,
        regels=rules,
        instellingen=settings,
        van=parsed.van or base.van,
        naar=parsed.naar or base.naar,
        oso_overstaptype=parsed.oso_overstaptype or base.oso_overstaptype,
        warnings=warnings,
    )


def _always(rule: Rule) -> bool:
    return isinstance(rule, ToestemmingRule) and rule.altijd


def _weakened(current: Rule, changed: Rule) -> str:
    """Why an edit of an ``altijd`` consent rule is refused; empty when it is allowed."""
    if not isinstance(current, ToestemmingRule) or not current.altijd:
        return ""
    if not isinstance(changed, ToestemmingRule) or not changed.altijd:
        return "deze toestemming geldt op elke overgang; 'altijd' kan niet uit"
    if changed.categorie != current.categorie:
        return "deze toestemming geldt op elke overgang; de categorie kan niet anders"
    dropped = [p for p in current.gegevens if p not in changed.gegevens]
    if dropped:
        return (
            "deze toestemming geldt op elke overgang; velden weghalen kan niet "
            f"({', '.join(dropped)}), velden toevoegen wel"
        )
    return ""


def _changed(current: Rule, rule_id: str, change: dict[str, Any], source: SourceDocument) -> Rule:
    if "id" in change or "soort" in change:
        line = source.line_of(("aanpassen", rule_id))
        raise ChecklistError(
            f"{source.path}:{line}: aanpassen.{rule_id}: 'id' en 'soort' kun je niet aanpassen; "
            "schakel de regel uit en voeg een nieuwe toe"
        )
    merged = {**current.model_dump(exclude_unset=True), **change}
    if change.get("niveau") == "verplicht" and "als" not in change:
        merged.pop("als", None)  # tightened: required whatever the condition was
    try:
        return rule_adapter().validate_python(merged)
    except ValidationError as exc:
        problems = describe_errors(exc, source, prefix=("aanpassen", rule_id), drop=_TAGS)
        raise ChecklistError(
            f"{source.path}: aanpassing van regel '{rule_id}' klopt niet:", details=problems
        ) from None
