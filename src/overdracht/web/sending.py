"""Sending the documents of a final version: the one act in the app that is a disclosure.

The sender names the receiver; the documents go out as they were stored when the version was
made final, without the internal checklistrapport, with a *verzendbewijs* (receipt). The
receipt carries the verstrekkingenlog's entries and the controlecode of the last one, so the
receiving school holds a copy of the log's head outside the sending school's database.
"""

from __future__ import annotations

import hashlib
import io
import zipfile
from dataclasses import dataclass

from django.utils import timezone
from django.utils.formats import date_format

from overdracht.checklists.consent import CATEGORY_LABELS
from overdracht.errors import UsageError
from overdracht.web import disclosure, documents
from overdracht.web.models import Dossier, DossierVersion, Logregel
from overdracht.web.store import User

RECEIPT = "verzendbewijs.txt"


class NotFinal(UsageError):
    def __init__(self) -> None:
        super().__init__(
            "Alleen een definitieve versie kan worden verstuurd. Maak de versie eerst definitief; "
            "een concept is voor de eigen school."
        )


@dataclass(frozen=True)
class Sent:
    """The ZIP to hand to the receiver, and its file name (no pupil data in it)."""

    name: str
    data: bytes


def send(
    user: User | None, dossier: Dossier, version: DossierVersion, to_whom: str, formaat: str
) -> Sent:
    """Log the disclosure of every document of a final version to ``to_whom``; the ZIP to send."""
    if not version.definitief:
        raise NotFinal()
    chosen = documents.documents_to_send(version, formaat)
    files = [
        (documents.download_name(dossier, version.number, soort, formaat), data)
        for soort, data in chosen
    ]
    stored = version.documenten.first()
    left_out = tuple(stored.weggelaten) if stored is not None else ()
    entries = disclosure.record_many(
        user,
        [
            disclosure.Disclosure(
                dossier,
                version,
                documents.describe(soort, formaat),
                to_whom,
                hashlib.sha256(data).hexdigest(),
                left_out,
            )
            for soort, data in chosen
        ],
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files:
            archive.writestr(name, data)
        archive.writestr(RECEIPT, receipt(dossier, version, to_whom, files, left_out, entries))
    return Sent(f"verstuurd-{documents.short_id(dossier)}-v{version.number}.zip", buffer.getvalue())


def receipt(
    dossier: Dossier,
    version: DossierVersion,
    to_whom: str,
    files: list[tuple[str, bytes]],
    left_out: tuple[str, ...],
    entries: list[Logregel],
) -> str:
    """The verzendbewijs: what was sent, to whom, and where it stands in the log."""
    now = date_format(timezone.localtime(), "j F Y \\o\\m H:i")
    withheld = ", ".join(CATEGORY_LABELS.get(c, c) for c in left_out) or "niets"
    lines = [
        "Verzendbewijs (overdracht)",
        "",
        f"Verstrekt aan: {to_whom}",
        f"Door: {entries[-1].door if entries else ''}",
        f"Op: {now}",
        f"Dossier: {documents.short_id(dossier)}, versie {version.number} (definitief)",
        f"Niet meegestuurd wegens geen toestemming: {withheld}",
        "",
        "Documenten en hun SHA-256:",
        *(f"  {name}  {hashlib.sha256(data).hexdigest()}" for name, data in files),
        "",
    ]
    if entries:
        first, last = entries[0].volgnummer, entries[-1].volgnummer
        lines += [
            f"Vastgelegd in het verstrekkingenlog van de school, regels {first} tot en met "
            f"{last}. Controlecode van regel {last}:",
            f"  {entries[-1].hash}",
            "",
            "Bewaar dit bewijs bij de documenten. Met de controlecode kan de school later laten "
            "zien dat deze verstrekking nog zo in haar verstrekkingenlog staat.",
        ]
    return "\n".join(lines) + "\n"
