"""Horizontal bars as a Vega-Lite specification: the live bar charts the attendee's browser draws.

One shape serves the audit's selection rates, the explainer's effects and the
vendor checklist's scores: a bar per row in the order given, its colour named
in words, optional 95% ranges, words for each bar past its end or in a column
beside the bars (so no difference is told by colour alone) and vertical
reference lines. The colours live here, matplotlib-free, so a lesson page can
build a chart without loading it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from kit.toolkit._vega import vega_spec

# Okabe-Ito colours, safe for colour-blind readers: passes, flagged, neither.
PASS_COLOUR, FLAG_COLOUR, OTHER_COLOUR = "#0072B2", "#D55E00", "#999999"
#: Width of the bars' area, height of one bar's row (two lines of label) and of a label's line, in pixels.
WIDTH, STEP, LINE_HEIGHT = 400, 32, 14
#: Lines, outlines and error bars: near-black, well above 4.5:1 on white.
INK = "#222222"
#: Words on the chart: black, the size of the axes' labels.
TEXT = {"type": "text", "color": "#000000", "fontSize": 12}


@dataclass(frozen=True)
class Bar:
    """One bar: its label (lines split by ``"\\n"``), length, colour's name, words, and range if any."""

    label: str
    value: float
    kind: str
    words: str = ""
    low: float | None = None
    high: float | None = None


@dataclass(frozen=True)
class Line:
    """A vertical reference line across the bars at ``at``, labelled above them when ``label`` is given."""

    at: float
    label: str = ""
    dashed: bool = True


def bar_spec(bars: Sequence[Bar], colours: Mapping[str, str], x_title: str | list[str],
             domain: tuple[float, float] | None = None, ticks: Sequence[float] | None = None,
             lines: Sequence[Line] = (), legend: str | None = None, show_legend: bool = True,
             words_in_column: bool = False) -> dict:
    """The bars as a Vega-Lite specification with the kit's shared settings.

    Parameters
    ----------
    bars : sequence of Bar
        Top to bottom.
    colours : mapping of str to str
        Colour of each kind of bar, in the legend's order (kinds no bar has are left out).
    x_title : str or list of str
        The value axis's title; a list is one line each.
    domain, ticks : optional
        The value axis's range and tick values (by default from the data, with zero).
    lines : sequence of Line
        Reference lines, drawn over the bars.
    legend, show_legend :
        The legend's title, and whether to show the legend at all (when the words name every colour).
    words_in_column : bool
        Write the words in a column right of the bars, clear of the lines, instead of at each bar's end.
    """
    x_scale = {"zero": True} | ({"domain": list(domain), "nice": False} if domain else {})
    x_axis = {"values": list(ticks)} if ticks is not None else {}

    def x(field: str) -> dict:
        return {"field": field, "type": "quantitative", "title": x_title, "scale": x_scale, "axis": x_axis}

    kinds = {bar.kind for bar in bars}
    shown = [kind for kind in colours if kind in kinds]
    most = max((bar.label.count("\n") + 1 for bar in bars), default=1)
    y = {"field": "label", "type": "nominal", "sort": None, "title": None, "axis": _label_axis(most)}
    colour = {"field": "kind", "type": "nominal", "scale": {"domain": shown, "range": [colours[k] for k in shown]},
              "legend": {"title": legend, "orient": "bottom", "direction": "horizontal", "titleLimit": 0,
                         "labelLimit": 0, "symbolStrokeColor": INK, "symbolStrokeWidth": 0.6}
              if show_legend else None}
    layers = [{"mark": {"type": "bar", "stroke": INK, "strokeWidth": 0.6},
               "encoding": {"y": y, "x": x("value"), "color": colour}}]
    if any(bar.low is not None for bar in bars):
        layers.append({"transform": [{"filter": "isValid(datum.low)"}],
                       "mark": {"type": "errorbar", "ticks": True, "color": INK},
                       "encoding": {"y": y, "x": x("low"), "x2": {"field": "high"}}})
    for line in lines:
        layers += _line(line)
    if words_in_column:
        layers.append({"transform": [{"filter": "datum.words"}], "mark": TEXT | {"align": "left", "x": WIDTH + 8},
                       "encoding": {"y": y, "text": {"field": "words"}}})
    else:  # past the end of the bar, on its side of zero
        layers += [{"transform": [{"filter": f"datum.words && {side}"}], "mark": TEXT | {"align": align, "dx": dx},
                    "encoding": {"y": y, "x": x("end"), "text": {"field": "words"}}}
                   for side, align, dx in (("datum.value >= 0", "left", 5), ("datum.value < 0", "right", -5))]
    return vega_spec(data={"values": [_row(bar) for bar in bars]}, width=WIDTH,
                     height={"step": max(STEP, LINE_HEIGHT * most + 6)}, layer=layers)


def _label_axis(most: int) -> dict:
    """The bars' labels, a line each part, each centred on its bar (Vega starts a label's first line there)."""
    lines = "length(split(datum.value, '\\n'))"
    offsets = [{"test": f"{lines} == {n}", "value": -(n - 1) * LINE_HEIGHT / 2} for n in range(most, 1, -1)]
    axis = {"labelExpr": "split(datum.label, '\\n')", "labelLimit": 260, "labelLineHeight": LINE_HEIGHT,
            "labelPadding": 6, "ticks": False}
    return axis | {"labelOffset": {"condition": offsets, "value": 0}} if offsets else axis


def _line(line: Line) -> list[dict]:
    """A reference line across the bars, and its label above them."""
    at = {"x": {"datum": line.at, "type": "quantitative"}}
    rule = {"data": {"values": [{}]}, "encoding": at,
            "mark": {"type": "rule", "color": INK, "strokeWidth": 1.2, "strokeDash": [6, 4] if line.dashed else []}}
    label = {"data": {"values": [{}]}, "encoding": at | {"text": {"value": line.label}},
             "mark": TEXT | {"align": "left", "baseline": "bottom", "dx": 3, "y": -4}}
    return [rule, label] if line.label else [rule]


def _row(bar: Bar) -> dict:
    """A bar as a data row; ``end`` is where its words start, past the bar and its range."""
    if bar.value >= 0:
        end = max(bar.value, bar.high if bar.high is not None else bar.value)
    else:
        end = min(bar.value, bar.low if bar.low is not None else bar.value)
    return {"label": bar.label, "value": bar.value, "kind": bar.kind, "words": bar.words,
            "low": bar.low, "high": bar.high, "end": end}
