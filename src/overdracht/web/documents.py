"""The documents of a dossier version: rendered by the library, kept once when made final.

A concept version's documents are rendered on request through the library's public
``render_documents`` (the function behind ``overdracht render``, so CONCEPT and left-out
sections are exactly as in the CLI), in a worker process (:mod:`~overdracht.web.renderpool`:
WeasyPrint is not thread-safe), once per version and day (:mod:`~overdracht.web.rendercache`).
A final version's documents are rendered once, when it is made final, stored in the data folder
with their SHA-256, and only ever served from there.
"""

from __future__ import annotations

import hashlib
import logging
import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from overdracht.errors import OverdrachtError, UsageError
from overdracht.model import Dossier as DossierDoc
from overdracht.web import disclosure, rendercache, renderpool
from overdracht.web.inzage import links
from overdracht.web.models import DefinitiefDocument, Dossier, DossierVersion
from overdracht.web.renderpool import Rendered
from overdracht.web.store import User, document, mark_final, overlay_for

log = logging.getLogger(__name__)

# The kinds of document, in the order the library writes them; the key is the end of the
# library's file name ('<stem>-onderwijskundig-rapport.pdf').
TITLES = {
    "onderwijskundig-rapport": "Onderwijskundig rapport",
    "tlv-samenvatting": "Samenvatting TLV-dossier",
    "verslag-warme-overdracht": "Verslag warme overdracht",
    "terugkoppelingsformulier": "Terugkoppelingsformulier",
    "checklistrapport": "Checklistrapport (voor de eigen school, niet meesturen)",
}
MAIN = "onderwijskundig-rapport"
# For the school itself, never part of what is sent or of 'Download alles'.
INTERNAL = frozenset({"checklistrapport"})
# formaat -> (file extension, content type, what the user reads)
FORMATS = {
    "pdf": ("pdf", "application/pdf", "PDF"),
    "docx": (
        "docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "DOCX",
    ),
    "pdfa": ("pdf", "application/pdf", "PDF/A"),
}
STEM = "dossier"
FINAL_FOLDER = "definitief"


class RenderFailed(OverdrachtError):
    """The library failed on this dossier in a way it does not explain (a bug, not the user's)."""

    def __init__(self) -> None:
        super().__init__(
            "De documenten konden niet worden gemaakt. Het dossier zelf is niet veranderd. "
            "Probeer het opnieuw; lukt het weer niet, meld het dan aan de beheerder."
        )


class AlreadyFinal(UsageError):
    def __init__(self, number: int) -> None:
        super().__init__(
            f"Versie {number} is al definitief. Wijzigt u het dossier, dan wordt dat een nieuwe "
            "conceptversie, die u later opnieuw definitief kunt maken."
        )


class Overtaken(OverdrachtError):
    """Another version was saved after the page was opened; nothing was done."""

    def __init__(self, current: DossierVersion, what: str) -> None:
        who = current.created_by.get_username() if current.created_by else "iemand anders"
        when = timezone.localtime(current.created_at).strftime("%d-%m-%Y %H:%M")
        super().__init__(
            f"{who} heeft dit dossier op {when} opgeslagen (versie {current.number}), nadat u "
            f"deze pagina opende. Er is daarom niets {what}. Bekijk de nieuwe versie en probeer "
            "het daarna opnieuw."
        )
        self.current = current


class TamperedFile(OverdrachtError):
    def __init__(self) -> None:
        super().__init__(
            "Dit definitieve document is na het definitief maken veranderd of verdwenen en wordt "
            "daarom niet getoond. Meld dit aan de beheerder."
        )


@dataclass(frozen=True)
class Listing:
    """What the documents page shows about a version."""

    soorten: list[str]
    concept: bool
    definitief: bool
    left_out: tuple[str, ...] = field(default_factory=tuple)


def _render(doc: DossierDoc, *, pdfa: bool, final: bool = False) -> Rendered:
    """Render through the library's public API, in a worker process."""
    overlay = overlay_for(doc)
    try:
        return renderpool.run(
            renderpool.documents_job,
            doc,
            formats=("pdf",) if pdfa else ("docx", "pdf"),
            pdfa=pdfa,
            final=final,
            overlay=str(overlay) if overlay is not None else None,
            stem=STEM,
        )
    except OverdrachtError as exc:
        raise _without_stem(exc) from None
    except renderpool.WorkerFailed as exc:  # a renderer bug must not cost the page, nor leak data
        log.error("Documenten maken mislukt (%s)", exc.kind)
        raise RenderFailed() from None


def rendered(version: DossierVersion, *, pdfa: bool = False) -> Rendered:
    """The concept documents of a version: rendered once (per day), then served."""
    doc = document(version.data)
    return rendercache.served(
        version,
        "pdfa" if pdfa else "documenten",
        overlay_for(doc),
        lambda: _render(doc, pdfa=pdfa),
    )


def listing(version: DossierVersion) -> Listing:
    """The documents of a version: the stored ones when final, else a concept render."""
    if version.definitief:
        stored = list(version.documenten.order_by("volgorde"))
        soorten = list(dict.fromkeys(d.soort for d in stored))
        left_out = tuple(stored[0].weggelaten) if stored else ()
        return Listing(soorten, concept=False, definitief=True, left_out=left_out)
    result = rendered(version)
    return Listing(result.soorten, result.concept, definitief=False, left_out=result.left_out)


