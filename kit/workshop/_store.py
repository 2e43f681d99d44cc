"""Each attendee's saved work, in one embedded SQLite database (or a shared PostgreSQL one).

An attendee gets a workspace code (``K7QP-M3TR-9XWD``) the first time they
save. The code is the only key: it is random (about 55 bits), never stored in clear
(the database holds its SHA-256), and a code that was never issued gives a
plain error instead of an empty workspace, so a mistyped code cannot silently
start over. Values are JSON; every write is one transaction, so a crash or
two attendees saving at once never leaves half a record.

Every saved value carries a version that goes up by one on each save. A page
that saves with the version it last saw (``expected=``) is refused with
:class:`StaleSave` when another tab or window saved in between, so a change
made elsewhere is never overwritten unseen (see :mod:`kit.workshop.session`).

The same SQL runs on SQLite and PostgreSQL (:mod:`kit.workshop._database`):
on JupyterHub, ``KIT_DATABASE_FOR=rooms,workspaces`` keeps every workspace
on the server named by ``KIT_DATABASE_URL``.
"""

from __future__ import annotations

import hashlib
import json
import secrets
import time
from pathlib import Path
from typing import Any, NamedTuple

from kit.paths import workspace_dir
from kit.workshop._database import Database, open_database

# No 0/O, 1/I/L, 5/S, 8/B, 2/Z: codes are read aloud and copied by hand.
ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679"
CODE_GROUPS, GROUP_LEN = 3, 4
DB_NAME = "workspaces.sqlite3"

# Types both databases know: DOUBLE PRECISION keeps a timestamp to the microsecond on PostgreSQL (REAL would not).
_SCHEMA = """
CREATE TABLE IF NOT EXISTS workspace (id TEXT PRIMARY KEY, created DOUBLE PRECISION NOT NULL);
CREATE TABLE IF NOT EXISTS item (
    workspace TEXT NOT NULL REFERENCES workspace(id),
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    updated DOUBLE PRECISION NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    schema INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (workspace, key)
);
"""


class WorkspaceError(ValueError):
    """A workspace code that is malformed or was never issued."""


class Item(NamedTuple):
    """A saved value, the number of saves it has had (``version``) and the version of its shape (``schema``)."""

    value: Any
    version: int
    schema: int


class StaleSave(Exception):
    """A save made from an out-of-date copy: another tab saved this value since.

    Carries the value and version now in the store, so the caller can merge.
    """

    def __init__(self, key: str, value: Any, version: int):
        super().__init__(f"{key!r} was saved elsewhere (now version {version})")
        self.key, self.value, self.version = key, value, version


def grouped_code(text: str, size: int, group: int, refuse) -> str:
    """Return ``text`` as ``size`` characters of :data:`ALPHABET` in dash-separated groups of ``group``.

    Case, spaces and dashes do not matter; anything else wrong raises
    ``refuse(detail)``, where ``detail`` says what is wrong in plain words.
    """
    letters = "".join(ch for ch in str(text).upper() if ch not in " -\t")
    bad = sorted({ch for ch in letters if ch not in ALPHABET})
    if bad or len(letters) != size:
        raise refuse(f"it contains {', '.join(repr(c) for c in bad)}" if bad else f"it has {len(letters)} characters")
    return "-".join(letters[i : i + group] for i in range(0, size, group))


def normalise_code(code: str) -> str:
    """Return the canonical ``XXXX-XXXX-XXXX`` form of what the attendee typed.

    Case, spaces and dashes do not matter; a character outside the alphabet,
    or the wrong length, raises :class:`WorkspaceError` naming the fix.
    """
    size = CODE_GROUPS * GROUP_LEN
    return grouped_code(code, size, GROUP_LEN, lambda detail: WorkspaceError(
        f"That workspace code is not valid ({detail}). A code has {size} letters and digits "
        f"like ACDE-FGHJ-KM34; check it against the one you wrote down."))


def _key(code: str) -> str:
    return hashlib.sha256(normalise_code(code).encode()).hexdigest()


