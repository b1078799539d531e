"""DOCX from a view model with docxtpl, compiled once per process.

``DocxTemplate.render`` re-reads the template, re-patches its XML and recompiles the jinja
template for every document. Here docxtpl prepares each part once (``patch_xml``) and the
compiled templates are reused: a document costs one jinja render per part, docxtpl's
newline handling (``resolve_listing``) and writing the zip. The template language is
docxtpl's own (``{%p ... %}``, ``{%tr ... %}``); autoescape is on, so ``&``, ``<`` and
quotes in a dossier become text, never markup.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from docxtpl import DocxTemplate
from jinja2 import StrictUndefined, Template
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup
from markupsafe import escape as escape_html

from overdracht.render.view import DocumentView, clean_text
from overdracht.resources import data_dir

DOCX_TEMPLATE = "document.docx"
HEADER_URI = DocxTemplate.HEADER_URI
FOOTER_URI = DocxTemplate.FOOTER_URI
_BODY = re.compile(r"(<w:body\b[^>]*>)(.*)(</w:body>)", re.DOTALL)


def docx_environment() -> SandboxedEnvironment:
    return SandboxedEnvironment(autoescape=True, undefined=StrictUndefined, finalize=_docx_text)


def _docx_text(value: Any) -> Any:
    """Every printed value: XML-safe, and braces as character references.

    docxtpl turns ``{_{`` into ``{{`` in the rendered XML (its escape for template
    authors); a dossier's own ``{_{ ... }_}`` must reach Word as typed.
    """
    value = clean_text(value)
    if isinstance(value, str) and ("{" in value or "}" in value):
        return Markup(str(escape_html(value)).replace("{", "&#123;").replace("}", "&#125;"))
    return value


@dataclass
class CompiledPart:
    name: str  # path inside the zip, e.g. word/header1.xml
    template: Template
    prefix: str = ""  # document.xml only: everything around the body
    suffix: str = ""


class CompiledDocx:
    """A DOCX template prepared once; :meth:`render` fills it for one document."""

    def __init__(self, path: Path) -> None:
        env = docx_environment()
        self._tpl = DocxTemplate(str(path))
        self._tpl.init_docx()
        with zipfile.ZipFile(path) as archive:
            self._entries = [(info, archive.read(info)) for info in archive.infolist()]
        raw = {info.filename: data for info, data in self._entries}
        self._parts: list[CompiledPart] = []

        document_name = self._tpl.docx.part.partname.lstrip("/")
        original = raw[document_name].decode("utf-8")
        match = _BODY.search(original)
        if match is None:  # pragma: no cover - not a Word document
            raise ValueError(f"{path}: geen w:body gevonden")
        body = _BODY.search(self._tpl.get_xml())
        assert body is not None
        self._parts.append(
            CompiledPart(
                document_name,
                self._compile(env, body.group(2)),
                prefix=original[: match.end(1)],
                suffix=original[match.start(3) :],
            )
        )
        for uri in (HEADER_URI, FOOTER_URI):
            for _, part in self._tpl.get_headers_footers(uri):
                xml = self._tpl.get_part_xml(part)
                self._parts.append(CompiledPart(part.partname.lstrip("/"), self._compile(env, xml)))

    def _compile(self, env: SandboxedEnvironment, xml: str) -> Template:
        xml = self._tpl.patch_xml(xml)
        return env.from_string(re.sub(r"<w:p([ >])", r"\n<w:p\1", xml))

    def _finish(self, xml: str) -> str:
        # The same post-processing as DocxTemplate.render_xml_part.
        xml = re.sub(r"\n<w:p([ >])", r"<w:p\1", xml)
        xml = (
            xml.replace("{_{", "{{").replace("}_}", "}}").replace("{_%", "{%").replace("%_}", "%}")
        )
        if any(c in xml for c in "\n\t\a\f"):
            xml = str(self._tpl.resolve_listing(xml))
        return xml

    def render(self, context: dict[str, Any], properties: dict[str, str]) -> bytes:
        rendered: dict[str, bytes] = {}
        for part in self._parts:
            xml = self._finish(part.template.render(context))
            rendered[part.name] = (part.prefix + xml + part.suffix).encode("utf-8")
        rendered["docProps/core.xml"] = _core_xml(properties)
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
            for info, data in self._entries:
                archive.writestr(info, rendered.get(info.filename, data))
        return buffer.getvalue()


def _core_xml(properties: dict[str, str]) -> bytes:
    now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    fields = {key: escape(value) for key, value in properties.items()}
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        "<cp:coreProperties "
        'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{fields.get('title', '')}</dc:title>"
        f"<dc:subject>{fields.get('subject', '')}</dc:subject>"
        f"<dc:creator>{fields.get('author', '')}</dc:creator>"
        "<dc:language>nl-NL</dc:language>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{now}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{now}</dcterms:modified>'
        "</cp:coreProperties>"
    ).encode()


@cache
def compiled_template() -> CompiledDocx:
    return CompiledDocx(data_dir("templates") / DOCX_TEMPLATE)


def render_docx(view: DocumentView) -> bytes:
    """DOCX bytes of ``view``."""
    properties = {
        "title": f"{view.titel} – {view.leerling}",
        "subject": view.ondertitel,
        "author": view.auteur,
    }
    return compiled_template().render({"doc": view}, properties)
