"""Each lesson's heading and discussion come from the registry and the facilitator notes, once."""

from __future__ import annotations

import re

import nbformat
import pytest

from kit.paths import NOTEBOOKS_DIR
from kit.workshop import lessons
from kit.workshop._facilitator import lesson_notes
from kit.workshop.ui import discussion_html, lesson_header_html

LESSONS = lessons()


@pytest.mark.parametrize("lesson", LESSONS, ids=[item.id for item in LESSONS])
def test_a_lesson_notebook_shows_its_registered_heading_and_its_prompts(lesson):
    cells = nbformat.read(NOTEBOOKS_DIR / lesson.file, as_version=4).cells
    assert cells[0].cell_type == "code" and f'lesson_header("{lesson.id}")' in cells[0].source
    assert any(f'discussion("{lesson.id}")' in cell.source for cell in cells if cell.cell_type == "code")
    for cell in cells:
        if cell.cell_type == "markdown":
            assert not re.search(r"^# ", cell.source, re.M), "the title comes from lessons.yaml"
            assert "| **Time** |" not in cell.source, "minutes come from lessons.yaml"


def test_the_header_numbers_a_lesson_by_its_place_and_computes_its_minutes():
    html = lesson_header_html("risk")
    assert "<h1" in html and "06 · Chatbot risk assessment</h1>" in html
    assert "25 minutes of teaching, 30 minutes hands-on · lesson 6 of 13" in html
    assert "Start here: the Ethical AI Leadership Kit</h1>" in lesson_header_html("start")


def test_the_discussion_shows_every_prompt_with_its_model_answer_folded_away():
    notes = lesson_notes(LESSONS[1])
    html = discussion_html(LESSONS[1].id)
    assert html.count("<li>") == len(notes.discuss) and html.count("<details>") == len(notes.discuss)
    assert "<em>Valuable, needs safeguards first</em>" in html


def test_prompt_text_is_escaped(monkeypatch):
    from kit.workshop.ui import _lesson_page

    class Prompt:
        prompt, model_answer = "<script>alert(1)</script> *why*", "<b>x</b>"

    class Notes:
        discuss = [Prompt()]

    monkeypatch.setattr(_lesson_page, "lesson_notes", lambda lesson: Notes())
    html = discussion_html("risk")
    assert "<script>" not in html and "&lt;script&gt;" in html and "<em>why</em>" in html and "<b>" not in html
