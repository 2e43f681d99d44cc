"""The room store: codes, trainer codes, contributions counted once, closing and expiry, on SQLite and PostgreSQL."""

from __future__ import annotations

import hashlib
import threading

import pytest

from kit.room import (Contribution, Membership, NewRoom, Room, RoomError, RoomStore, normalise_room_code,
                      reset_room_store, room_days, room_store)
from kit.workshop import ALPHABET

DAY = 24 * 60 * 60
NOT_OPEN = "No open room has the code"


class Clock:
    """A clock the test moves by hand, so rooms age without sleeping."""

    def __init__(self, now: float = 1_750_000_000.0):
        self.now = now

    def __call__(self) -> float:
        return self.now


@pytest.fixture()
def clock():
    return Clock()


@pytest.fixture()
def rooms(storage, clock, monkeypatch):
    """A room store on SQLite, then on PostgreSQL (the same tests run on both)."""
    monkeypatch.delenv("KIT_ROOM_DAYS", raising=False)
    store = RoomStore(**storage, clock=clock)
    yield store
    store.close_connections()


def _rows(store, table):
    with store.database.read() as db:
        return db.execute(f"SELECT * FROM {table}").fetchall()


@pytest.mark.parametrize(("typed", "canonical"), [("kqp-m3t", "KQP-M3T"), (" KQP M3T ", "KQP-M3T"),
                                                  ("k-q-p-m-3-t", "KQP-M3T"), ("KQPM3T", "KQP-M3T")])
def test_room_codes_ignore_case_spaces_and_dashes(typed, canonical):
    assert normalise_room_code(typed) == canonical


@pytest.mark.parametrize(("typed", "detail"), [("KQP-M3", "5 characters"), ("KQP-M30", "'0'"), ("", "0 characters"),
                                               ("KQP-M3T-X", "7 characters"), ("KQP-M5T", "'5'")])
def test_a_malformed_room_code_gets_a_plain_message(typed, detail):
    with pytest.raises(RoomError, match=detail) as info:
        normalise_room_code(typed)
    assert "like KQP-M3T; check it with your trainer" in str(info.value)


def test_a_new_room_has_two_codes_and_its_name(rooms, clock):
    new = rooms.create("  Leeds council,\n 4 Dec ")
    assert isinstance(new, NewRoom) and new.name == "Leeds council, 4 Dec"
    assert normalise_room_code(new.code) == new.code and len(new.code) == 7
    assert len(new.trainer_code) == 14 and set(new.trainer_code.replace("-", "")) <= set(ALPHABET)
    assert rooms.room(new.code.lower()) == Room(new.code, "Leeds council, 4 Dec", clock.now, 0)
    assert rooms.rooms() == [rooms.room(new.code)]


@pytest.mark.parametrize(("name", "words"), [("", "Give the room a name"), ("   ", "Give the room a name"),
                                             ("x" * 81, "at most 80 characters; this one has 81")])
def test_a_room_needs_a_short_name(rooms, name, words):
    with pytest.raises(RoomError, match=words):
        rooms.create(name)
    assert rooms.rooms() == []


def test_the_trainer_code_is_kept_only_as_its_hash(rooms):
    new = rooms.create("Workshop")
    stored = repr(_rows(rooms, "room"))
    assert new.trainer_code not in stored and new.trainer_code.replace("-", "") not in stored
    assert hashlib.sha256(new.trainer_code.encode()).hexdigest() in stored


def test_the_trainer_page_opens_with_the_trainer_code_only(rooms):
    new, other = rooms.create("Workshop"), rooms.create("Another")
    assert rooms.open_for_trainer(new.code.lower(), new.trainer_code.lower().replace("-", " ")) == rooms.room(new.code)
    messages = set()
    for code, trainer_code in [(new.code, other.trainer_code), (new.code, "ACDE-FGHJ-KM34"), (new.code, "nonsense"),
                               (new.code, ""), ("ACD-EFG", new.trainer_code), ("bad", new.trainer_code),
                               (new.code, new.code)]:
        with pytest.raises(RoomError) as info:
            rooms.open_for_trainer(code, trainer_code)
        messages.add(str(info.value))
    assert len(messages) == 1  # the same refusal, whichever code was wrong
    assert new.trainer_code not in messages.pop()


