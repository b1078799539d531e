"""PDF from a view model: sandboxed jinja2 HTML, then WeasyPrint with only bundled assets.

The font configuration and the parsed stylesheet are made once per process and reused for
every document: parsing the CSS and loading the fonts is a large part of a small PDF.
"""

from __future__ import annotations

import atexit
import multiprocessing.util
import re
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from jinja2 import FileSystemLoader, StrictUndefined, Template
from jinja2.sandbox import SandboxedEnvironment
from weasyprint import CSS, HTML, Attachment
from weasyprint.document import Document
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

from overdracht.render.pdf_artifacts import mark_page_furniture
from overdracht.render.view import DocumentView, clean_text
from overdracht.resources import data_dir

HTML_TEMPLATE = "document.html.j2"
STYLESHEET = "document.css"
ALLOWED_ASSETS = {".css", ".ttf", ".otf", ".woff", ".woff2", ".png", ".svg"}
ATTACHMENT_NAME = "overdracht-dossier.json"


class BundledAssetsOnly(URLFetcher):  # type: ignore[misc]
    """Serves the files in the templates folder and refuses everything else.

    No network and no file paths from data: a value in a dossier can never make
    WeasyPrint read a file or call a server.
    """

    def __init__(self, root: Path) -> None:
        super().__init__(allowed_protocols=("file",))
        self._root = root.resolve()

    def fetch(self, url: str, headers: Any = None) -> URLFetcherResponse:
        if not url.startswith("file://"):
            raise ValueError(f"alleen meegeleverde sjabloonbestanden zijn toegestaan: {url}")
        path = Path(unquote(urlsplit(url).path)).resolve()
        if not path.is_relative_to(self._root) or path.suffix.lower() not in ALLOWED_ASSETS:
            raise ValueError(f"alleen meegeleverde sjabloonbestanden zijn toegestaan: {url}")
        return URLFetcherResponse(url, body=path.read_bytes())


@dataclass
class PdfAssets:
    """What one process builds once and reuses for every PDF."""

    root: Path
    template: Template
    fetcher: BundledAssetsOnly
    font_config: FontConfiguration
    stylesheet: CSS


def html_environment(root: Path) -> SandboxedEnvironment:
    return SandboxedEnvironment(
        loader=FileSystemLoader(str(root)),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=_pdf_text,
    )


_WORD_PIECE = 30  # characters between break opportunities in a long word
_LONG_WORD = re.compile(r"\S{60,}")


def _pdf_text(value: Any) -> Any:
    """Every printed value: XML-safe, and a very long word breakable.

    WeasyPrint's line breaking takes time quadratic in the length of a word that does
    not fit on a line (100 kB without a space took minutes); a zero-width space every
    few dozen characters makes it linear and changes nothing that is visible.
    """
    value = clean_text(value)
    if isinstance(value, str) and len(value) >= 2 * _WORD_PIECE:
        return _LONG_WORD.sub(_breakable, value)
    return value


def _breakable(word: re.Match[str]) -> str:
    text = word.group(0)
    return "\u200b".join(text[i : i + _WORD_PIECE] for i in range(0, len(text), _WORD_PIECE))


def _remove_font_folder(font_config: FontConfiguration) -> None:
    # WeasyPrint copies @font-face fonts into a temporary folder that it removes in
    # FontConfiguration.__del__, which never runs for a per-process cached object (and
    # worker processes end with os._exit). Remove it on exit of any process.
    folder = getattr(font_config, "_folder", None)
    if folder:
        shutil.rmtree(folder, ignore_errors=True)


@cache
def pdf_assets() -> PdfAssets:
    root = data_dir("templates")
    fetcher = BundledAssetsOnly(root)
    font_config = FontConfiguration()
    atexit.register(_remove_font_folder, font_config)
    multiprocessing.util.Finalize(
        font_config, _remove_font_folder, args=(font_config,), exitpriority=1
    )
    stylesheet = CSS(filename=str(root / STYLESHEET), url_fetcher=fetcher, font_config=font_config)
    template = html_environment(root).get_template(HTML_TEMPLATE)
    return PdfAssets(root, template, fetcher, font_config, stylesheet)


def render_html(view: DocumentView, created: datetime | None = None) -> str:
    """The HTML of a document (also handy to look at a document in a browser)."""
    when = (created or datetime.now(UTC)).strftime("%Y-%m-%dT%H:%M:%SZ")
    return pdf_assets().template.render(doc=view, created=when)


def _options(pdfa: bool, dossier_json: str | None, now: datetime) -> dict[str, Any]:
    options: dict[str, Any] = {"pdf_variant": "pdf/a-3a" if pdfa else "pdf/ua-1"}
    if pdfa and dossier_json is not None:
        options["attachments"] = [
            Attachment(
                string=dossier_json,
                name=ATTACHMENT_NAME,
                description="Gegevens van het overdrachtsdossier (JSON)",
                relationship="Data",
                created=now,
                modified=now,
            )
        ]
    return options


def layout_pdf(view: DocumentView, **options: Any) -> Document:
    """The laid-out pages of ``view`` (what the pagination tests inspect)."""
    assets = pdf_assets()
    created = options.pop("created", None) or datetime.now(UTC)
    html = HTML(
        string=render_html(view, created),
        base_url=str(assets.root) + "/",
        url_fetcher=assets.fetcher,
    )
    document = html.render(
        font_config=assets.font_config, stylesheets=[assets.stylesheet], **options
    )
    mark_page_furniture(document)
    return document


def render_pdf(view: DocumentView, *, pdfa: bool = False, dossier_json: str | None = None) -> bytes:
    """Tagged PDF bytes of ``view``: PDF/UA-1, or with ``pdfa`` PDF/A-3a carrying the dossier JSON.

    Both are tagged (headings, tables with header cells, lists, figures with alt text), in
    Dutch (``Lang nl``) and show the document title as window title. The running header,
    page numbers and CONCEPT marks are artifacts: not text and not in the structure tree.
    """
    now = datetime.now(UTC)
    options = _options(pdfa, dossier_json, now)
    if view.invulbaar:
        options["pdf_forms"] = True
    data = layout_pdf(view, created=now, **options).write_pdf(**options)
    assert isinstance(data, bytes)
    return data
