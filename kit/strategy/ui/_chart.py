"""The value × ethical-risk matrix of the strategy lesson.

The triage app draws it in the browser (:func:`matrix_spec`, Vega-Lite), so a
click costs the kernel no drawing; matplotlib's ``Figure`` (no pyplot) draws the
same picture for pages drawn once, the slides and the handouts
(:func:`matrix_figure`). Both read their colours, words and positions from here.
"""

from __future__ import annotations

import json
from typing import Sequence


from kit.toolkit._plots import Figure, Line2D, Rectangle
from kit.strategy import (LOW_RISK_MAX, QUADRANTS, WORTHWHILE_VALUE, UseCase, display_frame, matrix_alt,
                          recommend, risk_band, scales)
from kit.toolkit import new_figure, to_png
from kit.toolkit import table_html
from kit.toolkit import chart, vega_spec

# Okabe-Ito colours, safe for colour-blind readers; each band also has its own marker shape (``marker`` for
# matplotlib, ``shape`` and its ``area`` in px² for Vega-Lite, where a triangle needs more room for its number).
# ``nudge`` lowers the number to a triangle's centre, in value units.
BAND_STYLE = {
    "low": {"color": "#0072B2", "marker": "o", "shape": "circle", "area": 600, "text": "white", "nudge": 0,
            "label": "Low risk (1-2)"},
    "medium": {"color": "#E69F00", "marker": "s", "shape": "square", "area": 520, "text": "black", "nudge": 0,
               "label": "Medium risk (3)"},
    "high": {"color": "#D55E00", "marker": "^", "shape": "triangle-up", "area": 900, "text": "black", "nudge": 0.05,
             "label": "High risk (4-5)"},
}
#: The matrix's visible title.
MATRIX_CAPTION = "Your use cases: value against ethical risk"
PILOT_LABEL = "Recommended first pilot"
_AXES = {"risk": "Ethical risk: who could be harmed, and how badly", "value": "Value: how much it helps"}
_SHADE = {"fill": "#e6f2ea", "edge": "#7fb08f"}  # the "worthwhile, low-risk" quadrant
_DIVIDER, _DARK, _RING = "#444444", "#222222", "#000000"  # dividers; point edges and quadrant names; pilot ring
_LEVELS = range(1, 6)
_STEP = 0.28  # spacing between use cases that share a cell of the matrix
_X, _Y = (0.5, 5.5), (0.4, 5.6)  # the axes' limits
_EDGE_RISK, _EDGE_VALUE = LOW_RISK_MAX + 0.5, WORTHWHILE_VALUE - 0.5  # the dashed dividers
#: Where each quadrant's name is written: (worthwhile, low risk) → (x, y, alignment).
_CORNERS = {(True, True): (0.6, 5.42, "left"), (True, False): (5.4, 5.42, "right"),
            (False, True): (0.6, 0.62, "left"), (False, False): (5.4, 0.62, "right")}


def _positions(use_cases: Sequence[UseCase]) -> list[tuple[float, float]]:
    """Where each point goes: use cases with the same scores are spread in a small grid."""
    cells: dict[tuple[int, int], list[int]] = {}
    for i, case in enumerate(use_cases):
        cells.setdefault((case.risk, case.value), []).append(i)
    where = [(0.0, 0.0)] * len(use_cases)
    for (risk, value), members in cells.items():
        per_row = min(3, len(members))
        rows = (len(members) + per_row - 1) // per_row
        for k, i in enumerate(members):
            row, col = divmod(k, per_row)
            where[i] = (round(risk + (col - (per_row - 1) / 2) * _STEP, 3),
                        round(value - (row - (rows - 1) / 2) * _STEP, 3))
    return where


def _placed(use_cases: Sequence[UseCase]) -> list[tuple[int, float, float, dict, bool]]:
    """Each use case as (its number, x, y, its band's style, whether it is the recommended first pilot)."""
    pick = recommend(use_cases).index
    return [(i + 1, x, y, BAND_STYLE[risk_band(case.risk)], i == pick)
            for i, (case, (x, y)) in enumerate(zip(use_cases, _positions(use_cases)))]


def _ticks() -> tuple[list[list[str]], list[str]]:
    """Tick labels from the scales: each risk level as its number over its word, each value as word and number."""
    words = scales()
    return ([[str(n), words["risk"].levels[n].label] for n in _LEVELS],
            [f"{words['value'].levels[n].label} {n}" for n in _LEVELS])


