"""The maturity radar as a Vega-Lite specification: where each point sits, the rings, the labels, the app.

Positions are checked against an independent computation: the distance from
the centre is the score and the angle is the spoke's, clockwise from the top.
"""

from __future__ import annotations

import json
import math

import pytest

from kit.culture._maturity import LEVELS, assess, example_assessment, load_model, radar_alt
from kit.culture.ui import _maturity as ui
from kit.culture.ui._maturity import FILL, LINE, RING, assessment_html, assessment_parts, radar_points, radar_spec
from kit.toolkit import BrowserChart, VegaChart


@pytest.fixture(scope="module")
def model():
    return load_model()


def _layers(spec: dict, mark: str) -> list[dict]:
    return [layer for layer in spec["layer"] if layer["mark"]["type"] == mark]


def _shape(spec: dict) -> list[dict]:
    """The score polygon's corners, in spoke order."""
    return next(layer for layer in _layers(spec, "line") if "fill" in layer["mark"])["data"]["values"]


def test_radar_points_go_clockwise_from_the_top():
    assert radar_points([10, 20, 30, 40]) == [(0, 10), (20, 0), (0, -30), (-40, 0)]


@pytest.mark.parametrize("values", [[50, 66, 100, 0, 41, 16], [75, 40, 12]])
def test_each_point_sits_at_its_score_on_its_spoke(values):
    for i, ((x, y), value) in enumerate(zip(radar_points(values), values)):
        assert math.hypot(x, y) == pytest.approx(value, abs=1e-2)
        if value:
            assert math.atan2(x, y) % (2 * math.pi) == pytest.approx(2 * math.pi * i / len(values), abs=1e-3)


def test_the_spec_draws_the_scores_the_level_rings_and_the_spokes(model):
    assessment = example_assessment(model)
    spec = radar_spec(assessment)
    json.dumps(spec, allow_nan=False)
    corners = _shape(spec)
    assert [math.hypot(c["x"], c["y"]) for c in corners] == pytest.approx(
        [r.percent for r in assessment.results], abs=1e-2)
    shape = next(layer for layer in _layers(spec, "line") if "fill" in layer["mark"])["mark"]
    assert shape["stroke"] == LINE and shape["fill"] == FILL and shape["interpolate"] == "linear-closed"
    assert _layers(spec, "point")[0]["data"]["values"] == corners and _layers(spec, "point")[0]["mark"]["color"] == LINE
    rings = next(layer for layer in _layers(spec, "line") if "fill" not in layer["mark"])
    assert rings["mark"]["color"] == RING
    by_ring: dict[str, list] = {}
    for corner in rings["data"]["values"]:
        by_ring.setdefault(corner["ring"], []).append(corner)
    floors = {f"{floor}% {label}": floor for floor, label in LEVELS[:-1]} | {"100%": 100}
    assert set(by_ring) == set(floors)
    for name, corners in by_ring.items():
        assert len(corners) == len(model.dimensions)
        assert {round(math.hypot(c["x"], c["y"])) for c in corners} == {floors[name]}
        assert bool(corners[0]["dash"]) == (name != "100%")  # level rings dashed, the edge solid
    spokes = _layers(spec, "rule")[0]["data"]["values"]
    assert {(s["x"], s["y"]) for s in spokes} == {(0, 0)}
    assert [round(math.hypot(s["x2"], s["y2"])) for s in spokes] == [100] * len(model.dimensions)


def test_the_chart_is_square_with_no_cartesian_axes(model):
    spec = radar_spec(example_assessment(model))
    assert spec["width"] == spec["height"]
    for layer in spec["layer"]:
        for channel in ("x", "y"):
            assert layer["encoding"][channel]["axis"] is None
            assert layer["encoding"][channel]["scale"]["domain"] == [-100, 100]


def test_labels_name_each_dimension_and_run_away_from_the_centre(model):
    spec = radar_spec(example_assessment(model))
    labels = {label["text"][0]: label for label in _layers(spec, "text")[-1]["data"]["values"]}
    assert list(labels) == [d.title for d in model.dimensions]
    assert labels["Strategy"]["text"] == ["Strategy", "50% Intermediate"]
    assert (labels["Strategy"]["align"], labels["Strategy"]["baseline"]) == ("center", "bottom")
    assert (labels["Ethics"]["align"], labels["Culture"]["align"]) == ("left", "right")
    assert labels["Governance"]["baseline"] == "top"
    ring_words = [w["text"] for w in _layers(spec, "text")[0]["data"]["values"]]
    assert ring_words == [f"{floor}% {label}" for floor, label in LEVELS[:-1]]


@pytest.mark.parametrize("ratings", [{}, {"ethics-principles": 0, "ethics-impact": 1}])
def test_dimensions_not_assessed_are_drawn_at_the_centre_and_say_so(model, ratings):
    spec = radar_spec(assess(model, ratings))
    json.dumps(spec, allow_nan=False)
    labels = {label["text"][0]: label["text"][1] for label in _layers(spec, "text")[-1]["data"]["values"]}
    corners = dict(zip(labels, _shape(spec)))
    assert labels["Strategy"] == "not assessed" and (corners["Strategy"]["x"], corners["Strategy"]["y"]) == (0, 0)
    if ratings:
        assert labels["Ethics"] == "16% Fundamentals"
        assert math.hypot(corners["Ethics"]["x"], corners["Ethics"]["y"]) == pytest.approx(16, abs=1e-2)


def test_the_app_part_is_a_browser_chart_and_a_page_drawn_once_keeps_its_picture(model):
    ratings = model.example["ratings"]
    assessment = assess(model, ratings)
    chart = next(part for part in assessment_parts(assessment, model, ratings) if isinstance(part, BrowserChart))
    assert chart.alt == radar_alt(assessment) and chart.spec == radar_spec(assessment)
    page = assessment_html(assessment, model, ratings, downloads=False)
    assert '<img src="data:image/png;base64,' in page and 'alt="Radar chart of maturity' in page


def test_a_rating_sends_the_radar_to_the_browser_without_drawing_it(fresh_session, monkeypatch):
    def no_drawing(*args, **kwargs):
        raise AssertionError("the app drew the radar in the kernel")

    monkeypatch.setattr(ui, "radar_figure", no_drawing)
    app = ui.maturity_app()
    radio = next(w for w in app.children if "kit-s-culture-speak-up" in w._dom_classes)
    radio.value = 1
    view = app.children[-1]
    chart = next(box for box in view.children if isinstance(box, VegaChart))
    assert "Culture 33% (Fundamentals)" in chart.alt and chart.caption == ui.RADAR_CAPTION
    labels = [label["text"] for label in _layers(chart.spec, "text")[-1]["data"]["values"]]
    assert ["Culture", "33% Fundamentals"] in labels
    assert "Culture 33% (Fundamentals)" in view.value
