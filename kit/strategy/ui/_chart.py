"""The value × ethical-risk matrix of the strategy lesson, drawn with matplotlib's ``Figure`` (no pyplot)."""

from __future__ import annotations

from typing import Sequence


from kit.toolkit._plots import Figure, Line2D, Rectangle
from kit.strategy import (LOW_RISK_MAX, QUADRANTS, WORTHWHILE_VALUE, UseCase, display_frame, matrix_alt,
                          recommend, risk_band, scales)
from kit.toolkit import new_figure, to_png
from kit.toolkit import table_html
from kit.toolkit import chart

# Okabe-Ito colours, safe for colour-blind readers; each band also has its own marker shape.
BAND_STYLE = {
    "low": {"color": "#0072B2", "marker": "o", "text": "white", "label": "Low risk (1-2)"},
    "medium": {"color": "#E69F00", "marker": "s", "text": "black", "label": "Medium risk (3)"},
    "high": {"color": "#D55E00", "marker": "^", "text": "black", "label": "High risk (4-5)"},
}
_STEP = 0.28  # spacing between use cases that share a cell of the matrix
_TOP = 5.6


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
            where[i] = (risk + (col - (per_row - 1) / 2) * _STEP, value - (row - (rows - 1) / 2) * _STEP)
    return where


def _frame_axes(axes) -> None:
    """Ticks named from the scales, the four quadrants shaded and named."""
    words = scales()
    edge_risk, edge_value = LOW_RISK_MAX + 0.5, WORTHWHILE_VALUE - 0.5
    axes.add_patch(Rectangle((0.5, edge_value), edge_risk - 0.5, _TOP - edge_value, facecolor="#e6f2ea",
                             edgecolor="#7fb08f", hatch="..", linewidth=0, zorder=0))
    axes.axvline(edge_risk, color="#444444", linestyle="--", linewidth=1)
    axes.axhline(edge_value, color="#444444", linestyle="--", linewidth=1)
    corners = {(True, True): (0.6, 5.42, "left"), (True, False): (5.4, 5.42, "right"),
               (False, True): (0.6, 0.62, "left"), (False, False): (5.4, 0.62, "right")}
    for key, (x, y, align) in corners.items():
        axes.text(x, y, QUADRANTS[key], ha=align, va="center", fontsize=8.5, color="#222222",
                  style="italic", bbox={"facecolor": "white", "edgecolor": "none", "alpha": 0.8, "pad": 1.5})
    axes.set_xlim(0.5, 5.5)
    axes.set_ylim(0.4, _TOP)
    axes.set_xticks(range(1, 6), [f"{n}\n{words['risk'].levels[n].label}" for n in range(1, 6)], fontsize=8)
    axes.set_yticks(range(1, 6), [f"{words['value'].levels[n].label} {n}" for n in range(1, 6)], fontsize=8)
    axes.set_xlabel("Ethical risk: who could be harmed, and how badly", fontsize=9)
    axes.set_ylabel("Value: how much it helps", fontsize=9)
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
    pick = recommend(use_cases).index
    for number, (case, (x, y)) in enumerate(zip(use_cases, _positions(use_cases)), start=1):
        style = BAND_STYLE[risk_band(case.risk)]
        if number - 1 == pick:
            axes.scatter([x], [y], s=900, facecolors="none", edgecolors="#000000", linewidths=2.5, zorder=3)
        axes.scatter([x], [y], s=330, color=style["color"], marker=style["marker"], edgecolors="#222222",
                     linewidths=0.8, zorder=4)
        axes.text(x, y - (0.03 if style["marker"] == "^" else 0), str(number), ha="center", va="center",
                  fontsize=8.5 if number < 10 else 7.5, fontweight="bold", color=style["text"], zorder=5)
    handles = [Line2D([], [], linestyle="none", marker=s["marker"], markersize=9, markerfacecolor=s["color"],
                      markeredgecolor="#222222", label=s["label"]) for s in BAND_STYLE.values()]
    handles.append(Line2D([], [], linestyle="none", marker="o", markersize=14, markerfacecolor="none",
                          markeredgecolor="#000000", markeredgewidth=2.5, label="Recommended first pilot"))
    figure.legend(handles=handles, loc="outside lower center", ncols=4, fontsize=8, frameon=False)
    return figure


def matrix_chart_html(use_cases: Sequence[UseCase]) -> str:
    """The matrix as an ``<img alt>`` with its numbers as a table (see :func:`kit.toolkit._widgets.chart`)."""
    frame = display_frame(use_cases)[["No.", "Use case", "Value", "Effort", "Ethical risk", "Where it sits",
                                      "Pilot rank"]]
    return chart(to_png(matrix_figure(use_cases)), matrix_alt(use_cases),
                 table_html(frame, caption="Use cases on the matrix"),
                 caption="Your use cases: value against ethical risk")
