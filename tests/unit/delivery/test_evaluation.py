"""The evaluation form: its saved shape is checked, it saves as the attendee goes and comes back with the code."""

from __future__ import annotations

import ipywidgets as widgets
import pytest

from kit.delivery._sections import evaluation_section
from kit.delivery.ui import evaluation_form
from kit.workshop import SavedWorkError, Store, build_plan, parts, session
from tests.unit.workshop.test_app_workspace_switch import inputs, page

FILLED = {"relevance": 4, "confidence": 2, "first_step": "Ask our supplier for <b>their</b> bias audit",
          "improve": "More time for the risk register"}


@pytest.mark.parametrize(("value", "named"), [
    ({"relevance": 6}, "relevance"), ({"confidence": 0}, "confidence"), ({"relevance": "very"}, "relevance"),
    ({"first_step": ["a", "list"]}, "first_step"),
])
def test_a_value_outside_the_form_is_refused_naming_the_field(value, named):
    with pytest.raises(SavedWorkError) as problem:
        parts.EVALUATION.check(value)
    message = str(problem.value)
    assert message.startswith("Your evaluation of the workshop from lesson 13, Your action plan could not be read")
    assert named in message


def test_an_empty_form_is_valid_and_makes_no_section():
    assert parts.EVALUATION.check({}) == {"relevance": None, "confidence": None, "first_step": "", "improve": ""}
    assert evaluation_section(parts.EVALUATION.check({})) is None


def test_the_section_says_the_first_step_and_the_ratings(tmp_path):
    section = evaluation_section(FILLED)
    assert section.paragraphs == ["The first thing we will do: Ask our supplier for <b>their</b> bias audit"]
    assert section.bullets == ["Relevance of the workshop to our work: 4 of 5",
                               "Confidence to act on what we learned: 2 of 5",
                               "What would improve the workshop: More time for the risk register"]
    assert evaluation_section({"confidence": 3}).bullets[0].endswith("not given")
    workspace = Store(tmp_path).create()
    workspace.save("evaluation.form", FILLED)
    assert build_plan(workspace).document.sections[0].heading == "Our first step, and feedback on the workshop"


def _controls(form) -> dict[str, widgets.Widget]:
    relevance, confidence, first_step, improve = inputs(form)
    return {"relevance": relevance, "confidence": confidence, "first_step": first_step, "improve": improve}


def _fill(form, value: dict) -> None:
    for name, control in _controls(form).items():
        control.value = value[name]


@pytest.mark.usefixtures("fresh_session")
def test_the_form_saves_as_it_goes_and_comes_back_after_a_reload():
    form = evaluation_form()
    assert "kit-evaluation" in form._dom_classes
    assert all(control.description for control in inputs(form))
    assert [option for option, _ in _controls(form)["relevance"].options] == ["1", "2", "3", "4", "5"]
    _controls(form)["relevance"].value = 4
    workspace = session.current()  # the first answer starts a workspace: nothing is lost
    assert workspace.load("evaluation.form")["relevance"] == 4
    _fill(form, FILLED)
    assert workspace.load("evaluation.form") == FILLED
    assert "Saved in your workspace." in " ".join(page(form))

    session.reset()  # a reload: a new kernel, an empty form, the code brings it back
    again = evaluation_form()
    assert [c.value for c in _controls(again).values()] == [None, None, "", ""]
    session.resume(workspace.code)
    assert {name: c.value for name, c in _controls(again).items()} == FILLED
    assert "Your evaluation is back" in " ".join(page(again))

    session.start_new()  # another attendee: the form starts empty and saves nothing of the first
    assert [c.value for c in _controls(again).values()] == [None, None, "", ""]
    assert session.current().keys() == []


@pytest.mark.usefixtures("fresh_session")
def test_a_field_a_newer_kit_saved_is_kept_when_the_form_saves():
    workspace = session.store().create()
    workspace.save("evaluation.form", {**FILLED, "recommend": True})
    form = evaluation_form()
    session.resume(workspace.code)
    _controls(form)["improve"].value = "Shorter breaks"
    assert workspace.load("evaluation.form") == {**FILLED, "improve": "Shorter breaks", "recommend": True}
