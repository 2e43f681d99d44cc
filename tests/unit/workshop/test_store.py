"""The workspace store: codes, isolation, atomic and concurrent writes, on SQLite and on a real PostgreSQL server."""

from __future__ import annotations

import hashlib
import multiprocessing
import sqlite3
import threading

import pytest

from kit.workshop import ALPHABET, StaleSave, Store, WorkspaceError, normalise_code


@pytest.fixture()
def store(storage):
    """A store on SQLite, then on PostgreSQL (the same tests run on both)."""
    opened = Store(**storage)
    yield opened
    opened.close()


def _rows(store, table):
    with store.database.read() as db:
        return db.execute(f"SELECT * FROM {table}").fetchall()


def test_new_workspace_code_is_well_formed_and_reopens(store):
    workspace = store.create()
    assert len(workspace.code) == 14 and workspace.code.count("-") == 2
    assert set(workspace.code.replace("-", "")) <= set(ALPHABET)
    workspace.save("register", [{"title": "Privacy breach", "score": 12}])
    again = store.open(workspace.code.lower().replace("-", " "))
    assert again.load("register") == [{"title": "Privacy breach", "score": 12}]
    assert again.new is False and workspace.new is True


def test_codes_are_unique_and_random(store):
    codes = {store.create().code for _ in range(200)}
    assert len(codes) == 200


def test_two_attendees_never_see_each_other(store):
    alice, bob = store.create(), store.create()
    alice.save("policy", "Alice's draft")
    assert bob.load("policy") is None
    assert bob.keys() == []
    bob.save("policy", "Bob's draft")
    assert store.open(alice.code).load("policy") == "Alice's draft"


def test_codes_are_not_stored_in_clear(store):
    workspace = store.create()
    workspace.save("note", "kept")
    stored = repr(_rows(store, "workspace") + _rows(store, "item"))
    assert workspace.code not in stored and workspace.code.replace("-", "") not in stored


def test_the_sqlite_file_never_holds_a_code(tmp_path):
    store = Store(tmp_path)
    workspace = store.create()
    raw = store.path.read_bytes() + (store.path.with_name(store.path.name + "-wal").read_bytes()
                                     if store.path.with_name(store.path.name + "-wal").exists() else b"")
    assert workspace.code.encode() not in raw
    assert workspace.code.replace("-", "").encode() not in raw


@pytest.mark.parametrize(
    ("code", "message"),
    [("ACDE-FGHJ-KM3", "11 characters"), ("ACDE-FGHJ-KM30", "'0'"), ("", "0 characters")],
)
def test_malformed_code_gets_a_plain_message(code, message):
    with pytest.raises(WorkspaceError, match=message) as info:
        normalise_code(code)
    assert "written down" in str(info.value) or "wrote down" in str(info.value)


def test_unknown_code_is_refused_not_created(store):
    with pytest.raises(WorkspaceError, match="No workspace has the code ACDE-FGHJ-KM34"):
        store.open("acde fghj km34")
    assert _rows(store, "workspace") == []


def test_save_replaces_value_and_delete_forgets(store):
    workspace = store.create()
    workspace.save("score", 1)
    workspace.save("score", 2)
    assert workspace.load("score") == 2
    workspace.delete("score")
    assert workspace.load("score", "gone") == "gone"


def test_values_survive_a_new_store_object(storage):
    code = Store(**storage).create().code
    Store(**storage).open(code).save("k", {"nested": [1, "two", None]})
    assert Store(**storage).open(code).load("k") == {"nested": [1, "two", None]}


def test_unicode_and_markup_come_back_unchanged(store):
    workspace = store.create()
    text = "<script>alert('x')</script> — Zoë's «plan» ✓"
    workspace.save("note", text)
    assert workspace.load("note") == text


def _writer(args):
    storage, code, worker = args
    workspace = Store(**storage).open(code)
    for i in range(50):
        workspace.save(f"w{worker}.item{i}", {"worker": worker, "i": i})
        workspace.save("shared", worker)
    return worker


