"""Charts of the measure lesson: a KPI's trend against its target, and selection rates by group by month.

Each chart has a text alternative computed from the same numbers (read
aloud by screen readers) and is shown with its data table. The dashboard's
browser draws it from a Vega-Lite specification (``*_spec``), so a click costs
the kernel no drawing; the matplotlib figures (``*_figure``) serve the slides
and handouts. Both read their colours, markers and dashes from here. Colours are
Okabe-Ito; off-target months and flagged groups also get a different marker,
and each group its own marker and dash, so nothing depends on colour.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, NamedTuple

import pandas as pd

from kit.measure._kpis import Kpi
from kit.measure._monitoring import MONTH_NAMES
from kit.toolkit import FLAG_COLOUR, PASS_COLOUR, vega_spec

if TYPE_CHECKING:  # matplotlib loads with the first figure (slides, handouts), never for the dashboard
    from kit.toolkit._plots import Figure

_SHORT = [name[:3] for name in MONTH_NAMES]
# Okabe-Ito colours and distinct markers / line styles, one per group.
_SERIES = [("#0072B2", "o", "-"), ("#E69F00", "s", "--"), ("#009E73", "^", "-."),
           ("#CC79A7", "D", ":"), ("#56B4E9", "v", "-"), ("#000000", "P", "--")]
#: matplotlib's markers and line styles as Vega shapes (the filled X as a path) and dashes (pixels on, off).
_SHAPE = {"o": "circle", "s": "square", "^": "triangle-up", "D": "diamond", "v": "triangle-down", "P": "cross",
          "X": "M-1,-0.6L-0.6,-1L0,-0.4L0.6,-1L1,-0.6L0.4,0L1,0.6L0.6,1L0,0.4L-0.6,1L-1,0.6L-0.4,0Z"}
_DASH = {"-": (), "--": (6, 3), "-.": (8, 3, 2, 3), ":": (2, 2)}
#: The month axis of both specifications: short names in calendar order.
_MONTH_X = {"field": "month", "type": "ordinal", "sort": _SHORT, "title": None, "axis": {"labelAngle": 0}}
#: Colour, shape and dash taken as they are from a data row (:meth:`_Entry.style`): no scale, no legend.
_AS_IS = {field: {"field": field, "type": "nominal", "scale": None} for field in ("colour", "shape", "dash")}


class _Entry(NamedTuple):
    """One thing a chart draws and its legend names: words, colour, marker (None: a line), dash, hollow or not."""

    words: str
    colour: str
    marker: str | None = None
    dash: tuple[int, ...] = ()
    hollow: bool = False

    def style(self) -> dict:
        """How the browser draws it: colour, Vega shape and dash, as fields of a data row."""
        return {"series": self.words, "colour": self.colour, "shape": _SHAPE.get(self.marker, "stroke"),
                "dash": list(self.dash)}


#: A month's marker by whether it met its target.
_MET = {True: _Entry("on target", PASS_COLOUR, "o"), False: _Entry("off target", FLAG_COLOUR, "X")}
#: The target and four-fifths lines: near-black (well above 4.5:1 on white), dashed.
REFERENCE_COLOUR, FOUR_FIFTHS_DASH = "#222222", (4, 3)
CIRCLED, FOUR_FIFTHS = "below four-fifths (circled)", "four-fifths of the highest"


def _met(value) -> bool | None:
    """True, False or None (nothing to measure), whatever type pandas stored it as."""
    return None if value is None or value != value else bool(value)


def _target(kpi: Kpi, rows: pd.DataFrame) -> tuple[float, _Entry]:
    """The KPI's target in ``rows`` and its line: dashed, near-black, named in the legend."""
    target = float(rows["target"].iloc[0])
    return target, _Entry(f"target {kpi.target_text(target)}", REFERENCE_COLOUR, dash=_DASH["--"])


def _number(value, times: float = 1) -> float | None:
    """``value × times`` for a specification (JSON has no NaN): None when there is nothing to draw."""
    return None if value is None or value != value else round(float(value) * times, 4)