def _frame_axes(axes) -> None:
    """Ticks named from the scales, the four quadrants shaded and named."""
    risk_ticks, value_ticks = _ticks()
    axes.add_patch(Rectangle((_X[0], _EDGE_VALUE), _EDGE_RISK - _X[0], _Y[1] - _EDGE_VALUE, facecolor=_SHADE["fill"],
                             edgecolor=_SHADE["edge"], hatch="..", linewidth=0, zorder=0))
    axes.axvline(_EDGE_RISK, color=_DIVIDER, linestyle="--", linewidth=1)
    axes.axhline(_EDGE_VALUE, color=_DIVIDER, linestyle="--", linewidth=1)
    for key, (x, y, align) in _CORNERS.items():
        axes.text(x, y, QUADRANTS[key], ha=align, va="center", fontsize=8.5, color=_DARK,
                  style="italic", bbox={"facecolor": "white", "edgecolor": "none", "alpha": 0.8, "pad": 1.5})
    axes.set_xlim(*_X)
    axes.set_ylim(*_Y)
    axes.set_xticks(list(_LEVELS), ["\n".join(lines) for lines in risk_ticks], fontsize=8)
    axes.set_yticks(list(_LEVELS), value_ticks, fontsize=8)
    axes.set_xlabel(_AXES["risk"], fontsize=9)
    axes.set_ylabel(_AXES["value"], fontsize=9)
    axes.spines[["top", "right"]].set_visible(False)


def matrix_figure(use_cases: Sequence[UseCase]) -> Figure:
    """Each use case as a numbered point at (ethical risk, value); the recommended pilot is ringed.

    Parameters
    ----------
    use_cases : sequence of UseCase
        Numbered in the chart from 1, in list order, as in the table.
    """
    figure = new_figure(7.0, 5.0)
    axes = figure.add_subplot()
    _frame_axes(axes)
    for number, x, y, style, pilot in _placed(use_cases):
        if pilot:
            axes.scatter([x], [y], s=900, facecolors="none", edgecolors=_RING, linewidths=2.5, zorder=3)
        axes.scatter([x], [y], s=330, color=style["color"], marker=style["marker"], edgecolors=_DARK,
                     linewidths=0.8, zorder=4)
        axes.text(x, y - style["nudge"], str(number), ha="center", va="center",
                  fontsize=8.5 if number < 10 else 7.5, fontweight="bold", color=style["text"], zorder=5)
    handles = [Line2D([], [], linestyle="none", marker=s["marker"], markersize=9, markerfacecolor=s["color"],
                      markeredgecolor=_DARK, label=s["label"]) for s in BAND_STYLE.values()]
    handles.append(Line2D([], [], linestyle="none", marker="o", markersize=14, markerfacecolor="none",
                          markeredgecolor=_RING, markeredgewidth=2.5, label=PILOT_LABEL))
    figure.legend(handles=handles, loc="outside lower center", ncols=4, fontsize=8, frameon=False)
    return figure


def _points(use_cases: Sequence[UseCase]) -> list[dict]:
    """One row per use case for :func:`matrix_spec`: its number, position, band and whether it is the pilot."""
    return [{"number": str(number), "x": x, "y": y, "label_y": round(y - style["nudge"], 3), "band": style["label"],
             "area": style["area"], "ink": style["text"], "font": 11 if number < 10 else 10, "pilot": pilot}
            for number, x, y, style, pilot in _placed(use_cases)]


def _position(field: str, title: str, limits: tuple[float, float], ticks: list) -> dict:
    """A position channel over ``limits``, with a tick at each score labelled by ``ticks`` (a list per line)."""
    return {"field": field, "type": "quantitative", "title": title,
            "scale": {"domain": list(limits), "nice": False, "zero": False},
            "axis": {"values": list(_LEVELS), "grid": False, "labelAngle": 0,
                     "labelExpr": f"{json.dumps([None, *ticks])}[datum.value]"}}


