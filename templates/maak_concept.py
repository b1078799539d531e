"""Make the CONCEPT marks of the PDF as drawings: ``concept-watermerk.svg`` and ``concept-kop.svg``.

Run from the repository root (needs fonttools, a dev dependency)::

    .venv/bin/python templates/maak_concept.py

Why drawings and not text: a mark drawn as letters ends up in the text of the PDF, so a
screen reader reads "CONCEPT" on every page and ``pdftotext`` (or copy and paste) yields
loose letters of the large rotated watermark between the real text. As a page background
the outlines are drawn as an artifact: visible on paper, absent from the text and from the
structure tree. The concept status itself is stated once, as text, at the top of the document.
"""

from __future__ import annotations

from pathlib import Path

from fontTools.pens.svgPathPen import SVGPathPen
from fontTools.ttLib import TTFont

HERE = Path(__file__).resolve().parent
FONT = HERE / "lettertype" / "OverdrachtSans-Bold.ttf"
WORD = "CONCEPT"


def outline(word: str, letter_spacing: float = 0.0) -> tuple[str, float, float, float]:
    """SVG path data of ``word`` in font units, its advance width, ascent and descent."""
    font = TTFont(FONT)
    glyphs = font.getGlyphSet()
    cmap = font.getBestCmap()
    parts = []
    x = 0.0
    for char in word:
        name = cmap[ord(char)]
        pen = SVGPathPen(glyphs)
        glyphs[name].draw(pen)
        # Font units point up; SVG points down: flip each glyph and move it along.
        flip = f"translate({x:.0f} 0) scale(1 -1)"
        parts.append(f'<path transform="{flip}" d="{pen.getCommands()}"/>')
        x += glyphs[name].width + letter_spacing
    cap = font["OS/2"].sCapHeight
    return "".join(parts), x - letter_spacing, cap, 0.0


def watermark() -> str:
    """A pale rotated CONCEPT across the middle of an A4 page (210 × 297 mm)."""
    paths, width, cap, _ = outline(WORD)
    # 96pt letters: 96pt = 33.9 mm em; the font has 2048 units per em.
    scale = 33.9 / 2048
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" width="210mm" height="297mm" '
        'viewBox="0 0 210 297">'
        '<g fill="#f8e3e7" transform="translate(105 160) rotate(-35) '
        f'scale({scale:.6f}) translate({-width / 2:.0f} {cap / 2:.0f})">{paths}</g></svg>\n'
    )


def header_mark() -> str:
    """The small red CONCEPT of the running header (10pt, a little letter spacing)."""
    paths, width, cap, _ = outline(WORD, letter_spacing=60)
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" '
        f'viewBox="0 {-cap:.0f} {width:.0f} {cap:.0f}" '
        f'width="{width / cap * 2.5:.2f}mm" height="2.5mm">'
        f'<g fill="#b00020">{paths}</g></svg>\n'
    )


def main() -> None:
    (HERE / "concept-watermerk.svg").write_text(watermark(), encoding="utf-8")
    (HERE / "concept-kop.svg").write_text(header_mark(), encoding="utf-8")
    print("concept-watermerk.svg en concept-kop.svg geschreven")


if __name__ == "__main__":
    main()
