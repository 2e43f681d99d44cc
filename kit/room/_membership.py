"""An attendee's place in a trainer's room, kept in their own workspace.

Joining asks the room store for an anonymous participant id and saves it in
the attendee's workspace as the part ``room.membership``, so a reload, a
kernel restart or another lesson's page finds it again once the workspace is
open. While it is there, every save of a part the room counts (quiz answers,
scores, votes) is also sent to the room as a reduced copy
(:func:`kit.room._contributions.contribution_for`), and a note only while its
author shares it. The workspace code never leaves the workspace.

The membership is read from the open workspace each time it is needed, so two
tabs on one workspace agree, and opening another workspace applies its own
membership. Pages hear changes through :func:`on_status`.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any, Callable

from kit.room._codes import RoomError, normalise_room_code
from kit.room._contributions import NOTE_PREFIX as NOTE, contribution_for, note_keys
from kit.room._store import Membership, room_store
from kit.workshop import parts, session
from kit.workshop._saved_work import SavedWorkError
from kit.workshop._texts import Texts

log = logging.getLogger(__name__)

PART = parts.ROOM_MEMBERSHIP

TEXTS = Texts("room_attendee")
say = TEXTS.declare("attendee", "not_joined", "share", "no_room", joined=("name",), status=("name",),
                    left=("name",), closed=("name",), not_sent=("name",))


@dataclass(frozen=True)
class Status:
    """The room the open workspace is in (None: none), the notes it shares, and news for the attendee."""

    membership: Membership | None = None
    shared: tuple[str, ...] = ()
    problem: str = ""  # something went wrong that the attendee must hear (the room closed); "" if nothing
    news: str = ""  # something that happened at their request (they left); "" if nothing


_news: dict[str, str] = {"problem": "", "news": ""}
_listeners: list[Callable[[Status], None]] = []


def install() -> None:
    """Start following saves and workspace switches on this page (safe to call again)."""
    session.on_save(_on_save)
    session.on_change(_on_change)


def on_status(listener: Callable[[Status], None]) -> None:
    """Call ``listener(status)`` whenever the membership shown on this page may have changed."""
    install()
    if listener not in _listeners:
        _listeners.append(listener)


def status() -> Status:
    """The open workspace's membership now, with any message the attendee has not been told yet."""
    membership, shared = _read()
    return Status(membership, tuple(shared), _news["problem"], _news["news"])


def shareable(part_key: str) -> bool:
    """Whether the text saved under ``part_key`` is a note its author may share with the room."""
    return part_key in note_keys()


def current() -> Membership | None:
    """The room membership of the open workspace, or None."""
    return _read()[0]


def join(code: str) -> Membership:
    """Join the room with ``code`` and send it what the workspace already holds that the room counts.

    Raises :class:`RoomError` (the store's plain message) for a malformed,
    unknown or closed code; then nothing in the workspace has changed. Joining
    the room the workspace is already in keeps the same participant, so nothing
    is counted twice; joining another room leaves the first.
    """
    install()
    wanted = normalise_room_code(code)  # RoomError for a malformed code, before anything is touched
    membership, _shared = _read()
    if membership is not None and membership.room == wanted:
        try:
            room_store().room(wanted)
        except RoomError:  # it has closed since
            _drop(membership)
            raise
        _tell(problem="", news="")
        return membership
    joined = room_store().join(code)
    workspace = session.ensure()
    if membership is not None:
        _leave_room(membership)
    _write(joined, [])
    try:
        for key in sorted(workspace.keys()):
            value = _saved_value(workspace, key)
            if key != PART.key and value is not None:
                _send(joined, key, value)
    except RoomError:
        _drop()
        raise
    except Exception:  # noqa: BLE001 - joined, but the earlier answers did not all reach the room
        log.exception("could not send the earlier answers to the room %s", joined.room)
        _tell(problem=say("not_sent", name=joined.name), news="")
        return joined
    _tell(problem="", news="")
    return joined