def test_concurrent_writers_lose_nothing(store, storage):
    codes = [store.create().code for _ in range(2)]
    jobs = [(storage, codes[w % 2], w) for w in range(4)]
    with multiprocessing.get_context("spawn").Pool(4) as pool:
        assert sorted(pool.map(_writer, jobs)) == [0, 1, 2, 3]
    first, second = store.open(codes[0]), store.open(codes[1])
    assert len(first.keys()) == 2 * 50 + 1 and len(second.keys()) == 2 * 50 + 1
    assert first.load("w2.item49") == {"worker": 2, "i": 49}
    assert first.load("shared") in (0, 2) and second.load("shared") in (1, 3)
    assert first.load("w1.item0") is None


def _add(store, code, times):
    """Add one to a counter ``times`` times the way a page saves: with the version it saw, again when stale."""
    workspace = store.open(code)
    for _ in range(times):
        while True:
            value, version = workspace.load_versioned("count")
            try:
                workspace.save("count", (value or 0) + 1, expected=version)
                break
            except StaleSave:
                continue


def test_two_threads_saving_one_value_lose_no_update(store):
    code = store.create().code
    workers = [threading.Thread(target=_add, args=(store, code, 40)) for _ in range(2)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert store.open(code).load_versioned("count") == (80, 80)


def test_each_save_raises_the_version(store):
    workspace = store.create()
    assert workspace.load_versioned("plan") == (None, 0)
    assert workspace.save("plan", "first") == 1
    assert workspace.save("plan", "second", expected=1) == 2
    assert workspace.load_versioned("plan") == ("second", 2)


def test_a_stale_save_is_refused_and_writes_nothing(store):
    workspace = store.create()
    workspace.save("plan", "from tab A")
    workspace.save("plan", "from tab B", expected=1)
    with pytest.raises(StaleSave) as stale:
        workspace.save("plan", "tab A again", expected=1)
    assert (stale.value.value, stale.value.version) == ("from tab B", 2)
    assert workspace.load_versioned("plan") == ("from tab B", 2)
    with pytest.raises(StaleSave):
        workspace.save("new", "thought it was there", expected=3)


def test_a_store_from_before_versions_is_upgraded(tmp_path):
    with sqlite3.connect(tmp_path / "workspaces.sqlite3") as db:
        db.executescript("CREATE TABLE workspace (id TEXT PRIMARY KEY, created REAL NOT NULL);"
                         "CREATE TABLE item (workspace TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL,"
                         " updated REAL NOT NULL, PRIMARY KEY (workspace, key));")
        db.execute("INSERT INTO workspace VALUES (?, 0)", (hashlib.sha256(b"ACDE-FGHJ-KM34").hexdigest(),))
        db.execute("INSERT INTO item VALUES (?, 'note', '\"kept\"', 0)",
                   (hashlib.sha256(b"ACDE-FGHJ-KM34").hexdigest(),))
    workspace = Store(tmp_path).open("ACDE-FGHJ-KM34")
    assert workspace.load_versioned("note") == ("kept", 1)
    assert workspace.save("note", "changed", expected=1) == 2


def test_the_jupyterhub_backup_script_looks_for_the_file_the_store_writes():
    """The backup script runs outside the kit's environment (standard library only), so it names the file itself."""
    import ast
    from pathlib import Path

    from kit.paths import REPO_ROOT
    from kit.workshop import DB_NAME

    script = (REPO_ROOT / "deploy" / "jupyterhub" / "backup-workspaces.py").read_text()
    [value] = [node.value for node in ast.walk(ast.parse(script))
               if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "WORKSPACE"]
    assert Path(ast.unparse(value).split("/")[-1].strip(" '\")")).name == DB_NAME


def test_the_sqlite_store_is_one_backend_of_the_interface(store):
    from kit.workshop._backend import StoreBackend, WorkspaceBackend

    assert isinstance(store, StoreBackend) and isinstance(store.create(), WorkspaceBackend)
