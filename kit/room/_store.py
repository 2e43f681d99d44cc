"""Rooms and what their attendees contribute, in the embedded SQLite file or the shared PostgreSQL server.

A room is a short code, a name, the SHA-256 of its trainer code, when it was
made and a ``revision`` that goes up by one, in the same transaction, on every
change to its contributions: the trainer page polls that one number and
redraws only when it moved. A contribution is keyed by (room, participant,
key) and replaced on each answer, so an attendee who answers twice counts
once. The participant is a random token derived from nothing, so the room
never learns a name or a workspace code.

A room older than :func:`room_days` is treated as gone at once and deleted by
:meth:`RoomStore.expire` (``kit serve`` runs it on start); :meth:`RoomStore.close`
deletes a room and everything in it at the trainer's request.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from kit.paths import workspace_dir
from kit.room._codes import RoomError, new_room_code, new_trainer_code, normalise_room_code, same_hash, trainer_hash
from kit.workshop._database import Database, database_url, open_database

ROOMS_DB = "rooms.sqlite3"
DAYS_VARIABLE, DEFAULT_DAYS = "KIT_ROOM_DAYS", 7
MAX_NAME = 80
_DAY = 24 * 60 * 60

_SCHEMA = """
CREATE TABLE IF NOT EXISTS room (
    code TEXT PRIMARY KEY,
    trainer TEXT NOT NULL,
    name TEXT NOT NULL,
    created DOUBLE PRECISION NOT NULL,
    revision INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS contribution (
    room TEXT NOT NULL,
    participant TEXT NOT NULL,
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    updated DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (room, participant, key)
);
"""


@dataclass(frozen=True)
class NewRoom:
    """A room just made: the code for attendees and the trainer code, shown once and never stored in clear."""

    code: str
    trainer_code: str
    name: str


@dataclass(frozen=True)
class Room:
    """An open room; ``revision`` goes up by one on every change to its contributions."""

    code: str
    name: str
    created: float
    revision: int


@dataclass(frozen=True)
class Membership:
    """An attendee's place in a room: ``participant`` is random, derived from nothing about them."""

    room: str
    participant: str
    name: str


@dataclass(frozen=True)
class Contribution:
    """One attendee's latest reduced answer under one key."""

    participant: str
    key: str
    value: Any
    updated: float


def room_days() -> int:
    """How many days a room lives: ``KIT_ROOM_DAYS``, or 7; a bad value raises :class:`RoomError`."""
    text = os.environ.get(DAYS_VARIABLE, "").strip()
    if not text:
        return DEFAULT_DAYS
    if not text.isdigit() or int(text) < 1:
        raise RoomError(f"{DAYS_VARIABLE} is {text!r}; set it to a whole number of days of 1 or more, "
                        f"such as {DEFAULT_DAYS}, or unset it for {DEFAULT_DAYS}.")
    return int(text)


def _gone(code: str) -> RoomError:
    return RoomError(f"No open room has the code {code}; check it with your trainer. Your work is saved as usual.")


_TRAINER_REFUSED = ("The room code or the trainer code is not right, or the room was closed or has expired. "
                    "Check both against the codes given when the room was made.")


class RoomStore:
    """Every room on this machine (a SQLite file) or on the shared PostgreSQL server.

    Parameters
    ----------
    root : Path, optional
        The folder of ``rooms.sqlite3``; defaults to :func:`kit.paths.workspace_dir`.
    url : str, optional
        A PostgreSQL address (``postgresql://...``) instead of the folder.
    clock : callable, optional
        Returns the time in seconds (``time.time``); tests pass their own to age rooms.
    """

    def __init__(self, root: Path | None = None, *, url: str | None = None,
                 clock: Callable[[], float] = time.time):
        if url is not None:
            self.path, self.target = None, url
            self.database: Database = open_database(url)
        else:
            self.path = (Path(root) if root is not None else workspace_dir()) / ROOMS_DB
            self.target = str(self.path)
            self.database = Database(self.path)
        self.clock = clock
        self.database.create(_SCHEMA)

    def close_connections(self) -> None:
        """Let go of any open connection to a PostgreSQL server."""
        self.database.close()

    # ---------------------------------------------------------------- trainer

    def create(self, name: str) -> NewRoom:
        """Make a room called ``name`` (required, at most 80 characters) and return its two codes."""
        name = re.sub(r"\s+", " ", str(name or "")).strip()
        if not name:
            raise RoomError('Give the room a name, such as "Leeds council, 4 Dec", so attendees can tell '
                            "they joined the right one.")
        if len(name) > MAX_NAME:
            raise RoomError(f"A room's name can have at most {MAX_NAME} characters; this one has {len(name)}. "
                            "Shorten it.")
        trainer_code = new_trainer_code()
        while True:
            code = new_room_code()
            with self.database.read() as db:
                added = db.execute("INSERT INTO room (code, trainer, name, created, revision) VALUES (?, ?, ?, ?, 0) "
                                   "ON CONFLICT (code) DO NOTHING",
                                   (code, trainer_hash(trainer_code), name, self.clock())).rowcount
            if added == 1:
                return NewRoom(code, trainer_code, name)

    def open_for_trainer(self, code: str, trainer_code: str) -> Room:
        """The room, when ``trainer_code`` is its trainer code; one refusal for any wrong code."""
        try:
            canonical = normalise_room_code(code)
        except RoomError:
            canonical = ""
        with self.database.read() as db:
            row = db.execute("SELECT code, name, created, revision, trainer FROM room WHERE code = ? AND created >= ?",
                             (canonical, self._cutoff())).fetchone()
        stored = row[4] if row else trainer_hash("")  # compare even when there is no room: same work, same answer
        if not same_hash(stored, trainer_code) or row is None:
            raise RoomError(_TRAINER_REFUSED)
        return Room(*row[:4])

    def close(self, code: str) -> bool:
        """Delete the room and everything contributed to it; False when there was no such room."""
        canonical = normalise_room_code(code)
        with self.database.write(lock=f"room {canonical}") as db:
            deleted = db.execute("DELETE FROM room WHERE code = ?", (canonical,)).rowcount
            db.execute("DELETE FROM contribution WHERE room = ?", (canonical,))
        return deleted > 0

    def expire(self, days: int | None = None) -> list[str]:
        """Delete every room made more than ``days`` (default :func:`room_days`) ago; return their codes."""
        cutoff = self._cutoff(days)
        with self.database.write(lock="room expiry") as db:
            codes = [code for (code,) in db.execute("SELECT code FROM room WHERE created < ? ORDER BY code",
                                                     (cutoff,)).fetchall()]
            for code in codes:
                db.execute("DELETE FROM room WHERE code = ?", (code,))
                db.execute("DELETE FROM contribution WHERE room = ?", (code,))
        return codes

    def rooms(self) -> list[Room]:
        """Every open room, oldest first."""
        with self.database.read() as db:
            rows = db.execute("SELECT code, name, created, revision FROM room WHERE created >= ? "
                              "ORDER BY created, code", (self._cutoff(),)).fetchall()
        return [Room(*row) for row in rows]

    def room(self, code: str) -> Room:
        """The open room with ``code``; :class:`RoomError` when it is unknown, closed or expired."""
        canonical = normalise_room_code(code)
        with self.database.read() as db:
            row = self._live(db, canonical)
        if row is None:
            raise _gone(canonical)
        return Room(*row)

    def revision(self, code: str) -> int:
        """The room's revision: it changes whenever a contribution does (the trainer page polls it)."""
        return self.room(code).revision

    def contributions(self, code: str) -> list[Contribution]:
        """Every contribution to the open room ``code``, oldest change first."""
        canonical = normalise_room_code(code)
        with self.database.read() as db:
            if self._live(db, canonical) is None:
                raise _gone(canonical)
            rows = db.execute("SELECT participant, key, value, updated FROM contribution WHERE room = ? "
                              "ORDER BY updated, key, participant", (canonical,)).fetchall()
        return [Contribution(participant, key, json.loads(value), updated) for participant, key, value, updated in rows]

    # --------------------------------------------------------------- attendee

    def join(self, code: str) -> Membership:
        """A new place in the open room ``code``; nothing about the attendee is stored or sent."""
        room = self.room(code)
        return Membership(room.code, secrets.token_hex(16), room.name)

    def contribute(self, membership: Membership, key: str, value: Any) -> None:
        """Put ``value`` (anything JSON holds) in the room under ``key``, replacing this attendee's last one."""
        text = json.dumps(value, ensure_ascii=False, sort_keys=True)
        with self.database.write(lock=f"room {membership.room}") as db:
            if not self._bump(db, membership.room):
                raise RoomError(f"The room {membership.room} is closed or has expired, so this was not shared "
                                "with it. Your work is saved as usual; join a new room with the code from your trainer.")
            db.execute("INSERT INTO contribution (room, participant, key, value, updated) VALUES (?, ?, ?, ?, ?) "
                       "ON CONFLICT (room, participant, key) DO UPDATE SET value = excluded.value, "
                       "updated = excluded.updated",
                       (membership.room, membership.participant, str(key), text, self.clock()))

    def withdraw(self, membership: Membership, key: str) -> None:
        """Take this attendee's contribution under ``key`` out of the room (nothing happens if there is none)."""
        self._remove(membership, "AND key = ?", (str(key),))

    def leave(self, membership: Membership) -> None:
        """Take every contribution of this attendee out of the room."""
        self._remove(membership, "", ())

    # ---------------------------------------------------------------- helpers

    def _remove(self, membership: Membership, where: str, params: tuple) -> None:
        with self.database.write(lock=f"room {membership.room}") as db:
            removed = db.execute(f"DELETE FROM contribution WHERE room = ? AND participant = ? {where}",
                                 (membership.room, membership.participant, *params)).rowcount
            if removed:
                self._bump(db, membership.room)

    def _bump(self, db: Any, code: str) -> bool:
        return db.execute("UPDATE room SET revision = revision + 1 WHERE code = ? AND created >= ?",
                          (code, self._cutoff())).rowcount == 1

    def _live(self, db: Any, code: str) -> tuple | None:
        return db.execute("SELECT code, name, created, revision FROM room WHERE code = ? AND created >= ?",
                          (code, self._cutoff())).fetchone()

    def _cutoff(self, days: int | None = None) -> float:
        return self.clock() - (room_days() if days is None else days) * _DAY


_cached: dict[str, RoomStore] = {}


def room_store() -> RoomStore:
    """This process's room store: the PostgreSQL server of ``KIT_DATABASE_URL`` when set, else SQLite.

    The SQLite file is ``rooms.sqlite3`` in :func:`kit.paths.workspace_dir`.
    The store is kept for the next call while the setting stays the same.
    """
    url = database_url("rooms")
    target = url or str(workspace_dir() / ROOMS_DB)
    store = _cached.get("store")
    if store is None or store.target != target:
        store = RoomStore(url=url) if url else RoomStore()
        _cached["store"] = store
    return store


def reset_room_store() -> None:
    """Forget this process's room store and close its connections (tests)."""
    store = _cached.pop("store", None)
    if store is not None:
        store.close_connections()
