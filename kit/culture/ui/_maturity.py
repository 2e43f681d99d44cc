"""The maturity self-assessment of the culture lesson: rate statements, see levels, get an action plan.

The scoring is :mod:`kit.culture._maturity`; this module builds the widgets, draws the
radar chart and saves the ratings to the workspace as the attendee goes.
"""

from __future__ import annotations

import math

import ipywidgets as widgets
import pandas as pd

from kit.workshop import parts
from kit.culture._maturity import (LEVELS, RATINGS, Assessment, MaturityModel, action_plan, assess, clean_ratings,
                                   load_model, maturity_document, maturity_table, radar_alt, thresholds_text)
from kit.toolkit import choice, group_heading
from kit.toolkit import document_downloads
from kit.toolkit import new_figure, to_png
from kit.toolkit import Part, StagedHTML, joined
from kit.toolkit import table_html
from kit.toolkit import chart, error_box, escape, guarded, notice
from kit.workshop.ui import Hush, SavedPart
from kit.governance import check_name

# Okabe-Ito blue for the organisation's shape; dots mark the filled area for readers who cannot see colour.
LINE, FILL = "#0072B2", "#56B4E9"


def radar_figure(assessment: Assessment):
    """A radar chart: one spoke per dimension, the score along it, the level thresholds as rings."""
    results = assessment.results
    angles = [2 * math.pi * i / len(results) for i in range(len(results))]
    values = [r.percent or 0 for r in results]
    figure = new_figure(6.0, 5.2)
    axes = figure.add_subplot(projection="polar")
    axes.set_theta_offset(math.pi / 2)
    axes.set_theta_direction(-1)
    loop = angles + angles[:1]
    axes.fill(loop, values + values[:1], facecolor=FILL, alpha=0.45, hatch="..", edgecolor=LINE)
    axes.plot(loop, values + values[:1], color=LINE, linewidth=2, marker="o")
    ring = [2 * math.pi * i / 120 for i in range(121)]
    for floor, label in LEVELS[:-1]:
        axes.plot(ring, [floor] * len(ring), color="#222222", linestyle="--", linewidth=0.8)
    axes.set_ylim(0, 100)
    axes.set_yticks([floor for floor, _ in LEVELS[:-1]], [f"{floor}% {label}" for floor, label in LEVELS[:-1]],
                    fontsize=7, color="#222222")
    labels = [f"{r.dimension.title}\n" + ("not assessed" if r.percent is None else f"{r.percent}% {r.level}")
              for r in results]
    axes.set_xticks(angles, labels, fontsize=8)
    axes.tick_params(axis="x", pad=12)
    return figure


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

    The chart and the downloads are functions, made after the words are shown (:class:`StagedHTML`).
    """
    if not assessment.assessed:
        return [notice(assessment.summary())]
    header, rows = maturity_table(assessment)
    table = table_html(pd.DataFrame(rows, columns=header), caption="Your level in each dimension")

    def figure() -> str:
        return chart(to_png(radar_figure(assessment)), radar_alt(assessment), caption="Maturity by dimension")

    def links() -> str:
        return document_downloads(maturity_document(assessment, model, ratings), "ai-maturity-action-plan",
                                  "the action plan")

    return [notice(assessment.summary()), figure, table + _plan_html(assessment), links if downloads else ""]


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
    view = StagedHTML()
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
