"""An attendee joins the trainer's room in lesson 00, stays in it after a reload, meets a wrong code, and leaves."""

from __future__ import annotations

import re
import time

from kit.room import RoomStore
from tests.browser.voila import assert_clean, open_app, saved_value, visible_text, wait_for_widgets

START = "00_start_here.ipynb"
NAME = "Leeds council, 4 Dec"
JOINED = f"You are in the room '{NAME}'. Your quiz answers, scores and votes are counted anonymously"
SHARE = "Share this note with the room (without your name)"
WAIT = 30_000


def _contributions(rooms: RoomStore, code: str, until, seconds: float = 20) -> dict:
    """The room's contributions by key once ``until`` holds for them (the kernel sends a moment after the click)."""
    found = {}
    for _ in range(int(seconds / 0.2)):
        found = {c.key: c.value for c in rooms.contributions(code)}
        if until(found):
            return found
        time.sleep(0.2)
    raise AssertionError(f"the room never held what was expected; it holds {found!r}")


def test_an_attendee_joins_stays_after_a_reload_and_leaves(page, kit_server, workspace_root):
    rooms = RoomStore(workspace_root)  # the room the server's attendees join: the same folder as `kit serve`'s
    room = rooms.create(NAME)
    log = open_app(page, kit_server, START)
    assert page.get_by_label(SHARE).count() == 0 or not page.get_by_label(SHARE).first.is_visible()
    page.get_by_role("button", name="Start a new workspace").click()
    code = page.locator(".kit-code").inner_text(timeout=WAIT).strip()

    page.get_by_label("Room code").fill(room.code.lower().replace("-", " "))  # as typed from the projector
    page.get_by_role("button", name="Join the room").click()
    page.get_by_text(JOINED).first.wait_for(timeout=WAIT)
    saved = saved_value(workspace_root, code, "room.membership", lambda value: value and value["room"] == room.code)
    assert code not in str(saved)
    goal = page.get_by_label("What you want to take away today")
    goal.fill("A fair screening tool")
    goal.blur()
    saved_value(workspace_root, code, "profile.goal", lambda value: value == "A fair screening tool")
    page.get_by_label(SHARE).nth(1).check()  # the goal's box: the organisation's comes first
    _contributions(rooms, room.code, lambda found: found.get("note:profile.goal") == {"text": "A fair screening tool"})

    page.reload()
    wait_for_widgets(page)
    assert JOINED not in visible_text(page)  # a new page knows no workspace until the code is typed
    page.get_by_label("Your code").fill(code)
    page.get_by_role("button", name="Open my workspace").click()
    page.get_by_text(JOINED).first.wait_for(timeout=WAIT)
    assert page.get_by_label(SHARE).nth(1).is_checked() and not page.get_by_label(SHARE).first.is_checked()
    quiz = page.locator(".kit-quiz")
    quiz.get_by_role("radio", name="Enter your workspace code", exact=False).check()
    quiz.get_by_role("button", name="Check my answer").first.click()
    _contributions(rooms, room.code, lambda found: "quiz.00_start_here" in found)

    page.get_by_label("Room code").fill("ACD-EFG")
    page.get_by_role("button", name="Join the room").click()
    alert = page.get_by_role("alert").filter(has_text="No open room has the code ACD-EFG")
    alert.wait_for(timeout=WAIT)
    assert "check it with your trainer" in alert.inner_text()
    assert page.get_by_label("Room code").input_value() == "ACD-EFG"  # nothing typed is lost
    assert page.get_by_text(JOINED).first.is_visible()  # still in the first room

    page.get_by_role("button", name="Leave the room").click()
    page.get_by_text(re.compile(f"You have left the room '{re.escape(NAME)}'")).wait_for(timeout=WAIT)
    saved_value(workspace_root, code, "room.membership", lambda value: value is None)
    _contributions(rooms, room.code, lambda found: found == {})
    assert not page.get_by_label(SHARE).first.is_visible()
    assert_clean(page)
    assert log.unexpected() == []
