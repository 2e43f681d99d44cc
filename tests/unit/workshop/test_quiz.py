"""Quizzes: every content file is valid; grading and scoring."""

from __future__ import annotations

import pytest

from kit.workshop import content
from kit.workshop.content import ContentError
from kit.paths import CONTENT_DIR
from kit.workshop import grade, load_quiz, score

QUIZZES = sorted(p.stem for p in (CONTENT_DIR / "quizzes").glob("*.yaml"))


@pytest.mark.parametrize("name", QUIZZES)
def test_every_quiz_file_is_valid(name):
    questions = load_quiz(name)
    assert questions
    for question in questions:
        assert all(option.feedback for option in question.options), "every option explains itself"


def _fake(monkeypatch, raw):
    monkeypatch.setattr(content, "_read", lambda name: raw)


def test_grading_single_and_multiple():
    questions = {q.id: q for q in load_quiz("03_bias_in_hiring")}
    assert grade(questions["exact-four-fifths"], {1}).correct
    assert not grade(questions["exact-four-fifths"], {0}).correct
    assert grade(questions["small-group"], {0}).message.startswith("Partly right")
    assert grade(questions["small-group"], {0, 2}).correct
    assert not grade(questions["small-group"], {0, 1, 2}).correct
    assert grade(questions["proxy"], set()).message == "Choose an answer first."


def test_score_counts_right_answers():
    questions = load_quiz("03_bias_in_hiring")
    assert score(questions, {}) == (0, len(questions))
    assert score(questions, {"proxy": [1], "intersectional": [0]}) == (1, len(questions))


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ([{"id": "a", "question": "Q", "options": [{"text": "x", "correct": True}]}],
         r"quizzes/broken.yaml: entry 1 \('a'\), 'options': .*expected at least two options"),
        ([{"id": "a", "question": "Q", "options": [{"text": "x"}, {"text": "y"}]}], "'a' needs exactly one option"),
        ([{"id": "a", "question": "Q", "kind": "essay", "options": []}], "'kind': should be 'single' or 'multiple'"),
        ([{"id": "a", "options": []}], r"entry 1 \('a'\), 'question': this is missing"),
        ([{"id": "a", "question": "Q", "options": [{"text": "x", "correct": True}, {"text": "y"}]}] * 2,
         "two questions share the id a; give each its own"),
    ],
)
def test_bad_quiz_files_name_the_fix(monkeypatch, raw, message):
    _fake(monkeypatch, raw)
    with pytest.raises(ContentError, match=message):
        load_quiz("broken")