def _frame_layers(x: dict, y: dict) -> list[dict]:
    """The layers of :func:`_frame_axes`: the shaded quadrant, the dashed dividers and the quadrant names."""
    one = {"values": [{}]}
    corners = [{"x": cx, "y": cy, "align": align, "text": QUADRANTS[key]} for key, (cx, cy, align) in _CORNERS.items()]
    return [
        {"data": one, "mark": {"type": "rect", "fill": _SHADE["fill"], "stroke": _SHADE["edge"]},
         "encoding": {"x": {"datum": _X[0], "type": "quantitative"}, "x2": {"datum": _EDGE_RISK},
                      "y": {"datum": _EDGE_VALUE, "type": "quantitative"}, "y2": {"datum": _Y[1]}}},
        *({"data": one, "mark": {"type": "rule", "color": _DIVIDER, "strokeDash": [5, 4]},
           "encoding": {axis: {"datum": edge, "type": "quantitative"}}}
          for axis, edge in (("x", _EDGE_RISK), ("y", _EDGE_VALUE))),
        *({"data": {"values": [c for c in corners if c["align"] == align]},
           "mark": {"type": "text", "align": align, "fontStyle": "italic", "fontSize": 12, "color": _DARK},
           "encoding": {"x": x, "y": y, "text": {"field": "text"}}} for align in ("left", "right")),
    ]


def matrix_spec(use_cases: Sequence[UseCase]) -> dict:
    """The picture of :func:`matrix_figure` as a Vega-Lite specification, drawn by the attendee's browser.

    Layers, bottom to top: the frame (:func:`_frame_layers`), one point per
    use case (band colour and shape, so colour is not the only cue), the ring
    around the recommended pilot and each point's number.

    Parameters
    ----------
    use_cases : sequence of UseCase
        Numbered in the chart from 1, in list order, as in the table; none draws an empty matrix.
    """
    risk_ticks, value_ticks = _ticks()
    x = _position("x", _AXES["risk"], _X, risk_ticks)
    y = _position("y", _AXES["value"], _Y, value_ticks)
    points = {"values": _points(use_cases)}
    bands = {"domain": [s["label"] for s in BAND_STYLE.values()]}
    legend = {"title": None, "orient": "bottom", "direction": "horizontal", "labelLimit": 0, "symbolSize": 200}
    return vega_spec(width=560, height=420, layer=[
        *_frame_layers(x, y),
        {"data": points, "mark": {"type": "point", "filled": True, "stroke": _DARK,
                                  "strokeWidth": 0.8, "opacity": 1},
         "encoding": {"x": x, "y": y, "size": {"field": "area", "type": "quantitative", "scale": None},
                      "color": {"field": "band", "type": "nominal", "legend": legend,
                                "scale": {**bands, "range": [s["color"] for s in BAND_STYLE.values()]}},
                      "shape": {"field": "band", "type": "nominal", "legend": legend,
                                "scale": {**bands, "range": [s["shape"] for s in BAND_STYLE.values()]}}}},
        {"data": points, "transform": [{"filter": "datum.pilot"}],
         "mark": {"type": "point", "shape": "circle", "size": 1500, "strokeWidth": 2.5, "opacity": 1},
         "encoding": {"x": x, "y": y, "stroke": {
             "datum": PILOT_LABEL, "type": "nominal", "scale": {"range": [_RING]},
             "legend": {**legend, "symbolType": "circle", "symbolStrokeWidth": 2.5, "symbolSize": 300}}}},
        {"data": points, "mark": {"type": "text", "fontWeight": "bold", "baseline": "middle"},
         "encoding": {"x": x, "y": {**y, "field": "label_y"}, "text": {"field": "number"},
                      "size": {"field": "font", "type": "quantitative", "scale": None, "legend": None},
                      "fill": {"field": "ink", "type": "nominal", "scale": None, "legend": None}}},
    ])


def matrix_table(use_cases: Sequence[UseCase]) -> str:
    """The numbers behind the matrix, as a table."""
    frame = display_frame(use_cases)[["No.", "Use case", "Value", "Effort", "Ethical risk", "Where it sits",
                                      "Pilot rank"]]
    return table_html(frame, caption="Use cases on the matrix")


def matrix_chart_html(use_cases: Sequence[UseCase]) -> str:
    """The matrix as an ``<img alt>`` with its numbers as a table (see :func:`kit.toolkit._widgets.chart`)."""
    return chart(to_png(matrix_figure(use_cases)), matrix_alt(use_cases), matrix_table(use_cases),
                 caption=MATRIX_CAPTION)
