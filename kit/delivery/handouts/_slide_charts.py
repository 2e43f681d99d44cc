"""The charts the slides project: each lesson's own chart, drawn by its app's function from the kit's data.

Each chart is what an attendee sees when the lesson's app opens (its default
template, threshold, KPI or worked example), so the projected slide and the
laptop screen agree. The text alternative is computed by the same module as the
picture, never typed; the slides print it as the caption, so the meaning
survives a projector with washed-out colours. Charts are drawn once per process
(:func:`functools.lru_cache`): every agenda that teaches a lesson reuses them.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Callable

from kit.toolkit import to_png

#: Pixels per inch of the projected charts: twice the screen's, so lines stay sharp on a large screen.
DPI = 200


@dataclass(frozen=True)
class SlideChart:
    """One chart of a slide: its heading, the PNG (base64), its text alternative and its size in inches."""

    title: str
    png: str
    alt: str
    width: float
    height: float


def _chart(title: str, figure, alt: str) -> SlideChart:
    width, height = (float(size) for size in figure.get_size_inches())
    figure.set_dpi(DPI)
    return SlideChart(title, to_png(figure), alt, width, height)


@functools.lru_cache(maxsize=None)
def _strategy() -> tuple[SlideChart, ...]:
    """The strategy lesson: the matrix of the template the triage app starts from."""
    from kit.strategy import load_template, matrix_alt
    from kit.strategy.ui import START_TEMPLATE, matrix_figure

    template = load_template(START_TEMPLATE)
    cases = list(template.use_cases)
    return (_chart(f"{template.name}: value against ethical risk", matrix_figure(cases), matrix_alt(cases)),)


@functools.lru_cache(maxsize=None)
def _bias() -> tuple[SlideChart, ...]:
    """The bias lesson: selection rates at the vendor's threshold, by gender (where the explorer opens) and by age band."""
    from kit.hiring import DEFAULT_THRESHOLD, PROTECTED, audit_at
    from kit.toolkit import selection_rates_alt, selection_rates_figure

    charts = []
    for column in ("gender", "age_band"):
        result = audit_at((column,), DEFAULT_THRESHOLD)
        title = f"Shortlisted at a score of {DEFAULT_THRESHOLD:.2f} or more, by {PROTECTED[column].lower()}"
        charts.append(_chart(title, selection_rates_figure(result), selection_rates_alt(result)))
    return tuple(charts)


@functools.lru_cache(maxsize=None)
def _transparency() -> tuple[SlideChart, ...]:
    """The transparency lesson: the first example applicant of the decision explainer."""
    from kit.transparency import example_applicants, explain
    from kit.transparency.ui import contributions_alt, contributions_figure

    explanation = explain(example_applicants()[0][0])
    return (_chart(f"What moved the score of applicant {explanation.applicant_id}",
                   contributions_figure(explanation), contributions_alt(explanation)),)


@functools.lru_cache(maxsize=None)
def _risk() -> tuple[SlideChart, ...]:
    """The risk lesson: the heatmap of the template the register builder starts from."""
    from kit.risk import DEFAULT_TEMPLATE, heatmap_alt, load_template
    from kit.risk.ui import heatmap_figure

    register = load_template(DEFAULT_TEMPLATE)
    return (_chart(f"{register.name}: risks before and after mitigation",
                   heatmap_figure(register), heatmap_alt(register)),)


@functools.lru_cache(maxsize=None)
def _measure() -> tuple[SlideChart, ...]:
    """The measure lesson: the dashboard's first KPI at the kit's targets, and the drift of selection by disability."""
    from kit.hiring import PROTECTED
    from kit.measure import kpi_frame, load_kpis, resolve_targets, selection_by_month
    from kit.measure.ui import kpi_trend_alt, kpi_trend_figure, selection_trend_alt, selection_trend_figure

    kpi = load_kpis()[0]
    frame = kpi_frame(resolve_targets({}))
    rows = frame[frame["id"] == kpi.id]
    label = PROTECTED["disability"]
    table = selection_by_month("disability")
    return (_chart(f"{kpi.name}, month by month", kpi_trend_figure(kpi, rows), kpi_trend_alt(kpi, rows)),
            _chart(f"Hiring tool: selection rate by {label.lower()}, month by month",
                   selection_trend_figure(table, label), selection_trend_alt(table, label)))


@functools.lru_cache(maxsize=None)
def _culture() -> tuple[SlideChart, ...]:
    """The culture lesson: the radar of the worked example the lesson scores before attendees rate themselves."""
    from kit.culture import example_assessment, radar_alt
    from kit.culture.ui import radar_figure

    assessment = example_assessment()
    title = f"Maturity by dimension: {assessment.organisation}" if assessment.organisation else "Maturity by dimension"
    return (_chart(title, radar_figure(assessment), radar_alt(assessment)),)


#: Lesson id → the function drawing its charts. A lesson not listed has no chart slide.
CHARTS: dict[str, Callable[[], tuple[SlideChart, ...]]] = {
    "strategy": _strategy,
    "bias": _bias,
    "transparency": _transparency,
    "risk": _risk,
    "measure": _measure,
    "culture": _culture,
}


def lesson_charts(lesson_id: str) -> tuple[SlideChart, ...]:
    """The charts of the lesson with this id, in the order the slides show them (none for most lessons)."""
    draw = CHARTS.get(lesson_id)
    return draw() if draw else ()
