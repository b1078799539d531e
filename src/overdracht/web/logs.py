"""Log formatting that keeps pupil data out of the server's log.

An exception's message may quote what was typed or stored (a pydantic error quotes the input, a
library error names a pupil's file). The log keeps where it happened (the traceback's frames) and
the kind of error, never the message.
"""

from __future__ import annotations

import logging
import traceback
from types import TracebackType

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None] | tuple[None, None, None]


class PrivateFormatter(logging.Formatter):
    """Like ``logging.Formatter``, but an exception is logged without its message."""

    def formatException(self, ei: ExcInfo) -> str:
        kind, _, tb = ei
        frames = "".join(traceback.format_tb(tb)) if tb else ""
        name = kind.__qualname__ if kind else "Exception"
        return f"Traceback (most recent call last):\n{frames}{name} (melding weggelaten)"
