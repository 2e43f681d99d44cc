"""One SQL for two databases: an embedded SQLite file, or a shared PostgreSQL server.

On one machine everything lives in SQLite files: nothing else to start. On
JupyterHub each attendee's server runs apart, so a room (and, if the hub
chooses, every workspace) needs one database that all of them reach:
``KIT_DATABASE_URL`` names a PostgreSQL server and ``KIT_DATABASE_FOR`` says
what goes there (``rooms``, the default, or ``rooms,workspaces``).

The stores write their SQL once, with ``?`` placeholders and types both
databases know; :class:`Database` translates the placeholders for psycopg and
gives the same two ways in: :meth:`Database.read` (each statement on its own)
and :meth:`Database.write` (one transaction that no other writer of the same
thing can interleave with). psycopg is imported only when a PostgreSQL URL is
used, so the embedded kit never needs it.
"""

from __future__ import annotations

import hashlib
import os
import re
import sqlite3
import threading
import time
import weakref
from contextlib import closing, contextmanager
from pathlib import Path
from typing import Any, Iterator

URL_VARIABLE, FOR_VARIABLE = "KIT_DATABASE_URL", "KIT_DATABASE_FOR"
PURPOSES = ("rooms", "workspaces")
_EXAMPLE = "postgresql://kit:PASSWORD@db.example.org:5432/kit"
_UNSET = f"or unset {URL_VARIABLE} to keep rooms and workspaces in files on this machine"
_KEEP_IDLE, _IDLE_FOR = 4, 60.0  # connections kept open between uses, per database; reused within seconds


class DatabaseError(ValueError):
    """The shared database cannot be used: a bad setting, a server out of reach, a lost connection."""


def database_url(purpose: str) -> str | None:
    """The PostgreSQL URL that ``purpose`` (``rooms`` or ``workspaces``) is kept in, or None for SQLite.

    ``KIT_DATABASE_URL`` names the server; ``KIT_DATABASE_FOR`` lists what
    goes there (default ``rooms``). A value outside :data:`PURPOSES` raises a
    :class:`DatabaseError` naming the variable and the fix.
    """
    url = os.environ.get(URL_VARIABLE, "").strip()
    if not url:
        return None
    wanted = {part.strip().lower() for part in os.environ.get(FOR_VARIABLE, "rooms").split(",") if part.strip()}
    unknown = sorted(wanted - set(PURPOSES))
    if unknown or not wanted:
        raise DatabaseError(
            f"{FOR_VARIABLE} is {os.environ.get(FOR_VARIABLE)!r}; it lists what the shared database holds: "
            f"'rooms' (the default) or 'rooms,workspaces'."
        )
    return url if purpose in wanted else None


def redact(text: str) -> str:
    """``text`` (a URL, or a message quoting one) with any password replaced by ``***``, safe to print."""
    text = re.sub(r"(://[^:/@\s]*):[^@\s]*@", r"\1:***@", str(text))
    return re.sub(r"(password\s*=\s*)('[^']*'|\S+)", r"\1***", text, flags=re.IGNORECASE)


def lock_number(name: str) -> int:
    """A stable signed 64-bit number for ``name``: the key of a PostgreSQL advisory lock."""
    return int.from_bytes(hashlib.sha256(name.encode()).digest()[:8], "big", signed=True)


class Session:
    """One connection's way to run SQL written with ``?`` placeholders; results are plain tuples."""

    def __init__(self, connection: Any, dialect: str):
        self.connection, self.dialect = connection, dialect

    def execute(self, sql: str, params: tuple | list = ()) -> Any:
        """Run one statement; return its cursor (``fetchone``, ``fetchall``, ``rowcount``)."""
        if self.dialect == "postgresql":
            sql = sql.replace("%", "%%").replace("?", "%s")
        return self.connection.execute(sql, tuple(params))


def open_database(target: str | Path) -> "Database":
    """The database at ``target``: a PostgreSQL URL (``postgresql://...``) or the path of a SQLite file."""
    text = str(target)
    if "://" not in text:
        return Database(Path(target))
    scheme = text.split("://", 1)[0].lower()
    if scheme not in ("postgresql", "postgres"):
        raise DatabaseError(
            f"{URL_VARIABLE} must be a PostgreSQL address like {_EXAMPLE}; it starts with {scheme + '://'!r}. "
            f"Correct it, {_UNSET}."
        )
    return Database(text)


