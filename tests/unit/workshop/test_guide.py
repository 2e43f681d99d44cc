"""The facilitator guide is rendered from one source and committed up to date."""

from __future__ import annotations

from kit.workshop import agenda_names, lessons
from kit.workshop import render_guide, write_guide
from kit.workshop import load_quiz


def test_committed_guide_is_current():
    assert write_guide(check=True), "run `kit guide` and commit docs/facilitator-guide.md"


def test_guide_has_every_agenda_and_lesson():
    text = render_guide()
    for name in agenda_names():
        assert f"### {name}" in text
    for lesson in lessons():
        assert f"### {lesson.number} · {lesson.title}" in text


def test_answer_key_comes_from_the_quiz_file():
    text = render_guide()
    question = load_quiz("03_bias_in_hiring")[0]
    right = question.options[min(question.answer)]
    assert f"**Answer:** *{right.text}*" in text


def test_exercises_are_listed_from_solutions():
    assert "`solutions/03_bias_in_hiring_sol_01.ipynb`" in render_guide()


def test_objectives_come_from_each_lesson():
    from kit.workshop import objectives

    text = render_guide()
    for lesson in lessons():
        if lesson.available:
            goals = objectives(lesson)
            assert goals and f"**Objectives:** {goals.replace('|', chr(92) + '|')}" in text, lesson.file
