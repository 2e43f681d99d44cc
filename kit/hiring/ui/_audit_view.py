"""One audit result as the apps show it: verdict, chart with text alternative, table, narration."""

from __future__ import annotations

from kit.fairness import AuditResult, narrate
from kit.fairness._report import audit_sections
from kit.hiring.ui._rates_spec import selection_rates_spec
from kit.toolkit import selection_rates_alt, selection_rates_figure
from kit.toolkit import BrowserChart, Part, joined
from kit.toolkit import escape, notice


#: The audit table inside a widget, styled like the page's own tables (a widget's HTML gets none of the
#: notebook's table styles): borders, room between columns, numbers aligned right, group names left.
AUDIT_CSS = """<style>
.kit-audit table { border-collapse: collapse; margin: 0.6em 0; font-variant-numeric: tabular-nums; }
.kit-audit caption { text-align: left; font-weight: 600; padding-bottom: 0.3em; }
.kit-audit th, .kit-audit td { border: 1px solid #c4c9d1; padding: 0.3em 0.6em; text-align: right;
  vertical-align: top; }
.kit-audit thead th { background: #eef1f5; color: #1a1a1a; text-align: left; }
.kit-audit th[scope=row], .kit-audit td.text { text-align: left; }
.kit-audit tr.flagged th, .kit-audit tr.flagged td { background: #fdeaea; color: #6b0f0f; font-weight: 600; }
</style>"""


def verdict_notice(result: AuditResult) -> str:
    """A coloured banner with the four-fifths verdict in one sentence."""
    if result.four_fifths_pass is None:
        return notice("The four-fifths rule cannot be judged for these groups: see the notes below.", "warning")
    if result.four_fifths_pass:
        return notice(f"Passes the four-fifths rule: the lowest impact ratio is {result.impact_ratio_min:.2f}.",
                      "success")
    names = ", ".join(g.name for g in result.flagged_groups)
    return notice(f"Fails the four-fifths rule: {names} selected at less than four-fifths of the "
                  f"highest rate (lowest impact ratio {result.impact_ratio_min:.2f}).", "warning")


def audit_view_parts(result: AuditResult, caption: str = "Selection rate by group") -> list[Part]:
    """The verdict, the chart (drawn by the browser, see :class:`AnswerView`), then the table and narration.

    A page drawn once (:func:`audit_view_html`) shows the chart as a matplotlib picture.
    """
    sections = audit_sections(result)
    story = "".join(f"<li>{escape(sentence)}</li>" for sentence in narrate(result))
    figure = BrowserChart(selection_rates_spec(result), selection_rates_alt(result), caption=caption,
                          figure=lambda: selection_rates_figure(result))
    return [verdict_notice(result), figure,
            f'{sections["table"]}<details><summary>What these numbers mean</summary><ul>{story}</ul></details>']


def audit_view_html(result: AuditResult, caption: str = "Selection rate by group") -> str:
    """The whole audit as HTML; every value from the data is escaped."""
    return f'<div class="kit-audit">{joined(audit_view_parts(result, caption))}</div>'
