"""Make the bundled document font: Liberation Sans cut down to Latin, renamed.

Run from the repository root (needs fonttools and the Debian package fonts-liberation2)::

    .venv/bin/python templates/maak_lettertype.py

Why: WeasyPrint subsets every font it embeds; with a full system font most of the time
goes into fontTools decompiling its large GSUB/GPOS tables. A font already cut down to
Latin (kerning and ligatures kept) makes every PDF several times faster and looks the
same on every machine. Liberation Sans is metric-compatible with Arial, the font the
DOCX templates name, so the DOCX and the PDF break lines alike.

Liberation is licensed under the SIL Open Font License 1.1 with the Reserved Font Name
"Liberation"; a modified (subset) font may not carry that name, so it is renamed
"Overdracht Sans". The licence travels along in ``lettertype/OFL.txt``.
"""

from __future__ import annotations

from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

SOURCE = Path("/usr/share/fonts/truetype/liberation2")
TARGET = Path(__file__).resolve().parent / "lettertype"
FAMILY = "Overdracht Sans"
STYLES = {"Regular": "Regular", "Bold": "Bold", "Italic": "Italic"}
# Basic Latin, Latin-1, Latin Extended-A, general punctuation, euro, bullets and arrows.
UNICODES = (
    "U+0020-007E,U+00A0-017F,U+0192,U+02C6,U+02DA,U+02DC,U+2010-2027,U+2030-203A,U+20AC,"
    "U+2122,U+2190-2193,U+2212,U+2264,U+2265,U+25A1,U+2610,U+2713"
)


def _rename(font: TTFont, style: str) -> None:
    full = f"{FAMILY} {style}" if style != "Regular" else FAMILY
    postscript = f"OverdrachtSans-{style}"
    names = {
        1: FAMILY,
        2: style,
        3: f"{postscript};subset",
        4: full,
        6: postscript,
        16: FAMILY,
        17: style,
    }
    table = font["name"]
    for record in list(table.names):
        if record.nameID in (1, 2, 3, 4, 6, 16, 17, 21, 22):
            table.removeNames(nameID=record.nameID)
    for name_id, value in names.items():
        table.setName(value, name_id, 3, 1, 0x409)
        table.setName(value, name_id, 1, 0, 0)


def main() -> None:
    TARGET.mkdir(exist_ok=True)
    options = subset.Options()
    options.layout_features = ["kern", "liga", "clig", "calt", "ccmp", "locl", "mark", "mkmk"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.hinting = False
    options.desubroutinize = True
    for source_style, style in STYLES.items():
        font = TTFont(SOURCE / f"LiberationSans-{source_style}.ttf")
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=subset.parse_unicodes(UNICODES))
        subsetter.subset(font)
        _rename(font, style)
        out = TARGET / f"OverdrachtSans-{style}.ttf"
        font.save(out)
        print(f"{out.name}: {out.stat().st_size // 1024} kB")


if __name__ == "__main__":
    main()
