"""Filling in the dossier form as a user does: find a part by its heading, a field by its label.

``fill(page, "Leerling", {"Voornamen": "Mees", ...})`` types into the fields of the part called
"Leerling"; a value of ``True`` ticks a box, a list ticks the choices of a group of boxes, and a
select gets the option with that text. A part inside a part is named with " › "
("OPP › Handelingsdeel"); a row of a repeating part is "Ouder 1" (singular).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from playwright.sync_api import expect

from overdracht.web.labels import singular

Value = str | bool | Sequence[str]


def part(page: Any, name: str) -> Any:
    """The fieldset of a part of the form (``"OPP › Evaluatie 1"`` for nested parts)."""
    scope = page.locator("#dossierformulier")
    for step in name.split(" › "):
        scope = scope.get_by_role("group", name=step, exact=True).first
    return scope


def _label(text: str) -> re.Pattern[str]:
    # Required fields say "(verplicht)" after their label.
    return re.compile(rf"^{re.escape(text)}( \(verplicht\))?$")


def fill(page: Any, where: str, values: Mapping[str, Value]) -> None:
    """Fill in fields of one part of the form, by their labels."""
    scope = part(page, where)
    for label, value in values.items():
        if isinstance(value, list | tuple):
            group = scope.get_by_role("group", name=_label(label))
            for choice in value:
                group.get_by_label(choice, exact=True).check()
            continue
        field = scope.get_by_label(_label(label))
        if isinstance(value, bool):
            field.set_checked(value)
        elif field.evaluate("e => e.tagName") == "SELECT":
            field.select_option(label=value)
        else:
            field.fill(value)


def add_row(page: Any, where: str) -> Any:
    """Press "Rij toevoegen" of a repeating part; the new row's fieldset."""
    rows = part(page, where)
    before = rows.locator("fieldset.rij").count()
    *parents, name = where.split(" › ")
    rows.get_by_role("button", name=f"Rij toevoegen bij {name.lower()}").click()
    row = part(page, " › ".join([*parents, f"{singular(name)} {before + 1}"]))
    expect(row).to_be_visible()
    return row


def fill_rows(page: Any, where: str, rows: Sequence[Mapping[str, Value]]) -> None:
    """Add a row per item of a repeating part and fill it in."""
    *parents, name = where.split(" › ")
    for values in rows:
        add_row(page, where)
        number = part(page, where).locator("fieldset.rij").count()
        fill(page, " › ".join([*parents, f"{singular(name)} {number}"]), values)


def checklist(page: Any) -> Any:
    return page.get_by_role("region", name="Checklist")


def open_rules(page: Any) -> list[str]:
    """The rules of the live checklist that are not yet in order (✗ or !)."""
    rules = checklist(page).locator("li.regel-fout, li.regel-let-op")
    return [" ".join(text.split()) for text in rules.all_inner_texts()]


def save(page: Any) -> str:
    """Press Opslaan; the message the app gives."""
    page.get_by_role("button", name="Opslaan").click()
    message = page.locator(".meldingen [role=status], #foutsamenvatting").first
    expect(message).to_be_visible()
    text = str(message.inner_text())
    assert "niet opgeslagen" not in text, text
    return text
