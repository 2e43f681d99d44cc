"""Charts of the measure lesson: a KPI's trend against its target, and selection rates by group by month.

Each figure has a text alternative computed from the same numbers (read
aloud by screen readers) and is shown with its data table by
:func:`kit.toolkit._widgets.chart`. Colours are Okabe-Ito; off-target months and
flagged groups also get a different marker, so nothing depends on colour.
"""

from __future__ import annotations

import pandas as pd

from kit.toolkit._plots import Figure
from kit.measure._kpis import Kpi
from kit.measure._monitoring import MONTH_NAMES
from kit.toolkit._plots import FLAG_COLOUR, PASS_COLOUR, new_figure

_SHORT = [name[:3] for name in MONTH_NAMES]
# Okabe-Ito colours and distinct markers / line styles, one per group.
_SERIES = [("#0072B2", "o", "-"), ("#E69F00", "s", "--"), ("#009E73", "^", "-."),
           ("#CC79A7", "D", ":"), ("#56B4E9", "v", "-"), ("#000000", "P", "--")]


def _met(value) -> bool | None:
    """True, False or None (nothing to measure), whatever type pandas stored it as."""
    return None if value is None or value != value else bool(value)


def kpi_trend_figure(kpi: Kpi, rows: pd.DataFrame) -> Figure:
    """A KPI month by month: a line, the target as a dashed line, off-target months as crosses.

    Parameters
    ----------
    kpi : Kpi
        The KPI (for its name and unit).
    rows : pandas.DataFrame
        Its rows of :func:`kit.measure._kpis.kpi_frame` (month, value, target, on target).
    """
    figure = new_figure(6.4, 3.0)
    axes = figure.add_subplot()
    months, values = rows["month"].tolist(), rows["value"].tolist()
    axes.plot(months, values, color=PASS_COLOUR, linewidth=1.5)
    for status, colour, marker, label in ((True, PASS_COLOUR, "o", "on target"),
                                          (False, FLAG_COLOUR, "X", "off target")):
        chosen = rows[[_met(value) is status for value in rows["on target"]]]
        if len(chosen):
            axes.scatter(chosen["month"], chosen["value"], color=colour, marker=marker, s=60,
                         zorder=3, label=label)
    target = float(rows["target"].iloc[0])
    axes.axhline(target, color="#222222", linestyle="--", linewidth=1.2, label=f"target {kpi.target_text(target)}")
    axes.set_xticks(list(range(1, 13)), _SHORT)
    axes.set_ylabel(kpi.unit.replace("_", " "))
    axes.spines[["top", "right"]].set_visible(False)
    axes.legend(loc="best", fontsize=8, frameon=False)
    return figure


def kpi_trend_alt(kpi: Kpi, rows: pd.DataFrame) -> str:
    """Every month of :func:`kpi_trend_figure` in words."""
    parts = []
    for _, row in rows.iterrows():
        met = _met(row["on target"])
        note = "" if met is None else " on target" if met else " off target"
        parts.append(f"{MONTH_NAMES[row['month'] - 1]} {kpi.format(row['value'])}{note}")
    target = float(rows["target"].iloc[0])
    return f"Line chart of {kpi.name} by month, target {kpi.target_text(target)}: {'; '.join(parts)}."


def selection_trend_figure(table: pd.DataFrame, label: str) -> Figure:
    """Selection rate of each group by month, four-fifths of the highest judged rate dashed.

    Parameters
    ----------
    table : pandas.DataFrame
        :func:`kit.measure._drift.selection_by_month` output.
    label : str
        The attribute in words, for the legend title.
    """
    figure = new_figure(6.4, 3.4)
    axes = figure.add_subplot()
    circled = "below four-fifths (circled)"
    for (group, rows), (colour, marker, style) in zip(table.groupby("group", sort=True), _SERIES * 3):
        axes.plot(rows["month"], rows["selection rate"] * 100, color=colour, marker=marker,
                  linestyle=style, label=group)
        flagged = rows[rows["status"] == "below four-fifths"]
        if len(flagged):
            axes.scatter(flagged["month"], flagged["selection rate"] * 100, s=140, facecolors="none",
                         edgecolors=FLAG_COLOUR, linewidths=2, zorder=3, label=circled)
            circled = None  # one legend entry is enough
    line = table[table["status"] == "reference (highest rate)"].set_index("month")["selection rate"] * 80
    axes.plot(line.index, line.to_numpy(), color="#222222", linestyle=(0, (4, 3)), linewidth=1,
              label="four-fifths of the highest")
    axes.set_xticks(list(range(1, 13)), _SHORT)
    axes.set_ylabel("Shortlisted (%)")
    axes.set_ylim(0, max(50.0, float(table["selection rate"].max()) * 110))
    axes.spines[["top", "right"]].set_visible(False)
    axes.legend(title=label, loc="lower left", fontsize=8, title_fontsize=8, frameon=False, ncol=2)
    return figure


def selection_trend_alt(table: pd.DataFrame, label: str) -> str:
    """The text alternative of :func:`selection_trend_figure`: each group's first and last rate, and flags."""
    parts = []
    for group, rows in table.groupby("group", sort=True):
        rows = rows.sort_values("month")
        flagged = [MONTH_NAMES[m - 1] for m in rows.loc[rows["status"] == "below four-fifths", "month"]]
        flags = f", below four-fifths in {', '.join(flagged)}" if flagged else ""
        parts.append(f"{group} from {rows['selection rate'].iloc[0]:.1%} in {MONTH_NAMES[rows['month'].iloc[0] - 1]} "
                     f"to {rows['selection rate'].iloc[-1]:.1%} in {MONTH_NAMES[rows['month'].iloc[-1] - 1]}{flags}")
    return f"Line chart of the monthly selection rate by {label.lower()}: {'; '.join(parts)}."
