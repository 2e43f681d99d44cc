"""The ``kit audit`` command: audit a CSV file from the command line.

``kit audit FILE.csv --outcome COL --group COL [--group COL2 ...]
[--label COL] [--positive VALUE] [--format table|json|html] [--out PATH]``;
with ``--standard nyc-ll144`` (``--outcome COL`` or ``--score COL``) the call
goes to :func:`kit.regulation._command.run_ll144`, which writes the summary
New York City's Local Law 144 asks for.

The lead's ``kit/cli.py`` calls :func:`add_audit_parser` and dispatches to
:func:`run_audit`. Bad input ends with exit code 2 and one plain line on
standard error that names the problem and the fix, never a traceback: the
people running this are managers with a spreadsheet, not developers.
"""

import argparse
import json
import sys
from pathlib import Path

from ._audit import audit
from ._csv import read_audit_csv
from ._errors import AuditInputError
from ._narrate import difference_lines
from ._report import audit_html

__all__ = ["add_audit_parser", "run_audit", "format_table", "main"]


def add_audit_parser(subparsers):
    """Add the ``audit`` sub-command to an argparse sub-parser collection.

    Parameters
    ----------
    subparsers : argparse._SubParsersAction
        What ``ArgumentParser.add_subparsers()`` returned.

    Returns
    -------
    argparse.ArgumentParser
        The new ``audit`` parser.
    """
    parser = subparsers.add_parser(
        "audit", help="check a CSV of decisions for adverse impact (four-fifths rule)",
        description="Compare selection rates between groups in a CSV file and apply the "
                    "four-fifths rule, or (--standard nyc-ll144) write the summary New York City's "
                    "Local Law 144 asks for. A screening signal, not legal proof.")
    parser.add_argument("file", metavar="FILE.csv", help="comma-separated file, UTF-8")
    parser.add_argument("--outcome", metavar="COL",
                        help="column with the decision (two values); required unless --score is given")
    parser.add_argument("--group", required=True, action="append", metavar="COL",
                        help="protected column; repeat for intersectional groups")
    parser.add_argument("--label", metavar="COL",
                        help="column with the true answer (e.g. qualified), for error rates")
    parser.add_argument("--positive", default="1", metavar="VALUE",
                        help="value meaning selected / qualified (default: 1)")
    parser.add_argument("--format", choices=["table", "json", "html"], default="table",
                        help="output format (default: table)")
    parser.add_argument("--out", metavar="PATH", help="write to this file instead of the screen")
    parser.add_argument("--standard", choices=["four-fifths", "nyc-ll144"], default="four-fifths",
                        help="four-fifths (default): the four-fifths rule; nyc-ll144: the summary New York "
                             "City's Local Law 144 asks for (--group SEX --group RACE, in that order)")
    parser.add_argument("--score", metavar="COL",
                        help="with --standard nyc-ll144: a score column, for scoring rates (the share of "
                             "each category scoring above the median) instead of selection rates")
    return parser


def _cell(value, style):
    return "n/a" if value is None else style.format(value)


def format_table(result):
    """Render an audit as plain text: a table, the verdict and the warnings.

    Parameters
    ----------
    result : AuditResult
        The output of :func:`kit.fairness.audit`.

    Returns
    -------
    str
        Lines of text ending with a newline, fit for a terminal or a log.
    """
    head = ["group", "n", "selected", "rate", "95% range", "impact ratio", "four-fifths"]
    if result.label is not None:
        head += ["TPR", "FPR"]
    rows = []
    for g in result.by_group:
        row = [g.name, str(g.n), str(g.selected), f"{g.selection_rate:.1%}",
               f"{g.ci_low:.1%}-{g.ci_high:.1%}", _cell(g.impact_ratio, "{:.3f}"), g.status]
        if result.label is not None:
            row += [_cell(g.tpr, "{:.1%}"), _cell(g.fpr, "{:.1%}")]
        rows.append(row)
    widths = [max(len(line[i]) for line in [head] + rows) for i in range(len(head))]
    lines = [f"Audit of '{result.outcome}' (selected = '{result.positive}') by "
             f"{' x '.join(map(str, result.groups))}: {result.rows} rows", ""]
    for line in [head, ["-" * w for w in widths]] + rows:
        lines.append("  ".join(cell.ljust(w) for cell, w in zip(line, widths)).rstrip())
    if result.four_fifths_pass is None:
        verdict = "cannot be judged (see warnings)"
    elif result.four_fifths_pass:
        verdict = f"PASS (lowest impact ratio {result.impact_ratio_min:.3f})"
    else:
        names = ", ".join(g.name for g in result.flagged_groups)
        verdict = f"FAIL (lowest impact ratio {result.impact_ratio_min:.3f}; flagged: {names})"
    lines += ["", f"Four-fifths rule: {verdict}"]
    lines += [f"{name}: {value}" for name, value, _ in difference_lines(result)]
    if result.label is None:
        lines.append("Equalized odds difference: n/a (no --label)")
    lines.append("A screening signal, not legal proof.")
    if result.warnings:
        lines += ["", "Warnings:"] + [f"- {w}" for w in result.warnings]
    return "\n".join(lines) + "\n"


def _render(result, fmt):
    if fmt == "json":
        return json.dumps(result.to_dict(), indent=2, allow_nan=False, ensure_ascii=False) + "\n"
    if fmt == "html":
        return audit_html(result)
    return format_table(result)


def run_audit(args):
    """Run ``kit audit`` on parsed arguments and return the exit code.

    Parameters
    ----------
    args : argparse.Namespace
        From the parser that :func:`add_audit_parser` built.

    Returns
    -------
    int
        0 on success; 2 on bad input, after one line on standard error.
    """
    if getattr(args, "standard", "four-fifths") == "nyc-ll144":
        from kit.regulation._command import run_ll144

        return run_ll144(args)
    try:
        if getattr(args, "score", None) is not None:
            raise AuditInputError("--score is for the Local Law 144 summary: add --standard nyc-ll144, or give "
                                  "the decision column with --outcome instead.")
        if args.outcome is None:
            raise AuditInputError("Name the decision column with --outcome COL (two values, such as 1/0).")
        df = read_audit_csv(args.file)
        result = audit(df, args.outcome, args.group, label=args.label, positive=args.positive)
        text = _render(result, args.format)
        if args.out:
            try:
                Path(args.out).write_text(text, encoding="utf-8")
            except OSError as error:
                raise AuditInputError(
                    f"Cannot write {args.out} ({error.strerror}). "
                    "Choose another --out path in a folder you can write to.") from None
        else:
            sys.stdout.write(text)
    except AuditInputError as error:
        message = " ".join(str(error).split())
        print(f"kit audit: {message}", file=sys.stderr)
        return 2
    return 0


def main(argv=None):
    """Run ``kit audit`` alone (``python -m kit.fairness._command audit ...``)."""
    parser = argparse.ArgumentParser(prog="kit")
    add_audit_parser(parser.add_subparsers(dest="command", required=True))
    return run_audit(parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
