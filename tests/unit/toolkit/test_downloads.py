"""Download links: a page drawn once carries the file itself; a live app's row makes a file when clicked."""

from __future__ import annotations

import base64
import io
import re

from docx import Document as WordDocument

from kit.documents import Document, Section
from kit.toolkit import DownloadLinks, document_files, download_bar, download_link


def _links(html: str) -> list[tuple[str, str, bytes, str]]:
    """(file name, MIME type, content, label) of each link, in order."""
    found = re.findall(r'download="([^"]*)" href="data:([^;]+);base64,([^"]*)">([^<]*)</a>', html)
    return [(name, mime, base64.b64decode(data), label) for name, mime, data, label in found]


def test_a_link_carries_the_text_as_utf8_and_escapes_its_label():
    html = download_link("naïve, café", "notes.csv", "Download <the> notes")
    [(name, mime, content, label)] = _links(html)
    assert (name, mime, content.decode("utf-8")) == ("notes.csv", "text/csv", "naïve, café")
    assert label == "Download &lt;the&gt; notes" and "<the>" not in html


def test_an_unknown_extension_is_offered_as_plain_bytes():
    [(_, mime, content, _)] = _links(download_link(b"\x00\x01", "raw.bin", "Raw"))
    assert mime == "application/octet-stream" and content == b"\x00\x01"


class Sent:
    """What a row sent to the browser: ``(content, buffers)`` per message."""

    def __init__(self, row: DownloadLinks):
        self.messages: list[tuple[dict, list]] = []
        row.send = lambda content, buffers=None: self.messages.append((content, buffers or []))


def _click(row: DownloadLinks, name: str) -> tuple[dict, list]:
    """What the kernel answers when the browser asks ``row`` for ``name``."""
    sent = Sent(row)
    row._handle_custom_msg({"want": name}, [])
    [answer] = sent.messages
    return answer


def test_a_document_comes_in_three_formats_after_any_extra_files():
    doc = Document("Plan for <Riverside>", [Section("Next steps", paragraphs=["Review <b>yearly</b>."])])
    row = DownloadLinks(document_files(doc, "plan", "the plan", before=(("a,b\n", "plan.csv", "Download the list"),)))
    assert row.files == [
        {"name": "plan.csv", "label": "Download the list"},
        {"name": "plan.md", "label": "Download the plan as Markdown"},
        {"name": "plan.html", "label": "Download the plan as a web page (HTML)"},
        {"name": "plan.docx", "label": "Download the plan as Word"},
    ]
    markdown, html, word = (row.file(name) for name in ("plan.md", "plan.html", "plan.docx"))
    assert "Review \\<b\\>yearly\\</b\\>." in markdown.decode()  # escaped: shown as text, never as markup
    assert "&lt;Riverside&gt;" in html.decode() and "<b>yearly" not in html.decode()
    paragraphs = [p.text for p in WordDocument(io.BytesIO(word)).paragraphs]
    assert "Plan for <Riverside>" in paragraphs and "Review <b>yearly</b>." in paragraphs


def test_a_file_is_made_when_clicked_from_the_state_then():
    made = []
    state = {"title": "first"}
    row = DownloadLinks([(lambda: made.append(1) or state["title"], "notes.md", "Notes")])
    assert made == []  # offering a file costs nothing
    state["title"] = "second"
    message, [data] = _click(row, "notes.md")
    assert message == {"name": "notes.md", "mime": "text/markdown"} and bytes(data) == b"second" and made == [1]


def test_a_new_offer_replaces_the_links_and_an_empty_one_hides_them():
    row = DownloadLinks([("a", "a.md", "A"), ("b", "b.md", "B")])
    row.offer([("c", "c.csv", "C")])
    assert row.files == [{"name": "c.csv", "label": "C"}]
    assert _click(row, "a.md")[0]["error"] == "This file is no longer offered; use the links shown now."
    row.clear()
    assert row.files == []


def test_a_file_that_cannot_be_made_says_so_in_plain_words(caplog):
    def broken():
        raise RuntimeError("disk on fire")

    def refused():
        raise ValueError("Type your name first, then download the certificate.")

    row = DownloadLinks([(broken, "plan.pdf", "PDF"), (refused, "cert.pdf", "Certificate")])
    message, buffers = _click(row, "plan.pdf")
    assert buffers == [] and message["error"].startswith("Sorry, the kit could not make plan.pdf.")
    assert "disk on fire" not in message["error"] and "disk on fire" in caplog.text  # logged for the trainer
    assert _click(row, "cert.pdf")[0]["error"] == "Type your name first, then download the certificate."


def test_links_share_one_row():
    html = download_bar([("a", "a.md", "A"), ("b", "b.md", "B")])
    assert html.startswith('<p class="kit-downloads">') and html.count("kit-download\"") == 2
