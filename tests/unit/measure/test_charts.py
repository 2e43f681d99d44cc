"""The measure lesson's charts as Vega-Lite specifications, and the dashboard that sends them to the browser.

Each specification is checked against the monitoring tables read with plain
pandas: every month's value, the target or four-fifths line, the colours and
markers of the matplotlib figures, and months or groups with nothing to draw.
"""

from __future__ import annotations

import json

import pandas as pd
import pytest

from kit.measure import kpi_by_id, kpi_frame, resolve_targets, selection_by_month
from kit.measure.ui import _charts as charts
from kit.measure.ui import kpi_trend_spec, selection_trend_spec
from kit.toolkit import AnswerView, VegaChart
from kit.toolkit._plots import FLAG_COLOUR, PASS_COLOUR
from kit.toolkit._vega import SCHEMA

SHORT = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def _rows(kpi_id: str, saved: dict | None = None) -> pd.DataFrame:
    return kpi_frame(resolve_targets(saved or {})).query("id == @kpi_id")


def _layer(spec: dict, mark: str, n: int = 0) -> dict:
    """The ``n``-th layer drawing ``mark`` that has data (the legend's layer has none)."""
    layers = [layer for layer in spec["layer"] if layer["mark"]["type"] == mark and layer["data"]["values"]]
    return layers[n]


def _legend(spec: dict) -> dict[str, str]:
    """The legend's words and colours, in order."""
    colours = [layer["encoding"].get("color", {}) for layer in spec["layer"]]
    colour = next(colour for colour in colours if "legend" in colour)
    return dict(zip(colour["scale"]["domain"], colour["scale"]["range"]))


def test_kpi_trend_spec_has_every_month_its_status_and_the_target():
    kpi, rows = kpi_by_id("human_reached"), _rows("human_reached")
    spec = kpi_trend_spec(kpi, rows)
    assert spec["$schema"] == SCHEMA
    line = _layer(spec, "line")["data"]["values"]
    assert [m["month"] for m in line] == SHORT
    assert [m["value"] for m in line] == pytest.approx(rows["value"].tolist(), abs=1e-4)
    points = {m["month"]: m for m in _layer(spec, "point")["data"]["values"]}
    off = {SHORT[m - 1] for m in rows.loc[rows["on target"] == False, "month"]}  # noqa: E712 (object column)
    assert off == {"Nov", "Dec"} and {name for name, m in points.items() if m["series"] == "off target"} == off
    assert points["Nov"]["colour"] == FLAG_COLOUR and points["Nov"]["shape"] != "circle"  # not colour alone
    assert points["Jan"]["colour"] == PASS_COLOUR and points["Jan"]["shape"] == "circle"
    target = _layer(spec, "rule")["data"]["values"][0]
    assert target["value"] == 95.0 and target["dash"] and target["colour"] == charts.REFERENCE_COLOUR
    assert _legend(spec) == {"on target": PASS_COLOUR, "off target": FLAG_COLOUR,
                             "target at least 95.0%": charts.REFERENCE_COLOUR}
    assert _layer(spec, "point")["encoding"]["y"]["title"] == "percent"


def test_kpi_trend_spec_follows_the_learners_target():
    kpi = kpi_by_id("staff_awareness")
    spec = kpi_trend_spec(kpi, _rows("staff_awareness", {"staff_awareness": 90.0}))
    assert _layer(spec, "rule")["data"]["values"][0]["value"] == 90.0
    assert "target at least 90.0%" in _legend(spec)


def test_months_without_data_break_the_line_and_have_no_marker():
    kpi, rows = kpi_by_id("bias_mitigated"), _rows("bias_mitigated")
    spec = kpi_trend_spec(kpi, rows)
    json.dumps(spec, allow_nan=False)  # no NaN reaches the browser
    empty = {SHORT[m - 1] for m in rows.loc[rows["value"].isna(), "month"]}
    assert empty and {m["month"] for m in _layer(spec, "line")["data"]["values"] if m["value"] is None} == empty
    assert not empty & {m["month"] for m in _layer(spec, "point")["data"]["values"]}


