"""The view model every document is rendered from, in DOCX and in PDF alike.

A document is a title, a few header facts and a list of sections; a section is a list of
blocks of a handful of kinds. The builders (``okr.py``, ``companions.py``, ...) decide
*what* goes into a document; the templates only decide how a block of each kind looks.
Because both formats walk the same structure, the DOCX and the PDF cannot disagree, and a
section that a builder leaves out cannot appear in either.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

# Control characters that XML (and so DOCX) cannot hold; a value from Excel may carry them.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean_text(value: Any) -> Any:
    """Jinja ``finalize``: every value a template prints loses XML-invalid control characters."""
    return _CONTROL.sub("", value) if isinstance(value, str) else value


TABLE_TWIPS = 9864  # 17.4 cm: the width between the page margins
_BLANK = ("", "\u00a0")

BlockKind = Literal["velden", "tekst", "lijst", "tabel", "invul", "handtekening"]


@dataclass(frozen=True)
class Veld:
    """One labelled value; the value may hold newlines."""

    label: str
    waarde: str


@dataclass(frozen=True)
class Block:
    """One piece of a section. Only the attributes of its ``kind`` are filled.

    - ``velden``: label/value rows (``velden``)
    - ``tekst``: paragraphs (``alineas``)
    - ``lijst``: bullet items (``items``)
    - ``tabel``: a table with ``kolommen`` and ``rijen`` (2 to 5 columns) and the share of
      the width each column gets (``breedtes``, percentages summing to 100)
    - ``invul``: a box to write in, with a question (``alineas``) and room (``regels``)
    - ``handtekening``: signature rows (``rijen``: role, name), with room to sign
    """

    kind: BlockKind
    titel: str = ""
    velden: tuple[Veld, ...] = ()
    alineas: tuple[str, ...] = ()
    items: tuple[str, ...] = ()
    kolommen: tuple[str, ...] = ()
    rijen: tuple[tuple[str, ...], ...] = ()
    regels: int = 0
    breedtes: tuple[int, ...] = ()

    @property
    def twips(self) -> tuple[int, ...]:
        """Column widths in twentieths of a point, for the DOCX template (17.4 cm wide)."""
        return tuple(TABLE_TWIPS * share // 100 for share in self.breedtes)


@dataclass(frozen=True)
class Section:
    titel: str
    blokken: tuple[Block, ...]


@dataclass(frozen=True)
class DocumentView:
    """Everything a template may show for one document."""

    soort: str  # "okr", "tlv", "warme-overdracht", "terugkoppeling", "checklistrapport"
    titel: str
    ondertitel: str
    leerling: str  # running header, left
    school: str  # running header, right
    gemaakt_op: str  # "14 maart 2026"
    concept: bool
    concept_reden: str
    inleiding: tuple[str, ...] = ()
    secties: tuple[Section, ...] = field(default_factory=tuple)
    auteur: str = ""
    invulbaar: bool = False  # the PDF's write-in boxes are form fields (filled in on screen)

    @property
    def kop(self) -> str:
        return f"{self.leerling} · {self.school}"


def velden(*pairs: tuple[str, str | None], titel: str = "") -> Block | None:
    """A ``velden`` block of the pairs that have a value; None when none has."""
    rows = tuple(Veld(label, value) for label, value in pairs if value)
    return Block("velden", titel=titel, velden=rows) if rows else None


def tekst(*paragraphs: str | None, titel: str = "") -> Block | None:
    rows = tuple(p for p in paragraphs if p)
    return Block("tekst", titel=titel, alineas=rows) if rows else None


def lijst(items: list[str] | tuple[str, ...], titel: str = "") -> Block | None:
    return Block("lijst", titel=titel, items=tuple(items)) if items else None


def tabel(
    kolommen: tuple[str, ...],
    rijen: Sequence[tuple[str, ...]],
    titel: str = "",
    *,
    invullen: bool = False,
) -> Block | None:
    """A table of the rows; None when there are none.

    A column that is empty in every row is left out (unless the table is a form to fill
    in, ``invullen``), and each column gets a share of the width after what it holds.
    """
    if not rijen:
        return None
    if not 2 <= len(kolommen) <= 5 or any(len(r) != len(kolommen) for r in rijen):
        raise ValueError(f"a table needs 2 to 5 columns and full rows: {kolommen}")
    keep = [
        i
        for i in range(len(kolommen))
        if invullen or i == 0 or any(r[i].strip() not in _BLANK for r in rijen)
    ]
    if len(keep) < 2:
        keep = [0, 1]
    kolommen = tuple(kolommen[i] for i in keep)
    rows = tuple(tuple(r[i] for i in keep) for r in rijen)
    return Block(
        "tabel",
        titel=titel,
        kolommen=kolommen,
        rijen=rows,
        breedtes=column_shares(kolommen, rows, blank_share=invullen),
    )


def column_shares(
    kolommen: tuple[str, ...], rijen: Sequence[tuple[str, ...]], *, blank_share: bool = False
) -> tuple[int, ...]:
    """Percent of the width per column: after its longest line (header words included),
    between 8 and 45 characters, so short codes stay narrow and e-mail addresses fit."""
    wants = []
    for i, header in enumerate(kolommen):
        longest_word = max(len(w) for w in header.split()) if header.strip() else 4
        lines = [line for row in rijen for line in row[i].splitlines()]
        longest = max((len(line) for line in lines), default=0)
        if blank_share and not longest:
            longest = 30  # room to write in
        wants.append(max(8, longest_word + 2, min(45, longest + 2)))
    total = sum(wants)
    shares = [max(10, round(100 * w / total)) for w in wants]
    shares[shares.index(max(shares))] += 100 - sum(shares)
    return tuple(shares)


def invul(vraag: str, regels: int = 4, titel: str = "", voorgevuld: tuple[str, ...] = ()) -> Block:
    """A question with room to write; ``voorgevuld`` lines are already known answers.

    Known answers take the place of empty lines, down to two lines left to write in.
    """
    room = max(2, min(8, regels - len(voorgevuld)))
    return Block("invul", titel=titel, alineas=(vraag, *voorgevuld), regels=room)


def handtekening(rijen: list[tuple[str, str]], titel: str = "") -> Block:
    return Block("handtekening", titel=titel, kolommen=("Rol", "Naam"), rijen=tuple(rijen))


def section(titel: str, *blocks: Block | None) -> Section | None:
    """A section of the blocks that are not None; None when nothing is left."""
    kept = tuple(b for b in blocks if b is not None)
    return Section(titel, kept) if kept else None
