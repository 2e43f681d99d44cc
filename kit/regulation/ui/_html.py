"""The regulation content as HTML for the lessons: each statement with its source, each page with its date.

Every text comes from ``kit/content/regulation/``; every value that could come
from an attendee (a use case's name) is escaped with the kit's one escape.
"""

from __future__ import annotations

from kit.regulation import Triage, ai_act, automated_decisions, ll144_guide
from kit.regulation._sections import day
from kit.toolkit import escape, notice

#: Styles of the regulation pages (sources in small type, tables that wrap rather than overflow).
CSS = """
<style>
.kit-reg table.kit-table { max-width: 100%; }
.kit-reg table.kit-table th, .kit-reg table.kit-table td { vertical-align: top; white-space: normal; }
.kit-reg table.kit-table ul { margin: 0; padding-left: 1.1em; }
.kit-reg table.kit-table td.kit-nowrap { white-space: nowrap; }
.kit-reg .kit-source { display: block; color: #4a4f57; font-size: 0.88em; }
.kit-reg .kit-asof { color: #4a4f57; font-size: 0.92em; }
.kit-reg .kit-level { font-size: 1.25em; font-weight: 700; margin: 0.4em 0; }
.kit-reg h3, .kit-reg h4 { margin: 0.9em 0 0.3em 0; }
.kit-reg-scroll { overflow-x: auto; max-width: 100%; }
</style>
"""


def _said(statement) -> str:
    return f"{escape(' '.join(statement.text.split()))}<span class='kit-source'>({escape(statement.source)})</span>"


def _list(items) -> str:
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def _table(caption: str, header: list[str], rows: list[list[str]], row_headers: bool = False,
           short: tuple[int, ...] = ()) -> str:
    """A table whose cells are already HTML; the first cell of a row is its header when ``row_headers``.

    The columns in ``short`` (articles, dates) never wrap, so "2 August 2026" stays on one line.
    """
    head = "".join(f'<th scope="col">{escape(h)}</th>' for h in header)
    body = []
    for cells in rows:
        first, *rest = cells
        lead = f'<th scope="row">{first}</th>' if row_headers else f"<td>{first}</td>"
        body.append("<tr>" + lead + "".join(f'<td class="kit-nowrap">{cell}</td>' if n in short else f"<td>{cell}</td>"
                                            for n, cell in enumerate(rest, start=1)) + "</tr>")
    return (f'<div class="kit-reg-scroll"><table class="kit-table"><caption>{escape(caption)}</caption>'
            f'<thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table></div>')


def _as_of(date, caveat: str) -> str:
    return f"<p class='kit-asof'>As of {escape(day(date))}. {escape(' '.join(caveat.split()))}</p>"


def automated_decisions_html() -> str:
    """The EU and UK rules on decisions made by automation alone, side by side, each statement sourced."""
    content = automated_decisions()
    regimes = content.regimes
    rows = [
        ["The law", *[escape(r.law) for r in regimes]],
        ["In force", *[_said(r.in_force) for r in regimes]],
        ["The rule", *[_said(r.rule) for r in regimes]],
        ["When it is allowed", *[_list(_said(s) for s in r.allowed) for r in regimes]],
        ["Safeguards required", *[_list(_said(s) for s in r.safeguards) for r in regimes]],
        ["Special category data", *[_said(r.special) for r in regimes]],
    ]
    sources = _list(escape(s.title) + (f" ({escape(s.url)})" if s.url else "") for s in content.sources)
    return (f'<div class="kit-reg">{CSS}'
            + _table(content.title, ["What the law says", *[r.name for r in regimes]], rows, row_headers=True)
            + _as_of(content.as_of, content.not_legal_advice)
            + f"<details><summary>Sources</summary>{sources}</details></div>")


def automated_decisions_key_point_html() -> str:
    """The key point on automated decisions, as one bullet with its date (the sources are in the table)."""
    content = automated_decisions()
    return (f'<div class="kit-reg">{CSS}<ul><li>{escape(" ".join(content.key_point.split()))} '
            f"<span class='kit-asof'>(As of {escape(day(content.as_of))}; the sources are in the table under "
            "\"When should a person decide?\".)</span></li></ul></div>")


def ai_act_overview_html() -> str:
    """The four tiers of the EU AI Act, their articles and dates, and the caveats on the dates."""
    content = ai_act()
    rows = [[escape(t.label), escape(" ".join(t.summary.split())), escape(t.article),
             escape(day(content.date(t.applies_from).date))] for t in content.tiers]
    dates = [f"<strong>{escape(day(d.date))}</strong>: {escape(d.covers)}"
             + (f" <em>{escape(' '.join(d.note.split()))}</em>" if d.note else "")
             + f"<span class='kit-source'>({escape(d.source)})</span>" for d in content.dates]
    return (f'<div class="kit-reg">{CSS}'
            + _table(f"The tiers of the {content.title.removesuffix(' triage')}",
                     ["Tier", "What it means", "Article", "Applies from"], rows, row_headers=True, short=(2, 3))
            + f"<h3>When each part applies</h3>{_list(dates)}"
            + _as_of(content.as_of, content.not_legal_advice) + "</div>")


def triage_result_html(result: Triage, title: str) -> str:
    """One triage as the app shows it: tier, why, duties with articles and dates, the dates' caveats."""
    content = ai_act()
    summary = " ".join(content.tier(result.tier).summary.split())
    reasons = _list(escape(r) for r in result.reasons) if result.reasons else \
        "<p>No answer places it in a higher tier.</p>"
    duties = [[escape(f"{o.title}: {' '.join(o.text.split())}"), escape(o.article), escape(day(d.date))]
              for o, d in result.obligations]
    duties_from = escape(day(content.date(content.question("transparency").applies_from).date))
    duties += [[escape(f"Transparency duty of the {d.who}: {d.text}"), escape(d.article), duties_from]
               for d in result.duties]
    fria = "required" if result.fria_required else "not required"
    notes = [" ".join(d.note.split()) for d in result.dates if d.note]  # notice() escapes them
    return (f'<div class="kit-reg kit-triage-result">{CSS}'
            f'<p class="kit-level">{escape(title)}: {escape(result.tier_label)}</p><p>{escape(summary)}</p>'
            f"<h4>Why</h4>{reasons}"
            f"<p><strong>Fundamental-rights impact assessment (Article 27):</strong> {fria}.</p>"
            + _table("What you must do as the deployer", ["Duty", "Article", "Applies from"], duties, short=(1, 2))
            + "".join(notice(note, "warning") for note in notes)
            + _as_of(result.as_of, result.not_legal_advice) + "</div>")


def ll144_guide_html() -> str:
    """What New York City's Local Law 144 requires, how the summary is worked out, and what it is not."""
    guide = ll144_guide()
    requires = [f"<strong>{escape(i.title)}.</strong> {_said(i)}" for i in guide.requires]
    sums = [f"<strong>{escape(i.title)}.</strong> {_said(i)}" for i in guide.calculations]
    sources = _list(escape(s.title) + (f" ({escape(s.url)})" if s.url else "") for s in guide.sources)
    return (f'<div class="kit-reg">{CSS}<p>{escape(guide.law)}.</p>'
            f"<h3>What the law requires</h3>{_list(requires)}"
            f"<h3>What the kit's summary is not</h3>{_list(escape(i.text) for i in guide.not_this)}"
            f"<details><summary>How the summary's numbers are worked out</summary>{_list(sums)}</details>"
            f"<details><summary>Sources</summary>{sources}</details>"
            + _as_of(guide.as_of, guide.not_legal_advice) + "</div>")
