"""``kit serve`` deletes the rooms past their lifetime before Voilà starts, and says how many."""

from __future__ import annotations

import os
import time

import pytest

from kit import cli
from kit.room import RoomStore, reset_room_store
from tests.postgres import _free_port

DAY = 24 * 60 * 60


@pytest.fixture()
def serve(tmp_path, monkeypatch):
    """Run ``kit serve`` on a free port with Voilà replaced: return (exit status, KIT_ROOM_DAYS Voilà would see)."""
    monkeypatch.setenv("KIT_WORKSPACE", str(tmp_path))
    monkeypatch.setenv("KIT_ROOM_DAYS", "7")  # so the value kit serve sets is undone after the test
    monkeypatch.setenv("KIT_DATABASE_URL", "")
    started = []
    monkeypatch.setattr(cli, "_run_voila", lambda options, open_browser: started.append(os.environ["KIT_ROOM_DAYS"]) or 0)
    reset_room_store()

    def run(*extra: str):
        started.clear()
        status = cli.main(["serve", "--port", str(_free_port()), "--notebooks", str(tmp_path), *extra])
        return status, (started or [None])[0]

    yield run
    reset_room_store()


def test_old_rooms_are_deleted_on_start(serve, tmp_path, capsys):
    old = RoomStore(tmp_path, clock=lambda: time.time() - 10 * DAY).create("Last month")
    older = RoomStore(tmp_path, clock=lambda: time.time() - 20 * DAY).create("Spring")
    middle = RoomStore(tmp_path, clock=lambda: time.time() - 3 * DAY).create("Monday").code
    new = RoomStore(tmp_path).create("Today").code
    assert serve() == (0, "7")
    assert capsys.readouterr().out == "Deleted 2 rooms older than 7 days, with everything shared in them.\n"
    assert [r.code for r in RoomStore(tmp_path).rooms()] == [middle, new] and old.code != older.code
    assert serve("--room-days", "2") == (0, "2")
    assert capsys.readouterr().out == "Deleted 1 room older than 2 days, with everything shared in them.\n"
    assert serve("--room-days", "2") == (0, "2")
    assert capsys.readouterr().out == ""  # nothing to delete: nothing said


@pytest.mark.parametrize(("extra", "setting", "words"), [
    (("--room-days", "0"), "7", "--room-days must be 1 or more"),
    ((), "soon", "KIT_ROOM_DAYS is 'soon'"),
])
def test_a_bad_room_lifetime_stops_the_start(serve, monkeypatch, capsys, extra, setting, words):
    monkeypatch.setenv("KIT_ROOM_DAYS", setting)
    assert serve(*extra) == (2, None)
    error = capsys.readouterr().err
    assert error.startswith("kit serve: ") and words in error and "Traceback" not in error


def test_a_shared_database_out_of_reach_stops_the_start(serve, monkeypatch, capsys):
    monkeypatch.setenv("KIT_DATABASE_URL", f"postgresql://kit@127.0.0.1:{_free_port()}/kit?connect_timeout=5")
    assert serve() == (2, None)
    assert "Cannot reach the database in KIT_DATABASE_URL" in capsys.readouterr().err


def test_rooms_on_the_shared_database_expire_too(serve, postgres_database, monkeypatch, capsys):
    monkeypatch.setenv("KIT_DATABASE_URL", postgres_database)
    shared = RoomStore(url=postgres_database, clock=lambda: time.time() - 8 * DAY)
    shared.create("Last week")
    assert serve() == (0, "7")
    assert capsys.readouterr().out.startswith("Deleted 1 room older than 7 days")
    assert shared.rooms() == [] and RoomStore(url=postgres_database).rooms() == []
    shared.close_connections()