def test_an_unknown_room_is_refused_and_nothing_is_made(rooms):
    with pytest.raises(RoomError, match=f"{NOT_OPEN} ACD-EFG; check it with your trainer. Your work is saved"):
        rooms.join("acd efg")
    with pytest.raises(RoomError, match="not valid"):
        rooms.join("ACD-EF0")
    for read in (rooms.room, rooms.revision, rooms.contributions):
        with pytest.raises(RoomError, match=NOT_OPEN):
            read("ACD-EFG")
    assert _rows(rooms, "room") == [] and _rows(rooms, "contribution") == []


def test_join_contribute_and_read_back(rooms, clock):
    code = rooms.create("Workshop").code
    alice = rooms.join(code)
    assert isinstance(alice, Membership) and (alice.room, alice.name) == (code, "Workshop")
    assert len(alice.participant) == 32 and alice.participant != rooms.join(code).participant
    rooms.contribute(alice, "quiz.bias", {"q1": "b", "q2": ["a", "c"]})
    assert rooms.contributions(code) == [Contribution(alice.participant, "quiz.bias",
                                                      {"q1": "b", "q2": ["a", "c"]}, clock.now)]


def test_an_attendee_who_answers_twice_counts_once_with_the_latest(rooms, clock):
    code = rooms.create("Workshop").code
    alice, bob = rooms.join(code), rooms.join(code)
    rooms.contribute(alice, "vote", "chatbot")
    rooms.contribute(bob, "vote", "triage")
    clock.now += 60
    rooms.contribute(alice, "vote", "triage")
    votes = {c.participant: (c.value, c.updated) for c in rooms.contributions(code)}
    assert votes == {alice.participant: ("triage", clock.now), bob.participant: ("triage", clock.now - 60)}


def test_withdraw_and_leave_take_contributions_out(rooms):
    code = rooms.create("Workshop").code
    alice, bob = rooms.join(code), rooms.join(code)
    for who in (alice, bob):
        rooms.contribute(who, "vote", "chatbot")
        rooms.contribute(who, "note:risk.notes", {"text": "Shared thought"})
    rooms.withdraw(alice, "note:risk.notes")
    rooms.withdraw(alice, "never-contributed")
    assert sorted((c.participant == alice.participant, c.key) for c in rooms.contributions(code)) == [
        (False, "note:risk.notes"), (False, "vote"), (True, "vote")]
    rooms.leave(bob)
    assert [(c.participant, c.key) for c in rooms.contributions(code)] == [(alice.participant, "vote")]


def test_the_revision_goes_up_with_every_change_and_only_then(rooms):
    code = rooms.create("Workshop").code
    alice = rooms.join(code)
    seen = [rooms.revision(code)]
    for change in (lambda: rooms.contribute(alice, "vote", "a"), lambda: rooms.contribute(alice, "vote", "b"),
                   lambda: rooms.contribute(alice, "other", 1), lambda: rooms.withdraw(alice, "vote"),
                   lambda: rooms.leave(alice)):
        change()
        seen.append(rooms.revision(code))
    assert seen == [0, 1, 2, 3, 4, 5]
    rooms.withdraw(alice, "vote")
    rooms.leave(alice)
    assert rooms.revision(code) == 5 == rooms.room(code).revision


def test_two_rooms_never_mix(rooms):
    first, second = rooms.create("Morning").code, rooms.create("Afternoon").code
    one, two = rooms.join(first), rooms.join(second)
    rooms.contribute(one, "vote", "morning")
    rooms.contribute(two, "vote", "afternoon")
    assert [c.value for c in rooms.contributions(first)] == ["morning"]
    assert [c.value for c in rooms.contributions(second)] == ["afternoon"]
    assert (rooms.revision(first), rooms.revision(second)) == (1, 1)
    rooms.close(first)
    assert [c.value for c in rooms.contributions(second)] == ["afternoon"]


def test_closing_a_room_deletes_it_and_everything_in_it(rooms):
    code = rooms.create("Workshop").code
    alice = rooms.join(code)
    rooms.contribute(alice, "vote", "chatbot")
    assert rooms.close(code.lower()) is True and rooms.close(code) is False
    assert _rows(rooms, "room") == [] and _rows(rooms, "contribution") == []
    with pytest.raises(RoomError, match=NOT_OPEN):
        rooms.join(code)
    with pytest.raises(RoomError, match="closed or has expired.*Your work is saved as usual"):
        rooms.contribute(alice, "vote", "again")
    rooms.withdraw(alice, "vote")
    rooms.leave(alice)  # leaving a closed room is no error
    assert _rows(rooms, "contribution") == []


