"""Generate ``document.docx``: the one DOCX template every document is rendered with.

Run from the repository root after changing the layout::

    .venv/bin/python templates/maak_docx_templates.py

The template holds docxtpl (jinja2) tags that walk the same view model as
``document.html.j2``: a title, sections, and blocks of a few kinds. A school that wants
its own look can open the generated file in Word, restyle it (keep the tags) and save it.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

TARGET = Path(__file__).resolve().parent / "document.docx"
BLUE = RGBColor(0x1D, 0x35, 0x57)
RED = RGBColor(0xB0, 0x00, 0x20)
GREY = RGBColor(0x55, 0x55, 0x55)
FONT = "Arial"  # Liberation Sans / Overdracht Sans in LibreOffice and the PDF: same metrics
WIDTH_CM = 17.4


def _styles(doc: Document) -> None:  # type: ignore[valid-type]
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(9.5)
    rpr = normal.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), "nl-NL")
    rpr.append(lang)
    normal.paragraph_format.space_after = Pt(2)
    for name, size, before in (("Title", 19, 0), ("Heading 1", 12.5, 14), ("Heading 2", 10, 8)):
        style = doc.styles[name]
        style.font.name = FONT
        style.font.size = Pt(size)
        style.font.bold = True
        style.font.color.rgb = BLUE
        style.paragraph_format.space_before = Pt(before)
        style.paragraph_format.space_after = Pt(3)
        style.paragraph_format.keep_with_next = True
        style_fonts = style.element.get_or_add_rPr().find(qn("w:rFonts"))
        if style_fonts is None:
            style_fonts = OxmlElement("w:rFonts")
            style.element.get_or_add_rPr().append(style_fonts)
        for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            style_fonts.set(qn(attr), FONT)
    title = doc.styles["Title"]
    title_ppr = title.element.get_or_add_pPr()
    for border in title_ppr.findall(qn("w:pBdr")):
        title_ppr.remove(border)


def _tag(container: Document | _Cell, text: str) -> Paragraph:  # type: ignore[valid-type]
    """A paragraph holding only a block tag (docxtpl removes the paragraph itself)."""
    return container.add_paragraph(text)


def _shade(cell: _Cell, color: str) -> None:
    tcpr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), color)
    tcpr.append(shd)


def _write(cell: _Cell, text: str, *, bold: bool = False) -> None:
    paragraph = cell.paragraphs[0]
    run = paragraph.add_run(text)
    run.bold = bold
    paragraph.paragraph_format.space_after = Pt(0)


def _table(doc: Document, columns: int, widths: list[float]) -> Table:  # type: ignore[valid-type]
    table = doc.add_table(rows=0, cols=columns)
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Cm(width)
    margins = OxmlElement("w:tblCellMar")
    for side, twips in (("top", 30), ("left", 90), ("bottom", 30), ("right", 90)):
        margin = OxmlElement(f"w:{side}")
        margin.set(qn("w:w"), str(twips))
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    table._tbl.tblPr.append(margins)
    return table


def _keep_together(row: object) -> None:
    # A row never breaks across pages (like 'break-inside: avoid' in the PDF).
    trpr = row._tr.get_or_add_trPr()  # type: ignore[attr-defined]
    trpr.append(OxmlElement("w:cantSplit"))


def _row(
    table: Table,
    texts: list[str],
    widths: list[float],
    *,
    header: bool = False,
    shade_first: bool = False,
    height_cm: float | None = None,
) -> None:
    row = table.add_row()
    _keep_together(row)
    if height_cm:
        row.height = Cm(height_cm)
    if header:
        trpr = row._tr.get_or_add_trPr()
        repeat = OxmlElement("w:tblHeader")
        trpr.append(repeat)
    for index, (cell, text) in enumerate(zip(row.cells, texts, strict=True)):
        cell.width = Cm(widths[index])
        _write(cell, text, bold=header or (shade_first and index == 0))
        if header:
            _shade(cell, "E7EDF3")
        elif shade_first and index == 0:
            _shade(cell, "F2F5F8")


def _spacer(doc: Document) -> None:  # type: ignore[valid-type]
    # Keeps two tables in a row apart: Word merges tables that touch.
    paragraph = doc.add_paragraph()
    paragraph.paragraph_format.space_after = Pt(2)
    paragraph.paragraph_format.line_spacing = Pt(6)


def _velden(doc: Document) -> None:  # type: ignore[valid-type]
    _tag(doc, '{%p if blok.kind == "velden" %}')
    widths = [WIDTH_CM * 0.34, WIDTH_CM * 0.66]
    table = _table(doc, 2, widths)
    _row(table, ["{%tr for veld in blok.velden %}", ""], widths)
    _row(table, ["{{ veld.label }}", "{{ veld.waarde }}"], widths, shade_first=True)
    _row(table, ["{%tr endfor %}", ""], widths)
    _spacer(doc)
    _tag(doc, "{%p endif %}")


def _tabel(doc: Document, columns: int) -> None:  # type: ignore[valid-type]
    _tag(doc, f'{{%p if blok.kind == "tabel" and blok.kolommen|length == {columns} %}}')
    # The first column names the row (a test, a subject, a person): give it more room.
    first = WIDTH_CM * 0.30
    widths = [first] + [(WIDTH_CM - first) / (columns - 1)] * (columns - 1)
    table = _table(doc, columns, widths)
    _row(table, [f"{{{{ blok.kolommen[{i}] }}}}" for i in range(columns)], widths, header=True)
    _row(table, ["{%tr for rij in blok.rijen %}"] + [""] * (columns - 1), widths)
    _row(table, [f"{{{{ rij[{i}] }}}}" for i in range(columns)], widths)
    _row(table, ["{%tr endfor %}"] + [""] * (columns - 1), widths)
    _spacer(doc)
    _tag(doc, "{%p endif %}")


def _invul(doc: Document) -> None:  # type: ignore[valid-type]
    _tag(doc, '{%p if blok.kind == "invul" %}')
    widths = [WIDTH_CM]
    table = _table(doc, 1, widths)
    row = table.add_row()
    _keep_together(row)
    cell = row.cells[0]
    cell.width = Cm(WIDTH_CM)
    _write(cell, "{{ blok.alineas[0] }}", bold=True)
    _tag(cell, "{%p for regel in blok.alineas[1:] %}")
    cell.add_paragraph("{{ regel }}")
    _tag(cell, "{%p endfor %}")
    _tag(cell, "{%p for i in range(blok.regels) %}")
    cell.add_paragraph("")
    _tag(cell, "{%p endfor %}")
    _spacer(doc)
    _tag(doc, "{%p endif %}")


def _handtekening(doc: Document) -> None:  # type: ignore[valid-type]
    _tag(doc, '{%p if blok.kind == "handtekening" %}')
    widths = [WIDTH_CM * 0.28, WIDTH_CM * 0.28, WIDTH_CM * 0.16, WIDTH_CM * 0.28]
    table = _table(doc, 4, widths)
    _row(table, ["Rol", "Naam", "Datum", "Handtekening"], widths, header=True)
    _row(table, ["{%tr for rij in blok.rijen %}", "", "", ""], widths)
    _row(table, ["{{ rij[0] }}", "{{ rij[1] }}", "", ""], widths, height_cm=1.3)
    _row(table, ["{%tr endfor %}", "", "", ""], widths)
    _spacer(doc)
    _tag(doc, "{%p endif %}")


def _field(paragraph: Paragraph, instruction: str) -> None:
    run = paragraph.add_run()
    for kind, text in (
        ("begin", None),
        (None, instruction),
        ("separate", None),
        (None, "1"),
        ("end", None),
    ):
        if kind:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
        elif text == instruction:
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = f" {instruction} "
            run._r.append(instr)
        else:
            t = OxmlElement("w:t")
            t.text = text
            run._r.append(t)


def _header_footer(doc: Document) -> None:  # type: ignore[valid-type]
    section = doc.sections[0]
    header = section.header
    first = header.paragraphs[0]
    run = first.add_run("{{ doc.leerling }}")
    run.bold = True
    run.font.color.rgb = BLUE
    run.font.size = Pt(8)
    rest = first.add_run(" · {{ doc.school }}")
    rest.font.size = Pt(8)
    rest.font.color.rgb = GREY
    _tag(header, "{%p if doc.concept %}")
    concept = header.add_paragraph()
    mark = concept.add_run("CONCEPT: niet versturen")
    mark.bold = True
    mark.font.color.rgb = RED
    mark.font.size = Pt(10)
    _tag(header, "{%p endif %}")

    doc.styles["Footer"].paragraph_format.tab_stops.clear_all()
    footer = section.footer.paragraphs[0]
    footer.paragraph_format.tab_stops.add_tab_stop(Cm(WIDTH_CM), WD_TAB_ALIGNMENT.RIGHT)
    left = footer.add_run("Vertrouwelijk")
    left.bold = True
    left.font.size = Pt(8)
    footer.add_run("\tpagina ").font.size = Pt(8)
    _field(footer, "PAGE")
    footer.add_run(" van ").font.size = Pt(8)
    _field(footer, "NUMPAGES")


def main() -> None:
    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(1.8)
    section.top_margin, section.bottom_margin = Cm(2.2), Cm(2.0)
    section.header_distance = section.footer_distance = Cm(1.0)
    _styles(doc)
    _header_footer(doc)

    doc.add_paragraph("{{ doc.titel }}", style="Title")
    subtitle = doc.add_paragraph()
    subtitle.add_run("{{ doc.ondertitel }}").font.color.rgb = GREY
    made = doc.add_paragraph()
    made.add_run("Gemaakt op {{ doc.gemaakt_op }}").font.color.rgb = GREY
    _tag(doc, "{%p if doc.concept %}")
    warning = doc.add_paragraph()
    warning_run = warning.add_run("{{ doc.concept_reden }}")
    warning_run.bold = True
    warning_run.font.color.rgb = RED
    _tag(doc, "{%p endif %}")
    _tag(doc, "{%p for alinea in doc.inleiding %}")
    doc.add_paragraph("{{ alinea }}")
    _tag(doc, "{%p endfor %}")

    _tag(doc, "{%p for sectie in doc.secties %}")
    doc.add_paragraph("{{ sectie.titel }}", style="Heading 1")
    _tag(doc, "{%p for blok in sectie.blokken %}")
    _tag(doc, "{%p if blok.titel %}")
    doc.add_paragraph("{{ blok.titel }}", style="Heading 2")
    _tag(doc, "{%p endif %}")
    _velden(doc)
    _tag(doc, '{%p if blok.kind == "tekst" %}')
    _tag(doc, "{%p for alinea in blok.alineas %}")
    doc.add_paragraph("{{ alinea }}")
    _tag(doc, "{%p endfor %}")
    _tag(doc, "{%p endif %}")
    _tag(doc, '{%p if blok.kind == "lijst" %}')
    _tag(doc, "{%p for item in blok.items %}")
    doc.add_paragraph("{{ item }}", style="List Bullet")
    _tag(doc, "{%p endfor %}")
    _tag(doc, "{%p endif %}")
    for columns in (2, 3, 4, 5):
        _tabel(doc, columns)
    _invul(doc)
    _handtekening(doc)
    _tag(doc, "{%p endfor %}")
    _tag(doc, "{%p endfor %}")
    doc.add_paragraph()

    props = doc.core_properties
    props.title = ""
    props.author = "overdracht"
    props.language = "nl-NL"
    doc.save(TARGET)
    print(f"{TARGET.name} geschreven")


if __name__ == "__main__":
    main()
