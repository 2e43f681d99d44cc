"""The risk heatmap: two 5 × 5 grids (before and after mitigation) with each risk placed by its reference.

Cell colours follow the rating band of the cell's score, in Okabe-Ito colours
that colour-blind readers can tell apart, and each band also has its own
hatching, so the grid reads in greyscale too. The words and numbers behind
the picture come from :mod:`kit.risk` (alt text and data tables).

The register app draws the same grids in the browser (:func:`heatmap_spec`,
Vega-Lite), so a change costs the kernel no drawing; the matplotlib picture
serves the lesson page, the slides and the handouts.
"""

from __future__ import annotations

import textwrap


from kit.toolkit._plots import Patch, Rectangle
from kit.risk import BANDS, LIKELIHOOD_LABELS, SEVERITY_LABELS, Register, band_of, heatmap_alt, heatmap_cells
from kit.risk import heatmap_table, score
from kit.toolkit import new_figure, to_png
from kit.risk.ui._lesson import rows_html
from kit.toolkit import chart, vega_spec

#: Band → (fill colour, hatching). Okabe-Ito sky blue, yellow, orange, vermillion.
BAND_STYLE = {"low": ("#56B4E9", ""), "medium": ("#F0E442", ".."), "high": ("#E69F00", "//"),
              "critical": ("#D55E00", "xx")}
_POINTS = range(1, 6)
#: The most references written in one cell of the picture.
MAX_REFS_SHOWN = 9
#: The heatmap's visible title.
HEATMAP_CAPTION = "Where the risks sit: likelihood × severity, before and after mitigation"


def _grid(axes, register: Register, after: bool, title: str) -> None:
    cells = heatmap_cells(register, after)
    for l in _POINTS:
        for s in _POINTS:
            colour, hatch = BAND_STYLE[band_of(score(l, s)).name]
            axes.add_patch(Rectangle((l - 0.5, s - 0.5), 1, 1, facecolor=colour, edgecolor="#ffffff",
                                     linewidth=1.5, hatch=hatch, hatchcolor="#00000040"))
            words = _cell_words(cells[(l, s)])
            if words:
                axes.text(l, s, "\n".join(words), ha="center", va="center",
                          fontsize=8.5, fontweight="bold", color="#000000",
                          bbox={"boxstyle": "round,pad=0.2", "facecolor": "#ffffff", "edgecolor": "#000000",
                                "linewidth": 0.6})
    axes.set_xlim(0.5, 5.5)
    axes.set_ylim(0.5, 5.5)
    axes.set_aspect("equal")
    axes.set_xticks(list(_POINTS), [f"{v}\n{LIKELIHOOD_LABELS[v]}" for v in _POINTS], fontsize=7.5)
    axes.set_yticks(list(_POINTS), [f"{SEVERITY_LABELS[v]} {v}" for v in _POINTS], fontsize=7.5)
    axes.set_xlabel("Likelihood")
    axes.set_ylabel("Severity")
    axes.set_title(title, fontsize=11)
    axes.tick_params(length=0)
    for spine in axes.spines.values():
        spine.set_visible(False)


def heatmap_figure(register: Register):
    """Two grids side by side: where each risk sits before, and after, its mitigation."""
    figure = new_figure(8.6, 4.6)
    before, after = figure.subplots(1, 2)
    _grid(before, register, False, "Before mitigation")
    _grid(after, register, True, "After mitigation")
    handles = [Patch(facecolor=BAND_STYLE[b.name][0], hatch=BAND_STYLE[b.name][1], edgecolor="#333333",
                     label=f"{b.name} ({b.low}-{b.high})") for b in BANDS]
    figure.legend(handles=handles, loc="outside lower center", ncols=len(handles), fontsize=8.5,
                  title="Rating (score = likelihood × severity)", title_fontsize=8.5, frameon=False)
    return figure


def heatmap_html(register: Register) -> str:
    """The heatmap as an accessible figure: the picture, its text alternative and both grids as tables."""
    return chart(to_png(heatmap_figure(register)), alt=heatmap_alt(register), table_html=heatmap_tables(register),
                 caption=HEATMAP_CAPTION)


def _cell_words(refs: list[str]) -> list[str]:
    if len(refs) > MAX_REFS_SHOWN:  # the alt text and the tables still list every one
        refs = refs[:MAX_REFS_SHOWN - 1] + [f"+{len(refs) - MAX_REFS_SHOWN + 1}"]
    return textwrap.wrap(" ".join(refs), 9)


def heatmap_spec(register: Register) -> dict:
    """The two grids of :func:`heatmap_figure` as a Vega-Lite specification, drawn by the attendee's browser."""
    legend = {b.name: f"{b.name} ({b.low}-{b.high})" for b in BANDS}
    values = []
    for after, panel in ((False, "Before mitigation"), (True, "After mitigation")):
        cells = heatmap_cells(register, after)
        values += [{"panel": panel, "likelihood": f"{l} {LIKELIHOOD_LABELS[l]}", "severity": f"{SEVERITY_LABELS[s]} {s}",
                    "rating": legend[band_of(score(l, s)).name], "refs": _cell_words(cells[(l, s)])}
                   for l in _POINTS for s in _POINTS]
    x = {"field": "likelihood", "type": "ordinal", "title": "Likelihood", "sort": None,
         "axis": {"labelAngle": 0, "labelExpr": "[slice(datum.label, 0, 1), slice(datum.label, 2)]"}}
    y = {"field": "severity", "type": "ordinal", "title": "Severity", "sort": None,
         "scale": {"reverse": True}}
    rating = {"field": "rating", "type": "nominal", "title": "Rating (score = likelihood × severity)",
              "scale": {"domain": list(legend.values()), "range": [BAND_STYLE[b.name][0] for b in BANDS]},
              "legend": {"orient": "bottom", "direction": "horizontal", "titleLimit": 0}}
    return vega_spec(
        data={"values": values},
        facet={"column": {"field": "panel", "type": "nominal", "title": None,
                          "sort": ["Before mitigation", "After mitigation"]}},
        spec={"width": 300, "height": 300, "layer": [
            {"mark": {"type": "rect", "stroke": "#ffffff", "strokeWidth": 1.5},
             "encoding": {"x": x, "y": y, "color": rating}},
            {"mark": {"type": "text", "fontWeight": "bold", "fontSize": 12, "color": "#000000"},
             "encoding": {"x": x, "y": y, "text": {"field": "refs"}}},
        ]},
    )


def heatmap_tables(register: Register) -> str:
    """Both grids as tables: the numbers behind the chart."""
    return "".join(rows_html(*heatmap_table(register, after), caption=caption)
                   for after, caption in ((False, "Before mitigation"), (True, "After mitigation")))