def kpi_trend_figure(kpi: Kpi, rows: pd.DataFrame) -> Figure:
    """A KPI month by month: a line, the target as a dashed line, off-target months as crosses.

    Parameters
    ----------
    kpi : Kpi
        The KPI (for its name and unit).
    rows : pandas.DataFrame
        Its rows of :func:`kit.measure._kpis.kpi_frame` (month, value, target, on target).
    """
    from kit.toolkit import new_figure

    figure = new_figure(6.4, 3.0)
    axes = figure.add_subplot()
    months, values = rows["month"].tolist(), rows["value"].tolist()
    axes.plot(months, values, color=PASS_COLOUR, linewidth=1.5)
    for status, entry in _MET.items():
        chosen = rows[[_met(value) is status for value in rows["on target"]]]
        if len(chosen):
            axes.scatter(chosen["month"], chosen["value"], color=entry.colour, marker=entry.marker, s=60,
                         zorder=3, label=entry.words)
    target, line = _target(kpi, rows)
    axes.axhline(target, color=line.colour, linestyle="--", linewidth=1.2, label=line.words)
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
    target, _ = _target(kpi, rows)
    return f"Line chart of {kpi.name} by month, target {kpi.target_text(target)}: {'; '.join(parts)}."


def kpi_trend_spec(kpi: Kpi, rows: pd.DataFrame) -> dict:
    """:func:`kpi_trend_figure` as a Vega-Lite specification, drawn by the attendee's browser.

    A month with no data breaks the line and has no marker, as in the figure.
    """
    target, line = _target(kpi, rows)
    months = [{"month": _SHORT[month - 1], "value": _number(value),
               **({} if _met(met) is None else _MET[_met(met)].style())}
              for month, value, met in zip(rows["month"], rows["value"], rows["on target"])]
    shown = [entry for entry in _MET.values() if any(m.get("series") == entry.words for m in months)]
    y = {"field": "value", "type": "quantitative", "title": kpi.unit.replace("_", " "), "scale": {"zero": False}}
    return vega_spec(width=560, height=260, layer=[
        {"data": {"values": months}, "mark": {"type": "line", "color": PASS_COLOUR, "strokeWidth": 1.5},
         "encoding": {"x": _MONTH_X, "y": y}},
        {"data": {"values": [m for m in months if "series" in m]},
         "mark": {"type": "point", "filled": True, "size": 90, "opacity": 1},
         "encoding": {"x": _MONTH_X, "y": y, "color": _AS_IS["colour"], "shape": _AS_IS["shape"]}},
        {"data": {"values": [{"value": target, **line.style()}]},
         "mark": {"type": "rule", "strokeWidth": 1.2},
         "encoding": {"y": y, "color": _AS_IS["colour"], "strokeDash": _AS_IS["dash"]}},
        _legend([*shown, line]),
    ])


def selection_trend_figure(table: pd.DataFrame, label: str) -> Figure:
    """Selection rate of each group by month, four-fifths of the highest judged rate dashed.

    Parameters
    ----------
    table : pandas.DataFrame
        :func:`kit.measure._drift.selection_by_month` output.
    label : str
        The attribute in words, for the legend title.
    """
    from kit.toolkit import new_figure

    figure = new_figure(6.4, 3.4)
    axes = figure.add_subplot()
    circled = CIRCLED
    for (group, rows), (colour, marker, style) in zip(table.groupby("group", sort=True), _SERIES * 3):
        axes.plot(rows["month"], rows["selection rate"] * 100, color=colour, marker=marker,
                  linestyle=style, label=group)
        flagged = rows[rows["status"] == "below four-fifths"]
        if len(flagged):
            axes.scatter(flagged["month"], flagged["selection rate"] * 100, s=140, facecolors="none",
                         edgecolors=FLAG_COLOUR, linewidths=2, zorder=3, label=circled)
            circled = None  # one legend entry is enough
    line = _four_fifths(table)
    axes.plot(line.index, line.to_numpy(), color=REFERENCE_COLOUR, linestyle=(0, FOUR_FIFTHS_DASH),
              linewidth=1, label=FOUR_FIFTHS)
    axes.set_xticks(list(range(1, 13)), _SHORT)
    axes.set_ylabel("Shortlisted (%)")
    axes.set_ylim(0, _rate_top(table))
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


