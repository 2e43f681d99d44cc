"""The room's charts, drawn from a panel's numbers, large enough for a projector.

Each chart is a PNG with the panel's text alternative (:func:`kit.toolkit.chart`);
the table beside it carries the same numbers. Colours are Okabe-Ito, with
hatching where colour alone would carry meaning. A chart already drawn for the
same numbers is reused, so a page that redraws every few seconds only draws
what changed.
"""

from __future__ import annotations

import json
import math
import textwrap

from kit.culture import LEVELS
from kit.risk import BANDS, LIKELIHOOD_LABELS, SEVERITY_LABELS, band_of, score
from kit.risk.ui._heatmap import BAND_STYLE
from kit.room import Panel
from kit.toolkit import chart, new_figure, to_png
from kit.toolkit._plots import Patch, Rectangle

BLUE, ORANGE, GREY, INK = "#0072B2", "#D55E00", "#999999", "#000000"
_FONT = 15
_CACHE: dict[str, str] = {}
_CACHE_MAX = 256


def _wrap(text: str, width: int = 28) -> str:
    return "\n".join(textwrap.wrap(str(text), width)[:3])


def _whole_ticks(top: float) -> list[int]:
    """Ticks for a count of people: whole numbers only, at most about eight of them."""
    step = max(1, math.ceil(top / 8))
    return list(range(0, int(top) + 1, step))


def _bars(labels: list[str], values: list[float], axis: str, limit: float | None = None,
          colours: list[str] | None = None):
    figure = new_figure(9.0, 0.75 * len(labels) + 1.6)
    axes = figure.add_subplot()
    bars = axes.barh(range(len(labels)), values, color=colours or BLUE)
    for bar, value in zip(bars, values):
        axes.text(bar.get_width(), bar.get_y() + bar.get_height() / 2, f" {value:g}", va="center",
                  fontsize=_FONT, color=INK)
    axes.set_yticks(range(len(labels)), [_wrap(label) for label in labels], fontsize=_FONT)
    axes.invert_yaxis()
    axes.set_xlabel(axis, fontsize=_FONT)
    axes.tick_params(axis="x", labelsize=_FONT - 1)
    top = limit or max(values, default=1) or 1
    if limit is None:  # a count of attendees: no tick at 2.5 people
        axes.set_xticks(_whole_ticks(top))
    axes.set_xlim(0, top * 1.15)
    axes.spines[["top", "right"]].set_visible(False)
    return figure


def _quiz(data: dict):
    shown = [(n, q) for n, q in enumerate(data["questions"], start=1) if q.get("answered")]
    return _bars([f"Question {n}" for n, _ in shown], [round(100 * q["right"] / q["answered"]) for _, q in shown],
                 "Answered right (%)", 100)


def _check(data: dict):
    figure = new_figure(9.0, 0.9 * len(data["before"]) + 1.8)
    axes = figure.add_subplot()
    for offset, (side, colour, hatch, label) in enumerate((("before", GREY, "//", "At the start"),
                                                           ("after", BLUE, "", "At the end"))):
        values = [round(100 * c["right"] / c["answered"]) if c else 0 for c in data[side]]
        axes.barh([i + 0.4 * offset for i in range(len(values))], values, height=0.4, color=colour, hatch=hatch,
                  edgecolor=INK, label=label)
    axes.set_yticks([i + 0.2 for i in range(len(data["before"]))],
                    [f"Question {i}" for i in range(1, len(data["before"]) + 1)], fontsize=_FONT)
    axes.invert_yaxis()
    axes.set_xlim(0, 100)
    axes.set_xlabel("Answered right (%); no bar: fewer than the minimum answers", fontsize=_FONT)
    axes.legend(fontsize=_FONT, frameon=False, loc="lower right")
    return figure


def _counts(data: dict):
    bars = data["bars"]
    return _bars([b["label"] for b in bars], [b["count"] for b in bars], "Attendees")


def _entered(data: dict):
    risks = data["risks"]
    return _bars([f"{r['label']} {r['title']}" for r in risks], [r["entered"] for r in risks], "Entered by")


def _spread(data: dict):
    cases = data["cases"]
    figure = new_figure(10.0, 0.8 * len(cases) + 1.8)
    axes_pair = figure.subplots(1, 2, sharey=True)
    for axes, name, colour in zip(axes_pair, ("value", "risk"), (BLUE, ORANGE)):
        for i, case in enumerate(cases):
            middle, low, high = case[name]
            axes.plot([low, high], [i, i], color=colour, linewidth=6, solid_capstyle="round", alpha=0.5)
            axes.plot([middle], [i], marker="D", markersize=12, color=INK)
        axes.set_xlim(0.5, 5.5)
        axes.set_xticks(range(1, 6), [str(v) for v in range(1, 6)], fontsize=_FONT)
        axes.set_title("Value" if name == "value" else "Ethical risk", fontsize=_FONT + 1)
        axes.grid(axis="x", color="#cccccc")
    axes_pair[0].set_yticks(range(len(cases)), [_wrap(c["title"], 24) for c in cases], fontsize=_FONT - 1)
    axes_pair[0].invert_yaxis()
    figure.supxlabel("Lowest to highest score; the diamond is the median", fontsize=_FONT)
    return figure


