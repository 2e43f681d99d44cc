"""The maturity self-assessment of the culture lesson: rate statements, see levels, get an action plan.

The scoring is :mod:`kit.culture._maturity`; this module builds the widgets, draws the
radar chart and saves the ratings to the workspace as the attendee goes. The app's
radar is drawn by the attendee's browser (:func:`radar_spec`, Vega-Lite), so a click
costs the kernel no drawing; matplotlib draws the same radar for the lesson page, the
slides and the handouts (:func:`radar_figure`).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import ipywidgets as widgets
import pandas as pd

from kit.workshop import parts
from kit.culture._maturity import (LEVELS, RATINGS, Assessment, DimensionResult, MaturityModel, action_plan, assess,
                                   clean_ratings, load_model, maturity_document, maturity_table, radar_alt,
                                   thresholds_text)
from kit.toolkit import choice, group_heading
from kit.toolkit import Files, document_files
from kit.toolkit import new_figure
from kit.toolkit import AnswerView, BrowserChart, Part, joined
from kit.toolkit import table_html
from kit.toolkit import error_box, escape, guarded, notice, vega_spec
from kit.workshop.ui import Hush, SavedPart
from kit.governance import check_name

# Okabe-Ito blue for the organisation's shape; dots mark the filled area for readers who cannot see colour.
LINE, FILL = "#0072B2", "#56B4E9"
#: The level rings: near-black and dashed; the outer ring (100%) is solid. The spokes are grey.
RING, SPOKE = "#222222", "#767676"
#: Each level's ring: its floor (%) and its words; the lowest level starts at 0 and has none.
_RINGS = tuple((floor, f"{floor}% {label}") for floor, label in LEVELS[:-1])
#: The radar's visible title.
RADAR_CAPTION = "Maturity by dimension"


def _scores(assessment: Assessment) -> list[int]:
    """Each dimension's score (%), a dimension not assessed at 0 (the text alternative says so)."""
    return [r.percent or 0 for r in assessment.results]


def _angles(count: int) -> list[float]:
    """The angle of each of ``count`` spokes, in radians clockwise from the top."""
    return [2 * math.pi * i / count for i in range(count)]


def _spoke_label(result: DimensionResult) -> list[str]:
    """The words at the end of a spoke, one line each: the dimension, then its score and level."""
    return [result.dimension.title, "not assessed" if result.percent is None else f"{result.percent}% {result.level}"]


def radar_figure(assessment: Assessment):
    """A radar chart: one spoke per dimension, the score along it, the level thresholds as rings."""
    results = assessment.results
    angles = _angles(len(results))
    values = _scores(assessment)
    figure = new_figure(6.0, 5.2)
    axes = figure.add_subplot(projection="polar")
    axes.set_theta_offset(math.pi / 2)
    axes.set_theta_direction(-1)
    loop = angles + angles[:1]
    axes.fill(loop, values + values[:1], facecolor=FILL, alpha=0.45, hatch="..", edgecolor=LINE)
    axes.plot(loop, values + values[:1], color=LINE, linewidth=2, marker="o")
    ring = [2 * math.pi * i / 120 for i in range(121)]
    for floor, _ in _RINGS:
        axes.plot(ring, [floor] * len(ring), color=RING, linestyle="--", linewidth=0.8)
    axes.set_ylim(0, 100)
    axes.set_yticks([floor for floor, _ in _RINGS], [words for _, words in _RINGS], fontsize=7, color=RING)
    axes.set_xticks(angles, ["\n".join(_spoke_label(r)) for r in results], fontsize=8)
    axes.tick_params(axis="x", pad=12)
    return figure


def radar_points(values: Sequence[float]) -> list[tuple[float, float]]:
    """Where each value sits on its spoke, as (x, y): the first spoke points up, the others follow clockwise.

    Spoke ``i`` of ``n`` is at the angle ``2π·i/n`` from the top, so a value ``r`` sits at
    ``x = r·sin(angle)``, ``y = r·cos(angle)``: the same place as on :func:`radar_figure`.
    """
    return [(round(value * math.sin(angle), 3), round(value * math.cos(angle), 3))
            for value, angle in zip(values, _angles(len(values)))]