def test_expire_deletes_old_rooms_only(rooms, clock, monkeypatch):
    old = rooms.create("Last month").code
    rooms.contribute(rooms.join(old), "vote", "a")
    clock.now += 5 * DAY
    middle = rooms.create("Monday").code
    clock.now += 3 * DAY
    new = rooms.create("Today").code
    rooms.contribute(rooms.join(new), "vote", "b")
    assert rooms.expire() == [old]  # 8 days > the default 7
    assert [r.code for r in rooms.rooms()] == [middle, new]
    assert {row[0] for row in _rows(rooms, "contribution")} == {new}
    assert rooms.expire(days=4) == [] and rooms.expire(days=2) == [middle]
    monkeypatch.setenv("KIT_ROOM_DAYS", "1")
    clock.now += 1 * DAY + 1
    assert rooms.expire() == [new] and _rows(rooms, "room") == [] and _rows(rooms, "contribution") == []


def test_an_expired_room_is_gone_before_it_is_deleted(rooms, clock):
    new = rooms.create("Workshop")
    alice = rooms.join(new.code)
    clock.now += 7 * DAY + 1
    with pytest.raises(RoomError, match=NOT_OPEN):
        rooms.join(new.code)
    with pytest.raises(RoomError, match="closed or has expired"):
        rooms.contribute(alice, "vote", "late")
    with pytest.raises(RoomError, match="trainer code is not right"):
        rooms.open_for_trainer(new.code, new.trainer_code)
    assert rooms.rooms() == []


def _contribute_many(rooms, membership, times):
    for i in range(times):
        rooms.contribute(membership, "vote", i)


def test_attendees_contributing_at_once_lose_nothing(rooms):
    code = rooms.create("Workshop").code
    members = [rooms.join(code) for _ in range(4)]
    workers = [threading.Thread(target=_contribute_many, args=(rooms, m, 25)) for m in members]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert rooms.revision(code) == 100
    assert sorted(c.participant for c in rooms.contributions(code)) == sorted(m.participant for m in members)
    assert {c.value for c in rooms.contributions(code)} == {24}


def test_two_threads_saving_one_key_keep_one_answer(rooms):
    code = rooms.create("Workshop").code
    alice = rooms.join(code)
    workers = [threading.Thread(target=_contribute_many, args=(rooms, alice, 30)) for _ in range(2)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert [(c.key, c.value) for c in rooms.contributions(code)] == [("vote", 29)] and rooms.revision(code) == 60


@pytest.mark.parametrize(("setting", "days"), [(None, 7), ("3", 3), (" 14 ", 14)])
def test_room_days_come_from_the_setting(setting, days, monkeypatch):
    if setting is None:
        monkeypatch.delenv("KIT_ROOM_DAYS", raising=False)
    else:
        monkeypatch.setenv("KIT_ROOM_DAYS", setting)
    assert room_days() == days


@pytest.mark.parametrize("setting", ["0", "-2", "a week", "1.5"])
def test_a_bad_room_days_setting_is_named(setting, monkeypatch):
    monkeypatch.setenv("KIT_ROOM_DAYS", setting)
    with pytest.raises(RoomError, match="KIT_ROOM_DAYS is .*whole number of days"):
        room_days()


def test_the_process_store_follows_the_setting(tmp_path, postgres_database, monkeypatch):
    monkeypatch.setenv("KIT_WORKSPACE", str(tmp_path))
    monkeypatch.delenv("KIT_DATABASE_URL", raising=False)
    reset_room_store()
    try:
        local = room_store()
        assert local is room_store() and local.path == tmp_path / "rooms.sqlite3"
        code = local.create("Local").code
        monkeypatch.setenv("KIT_DATABASE_URL", postgres_database)
        shared = room_store()
        assert shared.database.dialect == "postgresql" and shared.rooms() == []
        assert RoomStore(tmp_path).room(code).name == "Local"
    finally:
        reset_room_store()
