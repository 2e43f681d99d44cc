"""Download links carry the file itself, name it safely, and offer a document in every format."""

from __future__ import annotations

import base64
import io
import re

from docx import Document as WordDocument

from kit.documents import Document, Section
from kit.toolkit import document_downloads, download_bar, download_link


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


def test_a_document_comes_in_three_formats_after_any_extra_files():
    doc = Document("Plan for <Riverside>", [Section("Next steps", paragraphs=["Review <b>yearly</b>."])])
    links = _links(document_downloads(doc, "plan", "the plan", before=(("a,b\n", "plan.csv", "Download the list"),)))
    assert [(name, label) for name, _, _, label in links] == [
        ("plan.csv", "Download the list"),
        ("plan.md", "Download the plan as Markdown"),
        ("plan.html", "Download the plan as a web page (HTML)"),
        ("plan.docx", "Download the plan as Word"),
    ]
    markdown, html, word = (content for _, _, content, _ in links[1:])
    assert "Review \\<b\\>yearly\\</b\\>." in markdown.decode()  # escaped: shown as text, never as markup
    assert "&lt;Riverside&gt;" in html.decode() and "<b>yearly" not in html.decode()
    paragraphs = [p.text for p in WordDocument(io.BytesIO(word)).paragraphs]
    assert "Plan for <Riverside>" in paragraphs and "Review <b>yearly</b>." in paragraphs


def test_links_share_one_row():
    html = download_bar([("a", "a.md", "A"), ("b", "b.md", "B")])
    assert html.startswith('<p class="kit-downloads">') and html.count("kit-download\"") == 2