def radar_spec(assessment: Assessment) -> dict:
    """:func:`radar_figure` as a Vega-Lite specification, drawn by the attendee's browser.

    The spokes, the level rings (polygons through the spokes, the outer one at 100%) and the
    labels are placed here (:func:`radar_points`); the cartesian axes are hidden and the
    chart is square, so a score reads the same on every spoke.
    """
    results = assessment.results

    def around(radius: float) -> list[tuple[float, float]]:  # one point per spoke, all at ``radius``
        return radar_points([radius] * len(results))

    rings = [{"ring": words, "order": i, "x": x, "y": y, "dash": dash}
             for floor, words, dash in [*((f, w, [5, 3]) for f, w in _RINGS), (100, "100%", [])]
             for i, (x, y) in enumerate(around(floor))]
    spokes = [{"x": 0, "y": 0, "x2": x, "y2": y} for x, y in around(100)]  # from the centre out
    shape = [{"order": i, "x": x, "y": y} for i, (x, y) in enumerate(radar_points(_scores(assessment)))]
    labels = [{"x": x, "y": y, "text": _spoke_label(r), "align": _side(x, "left", "center", "right"),
               "baseline": _side(y, "bottom", "middle", "top")} for r, (x, y) in zip(results, around(108))]
    between = math.pi / len(results)  # the rings' words sit between the first two spokes
    ring_words = [{"x": round(floor * math.sin(between), 3), "y": round(floor * math.cos(between), 3), "text": words}
                  for floor, words in _RINGS]
    edge = {"type": "quantitative", "scale": {"domain": [-100, 100], "nice": False, "zero": False}, "axis": None}
    x, y = {"field": "x", **edge}, {"field": "y", **edge}
    return vega_spec(width=320, height=320, layer=[
        {"data": {"values": spokes}, "mark": {"type": "rule", "color": SPOKE, "strokeWidth": 1},
         "encoding": {"x": x, "y": y, "x2": {"field": "x2"}, "y2": {"field": "y2"}}},
        {"data": {"values": rings}, "mark": {"type": "line", "interpolate": "linear-closed", "color": RING,
                                             "strokeWidth": 1},
         "encoding": {"x": x, "y": y, "order": {"field": "order"}, "detail": {"field": "ring"},
                      "strokeDash": {"field": "dash", "type": "nominal", "scale": None}}},
        {"data": {"values": shape}, "mark": {"type": "line", "interpolate": "linear-closed", "stroke": LINE,
                                             "strokeWidth": 2, "fill": FILL, "fillOpacity": 0.45},
         "encoding": {"x": x, "y": y, "order": {"field": "order"}}},
        {"data": {"values": shape}, "mark": {"type": "point", "filled": True, "color": LINE, "size": 60,
                                             "opacity": 1},
         "encoding": {"x": x, "y": y}},
        *({"data": {"values": ring_words}, "mark": {"type": "text", "align": "left", "dx": 4, "fontSize": 11,
                                                    "color": "#000000", **halo},
           "encoding": {"x": x, "y": y, "text": {"field": "text"}}}
          for halo in ({"stroke": "#ffffff", "strokeWidth": 4, "strokeJoin": "round"}, {})),  # white edge first
        {"data": {"values": labels}, "mark": {"type": "text", "fontSize": 12, "color": "#000000",
                                              "align": {"expr": "datum.align"},
                                              "baseline": {"expr": "datum.baseline"}},
         "encoding": {"x": x, "y": y, "text": {"field": "text"}}},
    ])


def _side(position: float, positive: str, middle: str, negative: str) -> str:
    """Which way a label runs from its point: away from the centre (a point on an axis is centred)."""
    return positive if position > 1 else negative if position < -1 else middle


def _plan_html(assessment: Assessment) -> str:
    parts = []
    for item in action_plan(assessment):
        r = item.result
        gaps = "".join(f"<li>{escape(text)}</li>" for text in r.gaps)
        steps = "".join(f"<li>{escape(step)}</li>" for step in item.steps)
        parts.append(
            f"<h4>{escape(r.dimension.title)}: {escape(r.level)} ({r.percent}%)</h4>"
            f"<p class='kit-meta'>{escape(r.dimension.about)}</p>"
            + (f"<p>What you rated below “mostly in place”:</p><ul>{gaps}</ul>" if gaps else "")
            + f"<p><strong>Next steps</strong></p><ol>{steps}</ol>")
    return "<h3>Your action plan</h3>" + "".join(parts)