def _heatmap(data: dict):
    figure = new_figure(8.0, 7.4)
    axes = figure.add_subplot()
    points = range(1, 6)
    for l in points:
        for s in points:
            colour, hatch = BAND_STYLE[band_of(score(l, s)).name]
            axes.add_patch(Rectangle((l - 0.5, s - 0.5), 1, 1, facecolor=colour, edgecolor="#ffffff", linewidth=2,
                                     hatch=hatch, hatchcolor="#00000040"))
            labels = [r["label"] for r in data["risks"] if r["cell"] == [l, s]]
            if labels:
                axes.text(l, s, "\n".join(textwrap.wrap(" ".join(labels), 8)), ha="center", va="center",
                          fontsize=_FONT, fontweight="bold", color=INK,
                          bbox={"boxstyle": "round,pad=0.2", "facecolor": "#ffffff", "edgecolor": INK})
    axes.set_xlim(0.5, 5.5)
    axes.set_ylim(0.5, 5.5)
    axes.set_aspect("equal")
    axes.set_xticks(list(points), [f"{v}\n{LIKELIHOOD_LABELS[v]}" for v in points], fontsize=_FONT - 1)
    axes.set_yticks(list(points), [f"{SEVERITY_LABELS[v]} {v}" for v in points], fontsize=_FONT - 1)
    axes.set_xlabel("Median likelihood", fontsize=_FONT)
    axes.set_ylabel("Median severity", fontsize=_FONT)
    axes.tick_params(length=0)
    handles = [Patch(facecolor=BAND_STYLE[b.name][0], hatch=BAND_STYLE[b.name][1], edgecolor="#333333",
                     label=f"{b.name} ({b.low}-{b.high})") for b in BANDS]
    figure.legend(handles=handles, loc="outside lower center", ncols=len(handles), fontsize=_FONT - 2, frameon=False)
    return figure


def _radar(data: dict):
    shown = data["dimensions"]
    angles = [2 * math.pi * i / len(shown) for i in range(len(shown))]
    loop = angles + angles[:1]
    figure = new_figure(8.0, 7.0)
    axes = figure.add_subplot(projection="polar")
    axes.set_theta_offset(math.pi / 2)
    axes.set_theta_direction(-1)
    for key, style in (("highest", {"color": BLUE, "linestyle": ":", "linewidth": 2.5}),
                       ("lowest", {"color": ORANGE, "linestyle": "--", "linewidth": 2.5}),
                       ("median", {"color": INK, "linewidth": 3.5, "marker": "o", "markersize": 8})):
        # A dimension still waiting for answers has no point (the line breaks there), never a made-up 0.
        values = [math.nan if d.get(key) is None else d[key] for d in shown]
        axes.plot(loop, values + values[:1], label=key, **style)
    axes.set_ylim(0, 100)
    axes.set_yticks([floor for floor, _ in LEVELS[:-1]], [f"{floor}% {label}" for floor, label in LEVELS[:-1]],
                    fontsize=_FONT - 2, bbox={"boxstyle": "round,pad=0.15", "facecolor": "#ffffff",
                                              "edgecolor": "none", "alpha": 0.85})
    axes.set_xticks(angles, [_wrap(d["title"], 16) for d in shown], fontsize=_FONT - 1)
    axes.legend(fontsize=_FONT - 1, loc="lower right", bbox_to_anchor=(1.25, -0.1), frameon=False)
    return figure


def _cases(data: dict):
    labels, values = [], []
    for case in data["cases"]:
        for option, count in case["options"].items():
            labels.append(f"{case['case']}: {option}")
            values.append(count)
    return _bars(labels, values, "Teams")


def _ratings(data: dict):
    ratings = list(data["ratings"].values())
    figure = new_figure(5.0 * len(ratings) + 1.0, 4.6)
    top = max((n for r in ratings for n in r["counts"].values()), default=1) or 1
    for axes, rating in zip(figure.subplots(1, len(ratings), squeeze=False)[0], ratings):
        points, counts = list(rating["counts"]), list(rating["counts"].values())
        bars = axes.bar(points, counts, color=BLUE, edgecolor=INK)
        for bar, count in zip(bars, counts):
            axes.text(bar.get_x() + bar.get_width() / 2, bar.get_height(), str(count), ha="center", va="bottom",
                      fontsize=_FONT, color=INK)
        axes.set_ylim(0, top * 1.2)
        axes.set_yticks(_whole_ticks(top))
        axes.set_title(f"{rating['label']} (median {rating['median']})", fontsize=_FONT)
        axes.set_xlabel("Rating, 1 (not at all) to 5 (very)", fontsize=_FONT - 1)
        axes.tick_params(labelsize=_FONT - 1)
        axes.spines[["top", "right"]].set_visible(False)
    figure.supylabel("Attendees", fontsize=_FONT)
    return figure


DRAW = {"quiz": _quiz, "check": _check, "bars": _counts, "entered": _entered, "spread": _spread,
        "heatmap": _heatmap, "radar": _radar, "cases": _cases, "ratings": _ratings}


def forget_charts() -> None:
    """Drop every chart kept for reuse (benchmarks, tests)."""
    _CACHE.clear()


def panel_chart(panel: Panel, table_html: str = "") -> str:
    """The panel's chart as an accessible figure (its alt text, its numbers), or "" when it has none."""
    if not panel.ready or not panel.chart or not panel.alt:
        return ""
    key = json.dumps([panel.chart, panel.data], sort_keys=True, default=str)
    if key not in _CACHE:
        if len(_CACHE) >= _CACHE_MAX:
            _CACHE.clear()
        _CACHE[key] = to_png(DRAW[panel.chart](panel.data))
    return chart(_CACHE[key], panel.alt, table_html)  # the panel's heading names it already