def test_the_legend_names_only_the_statuses_drawn():
    kpi, rows = kpi_by_id("human_reached"), _rows("human_reached")
    spec = kpi_trend_spec(kpi, rows[rows["on target"] == True])  # noqa: E712 (object column)
    assert list(_legend(spec)) == ["on target", "target at least 95.0%"]


def test_selection_trend_spec_has_each_groups_rates_flags_and_the_four_fifths_line():
    table = selection_by_month("disability")
    spec = selection_trend_spec(table, "Disability")
    json.dumps(spec, allow_nan=False)
    rates = _layer(spec, "point")["data"]["values"]
    expected = table.assign(rate=table["selection rate"] * 100)
    assert [(r["month"], r["series"]) for r in rates] == [(SHORT[m - 1], g) for m, g in zip(table["month"],
                                                                                           table["group"])]
    assert [r["rate"] for r in rates] == pytest.approx(expected["rate"].tolist(), abs=1e-4)
    circled = _layer(spec, "point", 1)["data"]["values"]
    assert [(r["month"], r["colour"]) for r in circled] == [(m, FLAG_COLOUR) for m in ("Sep", "Oct", "Nov", "Dec")]
    four_fifths = [r for r in _layer(spec, "line")["data"]["values"] if r["series"] == charts.FOUR_FIFTHS]
    highest = table.groupby("month")["selection rate"].max() * 80  # both groups are judged every month
    assert [r["rate"] for r in four_fifths] == pytest.approx(highest.tolist(), abs=1e-4)
    assert four_fifths[0]["dash"] == list(charts.FOUR_FIFTHS_DASH)
    assert _legend(spec) == {"no": "#0072B2", "yes": "#E69F00", charts.CIRCLED: FLAG_COLOUR,
                             charts.FOUR_FIFTHS: charts.REFERENCE_COLOUR}
    assert _layer(spec, "point")["encoding"]["y"]["scale"]["domain"] == [0, 50.0]


def test_each_group_has_its_own_marker_and_dash_and_no_flag_means_no_circle():
    spec = selection_trend_spec(selection_by_month("age_band"), "Age band")
    lines = [r for r in _layer(spec, "line")["data"]["values"] if r["series"] != charts.FOUR_FIFTHS]
    styles = {r["series"]: (r["colour"], r["shape"], tuple(r["dash"])) for r in lines}
    assert len(styles) == 5 and len({s[1] for s in styles.values()}) == 5
    assert len({s[2] for s in styles.values()}) > 1
    assert charts.CIRCLED not in _legend(spec)
    assert not [layer for layer in spec["layer"] if layer["mark"].get("filled") is False]


def test_the_dashboard_sends_specifications_and_draws_nothing_on_a_click(fresh_session, monkeypatch):
    from kit.measure.ui import kpi_dashboard

    def no_drawing(*args, **kwargs):
        raise AssertionError("the dashboard drew a chart in the kernel")

    import kit.toolkit
    import kit.toolkit._plots as plots

    monkeypatch.setattr(plots, "new_figure", no_drawing)  # the figures import it when they draw
    monkeypatch.setattr(kit.toolkit, "new_figure", no_drawing, raising=False)
    box = kpi_dashboard()
    trend, pick, attribute, drift = box.children[8], box.children[4], box.children[10], box.children[11]
    assert isinstance(trend, VegaChart) and trend.caption.startswith(kpi_by_id(pick.value).name)
    pick.value = "staff_awareness"
    assert "Staff awareness" in trend.alt and _layer(trend.spec, "rule")["data"]["values"][0]["value"] == 80.0
    assert "<table" in trend.table_html
    attribute.value = "ethnicity"
    assert isinstance(drift, AnswerView)
    chart = next(box for box in drift.children if isinstance(box, VegaChart))
    assert "by ethnicity" in chart.caption and "Asian" in _legend(chart.spec)
    assert "Line chart of the monthly selection rate by ethnicity" in drift.value
    assert box.children[7].value == ""  # the error box: nothing went wrong
