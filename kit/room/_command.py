"""``kit room``: make a room, print its summary, close it, list the open rooms (a trainer's terminal)."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime


def _new(args: argparse.Namespace) -> int:
    from kit.room import RoomError, room_store

    try:
        room = room_store().create(args.name)
    except RoomError as problem:
        print(f"kit room new: {problem}", file=sys.stderr)
        return 2
    print(f"Room: {room.name}")
    print(f"Room code:    {room.code}   give it to attendees; they enter it in lesson 00 to join the room.")
    print(f"Trainer code: {room.trainer_code}   keep it to yourself; it opens the room view and its summary. "
          "It is shown only now.")
    return 0


def _summary(args: argparse.Namespace) -> int:
    from kit.room import RoomError, room_panels, room_store, write_summary
    from kit.workshop.content import ContentError

    store = room_store()
    try:
        room = store.open_for_trainer(args.code, args.trainer_code)
        contributions = store.contributions(room.code)
    except RoomError as problem:
        print(f"kit room summary: {problem}", file=sys.stderr)
        return 1
    try:
        panels = room_panels(contributions, args.lesson)
    except ContentError as problem:
        print(f"kit room summary: {problem}", file=sys.stderr)
        return 2
    attendees = len({item.participant for item in contributions})
    print(write_summary(args.format, room.name, panels, attendees), end="")
    return 0


def _close(args: argparse.Namespace) -> int:
    from kit.room import RoomError, room_store

    try:
        closed = room_store().close(args.code)
    except RoomError as problem:
        print(f"kit room close: {problem}", file=sys.stderr)
        return 2
    if not closed:
        print(f"kit room close: no open room has the code {args.code}; `kit room list` shows the open rooms.",
              file=sys.stderr)
        return 1
    print(f"Closed room {args.code}: the room and every answer in it are deleted.")
    return 0


def _list(_args: argparse.Namespace) -> int:
    from kit.room import room_days, room_store

    rooms = room_store().rooms()
    if not rooms:
        print("No open rooms. Make one with: kit room new --name \"Leeds council, 4 Dec\"")
        return 0
    print(f"{len(rooms)} open room{'s' if len(rooms) != 1 else ''} (each is deleted {room_days()} days after it "
          "was made):")
    for room in rooms:
        made = datetime.fromtimestamp(room.created).strftime("%Y-%m-%d %H:%M")
        print(f"  {room.code}  made {made}  {room.name}")
    return 0


def add_room_parser(commands) -> None:
    """Add ``room`` (new, summary, close, list) to the ``kit`` command's sub-commands."""
    room = commands.add_parser(
        "room", help="Make a room for a workshop, see its answers (aggregates only), close it.",
        description="A room lets a trainer see the room's answers, as aggregates only, on the trainer page "
                    "(the facilitator guide says how to open it) or here. Attendees join it with the room code "
                    "in lesson 00.")
    actions = room.add_subparsers(dest="action", metavar="ACTION", required=True)
    new = actions.add_parser("new", help="Make a room: prints the room code for attendees and your trainer code.")
    new.add_argument("--name", required=True, help='a name for the room, such as "Leeds council, 4 Dec"')
    new.set_defaults(run=_new)
    summary = actions.add_parser("summary", help="Print the room's answers as JSON, HTML or CSV (trainer code needed).")
    summary.add_argument("code", help="the room code, such as KQP-M3T")
    summary.add_argument("--trainer-code", required=True, help="the trainer code printed by kit room new")
    summary.add_argument("--format", choices=("json", "html", "csv"), default="json",
                         help="json (default), html or csv")
    summary.add_argument("--lesson", metavar="ID", help="only one lesson, by id or number, such as risk or 06")
    summary.set_defaults(run=_summary)
    close = actions.add_parser("close", help="Close a room and delete every answer in it.")
    close.add_argument("code", help="the room code")
    close.set_defaults(run=_close)
    listing = actions.add_parser("list", help="List the open rooms (codes, names, when made).")
    listing.set_defaults(run=_list)
