"""Download links in a live app whose files the kernel makes only when one is clicked.

Making a Word file takes the kernel about 85 ms, and a data URL carrying every
format of a document goes through the server to the browser on every change.
In a room of 30 making the same change at once, that work delayed everyone's
answer (see the README's performance section). A :class:`DownloadLinks` row
sends only the file names and labels; a click asks the kernel for that one
file, made from the app's state at that moment, and the browser saves it.
Pages drawn once (handouts, static lesson text) keep :func:`download_bar`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import anywidget
import traitlets

from kit.documents import Document, to_docx, to_html, to_markdown
from kit.toolkit._downloads import as_bytes, download_bar, mime_type

log = logging.getLogger(__name__)

FileMaker = Callable[[], "str | bytes"]
#: One file offered: its content, or a function that makes it when asked; the file name; the link's words.
Offer = tuple["str | bytes | FileMaker", str, str]

FAILED = ("Sorry, the kit could not make {name}. Nothing you entered was lost; try again, "
          "and if it happens again tell your trainer.")


def _made(content: str | bytes | FileMaker) -> str | bytes:
    return content() if callable(content) else content


@dataclass(frozen=True)
class Files:
    """A row of download links as one part of a :class:`~kit.toolkit._answer_view.AnswerView`."""

    offers: Sequence[Offer]

    def html(self) -> str:
        """The row for a page drawn once: every file made now and carried by its link."""
        return download_bar([(_made(content), name, label) for content, name, label in self.offers])


def document_files(doc: Document | Callable[[], Document], stem: str, what: str,
                   before: Sequence[Offer] = ()) -> list[Offer]:
    """``doc`` offered as Markdown, a web page and Word (each made when asked), after the ``before`` files.

    Parameters
    ----------
    doc : kit.documents._export.Document, or a function that makes it
        The document (made when a file is asked for, when given as a function); every format escapes
        the user's text.
    stem : str
        The file name without extension, chosen by the app (never user text).
    what : str
        What the document is, for the link labels ("the checklist").
    before : sequence of (content or maker, file name, label)
        Other files offered first in the same row, such as a CSV of the same data.
    """
    def made() -> Document:
        return doc() if callable(doc) else doc

    return [
        *before,
        (lambda: to_markdown(made()), f"{stem}.md", f"Download {what} as Markdown"),
        (lambda: to_html(made()), f"{stem}.html", f"Download {what} as a web page (HTML)"),
        (lambda: to_docx(made()), f"{stem}.docx", f"Download {what} as Word"),
    ]


class DownloadLinks(anywidget.AnyWidget):
    """A row of download links; the kernel makes a file when its link is clicked."""

    _esm = Path(__file__).parent / "static" / "download_links.js"
    files = traitlets.List(traitlets.Dict()).tag(sync=True)  # [{"name": ..., "label": ...}], in order

    def __init__(self, files: Sequence[Offer] = (), **kwargs):
        super().__init__(**kwargs)
        self._makers: dict[str, FileMaker] = {}
        self.on_msg(self._answer)
        self.offer(files)

    def offer(self, files: Sequence[Offer]) -> None:
        """Show a link for each ``(content or maker, file name, label)``; an empty list hides the row."""
        self._makers = {name: (lambda content=content: _made(content)) for content, name, _ in files}
        self.files = [{"name": name, "label": label} for _, name, label in files]

    @property
    def names(self) -> list[str]:
        """The file names offered, in order."""
        return [item["name"] for item in self.files]

    def clear(self) -> None:
        """No links (the app has nothing to download yet)."""
        self.offer(())

    def file(self, name: str) -> bytes:
        """The file ``name`` as it would download now (``KeyError`` when it is not offered)."""
        return as_bytes(self._makers[name]())

    def _answer(self, _widget, content: dict, _buffers) -> None:
        """A click asked for a file: send its bytes, or a plain-language reason it could not be made."""
        name = str(content.get("want", ""))
        if name not in self._makers:  # the app changed its files since the page drew the link
            self.send({"name": name, "error": "This file is no longer offered; use the links shown now."})
            return
        try:
            data = self.file(name)
        except ValueError as problem:  # a message written for the user
            self.send({"name": name, "error": str(problem)})
            return
        except Exception:  # noqa: BLE001 - the page must never show a traceback
            log.exception("making the download %s failed", name)
            self.send({"name": name, "error": FAILED.format(name=name)})
            return
        self.send({"name": name, "mime": mime_type(name)}, [data])
