"""One document offered as Markdown, a web page and Word, in a single row of download links."""

from __future__ import annotations

from kit.export import Document, to_docx, to_html, to_markdown
from kit.ui.downloads import download_bar


def document_downloads(doc: Document, stem: str, what: str) -> str:
    """Download links for ``doc`` in three formats.

    Parameters
    ----------
    doc : kit.export.Document
        The document; every format escapes the user's text.
    stem : str
        The file name without extension, chosen by the app (never user text).
    what : str
        What the document is, for the link labels ("the checklist").
    """
    return download_bar([
        (to_markdown(doc), f"{stem}.md", f"Download {what} as Markdown"),
        (to_html(doc), f"{stem}.html", f"Download {what} as a web page (HTML)"),
        (to_docx(doc), f"{stem}.docx", f"Download {what} as Word"),
    ])
