"""The database layer: one SQL for SQLite and PostgreSQL, the settings that choose, plain errors."""

from __future__ import annotations

import pytest

from kit.workshop import session
from kit.workshop._database import Database, DatabaseError, database_url, open_database, redact
from tests.postgres import _free_port


@pytest.fixture()
def database(storage):
    opened = open_database(storage["url"]) if "url" in storage else Database(storage["root"] / "t.sqlite3")
    yield opened
    opened.close()


def test_placeholders_and_percent_signs_mean_the_same_on_both(database):
    with database.read() as db:
        assert db.execute("SELECT '50%', ?, ? || '%'", ("a?b", "x")).fetchone() == ("50%", "a?b", "x%")


def test_a_write_is_all_or_nothing(database):
    database.create("CREATE TABLE IF NOT EXISTS t (k TEXT PRIMARY KEY, v INTEGER NOT NULL)")
    with pytest.raises(RuntimeError):
        with database.write(lock="t") as db:
            db.execute("INSERT INTO t VALUES (?, ?)", ("a", 1))
            raise RuntimeError("half way")
    with database.write(lock="t") as db:
        db.execute("INSERT INTO t VALUES (?, ?)", ("b", 2))
    with database.read() as db:
        assert db.execute("SELECT k, v FROM t").fetchall() == [("b", 2)]
    assert database.columns("t") == {"k", "v"} and database.columns("missing") == set()


def test_creating_the_schema_twice_changes_nothing(database):
    for _ in range(2):
        database.create("CREATE TABLE IF NOT EXISTS t (k TEXT PRIMARY KEY); CREATE TABLE IF NOT EXISTS u (k TEXT)")
    assert database.columns("u") == {"k"}


@pytest.mark.parametrize(("setting", "rooms", "workspaces"), [
    (None, True, False), ("rooms", True, False), ("rooms,workspaces", True, True), (" Rooms , WORKSPACES ", True, True),
])
def test_the_settings_choose_what_goes_to_the_server(setting, rooms, workspaces, monkeypatch):
    monkeypatch.setenv("KIT_DATABASE_URL", "postgresql://kit@db.example.org/kit")
    if setting is None:
        monkeypatch.delenv("KIT_DATABASE_FOR", raising=False)
    else:
        monkeypatch.setenv("KIT_DATABASE_FOR", setting)
    assert (database_url("rooms") is not None, database_url("workspaces") is not None) == (rooms, workspaces)


def test_without_a_url_everything_stays_in_files(monkeypatch):
    monkeypatch.delenv("KIT_DATABASE_URL", raising=False)
    monkeypatch.setenv("KIT_DATABASE_FOR", "rooms,workspaces")
    assert database_url("rooms") is None and database_url("workspaces") is None


def test_an_unknown_purpose_names_the_variable(monkeypatch):
    monkeypatch.setenv("KIT_DATABASE_URL", "postgresql://kit@db.example.org/kit")
    monkeypatch.setenv("KIT_DATABASE_FOR", "rooms,everything")
    with pytest.raises(DatabaseError, match="KIT_DATABASE_FOR is 'rooms,everything'.*'rooms,workspaces'"):
        database_url("workspaces")


@pytest.mark.parametrize("url", ["mysql://kit:secret@db/kit", "sqlite://x"])
def test_a_url_that_is_not_postgresql_is_named_with_the_fix(url):
    with pytest.raises(DatabaseError, match="KIT_DATABASE_URL must be a PostgreSQL address like postgresql://") as info:
        open_database(url)
    assert "secret" not in str(info.value) and "unset KIT_DATABASE_URL" in str(info.value)


def test_an_unreadable_url_is_named_without_its_password():
    with pytest.raises(DatabaseError, match="KIT_DATABASE_URL is not a PostgreSQL address") as info:
        open_database("postgresql://kit:secret@[bad")
    assert "secret" not in str(info.value)


def test_a_server_out_of_reach_is_named_with_the_fix():
    url = f"postgresql://kit:secret@127.0.0.1:{_free_port()}/kit?connect_timeout=5"
    with pytest.raises(DatabaseError, match="Cannot reach the database in KIT_DATABASE_URL") as info:
        open_database(url)
    message = str(info.value)
    assert "secret" not in message and "kit:***@127.0.0.1" in message and "server is running" in message


def test_passwords_never_reach_a_message():
    assert redact("postgresql://kit:s3:cr@db/kit") == "postgresql://kit:***@db/kit"
    assert redact("host=db password=abc") == "host=db password=***"
    assert redact("postgresql://kit@db/kit") == "postgresql://kit@db/kit"


def test_a_lost_connection_is_named_and_the_next_use_reconnects(postgres_database):
    database = open_database(postgres_database)
    with database.read() as db:
        mine = db.execute("SELECT pg_backend_pid()").fetchone()[0]
    other = open_database(postgres_database)
    with other.read() as db:
        db.execute("SELECT pg_terminate_backend(?)", (mine,))
    with pytest.raises(DatabaseError, match="connection to the database in KIT_DATABASE_URL .* was lost"):
        with database.read() as db:
            db.execute("SELECT 1")
    with database.read() as db:
        assert db.execute("SELECT 1").fetchone() == (1,)
    database.close()
    other.close()


def test_the_session_keeps_workspaces_on_the_server_only_when_asked(postgres_database, fresh_session, monkeypatch):
    monkeypatch.setenv("KIT_DATABASE_URL", postgres_database)
    monkeypatch.delenv("KIT_DATABASE_FOR", raising=False)
    assert session.store().database.dialect == "sqlite"
    session.reset()
    monkeypatch.setenv("KIT_DATABASE_FOR", "rooms,workspaces")
    store = session.store()
    assert store.database.dialect == "postgresql" and store.path is None
    code = session.start_new().code
    session.save("policy", "draft")
    assert store.open(code).load("policy") == "draft"
    store.close()


def test_a_bad_server_setting_reaches_the_attendee_as_a_plain_error(fresh_session, monkeypatch):
    monkeypatch.setenv("KIT_DATABASE_URL", f"postgresql://kit@127.0.0.1:{_free_port()}/kit?connect_timeout=5")
    monkeypatch.setenv("KIT_DATABASE_FOR", "rooms,workspaces")
    with pytest.raises(ValueError, match="KIT_DATABASE_URL"):
        session.start_new()
