"""Tests for the proxy finder: ranking, measures against independent computations, edge cases."""

import math

import numpy as np
import pandas as pd
import pytest

from kit.data import make_applicants
from kit.fairness._proxy import (
    BANDS,
    COLUMNS,
    correlation_ratio,
    cramers_v,
    find_proxies,
    strength_band,
)

scipy_stats = pytest.importorskip("scipy.stats")
association = pytest.importorskip("scipy.stats.contingency").association


@pytest.fixture(scope="module")
def pool():
    return make_applicants()


def test_postcode_ranks_first_for_ethnicity(pool):
    ranking = find_proxies(pool, "ethnicity")
    assert list(ranking.columns) == list(COLUMNS)
    top = ranking.iloc[0]
    assert top["feature"] == "postcode_area"
    assert top["measure"] == "Cramér's V"
    assert top["band"] == "strong"
    assert top["reading"] == "strong: this column could stand in for ethnicity"
    assert ranking.iloc[1]["strength"] < 0.3
    assert "ethnicity" not in set(ranking["feature"])


def test_experience_ranks_first_for_age(pool):
    top = find_proxies(pool, "age_band").iloc[0]
    assert top["feature"] == "years_experience"
    assert top["measure"] == "correlation ratio (eta)"


def test_identifier_is_skipped_last_with_reason(pool):
    ranking = find_proxies(pool, "ethnicity")
    last = ranking.iloc[-1]
    assert last["feature"] == "applicant_id"
    assert last["band"] == "skipped"
    assert "identifier" in last["reading"]
    assert math.isnan(last["strength"])


@pytest.mark.parametrize("column", ["postcode_area", "gender", "education", "age_band"])
def test_uncorrected_v_matches_scipy(pool, column):
    table = pd.crosstab(pool[column], pool["ethnicity"]).to_numpy()
    expected = association(table, method="cramer", correction=False)
    ours = cramers_v(pool[column], pool["ethnicity"], bias_correction=False)
    assert ours == pytest.approx(expected)


def test_bias_corrected_v_matches_hand_computation():
    # Table [[6, 4], [2, 8]]: n = 20, chi-squared = 10/3, so phi^2 = 1/6.
    x = pd.Series(["a"] * 10 + ["b"] * 10)
    y = pd.Series(["u"] * 6 + ["v"] * 4 + ["u"] * 2 + ["v"] * 8)
    assert cramers_v(x, y, bias_correction=False) == pytest.approx(math.sqrt(1 / 6))
    # Bergsma: phi^2 - (k-1)(r-1)/(n-1) over min(k~, r~) - 1 with r~ = k~ = 2 - 1/19.
    expected = math.sqrt((1 / 6 - 1 / 19) / (1 - 1 / 19))
    assert cramers_v(x, y) == pytest.approx(expected)


def test_correction_removes_chance_association():
    rng = np.random.default_rng(0)
    x = pd.Series(rng.choice(list("abcdefghij"), 200))
    y = pd.Series(rng.choice(list("uvw"), 200))
    assert cramers_v(x, y) < cramers_v(x, y, bias_correction=False)
    assert cramers_v(x, y) < 0.1


def test_eta_matches_hand_and_anova(pool):
    groups = pd.Series(list("aaabbb"))
    values = pd.Series([1, 2, 3, 4, 5, 6])
    assert correlation_ratio(groups, values) == pytest.approx(math.sqrt(13.5 / 17.5))
    samples = [g["skills_test"].to_numpy() for _, g in pool.groupby("age_band")]
    f = scipy_stats.f_oneway(*samples).statistic
    k, n = len(samples), len(pool)
    eta_squared = f * (k - 1) / (f * (k - 1) + n - k)
    eta = correlation_ratio(pool["age_band"], pool["skills_test"])
    assert eta**2 == pytest.approx(eta_squared)


@pytest.mark.parametrize("strength, band", [(0.0, "negligible"), (0.09, "negligible"),
                                            (0.1, "weak"), (0.3, "moderate"),
                                            (0.49, "moderate"), (0.5, "strong"), (1.0, "strong")])
def test_bands(strength, band):
    assert strength_band(strength, "gender")[0] == band
    assert "gender" in strength_band(strength, "gender")[1]
    assert [b[0] for b in BANDS] == sorted((b[0] for b in BANDS), reverse=True)


def test_missing_constant_and_id_columns_are_handled():
    df = pd.DataFrame({
        "group": ["a", "a", "b", "b", None, "b"],
        "area": ["x", "x", "y", "y", "y", None],
        "score": [1.0, 2.0, np.nan, 5.0, 6.0, 7.0],
        "same": ["k"] * 6,
        "code": ["r1", "r2", "r3", "r4", "r5", "r6"],
        "number_id": [101, 102, 103, 104, 105, 106],
        "measure": [0.11, 0.52, 0.93, 0.14, 0.35, 0.76],
        "empty": [np.nan] * 6,
    })
    ranking = find_proxies(df, "group").set_index("feature")
    assert ranking.loc["area", "n_missing"] == 2
    assert ranking.loc["area", "n_used"] == 4
    assert ranking.loc["area", "strength"] == pytest.approx(1.0)
    assert ranking.loc["score", "n_missing"] == 2
    assert ranking.loc["same", "band"] == "skipped"
    assert ranking.loc["code", "band"] == "skipped"
    assert ranking.loc["number_id", "band"] == "skipped"
    assert ranking.loc["measure", "band"] != "skipped"  # unique decimals are measurements
    assert ranking.loc["empty", "reading"].startswith("skipped: too few rows")


def test_exclude_and_bad_input(pool):
    ranking = find_proxies(pool, "ethnicity", exclude=["postcode_area", "applicant_id"])
    assert "postcode_area" not in set(ranking["feature"])
    with pytest.raises(KeyError):
        find_proxies(pool, "religion")
    with pytest.raises(ValueError, match="fewer than two groups"):
        find_proxies(pool.assign(one="x"), "one")
