"""Turn a matplotlib figure into PNG text for :func:`kit.toolkit._widgets.chart`.

matplotlib is imported here only, and through ``Figure`` rather than
``pyplot``, so no global state (backend, style) changes behind the reader.
"""

from __future__ import annotations

import base64
import io

from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Rectangle

from kit.toolkit._bar_spec import FLAG_COLOUR, OTHER_COLOUR, PASS_COLOUR  # flagged bars are also hatched here

__all__ = ["FLAG_COLOUR", "OTHER_COLOUR", "PASS_COLOUR", "Figure", "Line2D", "Patch", "Rectangle", "new_figure",
           "to_png"]


def new_figure(width: float = 6.0, height: float = 3.5) -> Figure:
    """A fresh figure not registered with pyplot (nothing leaks between calls)."""
    return Figure(figsize=(width, height), dpi=100, layout="constrained")


def to_png(figure: Figure) -> str:
    """Return the figure as base64 PNG text, with fixed metadata so bytes repeat."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", metadata={"Software": None})
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def selection_rates_figure(result) -> Figure:
    """Horizontal bars of each group's selection rate, its 95% range, and the four-fifths line.

    Parameters
    ----------
    result : kit.fairness.AuditResult
        The audit to draw.
    """
    groups = list(result.by_group)
    figure = new_figure(6.4, 0.45 * len(groups) + 1.4)
    axes = figure.add_subplot()
    rates = [g.selection_rate * 100 for g in groups]
    lower = [max(0.0, g.selection_rate - g.ci_low) * 100 for g in groups]
    upper = [max(0.0, g.ci_high - g.selection_rate) * 100 for g in groups]
    colours = [FLAG_COLOUR if g.flagged else PASS_COLOUR if g.judged else OTHER_COLOUR for g in groups]
    bars = axes.barh(range(len(groups)), rates, xerr=[lower, upper], color=colours,
                     error_kw={"ecolor": "#333333", "capsize": 3})
    for bar, group in zip(bars, groups):
        if group.flagged:
            bar.set_hatch("//")
    axes.set_yticks(range(len(groups)), [g.name for g in groups])
    axes.invert_yaxis()
    reference = result.reference_group
    if reference is not None:
        line = reference.selection_rate * 80
        axes.axvline(line, color="#222222", linestyle="--", linewidth=1.2)
        axes.annotate("four-fifths of the highest rate", (line, -0.6), fontsize=8, color="#222222",
                      annotation_clip=False)
    axes.set_xlabel("Selection rate (%), with 95% range")
    axes.set_xlim(0, max(100 * max((g.ci_high for g in groups), default=0.1) * 1.1, 5))
    axes.spines[["top", "right"]].set_visible(False)
    return figure


def selection_rates_alt(result) -> str:
    """The text alternative of :func:`selection_rates_figure`: every bar in words."""
    parts = []
    for g in result.by_group:
        note = " (below four-fifths)" if g.flagged else "" if g.judged else f" ({g.status})"
        parts.append(f"{g.name} {g.selection_rate:.1%}{note}")
    reference = result.reference_group
    line = (f" The dashed line marks four-fifths of the highest judged rate, "
            f"{reference.selection_rate * 0.8:.1%}." if reference is not None else "")
    groups = " and ".join(group.replace("_", " ") for group in result.groups)
    return f"Bar chart of selection rate by {groups}: {'; '.join(parts)}.{line}"
