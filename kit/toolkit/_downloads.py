"""Download links that hand a file to the attendee's browser; nothing is written on the server."""

from __future__ import annotations

import base64

from kit.documents import Document, to_docx, to_html, to_markdown
from kit.toolkit._widgets import escape

MIME = {
    "csv": "text/csv",
    "md": "text/markdown",
    "html": "text/html",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "json": "application/json",
    "pdf": "application/pdf",
}


def download_link(content: str | bytes, filename: str, label: str) -> str:
    """An ``<a download>`` link carrying ``content`` (text is UTF-8 encoded) as a data URL."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    mime = MIME.get(filename.rsplit(".", 1)[-1].lower(), "application/octet-stream")
    encoded = base64.b64encode(data).decode("ascii")
    return (f'<a class="kit-download" download="{escape(filename)}" '
            f'href="data:{mime};base64,{encoded}">{escape(label)}</a>')


def download_bar(files: list[tuple[str | bytes, str, str]]) -> str:
    """Several download links in one row: ``[(content, filename, label), ...]``."""
    links = " · ".join(download_link(*item) for item in files)
    return f'<p class="kit-downloads">{links}</p>'


def document_downloads(doc: Document, stem: str, what: str,
                       before: tuple[tuple[str | bytes, str, str], ...] = ()) -> str:
    """Download links for ``doc`` as Markdown, a web page and Word, in one row.

    Parameters
    ----------
    doc : kit.documents._export.Document
        The document; every format escapes the user's text.
    stem : str
        The file name without extension, chosen by the app (never user text).
    what : str
        What the document is, for the link labels ("the checklist").
    before : tuple of (content, filename, label)
        Other files offered first in the same row, such as a CSV of the same data.
    """
    return download_bar([
        *before,
        (to_markdown(doc), f"{stem}.md", f"Download {what} as Markdown"),
        (to_html(doc), f"{stem}.html", f"Download {what} as a web page (HTML)"),
        (to_docx(doc), f"{stem}.docx", f"Download {what} as Word"),
    ])