def overview_html(model: MaturityModel) -> str:
    """How the levels are worked out, and what each dimension covers."""
    rows = [[d.title, d.about, len(d.statements)] for d in model.dimensions]
    frame = pd.DataFrame(rows, columns=["Dimension", "What it covers", "Statements"])
    caption = f"The self-assessment: {len(model.statements)} statements in {len(model.dimensions)} dimensions"
    return notice(thresholds_text()) + table_html(frame, caption=caption)


def assessment_parts(assessment: Assessment, model: MaturityModel, ratings: dict,
                     downloads: bool = True) -> list[Part]:
    """The headline, the radar chart, its table and the action plan, then (optionally) the downloads.

    The chart goes out with the words and the browser draws it (:class:`BrowserChart`); each download
    is made when its link is clicked (:class:`Files`).
    """
    if not assessment.assessed:
        return [notice(assessment.summary())]
    header, rows = maturity_table(assessment)
    table = table_html(pd.DataFrame(rows, columns=header), caption="Your level in each dimension")

    radar = BrowserChart(radar_spec(assessment), radar_alt(assessment), caption=RADAR_CAPTION,
                         figure=lambda: radar_figure(assessment))  # for a page drawn once (:func:`assessment_html`)
    links = Files(document_files(lambda: maturity_document(assessment, model, ratings), "ai-maturity-action-plan",
                                 "the action plan"))  # each file made when its link is clicked
    return [notice(assessment.summary()), radar, table + _plan_html(assessment), links if downloads else ""]


def assessment_html(assessment: Assessment, model: MaturityModel, ratings: dict, downloads: bool = True) -> str:
    """:func:`assessment_parts` as one HTML string."""
    return joined(assessment_parts(assessment, model, ratings, downloads))


def maturity_app() -> widgets.VBox:
    """The self-assessment app: rate each statement, see the levels and the action plan.

    The ratings are saved to the workspace under ``culture.maturity`` as they
    change, and come back when the attendee reopens their workspace.
    """
    model = load_model()
    errors = error_box()
    organisation = widgets.Text(description="Organisation or team (optional)", continuous_update=False,
                                placeholder="e.g. Adult services, Riverside Council",
                                style={"description_width": "initial"}, layout=widgets.Layout(width="min(520px, 95%)"))
    rows, radios = [], {}
    options = [(label, value) for value, label in RATINGS]
    for dimension in model.dimensions:
        rows.append(group_heading(dimension.title, dimension.about))
        for statement in dimension.statements:
            radios[statement.id] = choice(statement.text, options, f"kit-s-{statement.id}", orientation="horizontal")
            rows.append(radios[statement.id])
    view = AnswerView()
    restoring = Hush()

    def ratings() -> dict[str, int]:
        return {sid: radio.value for sid, radio in radios.items() if radio.value is not None}

    def value() -> dict:
        """The ratings as saved (raises ValueError naming the fix for a name that is too long)."""
        return {"organisation": check_name(organisation.value, "organisation name"), "ratings": ratings()}

    @guarded(errors, "update your assessment")
    def refresh(change=None):
        if restoring.on:
            return
        now = value()
        if change is not None and part.save(now) is not now:
            return  # merged with another tab's save: show() has already drawn the merged assessment
        view.show(assessment_parts(assess(model, now["ratings"], now["organisation"]), model, now["ratings"]))

    def show(saved: dict, _why: str) -> None:
        """Put saved ratings on the widgets without saving them, then redraw the levels and the plan."""
        saved = saved or {}
        kept = clean_ratings(model, saved.get("ratings"))
        with restoring:
            organisation.value = str(saved.get("organisation") or "")
            for sid, radio in radios.items():
                radio.value = kept.get(sid)
        refresh()  # also clears the error box of the value shown before

    part = SavedPart(parts.MATURITY, show, value())
    for widget in [organisation, *radios.values()]:
        widget.observe(refresh, names="value")
    refresh()
    box = widgets.VBox([organisation, errors, part.notice, *rows, widgets.HTML("<h3>Where you stand</h3>"), view])
    box.add_class("kit-maturity")
    return box
