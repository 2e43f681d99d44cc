"""Exports: spreadsheet-safe CSV, escaped Markdown and HTML, a Word file that opens."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest
from docx import Document as WordDocument

from kit.documents import Document, Section, neutralise_cell, restore_cell, safe_csv, to_docx, to_html, to_markdown


@pytest.mark.parametrize(
    ("value", "expected"),
    [("=HYPERLINK(\"http://x\",\"y\")", "'=HYPERLINK(\"http://x\",\"y\")"), ("+1", "'+1"), ("-cmd", "'-cmd"),
     ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"), ("\rx", "'\rx"), ("plain", "plain"), (-3, "-3"),
     (2.5, "2.5"), (None, ""), ("", ""), ("'=x", "''=x"), ("'plain", "'plain")],
)
def test_neutralise_cell(value, expected):
    assert neutralise_cell(value) == expected


@pytest.mark.parametrize("text", ["=1+1", "+x", "plain", "'quoted already", "@a", "-", "'=x", "''+y", "'", "'-"])
def test_restore_undoes_neutralise(text):
    assert restore_cell(neutralise_cell(text)) == text


def test_safe_csv_parses_back_and_neutralises():
    text = safe_csv(["title", "score"], [["=cmd|' /C calc'!A0", 12], ["Privacy, breach", 3]])
    rows = list(csv.reader(io.StringIO(text)))
    assert rows == [["title", "score"], ["'=cmd|' /C calc'!A0", "12"], ["Privacy, breach", "3"]]


def _doc():
    return Document(
        title="Plan <b>", subtitle="For *us*", generated=date(2026, 1, 2),
        sections=[Section("Risks", paragraphs=["<script>alert(1)</script>"], bullets=["a | b"],
                          table=(["Title", "Score"], [["<img src=x onerror=alert(1)>", 9], [None, 1]]))],
    )


def test_markdown_escapes_user_text():
    text = to_markdown(_doc())
    assert "# Plan \\<b\\>" in text and "\\<script\\>" in text and "a \\| b" in text
    assert "| \\<img src=x onerror=alert(1)\\> | 9 |" in text and "2026-01-02" in text


def test_html_is_self_contained_and_escaped():
    page = to_html(_doc())
    assert "<script>" not in page and "&lt;script&gt;" in page and "&lt;img src=x" in page
    assert 'lang="en"' in page and "http" not in page.lower().replace("http-equiv", "")
    assert '<th scope="col">Title</th>' in page


def test_docx_opens_and_holds_the_text():
    word = WordDocument(io.BytesIO(to_docx(_doc())))
    text = "\n".join(p.text for p in word.paragraphs)
    assert "Plan <b>" in text and "<script>alert(1)</script>" in text
    table = word.tables[0]
    assert table.rows[1].cells[0].text == "<img src=x onerror=alert(1)>" and table.rows[2].cells[0].text == ""
