"""KPIs month by month, exact targets, drift alerts, the plan section, the charts and the dashboard.

Values are checked against plain pandas on the monitoring tables, and the drift
against an independent computation with exact fractions.
"""

from __future__ import annotations

from fractions import Fraction

import pandas as pd
import pytest

from kit.workshop import parts as declared
from kit.measure import _kpis as kpis

from kit.workshop import content, session
from kit.workshop.content import ContentError
from kit.documents import to_markdown, Document
from kit.measure import alert_text, drift_alerts, lowest_ratio, monthly_audits, selection_by_month
from kit.measure import (catalogue, clean_targets, exact_values, kpi_by_id, kpi_frame, load_kpis, on_target,
                         parse_target, resolve_targets, summary, targets_section)
from kit.measure import load_monitoring
from tests.unit.measure.test_monitoring import exact_ratios

SHARES = [k for k in load_kpis() if k.kind == "share"]


@pytest.fixture(scope="module")
def year():
    return load_monitoring()


def test_the_kpis_of_both_sources_are_there():
    ids = [k.id for k in load_kpis()]
    assert len(ids) == len(set(ids)) == 11
    assert {"impact_assessed", "concerns_raised", "concerns_resolved", "chatbot_satisfaction", "staff_awareness",
            "bias_mitigated", "hiring_fairness", "appraisals_with_ethics", "supplier_clauses"} <= set(ids)
    assert len(catalogue()) == 11


@pytest.mark.parametrize("kpi", SHARES, ids=[k.id for k in SHARES])
def test_each_share_matches_pandas(year, kpi):
    table = year.table(kpi.table).set_index("month")
    scale = kpis.UNITS[kpi.unit].scale
    expected = (table[kpi.numerator] / table[kpi.denominator].where(table[kpi.denominator] > 0)) * scale
    for month, top, bottom, value in exact_values(kpi):
        assert (top, bottom) == (table.at[month, kpi.numerator], table.at[month, kpi.denominator])
        if bottom == 0:
            assert value is None and pd.isna(expected[month])
        else:
            assert float(value) == pytest.approx(expected[month])


def test_a_month_with_nothing_to_measure_has_no_value_and_no_status(year):
    march = {m: v for m, _, _, v in exact_values(kpi_by_id("concerns_resolved"))}[3]
    assert year.chatbot.set_index("month").at[3, "concerns_raised"] == 0
    assert march is None and on_target(march, 80, "at_least") is None
    row = summary(month=3).set_index("KPI").loc["Concerns resolved within 30 days"]
    assert row["March"] == "no data" and row["status"] == "no data"


def test_the_count_kpi_is_the_column(year):
    values = [float(v) for *_, v in exact_values(kpi_by_id("concerns_raised"))]
    assert values == year.chatbot["concerns_raised"].astype(float).tolist()


def test_the_hiring_kpi_is_the_lowest_exact_ratio_of_each_month(year):
    independent = exact_ratios(year.hiring, "disability")
    for month, _, _, value in exact_values(kpi_by_id("hiring_fairness")):
        assert value == min(r for (m, _), r in independent.items() if m == month)
        assert isinstance(value, Fraction)


@pytest.mark.parametrize("value, target, direction, met", [
    (Fraction(57, 100) * 100, 57, "at_least", True),     # 0.57 * 100 is 56.99999999999999 in floats
    (Fraction(29, 50) * 100, 58, "at_least", True),
    (Fraction(4, 5), 0.8, "at_least", True),              # exactly four-fifths meets the target
    (Fraction(79, 100), 0.8, "at_least", False),
    (Fraction(2), 2, "at_most", True),
    (Fraction(201, 100), 2, "at_most", False),
    (None, 80, "at_least", None),
])
def test_targets_are_compared_exactly(value, target, direction, met):
    assert on_target(value, target, direction) is met


@pytest.mark.parametrize("kpi_id, typed, expected", [
    ("staff_awareness", "90", 90.0), ("staff_awareness", " 85% ", 85.0), ("staff_awareness", 0, 0.0),
    ("chatbot_satisfaction", "4.5", 4.5), ("concerns_raised", "1,000", 1000.0),
    ("hiring_fairness", "0.9", 0.9),
])
def test_parse_target_accepts_numbers_in_the_unit(kpi_id, typed, expected):
    assert parse_target(kpi_by_id(kpi_id), typed) == expected


