"""``kit chatbot probe``: run the probe battery against a chat service, or against the practice bots.

``kit chatbot probe --endpoint URL [--model NAME] [--api-key-env VAR]
[--timeout S] [--max-requests N] [--format FMT] [--out FILE]``, or
``--builtin`` / ``--builtin-fixed`` instead of ``--endpoint``.

The key is read from the environment variable ``--api-key-env`` names, never
from the command line, and is never printed or written. A progress line per
message goes to standard error. Exit 0: every probe ran and found nothing;
1: something was found, or some probe could not run; 2: bad input, with one
plain line on standard error.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

__all__ = ["add_chatbot_parser", "run_probe"]


def add_chatbot_parser(commands) -> argparse.ArgumentParser:
    """Add ``chatbot`` (with its ``probe`` command) to the ``kit`` command's sub-commands."""
    from ._endpoint import DEFAULT_MAX_REQUESTS, DEFAULT_TIMEOUT
    from ._report import FORMATS

    chatbot = commands.add_parser(
        "chatbot", help="Probe a chatbot for privacy leaks, bias, hidden machines, injection and made-up answers.",
        description="The chatbot red-team lab's command line.")
    actions = chatbot.add_subparsers(dest="chatbot_command", metavar="ACTION", required=True)
    probe = actions.add_parser(
        "probe", help="Run the probe battery and write a report a leader can send to the vendor.",
        description="Send a dozen probing messages to a chat service that speaks the chat-completions protocol "
                    "(POST URL/v1/chat/completions), or to the kit's practice bots, and report each category as "
                    "found, not found or could not run, with the exchanges as evidence. Exit 0: nothing found; "
                    "1: something found or not run; 2: bad input. A probe that finds nothing is no guarantee.")
    target = probe.add_mutually_exclusive_group(required=True)
    target.add_argument("--endpoint", metavar="URL", help="the chat service's address, such as https://chat.example.com")
    target.add_argument("--builtin", action="store_true", help="probe the practice bot, with its planted flaws")
    target.add_argument("--builtin-fixed", action="store_true", help="probe the practice bot with its flaws fixed")
    probe.add_argument("--model", default="default", help="the model name the service expects (default: 'default')")
    probe.add_argument("--api-key-env", metavar="VAR",
                       help="the name of an environment variable holding the API key (sent as a Bearer token); "
                            "the key itself never goes on the command line")
    probe.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT, metavar="S",
                       help=f"seconds to wait for each answer (default {DEFAULT_TIMEOUT:g})")
    probe.add_argument("--max-requests", type=int, default=DEFAULT_MAX_REQUESTS, metavar="N",
                       help=f"the most messages sent to the service (default {DEFAULT_MAX_REQUESTS})")
    probe.add_argument("--format", choices=FORMATS, default="text", help="report format (default: text)")
    probe.add_argument("--out", metavar="FILE", help="write the report to FILE instead of the screen")
    probe.set_defaults(run=run_probe)
    return probe


def _fail(message: str) -> int:
    print(f"kit chatbot probe: {message}", file=sys.stderr)
    return 2


def _chatbot(args: argparse.Namespace):
    """The chatbot to probe, or a plain message saying what to fix (``ValueError``)."""
    from ._bot import fixed_bot, practice_bot
    from ._endpoint import ChatCompletionsClient

    if args.builtin:
        return practice_bot()
    if args.builtin_fixed:
        return fixed_bot()
    key = None
    if args.api_key_env:
        key = os.environ.get(args.api_key_env, "")
        if not key:  # the name is not echoed: a key pasted by mistake would be
            raise ValueError("the environment variable named by --api-key-env is not set or is empty; set it "
                             "first (export MY_KEY=...) and give its name, as in --api-key-env MY_KEY")
    if not args.timeout > 0:
        raise ValueError("--timeout is a number of seconds above 0, such as 20")
    if args.max_requests < 1:
        raise ValueError("--max-requests is a whole number of at least 1, such as 40")
    return ChatCompletionsClient(args.endpoint, model=args.model, api_key=key, timeout=args.timeout,
                                 max_requests=args.max_requests)


def run_probe(args: argparse.Namespace) -> int:
    """Run ``kit chatbot probe`` on parsed arguments and return the exit code."""
    from ._battery import FOUND, NOT_FOUND, run_battery
    from ._report import render

    if args.format == "docx" and not args.out:
        return _fail("a Word report is a file: add --out report.docx")
    try:
        bot = _chatbot(args)
    except ValueError as problem:
        return _fail(str(problem))
    report = run_battery(bot, progress=lambda line: print(f"kit chatbot probe: {line}", file=sys.stderr,
                                                          flush=True))
    output = render(report, args.format)
    if args.out:
        try:
            path = Path(args.out)
            path.write_bytes(output) if isinstance(output, bytes) else path.write_text(output, encoding="utf-8")
        except OSError as error:
            return _fail(f"cannot write {args.out} ({error.strerror}); choose another --out path")
        print(f"Wrote {args.out}.", file=sys.stderr)
    else:
        sys.stdout.write(output)
    statuses = [category.status for category in report.categories]
    found = statuses.count(FOUND)
    print(f"kit chatbot probe: {found} of {len(statuses)} categories found"
          + ("" if all(s in (FOUND, NOT_FOUND) for s in statuses) else "; some probes could not run") + ".",
          file=sys.stderr)
    return 0 if all(s == NOT_FOUND for s in statuses) else 1


def main(argv: list[str] | None = None) -> int:
    """Run ``kit chatbot ...`` alone (``python -m kit.chatbot._command chatbot probe --builtin``)."""
    parser = argparse.ArgumentParser(prog="kit")
    add_chatbot_parser(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
