"""One exception hierarchy for overdracht; the CLI catches it once.

Every error carries a Dutch message for the user (naming the file, the line or
field, and what to do) and the exit code the CLI returns for it.
"""

from __future__ import annotations

import errno

EXIT_OK = 0
EXIT_INCOMPLETE = 1
EXIT_USAGE = 2
EXIT_INVALID_INPUT = 3


class OverdrachtError(Exception):
    """Base class: a problem the user can fix, with a Dutch message."""

    exit_code = EXIT_USAGE

    def __init__(self, message: str, *, details: list[str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.details = details or []

    def __str__(self) -> str:
        if not self.details:
            return self.message
        return "\n".join([self.message, *(f"  - {d}" for d in self.details)])


class UsageError(OverdrachtError):
    """Wrong use of a command: unknown checklist, existing output without --force."""

    exit_code = EXIT_USAGE


class InvalidInputError(OverdrachtError):
    """An input file is missing, unreadable or does not match the model."""

    exit_code = EXIT_INVALID_INPUT


class ChecklistError(InvalidInputError):
    """A checklist or overlay file is broken (reported as file:line: field: problem)."""


class IncompleteError(OverdrachtError):
    """A final document was asked for, but the dossier is not complete."""

    exit_code = EXIT_INCOMPLETE


_OS_REASONS = {
    errno.ENOENT: "bestaat niet",
    errno.ENOTDIR: "een deel van het pad is geen map",
    errno.EISDIR: "dit is een map",
    errno.EACCES: "geen toestemming",
    errno.EPERM: "geen toestemming",
    errno.EROFS: "alleen-lezen schijf",
    errno.ENOSPC: "de schijf is vol",
    errno.EDQUOT: "uw schijfruimte (quotum) is op",
    errno.EEXIST: "bestaat al",
    errno.ENAMETOOLONG: "de naam is te lang",
}


def os_reason(exc: OSError) -> str:
    """Dutch reason for an OSError, e.g. 'bestaat niet' for ENOENT."""
    return _OS_REASONS.get(exc.errno or 0, exc.strerror or "onbekende fout")
