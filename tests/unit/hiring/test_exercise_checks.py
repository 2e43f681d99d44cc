"""The exercise checks: None is "to do", the right answer passes, anything else gets a hint.

Right answers are computed here with plain pandas and numpy, independently of
the kit's audit that the checks use for their expected values.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Any, Callable

import numpy as np
import pandas as pd
import pytest

import kit.hiring as checks
from kit.workshop import Feedback
from kit.data import load_hiring
from kit.hiring import _checks as hiring
from kit.hiring import FEATURES


@pytest.fixture(scope="module")
def pool():
    return load_hiring()


def _rates(pool, by, column="shortlisted"):
    return pool.groupby(by)[column].mean()


def _exact_ratios(pool):
    counts = pool.groupby("age_band")["shortlisted"].agg(["sum", "count"])
    rates = {band: Fraction(int(row["sum"]), int(row["count"])) for band, row in counts.iterrows()}
    return {band: rate / max(rates.values()) for band, rate in rates.items()}


def _big(pool, by):
    shares = pool.groupby(by).size() / len(pool)
    return shares[shares >= 0.02].index


def _subgroup_impact(pool):
    rates = _rates(pool, ["gender", "ethnicity"])
    judged = rates[rates.index.isin(_big(pool, ["gender", "ethnicity"]))]
    return judged / judged.max()


def _error_rates(pool, qualified):
    return pool[pool["qualified"] == qualified].groupby("age_band")["shortlisted"].mean()


def _cramers_v(pool):
    counts = pd.crosstab(pool["ethnicity"], pool["postcode_area"]).to_numpy()
    n = counts.sum()
    expected = np.outer(counts.sum(axis=1), counts.sum(axis=0)) / n
    return float(np.sqrt(((counts - expected) ** 2 / expected).sum() / (n * (min(counts.shape) - 1))))


# Made-up decisions for the mitigation checks: seeded, no model to train.
_RNG = np.random.default_rng(7)
BEFORE = _RNG.integers(0, 2, 300)
AFTER = _RNG.integers(0, 2, 300)
TRUTH = _RNG.integers(0, 2, 300)
GROUPS = pd.Series(_RNG.choice(["a", "b", "c"], 300), index=np.arange(1000, 1300))


def _gap(decisions):
    rates = pd.Series(decisions).groupby(GROUPS.to_numpy()).mean()
    return rates.max() - rates.min()


@dataclass
class Case:
    check: Callable[..., Feedback]
    right: Callable[[pd.DataFrame], Any]
    wrong: Callable[[pd.DataFrame], Any]
    args: tuple = ()


CASES = {
    "rates_by_gender": Case(checks.check_rates_by_gender, lambda p: _rates(p, "gender"),
                            lambda p: _rates(p, "gender", "qualified")),
    "rates_by_age": Case(checks.check_rates_by_age, lambda p: _rates(p, "age_band"),
                         lambda p: _rates(p, "age_band", "qualified")),
    "impact_by_age": Case(checks.check_impact_by_age,
                          lambda p: _rates(p, "age_band") / _rates(p, "age_band").max(),
                          lambda p: _rates(p, "age_band")),
    "exact_ratio": Case(checks.check_exact_ratio, lambda p: Fraction(4, 100) / Fraction(5, 100),
                        lambda p: 0.04 / 0.05),
    "exact_by_age": Case(checks.check_exact_by_age, _exact_ratios,
                         lambda p: {band: float(r) for band, r in _exact_ratios(p).items()}),
    "flagged_ages": Case(checks.check_flagged_ages,
                         lambda p: {b for b, r in _exact_ratios(p).items() if r < Fraction(4, 5)},
                         lambda p: {b for b, r in _exact_ratios(p).items() if r < 1}),
    "impact_by_gender": Case(checks.check_impact_by_gender,
                             lambda p: _rates(p, "gender") / _rates(p, "gender")[_big(p, "gender")].max(),
                             lambda p: _rates(p, "gender") / _rates(p, "gender").max()),
    "tpr_by_age": Case(checks.check_tpr_by_age, lambda p: _error_rates(p, 1), lambda p: _error_rates(p, 0)),
    "fpr_by_age": Case(checks.check_fpr_by_age, lambda p: _error_rates(p, 0), lambda p: _error_rates(p, 1)),
    "equalized_odds_age": Case(
        checks.check_equalized_odds_age,
        lambda p: max(np.ptp(_error_rates(p, 1)), np.ptp(_error_rates(p, 0))),
        lambda p: min(np.ptp(_error_rates(p, 1)), np.ptp(_error_rates(p, 0)))),
    "rates_by_gender_ethnicity": Case(checks.check_rates_by_gender_ethnicity,
                                      lambda p: _rates(p, ["gender", "ethnicity"]),
                                      lambda p: _rates(p, ["gender", "ethnicity"], "qualified")),
    "subgroup_impact": Case(checks.check_subgroup_impact, _subgroup_impact,
                            lambda p: _rates(p, ["gender", "ethnicity"]) / _rates(p, ["gender", "ethnicity"]).max()),
    "lowest_subgroup": Case(checks.check_lowest_subgroup, lambda p: _subgroup_impact(p).idxmin(),
                            lambda p: _subgroup_impact(p).idxmax()),
    "too_small_genders": Case(checks.check_too_small_genders,
                              lambda p: set(p["gender"].unique()) - set(_big(p, "gender")),
                              lambda p: set(_big(p, "gender"))),
    "area_by_ethnicity": Case(checks.check_area_by_ethnicity,
                              lambda p: pd.crosstab(p["ethnicity"], p["postcode_area"], normalize="index"),
                              lambda p: pd.crosstab(p["ethnicity"], p["postcode_area"], normalize="columns")),
    "cramers_v": Case(checks.check_cramers_v, _cramers_v, lambda p: _cramers_v(p) / 2),
    "strongest_proxy": Case(checks.check_strongest_proxy, lambda p: "postcode_area",
                            lambda p: "skills_test"),
    "selection_gap": Case(checks.check_selection_gap, lambda p: _gap(BEFORE), lambda p: _gap(AFTER),
                          (BEFORE, GROUPS)),
    "match_rates": Case(checks.check_match_rates,
                        lambda p: pd.Series({"before": np.mean(BEFORE == TRUTH), "after": np.mean(AFTER == TRUTH)}),
                        lambda p: pd.Series({"before": np.mean(BEFORE == TRUTH), "after": 0.0}),
                        (BEFORE, AFTER, TRUTH)),
}

WRONG_TYPES = {
    "text": "postcode", "integer": 42, "nan": float("nan"), "list": [1, 2, 3],
    "frame": pd.DataFrame({"x": [1.0]}), "array": np.arange(3), "object": object(),
    "series-of-text": pd.Series(["a", "b"]), "boolean": True, "dict": {"a": 1},
}


def test_every_public_check_has_cases():
    assert sorted(f"check_{name}" for name in CASES) == sorted(hiring.__all__)


@pytest.mark.parametrize("name", CASES)
def test_none_is_to_do(name):
    case = CASES[name]
    feedback = case.check(None, *case.args)
    assert feedback.kind == "todo" and not feedback.passed
    assert repr(feedback).startswith("To do: Not answered yet")


@pytest.mark.parametrize("name", CASES)
def test_right_answer_is_correct(name, pool):
    case = CASES[name]
    feedback = case.check(case.right(pool), *case.args)
    assert feedback.kind == "ok", feedback
    assert repr(feedback).startswith("Correct: ")


@pytest.mark.parametrize("name", CASES)
def test_wrong_answer_gets_a_hint(name, pool):
    case = CASES[name]
    feedback = case.check(case.wrong(pool), *case.args)
    assert feedback.kind == "retry", feedback
    assert repr(feedback).startswith("Not quite: ")


@pytest.mark.parametrize("bad", WRONG_TYPES.values(), ids=WRONG_TYPES.keys())
@pytest.mark.parametrize("name", CASES)
def test_wrong_type_gets_a_hint_never_an_error(name, bad):
    case = CASES[name]
    feedback = case.check(bad, *case.args)
    assert isinstance(feedback, Feedback) and feedback.kind == "retry"
    assert "<div" in feedback._repr_html_()
    # Each check handles these on purpose, not through its last-resort guard.
    assert "could not be checked" not in feedback.message


def test_an_error_inside_a_check_becomes_a_hint(monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(hiring, "_column", broken)
    feedback = checks.check_rates_by_gender(pd.Series({"man": 0.4}))
    assert feedback.kind == "retry" and "could not be checked (RuntimeError)" in feedback.message


@pytest.mark.parametrize(
    ("name", "answer", "words"),
    [
        ("rates_by_gender", lambda p: _rates(p, "gender") * 100, "percentages"),
        ("rates_by_gender", lambda p: p.groupby("gender")[["shortlisted"]].mean(), "single brackets"),
        ("rates_by_gender", lambda p: _rates(p, "gender").drop("woman"), "Expected one value for each"),
        ("rates_by_gender", lambda p: _rates(p, "gender").where(lambda s: s > 0.4), "NaN"),
        ("impact_by_age", lambda p: _rates(p, "age_band"), "selection rates themselves"),
        ("exact_ratio", lambda p: 0.04 / 0.05, "float"),
        ("exact_ratio", lambda p: Fraction(0.04) / Fraction(0.05), "made from a float"),
        ("exact_by_age", lambda p: {b: float(r) for b, r in _exact_ratios(p).items()}, "float"),
        ("flagged_ages", lambda p: "55+", "one text"),
        ("impact_by_gender", lambda p: _rates(p, "gender") / _rates(p, "gender").max(), "too small"),
        ("subgroup_impact", lambda p: _rates(p, ["gender", "ethnicity"]) / 0.5, "only 8 have"),
        ("lowest_subgroup", lambda p: "woman / Black", "pair"),
        ("area_by_ethnicity", lambda p: pd.crosstab(p["ethnicity"], p["postcode_area"]), "counts"),
        ("area_by_ethnicity", lambda p: pd.crosstab(p["postcode_area"], p["ethnicity"], normalize="index"),
         "rows are postcode areas"),
        ("cramers_v", lambda p: _cramers_v(p) ** 2, "squared"),
        ("strongest_proxy", lambda p: "model_score", "not one of the model's inputs"),
    ],
)
def test_specific_hints(name, answer, words, pool):
    case = CASES[name]
    feedback = case.check(answer(pool), *case.args)
    assert feedback.kind == "retry" and words in feedback.message, feedback


def test_bias_corrected_v_is_recognised(pool):
    from kit.fairness import find_proxies

    corrected = find_proxies(pool, "ethnicity").set_index("feature").loc["postcode_area", "strength"]
    assert "bias-corrected" in checks.check_cramers_v(corrected).message


def test_answers_in_another_shape_are_accepted(pool):
    swapped = pool.groupby(["ethnicity", "gender"])["shortlisted"].mean()
    assert checks.check_rates_by_gender_ethnicity(swapped).passed
    assert checks.check_rates_by_gender(_rates(pool, "gender").to_dict()).passed
    assert checks.check_lowest_subgroup(list(_subgroup_impact(pool).idxmin())).passed
    assert checks.check_too_small_genders(["non-binary"]).passed
    transposed = pd.crosstab(pool["postcode_area"], pool["ethnicity"], normalize="columns")
    assert checks.check_area_by_ethnicity(transposed).passed


def test_gap_hints_and_broken_inputs():
    rates = pd.Series(BEFORE).groupby(GROUPS.to_numpy()).mean()
    ratio = checks.check_selection_gap(rates.min() / rates.max(), BEFORE, GROUPS)
    assert "impact ratio" in ratio.message
    assert "percentage" in checks.check_selection_gap(_gap(BEFORE) * 100, BEFORE, GROUPS).message
    for predictions, groups in [(None, GROUPS), (BEFORE[:10], GROUPS), (BEFORE, None)]:
        feedback = checks.check_selection_gap(0.1, predictions, groups)
        assert feedback.kind == "retry" and "run the cells above" in feedback.message
    assert checks.check_selection_gap(None, None, None).kind == "todo"
    swapped = pd.Series({"before": np.mean(AFTER == TRUTH), "after": np.mean(BEFORE == TRUTH)})
    assert "swapped" in checks.check_match_rates(swapped, BEFORE, AFTER, TRUTH).message
    assert checks.check_match_rates(0.5, BEFORE, None, TRUTH).kind == "retry"


def test_expected_values_agree_with_the_datasheet_story(pool):
    """The planted effects are what the exercises find (guards against a silent data change)."""
    assert checks.check_flagged_ages({"55+"}).passed
    assert checks.check_lowest_subgroup(("woman", "Black")).passed
    assert checks.check_too_small_genders({"non-binary"}).passed
    assert checks.check_strongest_proxy("postcode_area").passed
    assert "postcode_area" in FEATURES
