"""One audit result as the apps show it: verdict, chart with text alternative, table, narration."""

from __future__ import annotations

from kit.fairness import AuditResult, narrate
from kit.fairness._report import audit_sections
from kit.toolkit import selection_rates_alt, selection_rates_figure, to_png
from kit.toolkit import Part, joined
from kit.toolkit import chart, escape, notice


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
    """The verdict, the chart (drawn when called, see :class:`StagedHTML`), then the table and narration."""
    sections = audit_sections(result)
    story = "".join(f"<li>{escape(sentence)}</li>" for sentence in narrate(result))

    def figure() -> str:
        return chart(to_png(selection_rates_figure(result)), alt=selection_rates_alt(result), caption=caption)

    return [verdict_notice(result), figure,
            f'{sections["table"]}<details><summary>What these numbers mean</summary><ul>{story}</ul></details>']


def audit_view_html(result: AuditResult, caption: str = "Selection rate by group") -> str:
    """The whole audit as HTML; every value from the data is escaped."""
    return f'<div class="kit-audit">{joined(audit_view_parts(result, caption))}</div>'
