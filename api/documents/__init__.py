"""Documents for people: Markdown made safe for HTML, and PDFs with the county's header."""

from api.documents.render import markdown_to_safe_html, render_pdf

__all__ = ["markdown_to_safe_html", "render_pdf"]
