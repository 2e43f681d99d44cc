"""The quiz widget's wording: a question that already says "tick all that apply" is not told twice."""

from __future__ import annotations

import ipywidgets as widgets
import pytest

from kit.workshop import load_quiz
from kit.workshop.ui import quiz
from kit.workshop.ui._quiz import MULTIPLE_HINT, multiple_hint

pytestmark = pytest.mark.usefixtures("fresh_session")


def _headings(box: widgets.Widget) -> list[str]:
    found = []
    for child in getattr(box, "children", ()):
        if isinstance(child, widgets.HTML) and child.value.startswith("<p><strong>"):
            found.append(child.value)
        found += _headings(child)
    return found


@pytest.mark.parametrize("name", ["00_start_here", "13_your_action_plan", "03_bias_in_hiring"])
def test_each_multiple_answer_question_says_so_once(name):
    questions = load_quiz(name)
    headings = _headings(quiz(name))
    assert len(headings) == len(questions)
    for question, heading in zip(questions, headings):
        said = heading.lower().count("tick")
        assert said == (1 if question.kind == "multiple" else 0), heading
        assert "apply. (tick" not in heading.lower()


def test_the_hint_is_added_only_when_the_question_is_silent():
    multiple = next(q for q in load_quiz("03_bias_in_hiring") if q.kind == "multiple")
    assert multiple_hint(multiple) == MULTIPLE_HINT
    spoken = multiple.model_copy(update={"question": "Which apply? Tick all that apply."})
    assert multiple_hint(spoken) == ""
