"""An attendee in a trainer's room: joining, what is sent on each save, reloads, closed rooms, shared notes."""

from __future__ import annotations

import sqlite3

import ipywidgets as widgets
import pytest

from kit.room import RoomError, membership, reset_room_store, room_store
from kit.workshop import build_plan, parts, session
from kit.workshop.ui import saved_text, workspace_panel

QUIZ = "quiz.00_start_here"
NAME = "Leeds council, 4 Dec"


@pytest.fixture(autouse=True)
def fresh(fresh_session):
    """A new kernel's page: no workspace, no room listeners, rooms in the temp workspace folder."""
    reset_room_store()
    membership.reset()
    yield
    membership.reset()
    reset_room_store()


@pytest.fixture()
def room():
    return room_store().create(NAME)


def contributions(room) -> dict[tuple[str, str], object]:
    return {(c.participant, c.key): c.value for c in room_store().contributions(room.code)}


def reload_page(code: str) -> None:
    """A reload or kernel restart: a new session on the same workspace code, as a page would set it up."""
    session.reset()
    membership.reset()
    membership.install()  # every lesson's workspace panel does this
    session.resume(code)


def test_joining_saves_the_membership_in_the_workspace_and_leaving_removes_it(room):
    joined = membership.join(f" {room.code.lower().replace('-', '')} ")  # as typed from the projector
    assert (joined.room, joined.name) == (room.code, NAME)
    saved = session.current().load(parts.ROOM_MEMBERSHIP.key)
    assert saved == {"room": room.code, "participant": joined.participant, "name": NAME, "shared": []}
    assert membership.status().membership == joined
    session.save(QUIZ, {"answers": {"reload": [1]}})
    assert contributions(room) == {(joined.participant, QUIZ): {"answers": {"reload": [1]}}}

    membership.leave()
    assert parts.ROOM_MEMBERSHIP.key not in session.current().keys()
    assert contributions(room) == {}  # the room forgets everything this attendee gave it
    assert session.current().load(QUIZ) == {"answers": {"reload": [1]}}  # their own work stays
    assert membership.status().news == f"You have left the room '{NAME}'. Everything you gave it has been " \
                                       "removed from it; your work is still saved in your workspace."


def test_joining_sends_what_the_workspace_already_holds_that_the_room_counts(room):
    session.save(QUIZ, {"answers": {"reload": [1], "stages": [0, 2]}})
    session.save("profile.organisation", "Riverside Lettings")  # typed text: never sent
    session.save("risk.notes", "Ask the DPO")  # a note: only when shared
    joined = membership.join(room.code)
    assert contributions(room) == {(joined.participant, QUIZ): {"answers": {"reload": [1], "stages": [0, 2]}}}


def test_an_answer_saved_twice_is_counted_once_as_the_latest(room):
    joined = membership.join(room.code)
    session.save(QUIZ, {"answers": {"reload": [0]}})
    session.save(QUIZ, {"answers": {"reload": [1]}})
    assert contributions(room) == {(joined.participant, QUIZ): {"answers": {"reload": [1]}}}
    assert membership.join(room.code) == joined  # joining the same room again: the same participant


def test_the_membership_survives_a_reload_on_the_same_workspace(room):
    joined = membership.join(room.code)
    code = session.current().code
    reload_page(code)
    assert membership.current() == joined
    session.save(QUIZ, {"answers": {"privacy": [0]}})
    assert contributions(room) == {(joined.participant, QUIZ): {"answers": {"privacy": [0]}}}


@pytest.mark.parametrize(("typed", "message"), [
    ("KQP", "That room code is not valid (it has 3 characters)"),
    ("ACD-EFG", "No open room has the code ACD-EFG; check it with your trainer. Your work is saved as usual."),
])
def test_a_wrong_code_is_named_and_nothing_in_the_workspace_changes(room, typed, message):
    session.save("profile.goal", "Check our tool")
    before = {key: session.current().load(key) for key in session.current().keys()}
    with pytest.raises(RoomError, match=message.replace("(", r"\(").replace(")", r"\)")):
        membership.join(typed)
    assert {key: session.current().load(key) for key in session.current().keys()} == before
    assert membership.current() is None


def test_a_wrong_code_starts_no_workspace_and_a_closed_room_cannot_be_joined(room):
    with pytest.raises(RoomError):
        membership.join("ACD-EFG")
    assert session.current() is None
    room_store().close(room.code)
    with pytest.raises(RoomError, match=f"No open room has the code {room.code}"):
        membership.join(room.code)
    assert session.current() is None


def test_a_room_closed_midway_lets_the_attendee_go_and_keeps_their_work(room):
    membership.join(room.code)
    room_store().close(room.code)
    session.save(QUIZ, {"answers": {"reload": [1]}})  # the save stands
    assert session.current().load(QUIZ) == {"answers": {"reload": [1]}}
    assert membership.current() is None
    assert parts.ROOM_MEMBERSHIP.key not in session.current().keys()
    assert membership.status().problem == (f"The room '{NAME}' has closed, so you are no longer in it. "
                                           "Your work is saved in your workspace as usual.")


def test_a_room_that_closed_while_the_page_was_away_is_let_go_on_opening(room):
    membership.join(room.code)
    code = session.current().code
    room_store().close(room.code)
    reload_page(code)
    assert membership.current() is None and "has closed" in membership.status().problem


def test_switching_workspace_applies_the_membership_of_the_one_open(room):
    joined = membership.join(room.code)
    first = session.current().code
    session.start_new()
    assert membership.current() is None
    session.save(QUIZ, {"answers": {"reload": [0]}})  # another person's workspace: not in the room
    assert contributions(room) == {}
    session.resume(first)
    assert membership.current() == joined
    session.save(QUIZ, {"answers": {"reload": [1]}})
    assert contributions(room) == {(joined.participant, QUIZ): {"answers": {"reload": [1]}}}


