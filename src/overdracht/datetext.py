"""Dates as people type them: ``14-3-2014``, ``14/03/2014``, ``14.03.2014`` or ``2014-03-14``.

One reader for the import (cells written as text) and the web form, with a Dutch problem and
fix when the text is not a date: a day that does not exist, a two-digit year, the wrong order.
"""

from __future__ import annotations

import re
from datetime import date

from overdracht.errors import OverdrachtError

EARLIEST = date(1900, 3, 1)
LATEST = date(2100, 12, 31)

_TEXT_DATE = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})")
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?")
_SHORT_YEAR = re.compile(r"\d{1,2}[-/.]\d{1,2}[-/.]\d{2}")
EXAMPLE = "14-03-2014"


class DateProblem(OverdrachtError):
    """Text that is not a date: what is wrong (``problem``) and how to fix it (``action``)."""

    def __init__(self, problem: str, action: str) -> None:
        super().__init__(f"{problem}; {action}")
        self.problem = problem
        self.action = action


def parse_date_text(text: str) -> date | None:
    """The date written in ``text``; None when it has no date shape at all (a number, a word).

    Raises :class:`DateProblem` for text shaped like a date that is not one.
    """
    text = text.strip()
    found = _TEXT_DATE.fullmatch(text)
    iso = _ISO_DATE.fullmatch(text) if not found else None
    if found:
        day, month, year = (int(g) for g in found.groups())
    elif iso:
        year, month, day = (int(g) for g in iso.groups())
    elif _SHORT_YEAR.fullmatch(text):
        raise DateProblem(
            f"'{text}' heeft een jaartal van twee cijfers",
            f"schrijf het jaartal voluit, bijv. {EXAMPLE}",
        )
    else:
        return None
    try:
        value = date(year, month, day)
    except ValueError:
        raise DateProblem(
            f"'{text}' bestaat niet als datum", f"controleer dag en maand, bijv. {EXAMPLE}"
        ) from None
    return in_range(value)


def in_range(value: date) -> date:
    if not EARLIEST <= value <= LATEST:
        raise DateProblem(
            f"de datum {value.strftime('%d-%m-%Y')} ligt buiten 1900-2100", "controleer het jaartal"
        )
    return value


def date_text(text: str) -> date:
    """Like :func:`parse_date_text`, but text without a date shape is a problem too."""
    value = parse_date_text(text)
    if value is None:
        raise DateProblem(
            f"'{text.strip()}' is geen datum", f"vul een datum in als {EXAMPLE} (dag-maand-jaar)"
        )
    return value
