"""Log formatting that keeps pupil data and secrets out of the server's log.

An exception's message may quote what was typed or stored (a pydantic error quotes the input, a
library error names a pupil's file). The log keeps where it happened (the traceback's frames) and
the kind of error, never the message.

A path may carry a secret: a parent's inzage link (``/inzage/<token>/``) or an import report's
(``/importeren/verslag/<token>/``). Django names the path in its warnings (a refused CSRF check,
a 404, a 500) and a Referer in some reasons; every line is written with those tokens, query
strings and anything that looks like a BSN replaced by ``…``.
"""

from __future__ import annotations

import logging
import re
import traceback
from types import TracebackType

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None] | tuple[None, None, None]


_SECRET_PATHS = re.compile(r"(/inzage/|/importeren/verslag/)[^/\s?#'\"]+")
_QUERY = re.compile(r"(/[^\s?'\"]*)\?[^\s'\"]*")
_BSN = re.compile(r"(?<![\w-])\d{9}(?![\w-])")


def scrub(text: str) -> str:
    """``text`` without link tokens, query strings or BSN-like numbers."""
    text = _SECRET_PATHS.sub(r"\1…", text)
    text = _QUERY.sub(r"\1?…", text)
    return _BSN.sub("…", text)


class PrivateFormatter(logging.Formatter):
    """Like ``logging.Formatter``, but an exception is logged without its message, and no line
    carries a link token, a query string or a BSN."""

    def format(self, record: logging.LogRecord) -> str:
        return scrub(super().format(record))

    def formatException(self, ei: ExcInfo) -> str:
        kind, _, tb = ei
        frames = "".join(traceback.format_tb(tb)) if tb else ""
        name = kind.__qualname__ if kind else "Exception"
        return f"Traceback (most recent call last):\n{frames}{name} (melding weggelaten)"
