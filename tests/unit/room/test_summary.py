"""The room's summary: one document in HTML (escaped), spreadsheet-safe CSV and JSON, saying the same thing."""

from __future__ import annotations

import csv
import io
import json

import pytest

from kit.room import Contribution, room_panels, summary_csv, summary_document, summary_json, write_summary

NOTE = '=HYPERLINK("http://evil.example") <script>alert(1)</script>'
QUIZ = "quiz.00_start_here"


@pytest.fixture()
def panels():
    contributions = [Contribution(p, QUIZ, {"answers": {"reload": [1]}}, 1.0) for p in "abc"]
    contributions.append(Contribution("a", "note:risk.notes", {"text": NOTE}, 2.0))
    return room_panels(contributions)


def test_the_html_summary_escapes_every_value(panels):
    page = write_summary("html", "<b>Leeds</b>", panels, 3)
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;b&gt;Leeds&lt;/b&gt;" in page and "3 attendees contributed" in page
    assert "waiting for 3 answers" in page


def test_the_csv_summary_neutralises_formulas_and_reads_back_one_figure_a_row(panels):
    rows = list(csv.reader(io.StringIO(summary_csv(panels))))
    assert rows[0] == ["Lesson", "Panel", "Table", "Row", "Column", "Value"]
    notes = [row for row in rows if row[4] == "Note"]
    assert notes == [["risk", "Shared notes: Notes on your risk assessment", "Shared notes: Notes on your risk "
                      "assessment", "1", "Note", "'" + NOTE]]
    right = [row for row in rows if row[1].startswith("Self-check quiz, lesson 00") and row[4] == "Chosen by"]
    assert [row[5] for row in right[:2]] == ["0", "3"]
    waiting = [row for row in rows if row[0] == "strategy" and row[5].startswith("Nothing to show yet")]
    assert waiting  # a withheld panel says so, in words


def test_the_json_summary_keeps_numbers_as_numbers(panels):
    data = json.loads(summary_json("Leeds", panels, 3))
    assert data["room"] == "Leeds" and data["attendees"] == 3
    quiz = next(p for p in data["panels"] if p["id"] == QUIZ)
    assert quiz["ready"] and quiz["data"]["questions"][0]["right"] == 3
    assert quiz["data"]["questions"][1]["answered"] is None


def test_the_document_has_a_section_per_table(panels):
    doc = summary_document("Leeds", panels, 3)
    assert doc.title == "The room's answers"
    assert len(doc.sections) == sum(max(1, len(p.tables)) for p in panels)


def test_an_unknown_format_is_named(panels):
    with pytest.raises(ValueError, match="json, html, csv"):
        write_summary("pdf", "Leeds", panels, 3)