class Database:
    """A SQLite file (``Path``) or a PostgreSQL server (URL string), reached the same way.

    SQLite: a new connection per use (cheap, and no file stays open); a write
    takes the whole file with ``BEGIN IMMEDIATE``. PostgreSQL: connections are
    kept open and reused (a few idle ones at most; one per thread working at
    the same moment); a write is a transaction that first takes an advisory
    lock on what it changes, so two saves of one value queue up instead of
    both reading the old version.
    """

    def __init__(self, target: str | Path):
        if isinstance(target, Path):
            self.dialect, self.path, self.url = "sqlite", target, None
            target.parent.mkdir(parents=True, exist_ok=True)
            return
        self.dialect, self.path, self.url = "postgresql", None, target
        self._psycopg = _import_psycopg()
        self._lock = threading.Lock()
        self._idle: list[tuple[Any, float]] = []  # (connection, when it was last given back)
        weakref.finalize(self, _close_all, self._idle, self._lock)
        with self.read():  # connect now, so a bad address is named at start, not at the first save
            pass

    def __repr__(self) -> str:
        return f"Database({self.path if self.url is None else redact(self.url)!s})"

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session where each statement stands on its own (no transaction held open)."""
        if self.dialect == "sqlite":
            with closing(self._sqlite()) as connection:
                yield Session(connection, "sqlite")
            return
        with self._postgres() as connection:
            yield Session(connection, "postgresql")

    @contextmanager
    def write(self, lock: str | None = None) -> Iterator[Session]:
        """One transaction: all of it is written, or (on any exception) none of it.

        ``lock`` names what the transaction reads and then changes (a value's
        key, a room): on PostgreSQL no other writer holding the same name runs
        until this one commits. SQLite locks the whole file instead.
        """
        if self.dialect == "sqlite":
            with closing(self._sqlite()) as connection:
                connection.execute("BEGIN IMMEDIATE")
                try:
                    yield Session(connection, "sqlite")
                except BaseException:
                    connection.execute("ROLLBACK")
                    raise
                connection.execute("COMMIT")
            return
        with self._postgres() as connection, connection.transaction():
            session = Session(connection, "postgresql")
            if lock is not None:
                session.execute("SELECT pg_advisory_xact_lock(?)", (lock_number(lock),))
            yield session

    def create(self, schema: str) -> None:
        """Create the tables of ``schema`` (``;``-separated ``CREATE ... IF NOT EXISTS``) when missing.

        On PostgreSQL many servers may start at once: one creates, the others wait.
        """
        statements = [s.strip() for s in schema.split(";") if s.strip()]
        with self.write(lock="kit schema") as db:
            for statement in statements:
                db.execute(statement)

    def columns(self, table: str) -> set[str]:
        """The names of ``table``'s columns (empty when it does not exist)."""
        with self.read() as db:
            if self.dialect == "sqlite":
                return {row[1] for row in db.execute(f"PRAGMA table_info({table})")}
            rows = db.execute("SELECT column_name FROM information_schema.columns "
                              "WHERE table_schema = current_schema() AND table_name = ?", (table,))
            return {name for (name,) in rows.fetchall()}

    def close(self) -> None:
        """Close the idle PostgreSQL connections (SQLite keeps none open); a later use opens a new one."""
        if self.dialect == "postgresql":
            _close_all(self._idle, self._lock)

    def _sqlite(self) -> sqlite3.Connection:
        connection = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA busy_timeout=30000")
        return connection

    @contextmanager
    def _postgres(self) -> Iterator[Any]:
        psycopg = self._psycopg
        with self._lock:
            connection, since = self._idle.pop() if self._idle else (None, 0.0)
        if connection is not None and time.monotonic() - since > _IDLE_FOR:
            connection.close()  # a firewall or the server may have dropped it unseen: do not find out mid-save
        if connection is None or connection.closed:
            connection = self._connect()
        try:
            yield connection
        except psycopg.OperationalError as problem:
            if connection.broken or connection.closed:  # the server went away: start afresh next time
                connection.close()
                raise DatabaseError(
                    f"The connection to the database in {URL_VARIABLE} ({redact(self.url)}) was lost: "
                    f"{_first_line(problem)}. The last change may not have been saved: try again in a moment, and if this persists "
                    f"ask whoever runs the server to check the database."
                ) from problem
            self._give_back(connection)
            raise
        except BaseException:
            self._give_back(connection)
            raise
        self._give_back(connection)

    def _give_back(self, connection: Any) -> None:
        idle = not connection.closed and connection.info.transaction_status == self._psycopg.pq.TransactionStatus.IDLE
        with self._lock:
            if idle and len(self._idle) < _KEEP_IDLE:
                self._idle.append((connection, time.monotonic()))
                return
        connection.close()

    def _connect(self) -> Any:
        psycopg = self._psycopg
        options = {} if "connect_timeout" in self.url else {"connect_timeout": 10}
        try:
            return psycopg.connect(self.url, autocommit=True, **options)
        except psycopg.ProgrammingError as problem:  # an address libpq cannot parse
            raise DatabaseError(
                f"{URL_VARIABLE} is not a PostgreSQL address libpq can read ({_first_line(problem)}). "
                f"Write it like {_EXAMPLE}, {_UNSET}."
            ) from problem
        except psycopg.OperationalError as problem:
            raise DatabaseError(
                f"Cannot reach the database in {URL_VARIABLE} ({redact(self.url)}): {_first_line(problem)}. "
                f"Check the address, user and password, and that the server is running and accepts this "
                f"machine; {_UNSET}."
            ) from problem


def _import_psycopg() -> Any:
    try:
        import psycopg
    except ImportError as problem:
        raise DatabaseError(
            f"{URL_VARIABLE} names a PostgreSQL server, but the driver is not installed. "
            f"Run: pip install 'psycopg[binary]>=3.1' ({_UNSET})."
        ) from problem
    return psycopg


def _close_all(connections: list[tuple[Any, float]], lock: threading.Lock) -> None:
    with lock:
        open_ones = [connection for connection, _since in connections]
        connections.clear()
    for connection in open_ones:
        connection.close()


def _first_line(problem: Exception) -> str:
    text = redact(str(problem)).strip()
    return (text.splitlines() or [type(problem).__name__])[0].rstrip(".")
