"""Find bad page breaks in a laid-out WeasyPrint document.

A page is read as a list of *units* in reading order: headings, table rows, list items,
paragraphs and write-in boxes, each with the element (table, list, ...) it belongs to.
From that we can tell what a reader would call a bad break:

- a heading at the bottom of a page (its text starts on the next);
- a table header at the bottom of a page without any of its rows;
- a signature table or a write-in box split over two pages;
- a page that holds only the last one or two rows/items of a table or list that started
  on the page before (a "few lines at the end of a section").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from weasyprint.document import Document
from weasyprint.formatting_structure import boxes

KEEP_WHOLE = ("handtekening", "invul")
MIN_TAIL = 3


@dataclass(frozen=True)
class Unit:
    kind: str  # "heading", "head-row", "row", "item", "para", "box"
    owner: Any  # the element the unit belongs to (table, list, heading, paragraph)
    text: str


def _classes(element: Any) -> set[str]:
    return set((element.get("class") or "").split()) if element is not None else set()


def _text(box: Any) -> str:
    return " ".join(
        b.text for b in box.descendants() if isinstance(b, boxes.TextBox) and b.text.strip()
    ).strip()


def _units(box: Any, out: list[Unit], table: Any = None, group: str = "", lst: Any = None) -> None:
    if isinstance(box, boxes.MarginBox):
        return
    tag = box.element_tag if box.element is not None else None
    if tag in ("h1", "h2", "h3"):
        out.append(Unit("heading", box.element, _text(box)))
        return
    if tag == "tr":
        out.append(Unit("head-row" if group == "thead" else "row", table, _text(box)))
        return
    if tag == "li":
        out.append(Unit("item", lst, _text(box)))
        return
    if tag == "div" and "invul" in _classes(box.element):
        out.append(Unit("box", box.element, _text(box)))
        return
    if tag == "p":
        out.append(Unit("para", box.element, _text(box)))
        return
    if tag == "table":
        table = box.element
    elif tag in ("thead", "tbody"):
        group = tag
    elif tag in ("ul", "ol"):
        lst = box.element
    for child in getattr(box, "children", []):
        if isinstance(child, boxes.Box):
            _units(child, out, table, group, lst)


def page_units(document: Document) -> list[list[Unit]]:
    pages = []
    for page in document.pages:
        units: list[Unit] = []
        _units(page._page_box, units)
        pages.append(units)
    return pages


def bad_breaks(document: Document) -> list[str]:
    """One Dutch-free, developer-facing line per bad break (empty when the layout is fine)."""
    pages = page_units(document)
    problems: list[str] = []
    seen_on: dict[int, list[int]] = {}
    for number, units in enumerate(pages, start=1):
        for unit in units:
            pages_of = seen_on.setdefault(id(unit.owner), [])
            if not pages_of or pages_of[-1] != number:
                pages_of.append(number)
        if number < len(pages) and units:
            last = units[-1]
            if last.kind == "heading":
                problems.append(f"page {number}: heading '{last.text}' at the bottom")
            if last.kind == "head-row":
                problems.append(f"page {number}: table header '{last.text}' without rows")
        if number > 1 and units and pages[number - 2]:
            first, previous_last = units[0], pages[number - 2][-1]
            if first.owner is previous_last.owner and first.kind in ("row", "item"):
                tail = [u for u in units if u.owner is first.owner]
                continues = number < len(pages) and any(
                    u.owner is first.owner for u in pages[number]
                )
                if len(tail) < MIN_TAIL and not continues:
                    problems.append(
                        f"page {number}: only {len(tail)} row(s) left of '{first.text[:40]}'"
                    )
    reported: set[int] = set()
    for units in pages:
        for unit in units:
            pages_of = seen_on[id(unit.owner)]
            whole = _classes(unit.owner) & set(KEEP_WHOLE)
            if whole and len(pages_of) > 1 and id(unit.owner) not in reported:
                reported.add(id(unit.owner))
                problems.append(f"{'/'.join(whole)} '{unit.text[:40]}' split over pages {pages_of}")
    return sorted(set(problems))
