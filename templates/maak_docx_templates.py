"""Generate ``document.docx``: the one DOCX template every document is rendered with.

Run from the repository root after changing the layout::

    .venv/bin/python templates/maak_docx_templates.py

The template holds docxtpl (jinja2) tags that walk the same view model as
``document.html.j2``: a title, sections, and blocks of a few kinds. A school that wants
its own look can open the generated file in Word, restyle it (keep the tags) and save it.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor, Twips
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

TARGET = Path(__file__).resolve().parent / "document.docx"
LETTER = Path(__file__).resolve().parent / "brief.docx"
BLUE = RGBColor(0x1D, 0x35, 0x57)
RED = RGBColor(0xB0, 0x00, 0x20)
GREY = RGBColor(0x55, 0x55, 0x55)
FONT = "Arial"  # Liberation Sans / Overdracht Sans in LibreOffice and the PDF: same metrics
WIDTH_CM = 17.4
BORDER = "B9C3CD"  # the light grey-blue of the PDF's table lines
# Placeholder widths (twips) of the generic tables, replaced by the view model's column
# widths ({{ blok.twips[i] }}) after saving: 9000 + 10 x columns + column index.
SENTINEL = 9000
# Parts python-docx's default template brings along that a school's document should not
# carry: a thumbnail of an empty Mac Word page, customXml, Word 2010 style effects.
LEFTOVERS = ("docProps/thumbnail.jpeg", "customXml/", "word/stylesWithEffects.xml")


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
        column.width = Twips(width) if width >= SENTINEL else Cm(width)
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        line = OxmlElement(f"w:{side}")
        line.set(qn("w:val"), "single")
        line.set(qn("w:sz"), "4")  # eighths of a point: 0.5pt, like the PDF
        line.set(qn("w:space"), "0")
        line.set(qn("w:color"), BORDER)
        borders.append(line)
    table._tbl.tblPr.append(borders)
    margins = OxmlElement("w:tblCellMar")
    # 1.2 mm above and below, 2 mm beside the text: the padding of the PDF's cells.
    for side, twips in (("top", 68), ("left", 113), ("bottom", 68), ("right", 113)):
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
    keep_next: bool = False,
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
        cell.width = Twips(widths[index]) if widths[index] >= SENTINEL else Cm(widths[index])
        _write(cell, text, bold=header or (shade_first and index == 0))
        # Word keeps a row whose paragraphs are 'keep with next' on the page of the next
        # row: a header row stays with the first row, a signature block stays whole.
        cell.paragraphs[0].paragraph_format.keep_with_next = header or keep_next
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
    # Placeholders: the view model sizes each column after its content.
    widths = [float(SENTINEL + 10 * columns + i) for i in range(columns)]
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
    _row(table, ["{{ rij[0] }}", "{{ rij[1] }}", "", ""], widths, height_cm=1.1, keep_next=True)
    _row(table, ["{%tr endfor %}", "", "", ""], widths)
    _spacer(doc)
    _tag(doc, "{%p endif %}")


def _field(paragraph: Paragraph, instruction: str) -> None:
    """A PAGE/NUMPAGES field as Word writes it: one run per part, each at the footer's size
    (a field in a single run shows its number in the paragraph's size in LibreOffice)."""
    for kind, text in (
        ("begin", None),
        (None, instruction),
        ("separate", None),
        (None, "1"),
        ("end", None),
    ):
        run = paragraph.add_run()
        run.font.size = Pt(8)
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


def _watermark() -> OxmlElement:
    """Word's own watermark: a pale rotated 'CONCEPT' behind the text of every page."""
    from docx.oxml import parse_xml

    return parse_xml(
        '<w:pict xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office">'
        '<v:shapetype id="_x0000_t136" coordsize="21600,21600" o:spt="136" adj="10800" '
        'path="m@7,l@8,m@5,21600l@6,21600e"><v:path textpathok="t" o:connecttype="custom"/>'
        '<v:textpath on="t" fitshape="t"/><o:lock v:ext="edit" text="t" shapetype="t"/>'
        "</v:shapetype>"
        '<v:shape id="ConceptWatermerk" o:spid="_x0000_s2049" type="#_x0000_t136" '
        'style="position:absolute;margin-left:0;margin-top:0;width:470pt;height:120pt;'
        "rotation:325;z-index:-251657216;mso-position-horizontal:center;"
        "mso-position-horizontal-relative:margin;mso-position-vertical:center;"
        'mso-position-vertical-relative:margin" o:allowincell="f" fillcolor="#f8e3e7" '
        'stroked="f"><v:textpath style="font-family:&quot;Arial&quot;;font-size:1pt;'
        'font-weight:bold" string="CONCEPT"/></v:shape></w:pict>'
    )


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
    concept.add_run()._r.append(_watermark())
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
    _clean_package(TARGET)
    print(f"{TARGET.name} geschreven")
    letter_template()


def letter_template() -> None:
    """``brief.docx``: the A4, Dutch, Arial base of the letters to schools (tlv-check --brieven).

    The letters are written with python-docx on this base; the letterhead (logo, name,
    address) is filled into the header from the SWV's settings file.
    """
    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.2)
    section.top_margin, section.bottom_margin = Cm(4.6), Cm(2.0)
    section.header_distance = section.footer_distance = Cm(1.0)
    _styles(doc)
    doc.styles["Normal"].font.size = Pt(10.5)
    doc.styles["Normal"].paragraph_format.space_after = Pt(6)
    doc.styles["Footer"].paragraph_format.tab_stops.clear_all()
    footer = section.footer.paragraphs[0]
    footer.paragraph_format.tab_stops.add_tab_stop(Cm(16.6), WD_TAB_ALIGNMENT.RIGHT)
    footer.add_run("\tpagina ").font.size = Pt(8)
    _field(footer, "PAGE")
    footer.add_run(" van ").font.size = Pt(8)
    _field(footer, "NUMPAGES")
    props = doc.core_properties
    props.title = ""
    props.author = ""
    props.language = "nl-NL"
    doc.save(LETTER)
    _clean_package(LETTER)
    print(f"{LETTER.name} geschreven")