def leave() -> None:
    """Leave the room: the room forgets every contribution of this attendee; their own work stays."""
    membership, _shared = _read()
    if membership is None:
        return
    _leave_room(membership)
    session.current().delete(PART.key)
    _tell(problem="", news=say("left", name=membership.name))


def share_note(part_key: str, shared: bool) -> None:
    """Share the note saved under ``part_key`` with the room (without a name), or withdraw it.

    While shared, every save of the note sends its new text. The choice is kept
    in the membership, so it survives a reload. A plain ValueError when not in a room.
    """
    if not shareable(part_key):
        raise ValueError(f"{part_key!r} is not a note that can be shared with a room")
    membership, notes = _read()
    if membership is None:
        raise ValueError(say("no_room"))
    notes = [key for key in notes if key != part_key] + ([part_key] if shared else [])
    try:
        if shared:
            _send_note(membership, part_key, session.current().load(part_key))
        else:
            room_store().withdraw(membership, NOTE + part_key)
    except RoomError:
        _drop(membership)
        raise ValueError(say("closed", name=membership.name)) from None
    _write(membership, notes)
    _tell(problem="", news="")


def reset() -> None:
    """Forget this page's listeners and messages (tests; a new kernel starts so)."""
    _listeners.clear()
    _news.update(problem="", news="")


def _on_save(key: str, value: Any) -> None:
    if key == PART.key:
        return
    membership, notes = _read()
    if membership is None:
        return
    try:
        _send(membership, key, value)
        if key in notes:
            _send_note(membership, key, value)
    except RoomError:
        _drop(membership)
    except Exception:  # noqa: BLE001 - the work is saved; the room missing one answer must not stop the page
        log.exception("could not send %s to the room %s", key, membership.room)
        _tell(problem=say("not_sent", name=membership.name))


def _on_change(_workspace) -> None:
    """Another workspace is open: its membership applies; a room that closed meanwhile is let go."""
    _news.update(problem="", news="")
    membership, _notes = _read()
    if membership is not None:
        try:
            room_store().room(membership.room)
        except RoomError:
            _drop(membership)
            return
        except Exception:  # noqa: BLE001 - the store may be out of reach; the next save will try again
            log.exception("could not check the room %s", membership.room)
    _tell()


def _send(membership: Membership, key: str, value: Any) -> None:
    contribution = contribution_for(key, value)
    if contribution is not None:
        room_store().contribute(membership, key, contribution)


def _send_note(membership: Membership, key: str, value: Any) -> None:
    note = contribution_for(NOTE + key, value)
    if note is None:  # emptied: the room no longer shows it
        room_store().withdraw(membership, NOTE + key)
    else:
        room_store().contribute(membership, NOTE + key, note)


def _leave_room(membership: Membership) -> None:
    try:
        room_store().leave(membership)
    except RoomError:  # the room has closed: nothing of ours is left in it
        pass


def _drop(membership: Membership | None = None) -> None:
    """The room has gone: forget it in the workspace and tell the attendee plainly; their work is untouched."""
    membership = membership or _read()[0]
    workspace = session.current()
    if workspace is not None:
        workspace.delete(PART.key)
    _tell(problem=say("closed", name=membership.name) if membership else "", news="")


def _saved_value(workspace, key: str) -> Any:
    """A saved value in its current shape, or None for a key no part declares or a value that cannot be read."""
    try:
        part = parts.part_for(key)
        item = workspace.load_item(key)
        return part.read(item.value, item.schema)
    except (KeyError, SavedWorkError):
        return None


def _read() -> tuple[Membership | None, list[str]]:
    workspace = session.current()
    if workspace is None:
        return None, []
    value = _saved_value(workspace, PART.key)
    if not value:
        return None, []
    return Membership(value["room"], value["participant"], value["name"]), list(value.get("shared", []))


def _write(membership: Membership, shared: list[str]) -> None:
    value = {"room": membership.room, "participant": membership.participant, "name": membership.name,
             "shared": shared}
    session.save(PART.key, PART.check(value), whole=True, schema=PART.version)


def _tell(**messages: str) -> None:
    _news.update(messages)
    now = status()
    for listener in list(_listeners):
        listener(now)
