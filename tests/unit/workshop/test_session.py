"""The kernel's current workspace: starting, reopening, and what listeners hear."""

from __future__ import annotations

import pytest

from kit.workshop import parts, session
from kit.workshop.ui import saved_text


pytestmark = pytest.mark.usefixtures("fresh_session")


def test_switch_listeners_hear_every_chosen_workspace_and_whether_to_clear():
    heard = {"change": [], "switch": []}
    session.on_change(lambda w: heard["change"].append(w.code))
    session.on_switch(lambda w, clear: heard["switch"].append((w.code, clear)))
    implicit = session.ensure()  # a first save starts a workspace: what is on screen stays
    assert heard == {"change": [implicit.code], "switch": []}
    second = session.start_new()
    session.resume(implicit.code)
    assert heard["switch"] == [(second.code, True), (implicit.code, True)]


def test_switching_from_no_workspace_does_not_clear():
    heard = []
    session.on_switch(lambda w, clear: heard.append(clear))
    session.start_new()
    assert heard == [False]


def test_a_new_workspace_on_a_used_page_starts_empty_and_the_old_one_keeps_its_text():
    box = saved_text(parts.GOAL, "Goal").children[0]
    box.value = "Attendee one's goal"
    first = session.current()
    session.start_new()
    assert box.value == ""
    box.value = "Attendee two's goal"
    assert first.load("profile.goal") == "Attendee one's goal"
    assert session.current().load("profile.goal") == "Attendee two's goal"


def test_two_tabs_on_one_code_merge_instead_of_overwriting():
    session.save("register", [{"ref": "R1", "title": "Leak"}])
    code = session.current().code
    other_tab = session.store().open(code)  # another kernel on the same code
    other_tab.save("register", [{"ref": "R1", "title": "Leak"}, {"ref": "R2", "title": "Bias"}], expected=1)
    merged = session.save("register", [{"ref": "R1", "title": "Leak"}, {"ref": "R2", "title": "Jobs"}])
    titles = [risk["title"] for risk in session.current().load("register")]
    assert titles == ["Leak", "Bias", "Jobs"] and merged.renamed == [("R2", "R3")]


def test_save_listeners_hear_the_value_as_saved_after_a_merge():
    heard = []
    session.on_save(lambda key, value: heard.append((key, value)))
    session.save("register", [{"ref": "R1", "title": "Leak"}])
    other_tab = session.store().open(session.current().code)
    other_tab.save("register", [{"ref": "R1", "title": "Leak"}, {"ref": "R2", "title": "Bias"}], expected=1)
    session.save("register", [{"ref": "R1", "title": "Data leak"}])
    session.save("audit", {"threshold": 0.5}, whole=True)
    assert heard == [("register", [{"ref": "R1", "title": "Leak"}]),
                     ("register", [{"ref": "R1", "title": "Data leak"}, {"ref": "R2", "title": "Bias"}]),
                     ("audit", {"threshold": 0.5})]


def test_a_save_listener_that_fails_never_loses_or_blocks_the_save(caplog):
    heard = []

    def broken(_key, _value):
        raise RuntimeError("room database unreachable")

    session.on_save(broken)
    session.on_save(lambda key, _value: heard.append(key))
    session.on_save(broken)  # added twice: called once
    session.save("profile.goal", "Check our tool")
    assert session.current().load("profile.goal") == "Check our tool" and heard == ["profile.goal"]
    assert [r.message for r in caplog.records] == ["a listener to saves failed after profile.goal was saved"]
    session.reset()
    session.save("profile.goal", "Again")
    assert heard == ["profile.goal"]  # reset forgets the listeners


def test_saved_part_shows_the_merge_and_says_so():
    from kit.workshop.ui import SavedPart

    shown = []
    part = SavedPart(parts.TARGETS, lambda value, why: shown.append((value, why)), {})
    part.save({"a": 1})
    session.store().open(session.current().code).save("kpis.targets", {"a": 1, "b": 2}, expected=1)
    assert part.save({"a": 1, "c": 3}) == {"a": 1, "b": 2, "c": 3}
    assert shown == [({"a": 1, "b": 2, "c": 3}, "merged")]
    assert "both kept" in part.notice.value


def test_typing_before_any_workspace_keeps_the_text_and_saves_it():
    box = saved_text(parts.GOAL, "Goal").children[0]
    box.value = "Check our screening tool"
    workspace = session.current()
    assert workspace is not None and box.value == "Check our screening tool"
    assert workspace.load("profile.goal") == "Check our screening tool"


def test_reopening_restores_saved_text_into_a_new_page():
    box = saved_text(parts.GOAL, "Goal").children[0]
    box.value = "Audit the chatbot"
    code = session.current().code
    session.reset()  # a reload: new kernel, new widgets
    again = saved_text(parts.GOAL, "Goal").children[0]
    assert again.value == ""
    session.resume(code)
    assert again.value == "Audit the chatbot"


def test_ensure_reuses_the_open_workspace():
    first = session.ensure()
    assert session.ensure() is first


def test_quiz_widget_grades_saves_and_restores():
    from kit.workshop.ui import quiz

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
