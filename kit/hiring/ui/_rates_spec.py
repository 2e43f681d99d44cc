"""The audit's selection-rate chart as a Vega-Lite specification, drawn by the attendee's browser.

The same bars as :func:`kit.toolkit.selection_rates_figure` (its 95% ranges, its
colours, its four-fifths line), so moving the bias explorer's slider costs the
kernel no drawing. Where the picture hatches a flagged bar, this chart writes
"below four-fifths" after it.
"""

from __future__ import annotations

from kit.fairness import AuditResult
from kit.toolkit import FLAG_COLOUR, OTHER_COLOUR, PASS_COLOUR, Bar, Line, bar_spec

#: Colour of each kind of group, in the legend's words.
RATE_COLOURS = {"passes": PASS_COLOUR, "below four-fifths": FLAG_COLOUR, "not judged": OTHER_COLOUR}
#: Words by the four-fifths line, as in the picture.
LINE_LABEL = "four-fifths of the highest rate"


def _kind(group) -> str:
    return "below four-fifths" if group.flagged else "passes" if group.judged else "not judged"


def _words(group) -> str:
    note = " below four-fifths" if group.flagged else "" if group.judged else f" ({group.status})"
    return f"{group.selection_rate:.1%}{note}"


def selection_rates_spec(result: AuditResult) -> dict:
    """Each group's selection rate (%) with its 95% range, and the four-fifths line when there is one."""
    groups = list(result.by_group)
    bars = [Bar(g.name, g.selection_rate * 100, _kind(g), _words(g), g.ci_low * 100, g.ci_high * 100)
            for g in groups]
    reference = result.reference_group
    lines = [Line(reference.selection_rate * 80, LINE_LABEL)] if reference is not None else []
    top = max(100 * max((g.ci_high for g in groups), default=0.1) * 1.1, 5)
    return bar_spec(bars, RATE_COLOURS, "Selection rate (%), with 95% range", domain=(0, top), lines=lines,
                    legend="Four-fifths rule", words_in_column=True)
