"""Rooms: a trainer's live, anonymised view of what the attendees of one workshop answer."""

from kit import lazy_names
from kit.room._codes import RoomError, normalise_room_code
from kit.room import _membership as membership  # an attendee's place in a room: membership.join(code), ...
from kit.room._store import (Contribution, Membership, NewRoom, Room, RoomStore, reset_room_store, room_days,
                             room_store)
from kit.room._aggregates import WAITING, Panel, Table, latest
from kit.room._contributions import MIN_ANSWERS, NOTE_PREFIX, ROOM_KEYS, contribution_for, is_room_key, note_keys

# The panels and summaries read lessons' content (pandas): loaded on first use, so saving from a page stays light.
__getattr__ = lazy_names("kit.room", {
    "TRAINER_PAGE": "_panels", "room_panels": "_panels", "FORMATS": "_summary", "summary_csv": "_summary",
    "summary_document": "_summary", "summary_json": "_summary", "write_summary": "_summary",
})

__all__ = [
    "Contribution",
    "FORMATS",
    "MIN_ANSWERS",
    "Membership",
    "NOTE_PREFIX",
    "NewRoom",
    "Panel",
    "ROOM_KEYS",
    "Room",
    "RoomError",
    "RoomStore",
    "TRAINER_PAGE",
    "Table",
    "WAITING",
    "contribution_for",
    "is_room_key",
    "latest",
    "membership",
    "normalise_room_code",
    "note_keys",
    "reset_room_store",
    "room_days",
    "room_panels",
    "room_store",
    "summary_csv",
    "summary_document",
    "summary_json",
    "write_summary",
]
