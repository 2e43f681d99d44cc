"""The ``kit`` command: serve the apps, open the lessons, check exercises, audit a CSV, print handouts, check the room."""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import webbrowser
from functools import partial
from pathlib import Path

from kit.workshop import _exercises as exercises
from kit.paths import EXERCISES_DIR, NOTEBOOKS_DIR, SOLUTIONS_DIR
from kit.server import (ServeOptions, descendants, lab_command, parse_pool, port_problem, room_plan,
                        stop_leftovers, trust_lessons, voila_command, voila_environment,
                        wait_until_answering)


def _serve(args: argparse.Namespace) -> int:
    notebooks = Path(args.notebooks) if args.notebooks else NOTEBOOKS_DIR
    if not notebooks.is_dir():
        print(f"kit serve: no folder {notebooks}; give --notebooks a folder of notebooks.", file=sys.stderr)
        return 2
    try:
        pools = tuple(parse_pool(text, notebooks) for text in args.pool or ())
        room = _room_plan(args, notebooks)
    except ValueError as problem:
        print(f"kit serve: {problem}", file=sys.stderr)
        return 2
    if room is not None:
        print(room.summary(), flush=True)
        if not room.fits:
            print(f"kit serve: {room.refusal()}", file=sys.stderr)
            return 2
    options = ServeOptions(
        port=args.port, ip=args.ip, preheat=not args.no_preheat, pool_size=args.pool_size, pools=pools,
        cull_idle=args.cull_idle, max_kernels=args.max_kernels, reserve_mb=args.reserve_mb, room=room,
        notebooks=notebooks, extra=tuple(args.voila_arg or ()),
    )
    problem = port_problem(options.ip, options.port)
    if problem:
        print(f"kit serve: {problem}", file=sys.stderr)
        return 2
    if args.organiser:
        os.environ["KIT_ORGANISER"] = args.organiser  # read by the certificate, in every page's kernel
    if not _expire_rooms(args.room_days):
        return 2
    return _run_voila(options, open_browser=args.open)


def _room_plan(args: argparse.Namespace, notebooks: Path):
    """``--room N [--agenda NAME]`` sized for this machine (kit.server.room_plan), or None without ``--room``."""
    if args.room is None:
        if args.agenda is not None:
            raise ValueError("--agenda chooses the lessons to keep kernels warm for with --room; add --room N, "
                             "the number of attendees.")
        return None
    if args.no_preheat or args.pool_size != 1:
        raise ValueError("--room sizes the warm kernels itself; leave out --no-preheat and --pool-size "
                         "(--pool LESSON=N still keeps more kernels for one lesson).")
    return room_plan(args.room, args.agenda, notebooks, args.reserve_mb)


def _expire_rooms(days: int | None) -> bool:
    """Delete the rooms older than the room lifetime (``--room-days``, else KIT_ROOM_DAYS); False on a problem."""
    from kit.room import RoomError, room_days, room_store
    from kit.workshop import DatabaseError

    if days is not None:
        if days < 1:
            print("kit serve: --room-days must be 1 or more (days a room's data is kept).", file=sys.stderr)
            return False
        os.environ["KIT_ROOM_DAYS"] = str(days)  # read by every page's kernel too
    try:
        gone = room_store().expire()
    except (RoomError, DatabaseError) as problem:
        print(f"kit serve: {problem}", file=sys.stderr)
        return False
    if gone:
        rooms = "room" if len(gone) == 1 else "rooms"
        print(f"Deleted {len(gone)} {rooms} older than {room_days()} days, with everything shared in them.", flush=True)
    return True


def _run_voila(options: ServeOptions, open_browser: bool) -> int:
    """Start Voilà, say when its start page answers, pass Ctrl+C on; return Voilà's exit status."""
    say = partial(print, flush=True)
    say(f"Starting the workshop server on port {options.port} (the first start can take half a minute)...")
    if options.notebooks.resolve() == NOTEBOOKS_DIR.resolve():
        trust_lessons()
    server = subprocess.Popen(voila_command(options), env=voila_environment())
    stopping, started = [], []

    def pass_on(number, _frame):
        # Pass Ctrl+C and `kill` on to Voilà, so it shuts its kernels down instead
        # of being left running without us; note its kernels, to end any it leaves.
        stopping.append(number)
        started.extend(descendants(server.pid))
        server.send_signal(number)

    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, pass_on)
    try:
        if wait_until_answering(options.probe_url(), server, say):
            say(f"The kit is ready at {options.url()}  (press Ctrl+C to stop)")
            if open_browser:
                webbrowser.open(options.url())
        elif not stopping:
            print(f"kit serve: the server stopped while starting (exit code {server.returncode}); "
                  "the lines above say why.", file=sys.stderr)
        status = server.wait(timeout=None)
        stop_leftovers(started)
        return status
    finally:
        if server.poll() is None:
            server.kill()


def _lab(args: argparse.Namespace) -> int:
    argv = lab_command(args.port)
    os.execv(argv[0], argv)
    return 0  # pragma: no cover - execv does not return


def _exercises(args: argparse.Namespace) -> int:
    try:
        drifts = exercises.generate(SOLUTIONS_DIR, EXERCISES_DIR, check=args.check)
    except exercises.MarkerError as problem:
        print(f"kit exercises: {problem}", file=sys.stderr)
        return 2
    for drift in drifts:
        print(f"{drift.path.relative_to(EXERCISES_DIR.parent)}: {drift.reason}")
    if args.check and drifts:
        print("Exercises are out of date: run `kit exercises` and commit the result.", file=sys.stderr)
        return 1
    if not drifts:
        print("Exercises match their solutions.")
    return 0


