"""The explainer's chart drawn by the browser: the same effects, sides, colours and axis as the picture."""

from __future__ import annotations

import pytest

from kit.toolkit import BrowserChart
from kit.toolkit._plots import FLAG_COLOUR, PASS_COLOUR
from kit.transparency import Explanation, explain
from kit.transparency._reasons import Reason
from kit.transparency.ui import explanation_parts
from kit.transparency.ui._chart import X_TITLE, contributions_alt, contributions_figure, contributions_spec


def _explanation(*effects: float) -> Explanation:
    reasons = tuple(Reason(f"f{i}", f"C{i}", f"Input {i}", 1, 0, effect, f"text {i}")
                    for i, effect in enumerate(effects))
    return Explanation("A00007", 0.4, 0.5, 0.5, reasons, reasons[:1], ())


def _layer(spec, mark):
    return [layer for layer in spec["layer"] if layer["mark"]["type"] == mark]


def test_one_bar_per_input_with_its_effect_its_side_and_its_number():
    spec = contributions_spec(_explanation(1.6, -0.22, 0.0))
    rows = spec["data"]["values"]
    assert [r["label"] for r in rows] == ["Input 0 (C0)", "Input 1 (C1)", "Input 2 (C2)"]
    assert [r["value"] for r in rows] == [1.6, -0.22, 0.0]
    assert [r["kind"] for r in rows] == ["raised the score", "lowered the score", "lowered the score"]  # as hatched
    assert [r["words"] for r in rows] == ["+1.60", "-0.22", "+0.00"]


def test_colours_by_sign_a_solid_zero_rule_and_the_two_line_axis_title():
    spec = contributions_spec(_explanation(0.5, -1.0))
    bars = _layer(spec, "bar")[0]["encoding"]
    assert bars["color"]["scale"] == {"domain": ["raised the score", "lowered the score"],
                                      "range": [PASS_COLOUR, FLAG_COLOUR]}
    assert bars["x"]["title"] == X_TITLE and "left: lowered the score · right: raised it" in X_TITLE
    (rule,) = _layer(spec, "rule")
    assert rule["encoding"]["x"]["datum"] == 0 and rule["mark"]["strokeDash"] == []
    assert bars["x"]["scale"]["domain"] == pytest.approx([-1.2, 0.7])  # room for the numbers past each end


@pytest.mark.parametrize("effects, domain", [((0.3, 0.1), (0, 0.36)), ((-0.5,), (-0.6, 0)), ((0.0,), (0, 0.2)),
                                             ((), (0, 0.2))])
def test_the_axis_stays_on_the_sides_that_have_bars(effects, domain):
    spec = contributions_spec(_explanation(*effects))
    assert _layer(spec, "bar")[0]["encoding"]["x"]["scale"]["domain"] == pytest.approx(list(domain))


def test_the_explainer_sends_the_chart_with_its_alt_and_table_and_keeps_the_picture_for_a_page():
    explanation = explain("A00042")
    chart = explanation_parts(explanation)[1]
    assert isinstance(chart, BrowserChart) and chart.alt == contributions_alt(explanation)
    assert chart.caption == "What moved the score of applicant A00042" and "<caption>Each input" in chart.table_html
    assert chart.spec == contributions_spec(explanation)
    assert [r["value"] for r in chart.spec["data"]["values"]] == [r.effect for r in explanation.reasons]
    assert "<img" in chart.html() and len(contributions_figure(explanation).axes[0].patches) == len(explanation.reasons)