def document_bytes(version: DossierVersion, soort: str, formaat: str) -> bytes | None:
    """One document of a version; None if the version has no such document."""
    if formaat not in FORMATS:
        return None
    if version.definitief:
        stored = version.documenten.filter(soort=soort, formaat=formaat).first()
        return read_stored(stored) if stored is not None else None
    return rendered(version, pdfa=formaat == "pdfa").files.get((soort, formaat))


def all_documents(version: DossierVersion) -> list[tuple[str, str, bytes]]:
    """Every document of a version in every format, for the ZIP (not the internal ones)."""
    if version.definitief:
        return [
            (d.soort, d.formaat, read_stored(d))
            for d in version.documenten.all()
            if d.soort not in INTERNAL
        ]
    out: list[tuple[str, str, bytes]] = []
    for pdfa in (False, True):
        out += [
            (s, f, data)
            for (s, f), data in rendered(version, pdfa=pdfa).files.items()
            if s not in INTERNAL
        ]
    return out


def documents_to_send(version: DossierVersion, formaat: str) -> list[tuple[str, bytes]]:
    """The stored documents of a final version that go to the receiving school, in one format."""
    return [
        (d.soort, read_stored(d))
        for d in version.documenten.filter(formaat=formaat).order_by("volgorde")
        if d.soort not in INTERNAL
    ]


def record_access(
    user: User | None, dossier: Dossier, version: DossierVersion, what: str, data: bytes
) -> None:
    """Log that someone in the school looked at or downloaded documents of this version."""
    disclosure.access(
        user,
        dossier,
        version,
        what if version.definitief else what.replace(")", ", concept)"),
        sha256=hashlib.sha256(data).hexdigest(),
    )


def describe(soort: str, formaat: str) -> str:
    """'onderwijskundig rapport (PDF)': what left the app, for the log."""
    title = TITLES.get(soort, soort).split(" (")[0]
    return f"{title[:1].lower()}{title[1:]} ({FORMATS[formaat][2]})"


def download_name(dossier: Dossier, number: int, soort: str, formaat: str) -> str:
    """``onderwijskundig-rapport-<short opaque id>-v3.pdf``: no pupil data in file names."""
    ext = FORMATS[formaat][0]
    suffix = "-pdfa" if formaat == "pdfa" else ""
    return f"{soort}-{short_id(dossier)}-v{number}{suffix}.{ext}"


def short_id(dossier: Dossier) -> str:
    return dossier.public_id[:8]


def final_folder() -> Path:
    folder = Path(settings.DATA_DIR) / FINAL_FOLDER
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return folder


def read_stored(stored: DefinitiefDocument) -> bytes:
    """A stored final document, after checking that it is still byte for byte what was made."""
    try:
        data = (final_folder() / stored.bestand).read_bytes()
    except OSError:
        raise TamperedFile() from None
    if hashlib.sha256(data).hexdigest() != stored.sha256:
        raise TamperedFile()
    return data


def _write_private(folder: Path, data: bytes) -> str:
    name = f"{secrets.token_hex(16)}.bin"
    fd = os.open(folder / name, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    return name


def make_final(dossier: Dossier, user: User | None, *, base_number: int) -> DossierVersion:
    """Freeze the current version and store its documents, rendered once, now.

    Refuses exactly as ``overdracht render --final`` does (:class:`IncompleteError` listing
    what is missing). ``base_number`` is the version the user saw: if another was saved
    since, :class:`Overtaken` is raised. Nothing is stored unless everything is.
    """
    version = dossier.current
    if version.number != base_number:
        raise Overtaken(version, "definitief gemaakt")
    if version.definitief:
        raise AlreadyFinal(version.number)
    doc = document(version.data)
    main = _render(doc, pdfa=False, final=True)
    archive = _render(doc, pdfa=True, final=True)
    files = {**main.files, **archive.files}
    order = {soort: index for index, soort in enumerate(main.soorten)}
    folder = final_folder()
    written: list[Path] = []
    try:
        rows = []
        for (soort, formaat), data in files.items():
            name = _write_private(folder, data)
            written.append(folder / name)
            rows.append(
                DefinitiefDocument(
                    soort=soort,
                    formaat=formaat,
                    volgorde=order.get(soort, len(order)),
                    bestand=name,
                    grootte=len(data),
                    sha256=hashlib.sha256(data).hexdigest(),
                    weggelaten=list(main.left_out),
                )
            )
        with transaction.atomic():
            locked = Dossier.objects.select_for_update().get(pk=dossier.pk)
            if locked.current_number != version.number:
                raise Overtaken(locked.current, "definitief gemaakt")
            if locked.current.definitief:  # a second click while the first one was rendering
                raise AlreadyFinal(version.number)
            final = mark_final(locked, user)
            rendercache.forget(final)
            for row in rows:
                row.version = final
            DefinitiefDocument.objects.bulk_create(rows)
            disclosure.note(
                user,
                locked,
                f"Versie {final.number} definitief gemaakt; {len(rows)} documenten bewaard "
                "met hun SHA-256",
                final,
            )
            links.close_for_final(locked, user, final)  # parents can look, no longer answer
    except BaseException:
        for path in written:
            path.unlink(missing_ok=True)
        raise
    dossier.refresh_from_db()
    return final


def _without_stem(exc: OverdrachtError) -> OverdrachtError:
    """The library's message without the file-name stem it starts with ('dossier: ...')."""
    message = exc.message.removeprefix(f"{STEM}: ")
    exc.message = message[:1].upper() + message[1:]
    exc.args = (exc.message,)
    return exc
