"""The simulated monitoring year: deterministic, documented columns, sane counts, the planted stories.

The planted drift is checked with plain pandas and exact fractions, independently
of the kit's audit.
"""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pandas as pd
import pytest

from kit.measure import _monitoring as monitoring
from kit.data import AGE_BANDS, ETHNICITIES, GENDERS
from kit.measure import (DRIFT, GROUP_COLUMNS, MONTHS, TABLE_GUIDE, load_monitoring, month_name,
                         simulate_chatbot, simulate_governance, simulate_hiring)


@pytest.fixture(scope="module")
def year():
    return load_monitoring()


def exact_ratios(hiring: pd.DataFrame, attribute: str) -> dict:
    """{(month, group): exact impact ratio} among groups of at least 2% of the month."""
    out = {}
    for month, rows in hiring.groupby("month"):
        counts = rows.groupby(attribute)["shortlisted"].agg(["sum", "count"])
        counts = counts[counts["count"] * 50 >= len(rows)]  # 2% or more of the month
        rates = {g: Fraction(int(r["sum"]), int(r["count"])) for g, r in counts.iterrows()}
        top = max(rates.values())
        out.update({(month, g): rate / top for g, rate in rates.items()})
    return out


def flagged_months(hiring: pd.DataFrame, attribute: str) -> dict:
    ratios = exact_ratios(hiring, attribute)
    return {key: ratio for key, ratio in ratios.items() if ratio < Fraction(4, 5)}


@pytest.mark.parametrize("make", [simulate_hiring, simulate_chatbot, simulate_governance])
def test_same_seed_same_table_other_seed_other_table(make):
    pd.testing.assert_frame_equal(make(7), make(7))
    assert not make(7).equals(make(8))


@pytest.mark.parametrize("name", list(TABLE_GUIDE))
def test_every_column_is_documented_and_there_are_twelve_months(year, name):
    table = year.table(name)
    assert list(table.columns) == list(TABLE_GUIDE[name])
    assert sorted(table["month"].unique()) == list(MONTHS)
    assert not table.isna().any().any()


def test_hiring_groups_follow_the_lesson_03_shares(year):
    hiring = year.hiring
    assert 4000 < len(hiring) < 6000
    assert set(hiring["shortlisted"]) == {0, 1}
    for column, shares in (("gender", GENDERS), ("ethnicity", ETHNICITIES), ("age_band", AGE_BANDS),
                           ("disability", {"no": 0.88, "yes": 0.12})):
        observed = hiring[column].value_counts(normalize=True)
        assert set(observed.index) == set(shares)
        for group, share in shares.items():
            assert observed[group] == pytest.approx(share, abs=0.02)


@pytest.mark.parametrize("table, part, whole", [
    ("chatbot", "human_requested", "conversations"),
    ("chatbot", "human_reached", "human_requested"),
    ("chatbot", "satisfaction_responses", "conversations"),
    ("chatbot", "concerns_resolved", "concerns_raised"),
    ("governance", "projects_assessed", "ai_projects"),
    ("governance", "staff_aware", "staff_surveyed"),
    ("governance", "bias_incidents_mitigated", "bias_incidents_detected"),
    ("governance", "appraisals_with_ethics", "appraisals"),
    ("governance", "contracts_with_clause", "supplier_contracts"),
])
def test_a_part_never_exceeds_its_whole(year, table, part, whole):
    frame = year.table(table)
    assert (frame[part] >= 0).all() and (frame[part] <= frame[whole]).all()


def test_star_ratings_add_up_to_between_one_and_five_each(year):
    chatbot = year.chatbot
    assert (chatbot["satisfaction_total"] >= chatbot["satisfaction_responses"]).all()
    assert (chatbot["satisfaction_total"] <= 5 * chatbot["satisfaction_responses"]).all()


def test_the_planted_drift_fails_four_fifths_from_september_and_only_there(year):
    flagged = flagged_months(year.hiring, "disability")
    assert sorted(flagged) == [(m, "yes") for m in (9, 10, 11, 12)]
    ratios = exact_ratios(year.hiring, "disability")
    assert all(ratios[(m, "yes")] >= Fraction(9, 10) for m in range(1, 7))  # fair before the update
    for other in ("gender", "ethnicity", "age_band"):
        assert flagged_months(year.hiring, other) == {}, other


def test_without_the_drift_no_month_fails(year):
    fair = simulate_hiring(drift=None)
    assert flagged_months(fair, "disability") == {}
    # Same applicants, only the decisions differ.
    pd.testing.assert_frame_equal(fair[list(GROUP_COLUMNS)], year.hiring[list(GROUP_COLUMNS)])


def test_each_group_gets_its_expected_places_give_or_take_one(year):
    hiring = year.hiring
    for (month, group), rows in hiring.groupby(["month", "disability"]):
        expected = len(rows) * monitoring.BASE_RATE * (DRIFT.factor(month) if group == DRIFT.group else 1)
        assert abs(rows["shortlisted"].sum() - expected) <= 1, (month, group)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_systematic_sampling_keeps_every_block_within_one(seed):
    rng = np.random.default_rng(seed)
    chances = rng.random(200)
    order = rng.permutation(200)
    picks = monitoring._systematic(np.random.default_rng(seed + 10), chances, order)
    assert set(np.unique(picks)) <= {0, 1}
    walked = np.cumsum(picks[order]) - np.cumsum(chances[order])
    assert np.all(np.abs(walked) < 1)  # every stretch along the order is within one pick


def test_the_chatbot_and_governance_stories_are_there(year):
    chatbot, governance = year.chatbot, year.governance
    complaints = chatbot["complaints"] / chatbot["conversations"]
    assert complaints.idxmax() == 4  # May (row 4)
    reached = chatbot["human_reached"] / chatbot["human_requested"]
    assert set(reached.nsmallest(2).index) == {10, 11}  # November and December
    aware = governance["staff_aware"] / governance["staff_surveyed"]
    assert aware[:3].max() < aware[3:].min()  # training in March
    assert governance["bias_incidents_detected"].sum() == 2


def test_load_monitoring_hands_out_copies():
    first = load_monitoring()
    first.hiring.loc[0, "shortlisted"] = 99
    first.chatbot.loc[0, "complaints"] = -1
    again = load_monitoring()
    assert again.hiring.loc[0, "shortlisted"] in (0, 1) and again.chatbot.loc[0, "complaints"] >= 0


@pytest.mark.parametrize("month, name", [(1, "January"), (9, "September"), (12, "December")])
def test_month_names(month, name):
    assert month_name(month) == name


@pytest.mark.parametrize("bad", [0, 13, -1])
def test_month_name_rejects_other_numbers(bad):
    with pytest.raises(ValueError, match="1 to 12"):
        month_name(bad)


def test_plain_errors_for_a_wrong_table_or_size(year):
    with pytest.raises(ValueError, match="hiring, chatbot, governance"):
        year.table("sales")
    with pytest.raises(ValueError, match="at least 1"):
        simulate_hiring(per_month=0)
