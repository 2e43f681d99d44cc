"""The Local Law 144 summary as plain text (a terminal) and as one self-contained web page (to email or print).

Both say the same things: the three tables, the unknown counts, the rows left
out, the categories excluded from the impact ratios, what the law requires and
what this summary is not (from ``nyc_ll144.yaml``). Every value from the
user's data is escaped with the kit's one :func:`kit.documents.escape`.
"""

from __future__ import annotations

import datetime

from kit.documents import escape as _e
from kit.documents import safe_csv

from ._ll144 import LL144Summary
from ._ll144_guide import LL144Guide, ll144_guide

__all__ = ["ll144_text", "ll144_html", "ll144_csv", "summary_notes"]

_TITLES = {"sex": "Sex", "race_ethnicity": "Race/ethnicity", "intersectional": "Sex and race/ethnicity"}
_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1a1a1a;background:#fff;
max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.5}
h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem}.meta{color:#3d3d3d}
table{border-collapse:collapse;margin:1rem 0;font-variant-numeric:tabular-nums}
caption{text-align:left;font-weight:600;padding-bottom:.4rem}
th,td{border:1px solid #767676;padding:.3rem .6rem;text-align:right}
th[scope=col]{background:#ececec}th[scope=row],th[scope=col]:first-child{text-align:left}
.note{border:2px solid #1a1a1a;border-radius:6px;padding:.6rem 1rem}
footer{margin-top:2rem;border-top:1px solid #767676;padding-top:.6rem;color:#3d3d3d}
"""


def _day(date: datetime.date) -> str:
    return f"{date.day} {date:%B %Y}"


def _ratio(value) -> str:
    return "excluded" if value is None else f"{value:.3f}"


def _heads(summary: LL144Summary) -> list[str]:
    counted = "Selected" if summary.rate == "selection" else "Above median"
    return ["Category", "People", counted, f"{summary.rate.capitalize()} rate", "Impact ratio", "Under 2%"]


def _cells(row) -> list[str]:
    return [row.category, str(row.n), str(row.selected), f"{row.rate:.1%}", _ratio(row.impact_ratio),
            "yes" if row.excluded_under_2pct else "no"]


def summary_notes(summary: LL144Summary) -> list[str]:
    """Plain sentences on what was measured, what was left out and why."""
    if summary.rate == "scoring":
        notes = [f"Scoring rate: the share of each category scoring above the median score "
                 f"({summary.median_score:g}) of '{summary.measure}'."]
    else:
        notes = [f"Selection rate: the share of each category selected in '{summary.measure}'."]
    notes.append(f"{summary.rows} people assessed; sex from '{summary.sex_column}', race/ethnicity from "
                 f"'{summary.race_column}'.")
    if summary.left_out:
        what = "score" if summary.rate == "scoring" else "decision"
        notes.append(f"{summary.left_out} rows have no {what} and are left out of every table.")
    notes.append(f"Unknown category: {summary.unknown['sex']} people with no sex recorded and "
                 f"{summary.unknown['race_ethnicity']} with no race/ethnicity recorded; they are left out of the "
                 "tables, and a row missing either is left out of the intersectional table.")
    excluded = [row.category for name in _TITLES for row in summary.tables[name] if row.excluded_under_2pct]
    if excluded:
        notes.append("Under 2% of the data, shown with their counts but excluded from the impact ratios: "
                     + ", ".join(excluded) + ". The published summary must say why they were excluded.")
    if all(row.impact_ratio is None for name in _TITLES for row in summary.tables[name]):
        notes.append("No impact ratio could be computed: nobody in the compared categories was selected.")
    return notes


def ll144_text(summary: LL144Summary, guide: LL144Guide | None = None) -> str:
    """The summary as plain text: the three tables, the notes, what the law requires, what this is not."""
    guide = guide or ll144_guide()
    lines = [f"{guide.title} ({summary.rate} rates)", ""]
    for name, title in _TITLES.items():
        rows = [_heads(summary)] + [_cells(row) for row in summary.tables[name]]
        widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
        lines.append(f"{title}:")
        for i, row in enumerate(rows):
            lines.append("  " + "  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip())
            if i == 0:
                lines.append("  " + "  ".join("-" * w for w in widths))
        lines.append("")
    lines += ["Notes:"] + [f"- {note}" for note in summary_notes(summary)]
    lines += ["", f"What the law requires - {guide.law}:"]
    lines += [f"- {item.title}: {item.text} [{item.source}]" for item in guide.requires]
    lines += ["", "What this summary is not:"] + [f"- {item.text}" for item in guide.not_this]
    lines += ["", f"As of {_day(guide.as_of)}. {' '.join(guide.not_legal_advice.split())}"]
    return "\n".join(lines) + "\n"


def ll144_csv(summary: LL144Summary) -> str:
    """The three tables in one spreadsheet-safe CSV, one row per category, then the unknown counts.

    Rates and impact ratios are numbers (shares, to four decimals) so a
    spreadsheet can sort and chart them; an excluded category's impact ratio
    is the word "excluded". Every cell goes through :func:`kit.documents.safe_csv`.
    """
    counted = "Selected" if summary.rate == "selection" else "Above median"
    header = ["Table", "Category", "People", counted, f"{summary.rate.capitalize()} rate",
              "Impact ratio", "Under 2% (excluded from impact ratios)"]
    rows = [[title, row.category, row.n, row.selected, round(row.rate, 4),
             "excluded" if row.impact_ratio is None else round(row.impact_ratio, 4),
             "yes" if row.excluded_under_2pct else "no"]
            for name, title in _TITLES.items() for row in summary.tables[name]]
    rows += [[_TITLES[name], "Unknown (left out of the table)", summary.unknown[name], "", "", "", ""]
             for name in ("sex", "race_ethnicity")]
    return safe_csv(header, rows)


def _table_html(summary: LL144Summary, name: str) -> str:
    heads = "".join(f'<th scope="col">{_e(h)}</th>' for h in _heads(summary))
    body = []
    for row in summary.tables[name]:
        first, *rest = _cells(row)
        body.append(f'<tr><th scope="row">{_e(first)}</th>' + "".join(f"<td>{_e(c)}</td>" for c in rest) + "</tr>")
    return "\n".join(["<table>", f"<caption>{_e(_TITLES[name])}</caption>", f"<thead><tr>{heads}</tr></thead>",
                      "<tbody>", *body, "</tbody>", "</table>"])


def _list(items) -> str:
    return "<ul>\n" + "\n".join(f"<li>{item}</li>" for item in items) + "\n</ul>"


def ll144_html(summary: LL144Summary, guide: LL144Guide | None = None, generated=None) -> str:
    """The summary as one self-contained HTML page (inline CSS, no scripts), with the guide's explanations."""
    guide = guide or ll144_guide()
    day = (generated or datetime.date.today()).strftime("%Y-%m-%d")
    requires = [f"<strong>{_e(i.title)}</strong>: {_e(i.text)} <em>({_e(i.source)})</em>" for i in guide.requires]
    sources = [_e(s.title) + (f" - {_e(s.url)}" if s.url else "") for s in guide.sources]
    return "\n".join([
        "<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(guide.title)}</title>", f"<style>{_CSS}</style>", "</head>", "<body>", "<main>",
        f"<h1>{_e(guide.title)}</h1>",
        f'<p class="meta">{_e(summary.rate.capitalize())} rates. Generated on {_e(day)}.</p>',
        f'<p class="note">{_e(guide.not_this[0].text)}</p>',
        *[_table_html(summary, name) for name in _TITLES],
        "<h2>Notes</h2>", _list(_e(note) for note in summary_notes(summary)),
        "<h2>What the law requires</h2>", f"<p>{_e(guide.law)}.</p>", _list(requires),
        "<h2>What this summary is not</h2>", _list(_e(item.text) for item in guide.not_this),
        "<h2>Sources</h2>", _list(sources), "</main>",
        f"<footer><p>As of {_e(_day(guide.as_of))}. {_e(guide.not_legal_advice)}</p>"
        f"<p>Made with the Ethical AI Leadership Kit on {_e(day)}.</p></footer>",
        "</body>", "</html>", ""])
