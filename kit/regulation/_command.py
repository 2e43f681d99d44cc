"""The regulation commands: ``kit triage`` (the EU AI Act) and ``kit audit --standard nyc-ll144``.

``kit triage --answers FILE.json [--format json|text]`` triages one use case.
``kit audit FILE.csv --standard nyc-ll144 --group SEX --group RACE
(--outcome COL | --score COL)`` writes the Local Law 144 summary;
``kit.fairness``'s ``kit audit`` hands such a call to :func:`run_ll144`. Bad
input ends with exit code 2 and one plain line on standard error, never a
traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

__all__ = ["add_triage_parser", "run_triage", "run_ll144"]


def add_triage_parser(commands) -> argparse.ArgumentParser:
    """Add ``triage`` to the ``kit`` command's sub-commands."""
    parser = commands.add_parser(
        "triage", help="Triage one AI use case under the EU AI Act (a teaching aid, not legal advice).",
        description="Read a use case's answers from a JSON file and say its tier under the EU AI Act "
                    "(prohibited, high-risk, transparency or minimal), the deployer's obligations with their "
                    "articles and dates, and whether a fundamental-rights impact assessment is required.")
    parser.add_argument("--answers", required=True, metavar="FILE.json",
                        help='the answers, such as {"annex_iii": ["employment"], "profiling": true}')
    parser.add_argument("--format", choices=["json", "text"], default="text", help="output format (default: text)")
    parser.set_defaults(run=run_triage)
    return parser


def _fail(command: str, message: str) -> int:
    print(f"kit {command}: {' '.join(message.split())}", file=sys.stderr)
    return 2


def run_triage(args: argparse.Namespace) -> int:
    """Run ``kit triage``: 0 on success, 2 with one line on standard error for a bad answers file."""
    from ._triage import TriageInputError, format_triage, triage

    path = Path(args.answers)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return _fail("triage", f"there is no file {path}; give --answers the path of a JSON answers file.")
    except (OSError, UnicodeDecodeError) as problem:
        return _fail("triage", f"cannot read {path} ({problem}); save it as a UTF-8 text file.")
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as problem:
        return _fail("triage", f"{path} is not valid JSON ({problem.msg} at line {problem.lineno}, column "
                               f"{problem.colno}); write it as one object, such as "
                               '{"annex_iii": ["employment"], "profiling": true}.')
    try:
        result = triage(raw)
    except TriageInputError as problem:
        return _fail("triage", f"{path}: {problem}")
    if args.format == "json":
        sys.stdout.write(json.dumps(result.to_dict(), indent=2, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(format_triage(result))
    return 0


def run_ll144(args: argparse.Namespace) -> int:
    """Run ``kit audit --standard nyc-ll144``: 0 on success, 2 with one line on standard error for bad input."""
    from kit.fairness import AuditInputError, read_audit_csv

    from ._ll144 import ll144_summary
    from ._ll144_report import ll144_html, ll144_text

    try:
        if len(args.group) != 2:
            raise AuditInputError(
                f"--standard nyc-ll144 needs two --group columns, not {len(args.group)}: the sex column first and "
                "the race/ethnicity column second, as in --group sex --group race_ethnicity.")
        if args.label is not None:
            raise AuditInputError("--label is not part of the Local Law 144 summary; leave it out.")
        df = read_audit_csv(args.file)
        summary = ll144_summary(df, args.group[0], args.group[1], outcome=args.outcome, score=args.score,
                                positive=args.positive)
        if args.format == "json":
            text = json.dumps(summary.to_dict(), indent=2, allow_nan=False, ensure_ascii=False) + "\n"
        else:
            text = ll144_html(summary) if args.format == "html" else ll144_text(summary)
        if args.out:
            try:
                Path(args.out).write_text(text, encoding="utf-8")
            except OSError as error:
                raise AuditInputError(f"Cannot write {args.out} ({error.strerror}). "
                                      "Choose another --out path in a folder you can write to.") from None
        else:
            sys.stdout.write(text)
    except AuditInputError as error:
        return _fail("audit", str(error))
    return 0