def selection_trend_spec(table: pd.DataFrame, label: str) -> dict:
    """:func:`selection_trend_figure` as a Vega-Lite specification, drawn by the attendee's browser."""
    styles = {group: _Entry(group, colour, marker, _DASH[style])
              for group, (colour, marker, style) in zip(sorted(table["group"].unique()), _SERIES * 3)}
    circled, four_fifths = _Entry(CIRCLED, FLAG_COLOUR, "o", hollow=True), _Entry(FOUR_FIFTHS, REFERENCE_COLOUR,
                                                                                  dash=FOUR_FIFTHS_DASH)
    rates = [{"month": _SHORT[month - 1], "rate": _number(rate, 100), "flagged": status == "below four-fifths",
              **styles[group].style()}
             for month, group, rate, status in zip(table["month"], table["group"], table["selection rate"],
                                                   table["status"])]
    flagged = [{**rate, **circled.style()} for rate in rates if rate["flagged"]]
    lines = rates + [{"month": _SHORT[month - 1], "rate": _number(rate), **four_fifths.style()}
                     for month, rate in _four_fifths(table).items()]
    position = {"x": _MONTH_X, "y": {"field": "rate", "type": "quantitative", "title": "Shortlisted (%)",
                                     "scale": {"domain": [0, _rate_top(table)], "nice": False}}}
    marker = {**position, "color": _AS_IS["colour"], "shape": _AS_IS["shape"]}
    return vega_spec(width=560, height=300, layer=[
        {"data": {"values": lines}, "mark": {"type": "line", "strokeWidth": 1.5},
         "encoding": {**position, "color": _AS_IS["colour"], "strokeDash": _AS_IS["dash"],
                      "detail": {"field": "series", "type": "nominal"}}},
        {"data": {"values": rates}, "mark": {"type": "point", "filled": True, "size": 50, "opacity": 1},
         "encoding": marker},
        *([{"data": {"values": flagged}, "mark": {"type": "point", "filled": False, "size": 260, "strokeWidth": 2,
                                                  "opacity": 1}, "encoding": marker}] if flagged else []),
        _legend([*styles.values(), *([circled] if flagged else []), four_fifths], title=label),
    ])


def _four_fifths(table: pd.DataFrame) -> pd.Series:
    """Four-fifths of the highest judged rate, in percent, by month: below it a group is flagged."""
    return table[table["status"] == "reference (highest rate)"].set_index("month")["selection rate"].sort_index() * 80


def _rate_top(table: pd.DataFrame) -> float:
    """The top of the selection-rate axis, in percent: room above the highest rate, and at least 50%."""
    return max(50.0, float(table["selection rate"].max()) * 110)


def _legend(entries: list[_Entry], title: str | None = None) -> dict:
    """A layer that draws nothing but the legend of ``entries``, in order.

    Each symbol is drawn as on the chart: a marker (filled, or a ring when hollow), or a line with its dash.
    The legend is one layer's so that the chart's layers, each with its own kind of mark, need not agree on it.
    """
    def each(values: list) -> str:  # one value per entry, chosen by the entry's words
        return f"{json.dumps(values)}[indexof({json.dumps([entry.words for entry in entries])}, datum.value)]"

    ring = [entry.hollow or not entry.marker for entry in entries]  # drawn by its outline only
    symbols = {"shape": each([entry.style()["shape"] for entry in entries]),
               "stroke": f"{each(ring)} ? scale('color', datum.value) : 'transparent'",
               "fillOpacity": each([0 if r else 1 for r in ring]),
               "strokeDash": each([[] if entry.marker else list(entry.dash) for entry in entries])}
    symbols = {name: {"value": {"expr": expr}} for name, expr in symbols.items()}
    legend = {"title": title, "orient": "bottom", "direction": "horizontal", "columns": 3, "labelLimit": 0,
              "titleLimit": 0, "symbolStrokeWidth": 2, "encoding": {"symbols": symbols}}
    return {"data": {"values": []}, "mark": {"type": "point", "filled": True, "opacity": 1},
            "encoding": {"color": {"field": "series", "type": "nominal", "legend": legend, "scale": {
                "domain": [entry.words for entry in entries], "range": [entry.colour for entry in entries]}}}}
