"""Markdown to safe HTML, and Jinja2 templates to PDF with WeasyPrint.

User text is rendered without raw HTML and then cleaned against an allow-list, so nothing typed
into minutes can run script, carry event handlers or link to other schemes than http(s) and mailto.
WeasyPrint fetches nothing: every URL is refused, so a document never reaches the network.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any, NoReturn

import nh3
from docx import Document
from docx.document import Document as DocxDocument
from docx.shared import Pt
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markdown_it import MarkdownIt
from weasyprint import HTML, URLFetcher

from api.core.config import Settings

TEMPLATES = Path(__file__).parent / "templates"
ALLOWED_TAGS = {
    "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "em", "del", "code", "pre",
    "blockquote", "ul", "ol", "li", "a", "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href"}, "ol": {"start"}, "th": {"align"}, "td": {"align"}}
LINK_SCHEMES = {"http", "https", "mailto"}

_markdown = MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"])
_environment = Environment(
    loader=FileSystemLoader(TEMPLATES),
    autoescape=select_autoescape(default=True, default_for_string=True),
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)


def markdown_to_safe_html(text: str) -> str:
    """CommonMark (with tables) as HTML: raw HTML shown as text, links only http(s) and mailto."""
    html = _markdown.render(text)
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=LINK_SCHEMES,
        link_rel="noopener noreferrer",
    )


class _NoNetwork(URLFetcher):  # type: ignore[misc]
    """Refuses every URL, so rendering a document never fetches anything."""

    def fetch(self, url: str, headers: Any = None) -> NoReturn:
        raise ValueError("documents do not load external resources")


def render_html(template_name: str, context: dict[str, Any], settings: Settings) -> str:
    template = _environment.get_template(template_name)
    return template.render(**context, settings=settings)


def render_pdf(
    template_name: str, context: dict[str, Any], settings: Settings, *, archival: bool = False
) -> bytes:
    """The template (from ``api/documents/templates/``) as PDF, as PDF/A-3b when ``archival`` (papers
    and reports the county files); blocking, so call it in a worker thread (``asyncio.to_thread``)."""
    html = render_html(template_name, context, settings)
    pdf: bytes = HTML(string=html, url_fetcher=_NoNetwork()).write_pdf(
        pdf_variant="pdf/a-3b" if archival else None
    )
    return pdf


DOCX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def new_docx(settings: Settings, title: str) -> DocxDocument:
    """A Word document with the county header, German language and ``title`` in its properties."""
    document = Document()
    document.styles["Normal"].font.size = Pt(10)
    document.sections[0].header.paragraphs[
        0
    ].text = f"{settings.county_name}\n{settings.office_name} · {settings.office_address}"
    document.core_properties.title = title
    document.core_properties.language = "de-DE"
    return document


def docx_bytes(document: DocxDocument) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