def test_a_note_is_sent_only_while_shared_and_the_choice_survives_a_reload(room):
    session.save("risk.notes", "Ask the DPO")
    joined = membership.join(room.code)
    assert contributions(room) == {}
    membership.share_note("risk.notes", True)
    note = (joined.participant, "note:risk.notes")
    assert contributions(room) == {note: {"text": "Ask the DPO"}}
    session.save("risk.notes", "Ask the DPO and the union")
    assert contributions(room)[note] == {"text": "Ask the DPO and the union"}

    reload_page(session.current().code)
    assert membership.status().shared == ("risk.notes",)
    session.save("risk.notes", "  ")  # emptied: the room no longer shows it
    assert note not in contributions(room)
    session.save("risk.notes", "Third thoughts")
    assert contributions(room)[note] == {"text": "Third thoughts"}
    membership.share_note("risk.notes", False)
    assert contributions(room) == {}
    session.save("risk.notes", "Private again")
    assert contributions(room) == {}
    assert session.current().load(parts.ROOM_MEMBERSHIP.key)["shared"] == []


def test_sharing_needs_a_room_and_a_note():
    session.save("risk.notes", "Ask the DPO")
    with pytest.raises(ValueError, match="Join a room first"):
        membership.share_note("risk.notes", True)
    with pytest.raises(ValueError, match="not a note"):
        membership.share_note("risk.register", True)


def test_the_workspace_code_never_reaches_the_room_database(room):
    session.save("risk.notes", "Ask the DPO")
    session.save(QUIZ, {"answers": {"reload": [1]}})
    membership.join(room.code)
    membership.share_note("risk.notes", True)
    code = session.current().code
    path = room_store().path
    raw = b"".join(p.read_bytes() for p in path.parent.glob(f"{path.name}*"))  # the file and its journal
    for form in (code, code.replace("-", ""), code.lower()):
        assert form.encode() not in raw
    with sqlite3.connect(path) as db:
        rows = [row for table in ("room", "contribution") for row in db.execute(f"SELECT * FROM {table}")]
    assert rows and not any(code in str(value) or code.replace("-", "") in str(value) for row in rows for value in row)


def test_a_listener_that_fails_never_costs_the_save(room):
    def broken(_key, _value):
        raise RuntimeError("the room's database is down")

    session.on_save(broken)
    membership.join(room.code)
    session.save(QUIZ, {"answers": {"reload": [1]}})
    assert session.current().load(QUIZ) == {"answers": {"reload": [1]}}
    assert len(contributions(room)) == 1  # the room's own listener still ran


def test_the_action_plan_names_the_room_and_never_asks_for_one(room):
    session.ensure()
    plan = build_plan(session.current())
    assert parts.ROOM_MEMBERSHIP not in plan.missing
    membership.join(room.code)
    plan = build_plan(session.current())
    [section] = [s for s in plan.document.sections if s.heading == "The workshop room"]
    assert NAME in section.paragraphs[0]


def _walk(widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from _walk(child)


def _share_box(box) -> widgets.Checkbox:
    return next(w for w in _walk(box) if isinstance(w, widgets.Checkbox))


def test_the_share_box_shows_only_in_a_room_and_stays_ticked_after_a_reload(room):
    note = saved_text(parts.RISK_NOTES, "Your notes", multiline=True)
    share = _share_box(note)
    assert share.description == "Share this note with the room (without your name)"
    assert share.layout.display == "none"
    note.children[0].value = "Ask the DPO"
    joined = membership.join(room.code)
    assert share.layout.display is None and not share.value
    share.value = True
    assert contributions(room) == {(joined.participant, "note:risk.notes"): {"text": "Ask the DPO"}}

    reload_page(session.current().code)
    note = saved_text(parts.RISK_NOTES, "Your notes", multiline=True)
    session.resume(session.current().code)  # the attendee types their code on the new page
    assert _share_box(note).value and _share_box(note).layout.display is None
    assert note.children[0].value == "Ask the DPO"
    assert not any(isinstance(w, widgets.Checkbox) for w in _walk(saved_text(parts.BIAS_EXPLORER, "Not a note")))


@pytest.mark.filterwarnings("ignore:on_submit is deprecated:DeprecationWarning")  # the workspace panel's
def test_the_join_panel_keeps_a_wrong_code_and_says_what_the_room_counts(room):
    from kit.room.ui import join_panel

    panel, line = join_panel(), workspace_panel().children[-1]
    code = next(w for w in _walk(panel) if isinstance(w, widgets.Text))
    join = next(w for w in _walk(panel) if isinstance(w, widgets.Button) and w.description == "Join the room")
    leave = next(w for w in _walk(panel) if isinstance(w, widgets.Button) and w.description == "Leave the room")
    text = lambda: " ".join(w.value for w in _walk(panel) if isinstance(w, widgets.HTML))  # noqa: E731
    assert "You are not in a room" in text() and leave.layout.display == "none"

    code.value = room.code
    join.click()
    assert f"You are in the room &#x27;{NAME}&#x27;. Your quiz answers" in text()
    assert leave.layout.display is None and NAME in line.value
    code.value = "ACD-EFG"
    join.click()
    assert "No open room has the code ACD-EFG" in text() and code.value == "ACD-EFG"
    assert membership.current() is not None  # still in the first room
    leave.click()
    assert "You have left the room" in text() and line.value == ""
