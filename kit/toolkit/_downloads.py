"""Download links carrying their file as a data URL, for pages drawn once; nothing is written on the server."""

from __future__ import annotations

import base64

from kit.toolkit._widgets import escape

MIME = {
    "csv": "text/csv",
    "md": "text/markdown",
    "html": "text/html",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "json": "application/json",
    "pdf": "application/pdf",
}


def as_bytes(content: str | bytes) -> bytes:
    """A file's bytes: text is UTF-8 encoded."""
    return content.encode("utf-8") if isinstance(content, str) else content


def mime_type(filename: str) -> str:
    """The MIME type a browser is told for ``filename``, by its extension."""
    return MIME.get(filename.rsplit(".", 1)[-1].lower(), "application/octet-stream")


def download_link(content: str | bytes, filename: str, label: str) -> str:
    """An ``<a download>`` link carrying ``content`` (text is UTF-8 encoded) as a data URL."""
    encoded = base64.b64encode(as_bytes(content)).decode("ascii")
    return (f'<a class="kit-download" download="{escape(filename)}" '
            f'href="data:{mime_type(filename)};base64,{encoded}">{escape(label)}</a>')


def download_bar(files: list[tuple[str | bytes, str, str]]) -> str:
    """Several download links in one row: ``[(content, filename, label), ...]``.

    For pages drawn once; a live app offers its files with
    :class:`~kit.toolkit._download_links.DownloadLinks`, made only when clicked.
    """
    links = " · ".join(download_link(*item) for item in files)
    return f'<p class="kit-downloads">{links}</p>'