class Store:
    """The database of every workspace: a SQLite file under one folder, or a PostgreSQL server.

    Parameters
    ----------
    root : Path, optional
        The folder of the SQLite file; defaults to :func:`kit.paths.workspace_dir`.
    url : str, optional
        A PostgreSQL address (``postgresql://...``) instead of the folder.
    """

    def __init__(self, root: Path | None = None, *, url: str | None = None):
        if url is not None:
            self.root, self.path = None, None
            self.database: Database = open_database(url)
        else:
            self.root = Path(root) if root is not None else workspace_dir()
            self.root.mkdir(parents=True, exist_ok=True)
            self.path = self.root / DB_NAME
            self.database = Database(self.path)
        self.database.create(_SCHEMA)
        columns = self.database.columns("item")
        for column in ("version", "schema"):  # a store written before values had versions
            if column not in columns:
                with self.database.write() as db:
                    db.execute(f"ALTER TABLE item ADD COLUMN {column} INTEGER NOT NULL DEFAULT 1")

    def create(self) -> "Workspace":
        """Issue a new workspace and return it; its ``code`` is shown to the attendee."""
        while True:
            letters = "".join(secrets.choice(ALPHABET) for _ in range(CODE_GROUPS * GROUP_LEN))
            code = normalise_code(letters)
            with self.database.read() as db:
                added = db.execute("INSERT INTO workspace (id, created) VALUES (?, ?) ON CONFLICT (id) DO NOTHING",
                                   (_key(code), time.time())).rowcount
            if added == 1:
                return Workspace(self, code, new=True)

    def open(self, code: str) -> "Workspace":
        """Return the workspace for ``code``, or raise a plain :class:`WorkspaceError`."""
        canonical = normalise_code(code)
        with self.database.read() as db:
            found = db.execute("SELECT 1 FROM workspace WHERE id = ?", (_key(canonical),)).fetchone()
        if not found:
            raise WorkspaceError(
                f"No workspace has the code {canonical}. Check each character against the code you "
                f"wrote down, or start a new workspace."
            )
        return Workspace(self, canonical)

    def close(self) -> None:
        """Let go of any open connection to a PostgreSQL server (a SQLite store holds none)."""
        self.database.close()


class Workspace:
    """One attendee's saved work: a small key → JSON value map."""

    def __init__(self, store: Store, code: str, new: bool = False):
        self.store = store
        self.code = code
        self.new = new  # issued just now, rather than reopened
        self._id = _key(code)

    def save(self, key: str, value: Any, expected: int | None = None, schema: int = 1) -> int:
        """Save ``value`` (anything JSON can hold) under ``key`` atomically; return its new version.

        With ``expected`` (the version this page last loaded or saved, 0 for
        none), a value saved elsewhere since raises :class:`StaleSave` and
        nothing is written. ``schema`` records the version of the value's shape
        (see :mod:`kit.workshop.parts`).
        """
        text = json.dumps(value, ensure_ascii=False, sort_keys=True)
        with self.store.database.write(lock=f"item {self._id} {key}") as db:
            row = db.execute("SELECT value, version FROM item WHERE workspace = ? AND key = ?",
                             (self._id, key)).fetchone()
            current = 0 if row is None else row[1]
            if expected is not None and expected != current:
                raise StaleSave(key, json.loads(row[0]) if row else None, current)
            db.execute(
                "INSERT INTO item (workspace, key, value, updated, version, schema) VALUES (?, ?, ?, ?, ?, ?) "
                "ON CONFLICT(workspace, key) DO UPDATE SET value = excluded.value, updated = excluded.updated, "
                "version = excluded.version, schema = excluded.schema",
                (self._id, key, text, time.time(), current + 1, schema),
            )
        return current + 1

    def load(self, key: str, default: Any = None) -> Any:
        """Return the value saved under ``key``, or ``default``."""
        value, version = self.load_versioned(key)
        return default if version == 0 else value

    def load_versioned(self, key: str) -> tuple[Any, int]:
        """Return ``(value, version)`` saved under ``key``; ``(None, 0)`` when nothing is saved."""
        item = self.load_item(key)
        return item.value, item.version

    def load_item(self, key: str) -> "Item":
        """The value saved under ``key`` with its version and shape version; version 0 when nothing is saved."""
        with self.store.database.read() as db:
            row = db.execute("SELECT value, version, schema FROM item WHERE workspace = ? AND key = ?",
                             (self._id, key)).fetchone()
        return Item(None, 0, 0) if row is None else Item(json.loads(row[0]), row[1], row[2])

    def keys(self) -> list[str]:
        """Every key this workspace has saved, sorted."""
        with self.store.database.read() as db:
            rows = db.execute("SELECT key FROM item WHERE workspace = ? ORDER BY key", (self._id,)).fetchall()
        return [key for (key,) in rows]

    def delete(self, key: str) -> None:
        """Forget one saved value."""
        with self.store.database.read() as db:
            db.execute("DELETE FROM item WHERE workspace = ? AND key = ?", (self._id, key))