@pytest.mark.parametrize("kpi_id, typed, message", [
    ("staff_awareness", "ninety", "as a number, such as 80"),
    ("staff_awareness", "", "as a number"),
    ("staff_awareness", "150", "between 0 and 100"),
    ("staff_awareness", "-5", "between 0 and 100"),
    ("staff_awareness", "nan", "between 0 and 100"),
    ("staff_awareness", "inf", "between 0 and 100"),
    ("chatbot_satisfaction", "6", "between 1 and 5"),
    ("hiring_fairness", "80", "between 0 and 1"),
    ("chatbot_satisfaction", "4,5", "full stop for decimals"),
    ("concerns_raised", "1,5", "full stop for decimals"),
])
def test_parse_target_names_the_problem_and_the_fix(kpi_id, typed, message):
    with pytest.raises(ValueError, match=message):
        parse_target(kpi_by_id(kpi_id), typed)


@pytest.mark.parametrize("saved, expected", [
    (None, {}), ("not a dict", {}), ([1, 2], {}),
    ({"staff_awareness": 90}, {"staff_awareness": 90.0}),
    ({"staff_awareness": "abc", "no_such_kpi": 5}, {}),
    ({"complaints_rate": "1.5", "hiring_fairness": 2}, {"complaints_rate": 1.5}),
])
def test_saved_targets_are_read_defensively(saved, expected):
    assert clean_targets(saved) == expected
    resolved = resolve_targets(saved)
    assert len(resolved) == 11 and all(resolved[k] == v for k, v in expected.items())


def test_a_higher_target_turns_a_kpi_off_target():
    before = summary().set_index("KPI").loc["Staff awareness of the ethical AI guidelines"]
    after = summary({"staff_awareness": 90}).set_index("KPI").loc["Staff awareness of the ethical AI guidelines"]
    assert before["status"].endswith("on target") and before["status"].startswith("✔")
    assert after["status"].startswith("✘") and after["target"] == "at least 90.0%"
    frame = kpi_frame({"staff_awareness": 90})
    assert set(frame.columns) >= {"id", "month", "value", "target", "on target"} and len(frame) == 11 * 12


_KPI = {"id": "x", "name": "A test KPI", "tells_you": "t", "source": "s", "system": "s", "table": "chatbot",
        "kind": "count", "column": "complaints", "unit": "count", "direction": "at_least", "target": 1}


@pytest.mark.parametrize("raw, message", [
    ([{"id": "x"}], "entry 1 \\('x'\\), 'name': this is missing; expected what the dashboard calls it"),
    ([{**_KPI, "kind": "ratio"}], "entry 1 \\('x'\\), 'kind': should be 'share', 'count' or 'lowest_impact_ratio'; "
                                  "expected one of share, count, lowest_impact_ratio"),
    ([{**_KPI, "kind": "share", "column": None, "numerator": "complaints", "denominator": "nope"}],
     "entry 1 \\('x'\\): a share KPI needs 'denominator' naming one of month, .*, not 'nope'"),
    ([{**_KPI, "unit": "percent", "target": 500}], "entry 1 \\('x'\\): a percent target lies between 0 and 100, "
                                                   "not 500"),
    ([{**_KPI, "direction": "up"}], "entry 1 \\('x'\\), 'direction': should be 'at_least' or 'at_most'"),
    ([{**_KPI, "target": "high"}], "entry 1 \\('x'\\), 'target': should be a valid number.*; expected the kit's "
                                   "default target"),
    ([{**_KPI, "numerator": "complaints"}], "entry 1 \\('x'\\): a count KPI does not read numerator; remove it"),
    ([{**_KPI, "targte": 1}], "entry 1 \\('x'\\), 'targte': this key is not one the kit reads"),
    ([_KPI, _KPI], "the file as a whole: two KPIs share the id x; give each its own"),
    (["just text"], "entry 1: should be a valid dictionary"),
    ([], "the file as a whole: .*at least 1 item"),
])
def test_a_broken_kpi_file_gets_a_plain_message(monkeypatch, raw, message):
    monkeypatch.setattr(content, "_read", lambda name: raw)
    with pytest.raises(ContentError, match=f"^kpis.yaml: {message}"):
        load_kpis()