def _guide(args: argparse.Namespace) -> int:
    from kit.workshop import GUIDE_PATH, write_guide

    current = write_guide(check=args.check)
    where = GUIDE_PATH.relative_to(GUIDE_PATH.parents[1])
    if args.check and not current:
        print(f"{where} is out of date: run `kit guide` and commit the result.", file=sys.stderr)
        return 1
    print(f"{where} is up to date." if current else f"Wrote {where}.")
    return 0


def _audit(args: argparse.Namespace) -> int:
    from kit.fairness._command import run_audit

    status = run_audit(args)
    if status == 0 and args.out:
        print(f"Wrote {args.out}.")
    return status


def build_parser() -> argparse.ArgumentParser:
    """The parser for every ``kit`` sub-command, with plain-words help."""
    parser = argparse.ArgumentParser(prog="kit", description="Ethical AI Leadership Kit: workshop apps, lessons and a bias audit.")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    serve = commands.add_parser("serve", help="Serve every lesson as a click-through Voilà app (the workshop view).",
                                description="Serve every lesson as a click-through app in the browser. "
                                            "Kernels are preheated, idle ones are reclaimed, and errors never show code.")
    serve.add_argument("--port", type=int, default=8866, help="port to listen on (default 8866; never moves silently)")
    serve.add_argument("--ip", default="127.0.0.1", help="address to listen on; 0.0.0.0 serves a whole room")
    serve.add_argument("--room", type=int, metavar="N",
                       help="prepare for a room of N attendees: say how many this machine holds (or refuse), keep "
                            "kernels warm for the agenda's lessons and the room's next lesson, refill them quietly")
    serve.add_argument("--agenda", metavar="NAME",
                       help='with --room: the agenda taught, such as "SMB full day" (default: every lesson)')
    serve.add_argument("--no-preheat", action="store_true", help="start kernels only when a page opens (less memory)")
    serve.add_argument("--pool-size", type=int, default=1, help="preheated kernels kept ready per lesson (default 1)")
    serve.add_argument("--pool", action="append", metavar="LESSON=N",
                       help="keep N kernels ready for one lesson, e.g. --pool bias=30 before teaching the bias lesson "
                            "to 30 people (repeatable; each kernel needs about 150 MB)")
    serve.add_argument("--cull-idle", type=int, default=600,
                       help="seconds before a kernel with no open tab is shut down (default 600, 10 minutes); "
                            "closing or reloading a page frees its kernel at once")
    serve.add_argument("--max-kernels", type=int, default=0,
                       help="most pages open at once; past it new pages get a 'server is full' message (0: no limit)")
    serve.add_argument("--reserve-mb", type=int, default=500,
                       help="refuse new pages when less memory than this is free, instead of crashing (default 500)")
    serve.add_argument("--notebooks", metavar="FOLDER", help="serve this folder of notebooks instead of the lessons")
    serve.add_argument("--open", action="store_true", help="open the start page in your web browser")
    serve.add_argument("--organiser", metavar="NAME",
                       help="the organisation running the workshop, printed on certificates (or set KIT_ORGANISER)")
    serve.add_argument("--room-days", type=int, metavar="N",
                       help="delete a room and what was shared in it N days after it was made, checked on every "
                            "start (default 7, or set KIT_ROOM_DAYS)")
    serve.add_argument("--voila-arg", action="append", metavar="ARG", help="pass one more option to Voilà (repeatable)")
    serve.set_defaults(run=_serve)

    lab = commands.add_parser("lab", help="Open the lessons in JupyterLab for self-study (code visible and editable).",
                              description="Open JupyterLab on the whole kit, for self-study: the lessons, "
                                          "exercises and solutions with their code visible and editable. "
                                          "Work saved in the apps goes to the same workspace as with kit serve.")
    lab.add_argument("--port", type=int, default=None, help="port for JupyterLab (default: JupyterLab's own)")
    lab.set_defaults(run=_lab)

    ex = commands.add_parser("exercises", help="Rebuild exercises/ from solutions/ (answers removed).",
                             description="Rebuild every exercise notebook from its solution by removing the "
                                         "marked answers. With --check, change nothing and fail if they differ.")
    ex.add_argument("--check", action="store_true", help="only check; exit 1 if any exercise is out of date")
    ex.set_defaults(run=_exercises)

    guide = commands.add_parser("guide", help="Rebuild the facilitator guide (docs/facilitator-guide.md).",
                                description="Render the facilitator guide from the content files, timings, "
                                            "quizzes and solutions. With --check, fail if the file is out of date.")
    guide.add_argument("--check", action="store_true", help="only check; exit 1 if the guide is out of date")
    guide.set_defaults(run=_guide)

    from kit.chatbot._command import add_chatbot_parser
    from kit.delivery._command import add_delivery_parsers
    from kit.fairness._command import add_audit_parser
    from kit.regulation._command import add_triage_parser
    from kit.room._command import add_room_parser

    add_delivery_parsers(commands)
    add_audit_parser(commands)
    add_chatbot_parser(commands)
    add_triage_parser(commands)
    add_room_parser(commands)
    commands.choices["audit"].set_defaults(run=_audit)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the ``kit`` command line and return its exit status."""
    args = build_parser().parse_args(argv)
    return args.run(args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
