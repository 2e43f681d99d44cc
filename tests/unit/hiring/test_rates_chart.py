"""The audit's selection-rate chart drawn by the browser: the same bars, ranges, colours and line as the picture."""

from __future__ import annotations

import pandas as pd
import pytest

from kit.fairness import audit
from kit.hiring.ui import audit_view_html, audit_view_parts
from kit.hiring.ui._rates_spec import LINE_LABEL, RATE_COLOURS, selection_rates_spec
from kit.toolkit import BrowserChart, VegaChart, selection_rates_alt
from kit.toolkit._plots import FLAG_COLOUR, OTHER_COLOUR, PASS_COLOUR


def _decisions() -> pd.DataFrame:
    """Group a: 60 of 100 selected; b: 30 of 100 (below four-fifths); c: 1 of 2 (too small to judge)."""
    counts = {("a", 1): 60, ("a", 0): 40, ("b", 1): 30, ("b", 0): 70, ("c", 1): 1, ("c", 0): 1}
    return pd.DataFrame([key for key, n in counts.items() for _ in range(n)], columns=["group", "hired"])


@pytest.fixture()
def result():
    return audit(_decisions(), "hired", ["group"])


def _layer(spec, mark):
    return next(layer for layer in spec["layer"]
                if (layer["mark"] if isinstance(layer["mark"], str) else layer["mark"]["type"]) == mark)


def test_each_group_is_a_bar_of_its_rate_with_its_95_percent_range(result):
    rows = selection_rates_spec(result)["data"]["values"]
    assert [r["label"] for r in rows] == ["a", "b", "c"]
    for row, group in zip(rows, result.by_group):
        assert row["value"] == pytest.approx(group.selection_rate * 100)
        assert (row["low"], row["high"]) == pytest.approx((group.ci_low * 100, group.ci_high * 100))
    assert [r["value"] for r in rows] == pytest.approx([60, 30, 50])  # counted by hand above


def test_colours_match_the_picture_and_flagged_bars_say_so_in_words(result):
    spec = selection_rates_spec(result)
    assert [r["kind"] for r in spec["data"]["values"]] == ["passes", "below four-fifths", "not judged"]
    assert [r["words"] for r in spec["data"]["values"]] == ["60.0%", "30.0% below four-fifths",
                                                            "50.0% (too small to judge)"]
    scale = _layer(spec, "bar")["encoding"]["color"]["scale"]
    assert scale == {"domain": list(RATE_COLOURS), "range": [PASS_COLOUR, FLAG_COLOUR, OTHER_COLOUR]}


def test_the_dashed_four_fifths_line_sits_at_four_fifths_of_the_highest_rate(result):
    spec = selection_rates_spec(result)
    rule = _layer(spec, "rule")
    assert rule["encoding"]["x"]["datum"] == pytest.approx(48) and rule["mark"]["strokeDash"]
    assert LINE_LABEL in [layer["encoding"]["text"].get("value") for layer in spec["layer"]
                          if "text" in layer["encoding"]]
    x = _layer(spec, "bar")["encoding"]["x"]
    assert x["scale"]["domain"] == pytest.approx([0, result.by_group[2].ci_high * 110])  # as the picture's axis
    assert x["title"] == "Selection rate (%), with 95% range"


def test_without_a_judged_group_there_is_no_line_and_every_bar_is_not_judged():
    result = audit(_decisions().query("group != 'c'"), "hired", ["group"], min_share=0.6)
    spec = selection_rates_spec(result)
    assert result.reference_group is None
    assert not [layer for layer in spec["layer"] if layer["mark"].get("type") == "rule"]
    assert {r["kind"] for r in spec["data"]["values"]} == {"not judged"}
    assert _layer(spec, "bar")["encoding"]["color"]["scale"]["domain"] == ["not judged"]


def test_the_audit_view_sends_the_chart_with_its_alt_and_a_page_drawn_once_keeps_the_picture(result):
    parts = audit_view_parts(result, caption="Selected by group")
    chart = parts[1]
    assert isinstance(chart, BrowserChart) and chart.alt == selection_rates_alt(result)
    assert chart.caption == "Selected by group" and chart.spec == selection_rates_spec(result)
    html = audit_view_html(result)
    assert "<img" in html and 'alt="Bar chart of selection rate by group' in html


def test_moving_the_explorer_slider_draws_no_matplotlib_chart(fresh_session, monkeypatch):
    import kit.hiring.ui._audit_view as view_module
    from kit.hiring.ui import bias_explorer

    monkeypatch.setattr(view_module, "selection_rates_figure", lambda result: pytest.fail("drew a picture"))
    app = bias_explorer()
    view = next(child for child in app.children if "kit-audit" in child._dom_classes)
    chart = next(box for box in view.children if isinstance(box, VegaChart))
    slider = next(child for child in app.children if getattr(child, "description", "").startswith("Shortlist"))
    before = chart.spec["data"]["values"]
    slider.value = 0.65
    assert chart.caption == "Shortlisted at a score of 0.65 or more" and chart.spec["data"]["values"] != before
    assert "Bar chart of selection rate by gender" in view.value and "four-fifths" in chart.alt