def test_drift_alerts_match_an_independent_exact_computation(year):
    independent = {key for key, r in exact_ratios(year.hiring, "disability").items() if r < Fraction(4, 5)}
    alerts = drift_alerts("disability")
    assert {(a.month, a.group) for a in alerts} == independent
    assert all(a.reference == "no" and a.ratio < Fraction(4, 5) for a in alerts)
    text = alert_text(alerts, "disability")
    for name in ("Disability: yes", "September", "October", "November", "December"):
        assert name in text
    assert "August" not in text


@pytest.mark.parametrize("attribute", ["gender", "ethnicity", "age_band"])
def test_no_alert_where_nothing_was_planted(attribute):
    assert drift_alerts(attribute) == []
    assert alert_text([], attribute).startswith("No drift")


def test_selection_by_month_matches_pandas(year):
    table = selection_by_month("age_band").set_index(["month", "group"])["selection rate"]
    expected = year.hiring.groupby(["month", "age_band"])["shortlisted"].mean()
    assert table.to_numpy() == pytest.approx(expected.to_numpy())


def test_the_kit_year_and_a_given_year_agree(year):
    given = monthly_audits("disability", year)
    assert [lowest_ratio(r) for _, r in given] == [lowest_ratio(r) for _, r in monthly_audits("disability")]
    with pytest.raises(ValueError, match="not a monitored group"):
        monthly_audits("postcode_area")


@pytest.mark.parametrize("saved", [None, {}, {"staff_awareness": 90, "complaints_rate": "3"}, "garbage"])
def test_targets_section_for_the_action_plan(saved):
    section = targets_section(saved)
    header, rows = section.table
    assert section.heading == "Ethical KPIs and targets" and len(rows) == 11 and len(header) == 5
    text = to_markdown(Document("Plan", [section]))
    assert "Drift alert" in text
    if isinstance(saved, dict) and saved:
        assert "You changed 2 of the kit's default targets" in text
    else:
        assert "You kept the kit's default targets" in text


def test_charts_have_alt_text_for_every_month():
    from kit.measure.ui import kpi_trend_alt, kpi_trend_figure, selection_trend_alt, selection_trend_figure

    kpi = kpi_by_id("human_reached")
    rows = kpi_frame().query("id == 'human_reached'")
    kpi_trend_figure(kpi, rows)
    alt = kpi_trend_alt(kpi, rows)
    assert "November 87.1% off target" in alt and alt.count("on target") == 10
    table = selection_by_month("disability")
    selection_trend_figure(table, "Disability")
    alt = selection_trend_alt(table, "Disability")
    assert "below four-fifths in September, October, November, December" in alt




def _parts(box):
    children = box.children
    return {"overview": children[2], "pick": children[4], "target": children[6].children[0],
            "set": children[6].children[1], "reset": children[6].children[2], "errors": children[7],
            "attribute": children[10], "drift": children[11]}


def test_dashboard_sets_saves_and_restores_a_target(fresh_session):
    from kit.measure.ui import kpi_dashboard

    parts = _parts(kpi_dashboard())
    assert "Drift alert" in parts["drift"].value and parts["overview"].value.count("✘") == 3
    parts["pick"].value = "staff_awareness"
    assert parts["target"].value == "80"
    parts["target"].value = "ninety"
    parts["set"].click()
    assert "as a number" in parts["errors"].value and parts["target"].value == "ninety"
    parts["target"].value = "90"
    parts["set"].click()
    assert parts["errors"].value == "" and parts["overview"].value.count("✘") == 4
    code = session.current().code
    assert session.current().load(declared.TARGETS.key) == {"staff_awareness": 90.0}

    session.reset()  # a reload: new kernel, new widgets, the kit's targets again
    again = _parts(kpi_dashboard())
    assert again["overview"].value.count("✘") == 3
    session.resume(code)
    assert again["overview"].value.count("✘") == 4
    again["pick"].value = "staff_awareness"
    again["reset"].click()
    assert session.current().load(declared.TARGETS.key) == {} and again["target"].value == "80"
    again["attribute"].value = "ethnicity"
    assert "No drift" in again["drift"].value
