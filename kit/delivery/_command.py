"""The trainer's commands: ``kit handouts`` (PDFs for an agenda) and ``kit doctor`` (is the room ready?)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def _handouts(args: argparse.Namespace) -> int:
    from kit.delivery._pdf import PdfUnavailable
    from kit.delivery.handouts import write_handouts
    from kit.workshop import agenda_names

    if args.agenda is not None and args.agenda not in agenda_names():
        print(f"kit handouts: there is no agenda called {args.agenda!r}. Choose one of: "
              + "; ".join(agenda_names()) + ' (quote a name with spaces, as in --agenda "SMB full day").',
              file=sys.stderr)
        return 2
    try:
        written = write_handouts(args.agenda, Path(args.out), progress=lambda line: print(line, flush=True))
    except PdfUnavailable as problem:
        print(f"kit handouts: {problem}", file=sys.stderr)
        return 1
    print(f"Done: {len(written)} files in {args.out}.")
    return 0


def _doctor(args: argparse.Namespace) -> int:
    from kit.delivery._doctor import readiness, report

    if args.room is not None and args.room < 1:
        print("kit doctor: --room is the number of people, such as --room 30.", file=sys.stderr)
        return 2
    checks = readiness(room=args.room, ip=args.ip, port=args.port)
    print(report(checks))
    return 0 if all(check.ok for check in checks) else 1


def add_delivery_parsers(commands) -> None:
    """Add ``handouts`` and ``doctor`` to the ``kit`` command's sub-commands."""
    handouts = commands.add_parser(
        "handouts", help="Print an agenda's participant workbook, slides and facilitator guide as PDF files.",
        description="Write participant-workbook.pdf, slides.pdf and facilitator-guide.pdf for one agenda "
                    "(or for every agenda, a folder each, when --agenda is left out). Works offline.")
    handouts.add_argument("--agenda", metavar="NAME", help='the agenda, such as "SMB full day" (default: all)')
    handouts.add_argument("--out", metavar="DIR", default="handouts", help="folder to write to (default: handouts)")
    handouts.set_defaults(run=_handouts)

    doctor = commands.add_parser(
        "doctor", help="Check this machine is ready to run the workshop, and say what to fix.",
        description="Check Python, the content files, the lessons, where work is saved, the port, PDF printing "
                    "and (with --room) the memory a room needs. Exit 0 when ready.")
    doctor.add_argument("--room", type=int, metavar="N", help="the number of people who will use this machine")
    doctor.add_argument("--port", type=int, default=8866, help="the port kit serve will use (default 8866)")
    doctor.add_argument("--ip", default="127.0.0.1", help="the address kit serve will use (default 127.0.0.1)")
    doctor.set_defaults(run=_doctor)
