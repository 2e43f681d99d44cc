"""A self-contained HTML audit report that a leader can email or print.

One file, no scripts, no external fonts or stylesheets, so it opens the same
in a mail client, offline, or years later. Every value that came from the
user's data (column names, group labels, the positive value) is escaped with
:func:`html.escape`, so a group called ``<script>`` shows as text and runs
nothing. Colours keep a contrast ratio of at least 7:1 and the verdict is also
written in words, never shown by colour alone.
"""

import datetime

from kit.documents import escape

from ._narrate import METRIC_GUIDE, difference_lines, narrate

__all__ = ["audit_html", "audit_sections"]

_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1a1a1a;
background:#fff;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.5}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.2rem;margin-top:2rem}
.meta{color:#3d3d3d}
.verdict{border:2px solid;border-radius:6px;padding:.8rem 1rem;font-size:1.1rem}
.fail{background:#fdeaea;color:#6b0f0f;border-color:#6b0f0f}
.pass{background:#e7f4ea;color:#0b4a1f;border-color:#0b4a1f}
.open{background:#f0f0f0;color:#1a1a1a;border-color:#1a1a1a}
table{border-collapse:collapse;margin:1rem 0;font-variant-numeric:tabular-nums}
caption{text-align:left;font-weight:600;padding-bottom:.4rem}
th,td{border:1px solid #767676;padding:.3rem .6rem;text-align:right}
th[scope=col]{background:#ececec}th[scope=row],td.text,th[scope=col]:first-child{text-align:left}
td{white-space:nowrap}td.text{white-space:normal}
tr.flagged td,tr.flagged th{background:#fdeaea;color:#6b0f0f;font-weight:600}
dt{font-weight:600}dd{margin:0 0 .6rem 0}
footer{margin-top:2rem;border-top:1px solid #767676;padding-top:.6rem;color:#3d3d3d}
"""


_e = escape


def _num(value, style="{:.3f}"):
    return "n/a" if value is None else style.format(value)


def _verdict(result):
    if result.four_fifths_pass is None:
        return "open", "Four-fifths rule: cannot be judged for this data (see the caveats)."
    if result.four_fifths_pass:
        return "pass", ("Four-fifths rule: PASSED. Every judged group is selected at four-fifths "
                        "or more of the highest rate.")
    names = ", ".join(f"{g.name} ({g.impact_ratio:.3f})" for g in result.flagged_groups)
    return "fail", f"Four-fifths rule: FAILED. Below four-fifths of the highest rate: {names}."


def _table(result):
    head = list(result.groups) + ["People", "Selected", "Selection rate", "95% range",
                                  "Impact ratio", "Four-fifths"]
    if result.label is not None:
        head += ["True positive rate", "False positive rate", "Precision"]
    lines = ["<table>", f"<caption>Selection by {_e(' and '.join(map(str, result.groups)))}</caption>",
             "<thead><tr>" + "".join(f'<th scope="col">{_e(h)}</th>' for h in head) + "</tr></thead>",
             "<tbody>"]
    for g in result.by_group:
        values = list(g.group.values())
        cells = [f'<th scope="row">{_e(values[0])}</th>']
        cells += [f'<td class="text">{_e(v)}</td>' for v in values[1:]]
        cells += [f"<td>{g.n}</td>", f"<td>{g.selected}</td>",
                  f"<td>{g.selection_rate:.1%}</td>",
                  f"<td>{g.ci_low:.1%} to {g.ci_high:.1%}</td>",
                  f"<td>{_num(g.impact_ratio)}</td>", f'<td class="text">{_e(g.status)}</td>']
        if result.label is not None:
            cells += [f"<td>{_num(v, '{:.1%}')}</td>" for v in (g.tpr, g.fpr, g.precision)]
        row_class = ' class="flagged"' if g.flagged else ""
        lines.append(f"<tr{row_class}>" + "".join(cells) + "</tr>")
    return "\n".join(lines + ["</tbody>", "</table>"])


def _summary(result):
    items = [("Lowest impact ratio", _num(result.impact_ratio_min), METRIC_GUIDE["impact_ratio"])]
    items += [(name, value, METRIC_GUIDE[key]) for name, value, key in difference_lines(result)]
    if result.label is None:
        items.append(("Equalized odds difference", "n/a (no label column given)",
                      METRIC_GUIDE["equalized_odds_difference"]))
    parts = ["<dl>"]
    for name, value, guide in items:
        parts.append(f"<dt>{_e(name)}: {_e(value)}</dt>"
                     f"<dd>{_e(guide['means'])} {_e(guide['does_not_mean'])}</dd>")
    return "\n".join(parts + ["</dl>"])


def _items(sentences):
    return "<ul>\n" + "\n".join(f"<li>{_e(s)}</li>" for s in sentences) + "\n</ul>"


def audit_sections(result):
    """Render the parts of the report as separate HTML fragments.

    The apps place these fragments in their own layout; :func:`audit_html`
    puts them in one page. Every fragment is escaped and uses the report's
    CSS class names (``verdict``, ``flagged``) but carries no styles itself.

    Parameters
    ----------
    result : AuditResult
        The output of :func:`kit.fairness.audit`.

    Returns
    -------
    dict of str to str
        ``verdict`` (a ``<p>``), ``table`` (the per-group ``<table>``),
        ``summary`` (a ``<dl>`` of the summary metrics), ``narration`` and
        ``caveats`` (``<ul>`` lists).
    """
    kind, verdict = _verdict(result)
    narration = [s for s in narrate(result) if not s.startswith("Caveat: ")]
    return {
        "verdict": f'<p class="verdict {kind}">{_e(verdict)}</p>',
        "table": _table(result),
        "summary": _summary(result),
        "narration": _items(narration),
        "caveats": _items(result.warnings or ["None."]),
    }


def audit_html(result, title="Fairness audit report", generated=None):
    """Render an audit as one self-contained HTML page.

    The page holds the verdict in words, the per-group table, the summary
    metrics with what they mean, the plain-language narration and the caveats,
    and the date it was generated. It uses inline CSS only and loads nothing,
    so it can be attached to an email or archived as it is.

    Parameters
    ----------
    result : AuditResult
        The output of :func:`kit.fairness.audit`.
    title : str, default "Fairness audit report"
        Heading and page title (escaped like every other text).
    generated : datetime.date or datetime.datetime, optional
        Date printed on the report; today by default.

    Returns
    -------
    str
        A complete HTML document (``<!DOCTYPE html>`` ... ``</html>``).
    """
    generated = generated or datetime.date.today()
    day = generated.strftime("%Y-%m-%d")
    sections = audit_sections(result)
    meta = (f"{result.rows} people; outcome '{result.outcome}' (selected = '{result.positive}'); "
            f"groups: {', '.join(map(str, result.groups))}"
            + (f"; label '{result.label}'" if result.label is not None else "")
            + f". Generated on {day}.")
    return "\n".join([
        "<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(title)}</title>", f"<style>{_CSS}</style>", "</head>", "<body>", "<main>",
        f"<h1>{_e(title)}</h1>", f'<p class="meta">{_e(meta)}</p>',
        sections["verdict"],
        "<h2>Selection by group</h2>", sections["table"],
        "<h2>Summary metrics</h2>", sections["summary"],
        "<h2>What the numbers mean</h2>", sections["narration"],
        "<h2>Caveats</h2>", sections["caveats"],
        "</main>",
        f"<footer><p>{_e(METRIC_GUIDE['four_fifths']['does_not_mean'])}</p>"
        f"<p>Made with the Ethical AI Leadership Kit on {_e(day)}.</p></footer>",
        "</body>", "</html>", ""])
