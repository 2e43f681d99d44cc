"""Each attendee's saved work, in one embedded SQLite database.

An attendee gets a workspace code (``K7QP-M3TR-9XWD``) the first time they
save. The code is the only key: it is random (about 55 bits), never stored in clear
(the database holds its SHA-256), and a code that was never issued gives a
plain error instead of an empty workspace, so a mistyped code cannot silently
start over. Values are JSON; every write is one transaction, so a crash or
two attendees saving at once never leaves half a record.
"""

from __future__ import annotations

import hashlib
import json
import secrets
import sqlite3
import time
from contextlib import closing
from pathlib import Path
from typing import Any

from kit.paths import workspace_dir

# No 0/O, 1/I/L, 5/S, 8/B, 2/Z: codes are read aloud and copied by hand.
ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679"
CODE_GROUPS, GROUP_LEN = 3, 4
DB_NAME = "workspaces.sqlite3"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS workspace (id TEXT PRIMARY KEY, created REAL NOT NULL);
CREATE TABLE IF NOT EXISTS item (
    workspace TEXT NOT NULL REFERENCES workspace(id),
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    updated REAL NOT NULL,
    PRIMARY KEY (workspace, key)
);
"""


class WorkspaceError(ValueError):
    """A workspace code that is malformed or was never issued."""


def normalise_code(code: str) -> str:
    """Return the canonical ``XXXX-XXXX-XXXX`` form of what the attendee typed.

    Case, spaces and dashes do not matter; a character outside the alphabet,
    or the wrong length, raises :class:`WorkspaceError` naming the fix.
    """
    letters = "".join(ch for ch in str(code).upper() if ch not in " -\t")
    size = CODE_GROUPS * GROUP_LEN
    bad = sorted({ch for ch in letters if ch not in ALPHABET})
    if bad or len(letters) != size:
        detail = f"it contains {', '.join(repr(c) for c in bad)}" if bad else f"it has {len(letters)} characters"
        raise WorkspaceError(
            f"That workspace code is not valid ({detail}). A code has {size} letters and digits "
            f"like ACDE-FGHJ-KM34; check it against the one you wrote down."
        )
    return "-".join(letters[i : i + GROUP_LEN] for i in range(0, size, GROUP_LEN))


def _key(code: str) -> str:
    return hashlib.sha256(normalise_code(code).encode()).hexdigest()


class Store:
    """The database of every workspace under one folder.

    Parameters
    ----------
    root : Path, optional
        The folder; defaults to :func:`kit.paths.workspace_dir`.
    """

    def __init__(self, root: Path | None = None):
        self.root = Path(root) if root is not None else workspace_dir()
        self.root.mkdir(parents=True, exist_ok=True)
        self.path = self.root / DB_NAME
        with closing(self._connect()) as db, db:
            db.executescript(_SCHEMA)

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA busy_timeout=30000")
        return db

    def create(self) -> "Workspace":
        """Issue a new workspace and return it; its ``code`` is shown to the attendee."""
        while True:
            letters = "".join(secrets.choice(ALPHABET) for _ in range(CODE_GROUPS * GROUP_LEN))
            code = normalise_code(letters)
            with closing(self._connect()) as db:
                try:
                    db.execute("INSERT INTO workspace VALUES (?, ?)", (_key(code), time.time()))
                except sqlite3.IntegrityError:  # pragma: no cover - 1 in 10^16
                    continue
            return Workspace(self, code, new=True)

    def open(self, code: str) -> "Workspace":
        """Return the workspace for ``code``, or raise a plain :class:`WorkspaceError`."""
        canonical = normalise_code(code)
        with closing(self._connect()) as db:
            found = db.execute("SELECT 1 FROM workspace WHERE id = ?", (_key(canonical),)).fetchone()
        if not found:
            raise WorkspaceError(
                f"No workspace has the code {canonical}. Check each character against the code you "
                f"wrote down, or start a new workspace."
            )
        return Workspace(self, canonical)


class Workspace:
    """One attendee's saved work: a small key → JSON value map."""

    def __init__(self, store: Store, code: str, new: bool = False):
        self.store = store
        self.code = code
        self.new = new  # issued just now, rather than reopened
        self._id = _key(code)

    def save(self, key: str, value: Any) -> None:
        """Save ``value`` (anything JSON can hold) under ``key``, replacing the old one atomically."""
        text = json.dumps(value, ensure_ascii=False, sort_keys=True)
        with closing(self.store._connect()) as db:
            db.execute(
                "INSERT INTO item VALUES (?, ?, ?, ?) ON CONFLICT(workspace, key) "
                "DO UPDATE SET value = excluded.value, updated = excluded.updated",
                (self._id, key, text, time.time()),
            )

    def load(self, key: str, default: Any = None) -> Any:
        """Return the value saved under ``key``, or ``default``."""
        with closing(self.store._connect()) as db:
            row = db.execute("SELECT value FROM item WHERE workspace = ? AND key = ?", (self._id, key)).fetchone()
        return default if row is None else json.loads(row[0])

    def keys(self) -> list[str]:
        """Every key this workspace has saved, sorted."""
        with closing(self.store._connect()) as db:
            rows = db.execute("SELECT key FROM item WHERE workspace = ? ORDER BY key", (self._id,)).fetchall()
        return [key for (key,) in rows]

    def delete(self, key: str) -> None:
        """Forget one saved value."""
        with closing(self.store._connect()) as db:
            db.execute("DELETE FROM item WHERE workspace = ? AND key = ?", (self._id, key))
