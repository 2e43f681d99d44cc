"""The kernel's current workspace: starting, reopening, and what listeners hear."""

from __future__ import annotations

import pytest

from kit import session
from kit.ui.workspace import saved_text


pytestmark = pytest.mark.usefixtures("fresh_session")


def test_new_workspace_does_not_trigger_restore():
    heard = {"change": [], "reopen": []}
    session.on_change(lambda w: heard["change"].append(w.code))
    session.on_reopen(lambda w: heard["reopen"].append(w.code))
    first = session.start_new()
    assert heard == {"change": [first.code], "reopen": []}
    session.resume(first.code)
    assert heard["reopen"] == [first.code] and heard["change"] == [first.code, first.code]


def test_typing_before_any_workspace_keeps_the_text_and_saves_it():
    box = saved_text("profile.goal", "Goal").children[0]
    box.value = "Check our screening tool"
    workspace = session.current()
    assert workspace is not None and box.value == "Check our screening tool"
    assert workspace.load("profile.goal") == "Check our screening tool"


def test_reopening_restores_saved_text_into_a_new_page():
    box = saved_text("profile.goal", "Goal").children[0]
    box.value = "Audit the chatbot"
    code = session.current().code
    session.reset()  # a reload: new kernel, new widgets
    again = saved_text("profile.goal", "Goal").children[0]
    assert again.value == ""
    session.resume(code)
    assert again.value == "Audit the chatbot"


def test_ensure_reuses_the_open_workspace():
    first = session.ensure()
    assert session.ensure() is first


def test_quiz_widget_grades_saves_and_restores():
    from kit.ui.quiz import quiz

    first = quiz("00_start_here").children[0]
    radio, button, outcome = first.children[1], first.children[2], first.children[3]
    radio.value = 1
    button.click()
    assert "Correct" in outcome.value
    code = session.current().code
    assert session.current().load("quiz.00_start_here")["answers"] == {"reload": [1]}
    session.reset()
    again = quiz("00_start_here").children[0]
    session.resume(code)
    assert again.children[1].value == 1 and "Correct" in again.children[3].value
