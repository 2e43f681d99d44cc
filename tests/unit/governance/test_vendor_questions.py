"""Lesson 03's questions for a supplier: read from vendor_questions.yaml through its schema, shown escaped."""

from __future__ import annotations

import pytest

from kit.governance import VendorQuestion, vendor_questions
from kit.governance.ui import vendor_questions_html
from kit.toolkit import escape
from kit.workshop import content
from kit.workshop.content import ContentError


def test_the_file_is_read_in_order_and_every_question_is_a_question():
    questions = vendor_questions()
    assert [q.question for q in questions] == [row["question"] for row in content.load("vendor_questions")]
    assert all(isinstance(q, VendorQuestion) and q.question.endswith("?") and q.good_answer for q in questions)


def test_the_page_shows_every_question_with_its_good_answer_escaped(monkeypatch):
    rows = [{"question": "Is <b>this</b> tested?", "good_answer": "Yes & it is shown."}]
    monkeypatch.setattr(content, "load", lambda name: rows)
    html = vendor_questions_html()
    assert html.count("<li>") == 1
    assert f"<strong>{escape(rows[0]['question'])}</strong>" in html and "<b>" not in html
    assert f"A good answer: {escape(rows[0]['good_answer'])}" in html


@pytest.mark.parametrize(("change", "message"), [
    (lambda rows: rows[2].pop("good_answer"), "entry 3, 'good_answer': this is missing; expected what a good answer "
                                              "sounds like"),
    (lambda rows: rows[0].update(good_anwser="x"), "entry 1, 'good_anwser': this key is not one the kit reads"),
    (lambda rows: rows[1].update(question=""), "entry 2, 'question': String should have at least 1 character; "
                                               "expected what to ask the supplier"),
    (lambda rows: rows.clear(), "the file as a whole: the file lists no questions; list at least one"),
])
def test_a_broken_questions_file_names_the_entry_and_the_fix(monkeypatch, change, message):
    rows = content.load("vendor_questions")
    change(rows)
    monkeypatch.setattr(content, "load", lambda name: rows)
    for read in (vendor_questions, vendor_questions_html):
        with pytest.raises(ContentError, match=f"^vendor_questions.yaml: {message}"):
            read()