APP_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    "<Application>overdracht</Application><DocSecurity>0</DocSecurity></Properties>"
)


def _clean_package(path: Path) -> None:
    """Remove python-docx's leftovers, make Dutch and Arial the defaults, and put the
    column-width tags in place of the placeholder widths."""
    with zipfile.ZipFile(path) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    parts = {name: data for name, data in parts.items() if not name.startswith(LEFTOVERS)}
    parts["docProps/app.xml"] = APP_XML.encode()

    def edit(name: str, *subs: tuple[str, str]) -> None:
        text = parts[name].decode("utf-8")
        for pattern, replacement in subs:
            text = re.sub(pattern, replacement, text)
        parts[name] = text.encode("utf-8")

    leftover = "|".join(re.escape(p.rstrip("/")) for p in LEFTOVERS)
    edit("[Content_Types].xml", (rf'<Override PartName="/(?:{leftover})[^"]*"[^>]*/>', ""))
    edit("_rels/.rels", (r'<Relationship [^>]*Target="docProps/thumbnail.jpeg"/>', ""))
    edit(
        "word/_rels/document.xml.rels",
        (r'<Relationship [^>]*Target="(?:\.\./customXml/[^"]*|stylesWithEffects.xml)"/>', ""),
    )
    edit(
        "word/styles.xml",
        # Theme fonts (Calibri/Cambria) would win over Arial in Word: drop them everywhere.
        (r' w:(?:ascii|hAnsi|eastAsia|cs)[Tt]heme="[^"]*"', ""),
        (
            r"(<w:rPrDefault><w:rPr>)<w:rFonts/>",
            r'\1<w:rFonts w:ascii="Arial" w:hAnsi="Arial" '
            r'w:eastAsia="Arial" w:cs="Arial"/>',
        ),
        (
            r'<w:lang w:val="en-US"[^>]*/>',
            '<w:lang w:val="nl-NL" w:eastAsia="nl-NL" w:bidi="ar-SA"/>',
        ),
    )
    edit(
        "word/settings.xml",
        (r"<w:themeFontLang [^>]*/>", '<w:themeFontLang w:val="nl-NL"/>'),
        (r"<w:savePreviewPicture/>", ""),
    )
    edit(
        "word/document.xml",
        (r'w:w="90[2-5]([0-4])"', r'w:w="{{ blok.twips[\1] }}"'),
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


if __name__ == "__main__":
    main()
