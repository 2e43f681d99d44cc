"""Self-checks for the bias-in-hiring exercises (``solutions/03_bias_in_hiring_sol_0N``).

Each ``check_*`` function takes what the learner computed and returns a
:class:`kit.workshop._checks.Feedback`: "To do" for ``None``, "Correct", or "Not quite"
with a hint. The expected answer is always computed here by the kit (its audit,
its proxy finder, pandas on :func:`kit.data.load_hiring`), never typed in. The
mitigation checks take the learner's predictions too and recompute the answer
from them, so they follow whatever split and model the notebook used.

A check never raises: whatever the learner passes, the worst they get is a hint.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from fractions import Fraction
from typing import Any

import numpy as np
import pandas as pd

from kit.workshop import Feedback, as_series, check, matches, never_raises, numbers_hint, series_check
from kit.data import MIN_GROUP_SHARE, load_hiring
from kit.fairness import audit, find_proxies, four_fifths_test
from kit.fairness._proxy import cramers_v
from kit.hiring._model import FEATURES

__all__ = [
    "check_rates_by_gender", "check_rates_by_age", "check_impact_by_age", "check_exact_ratio",
    "check_exact_by_age", "check_flagged_ages", "check_impact_by_gender",
    "check_tpr_by_age", "check_fpr_by_age", "check_equalized_odds_age",
    "check_rates_by_gender_ethnicity", "check_subgroup_impact", "check_lowest_subgroup",
    "check_too_small_genders", "check_area_by_ethnicity", "check_cramers_v",
    "check_strongest_proxy", "check_selection_gap", "check_match_rates",
]

_SMALL = f"{MIN_GROUP_SHARE:.0%} of the pool"




@functools.lru_cache(maxsize=None)
def _audit(*groups: str, label: str | None = None):
    return audit(load_hiring(), "shortlisted", list(groups), label=label)


def _column(*groups: str, column: str, label: str | None = None, judged_only: bool = False) -> pd.Series:
    """One column of the kit's audit table, e.g. the selection rate of each gender."""
    result = _audit(*groups, label=label)
    table = result.table()[column]
    if judged_only:
        table = table[[g.judged for g in result.by_group]]
    return table.rename(None)










def _names(answer: Any) -> Any:
    """A set answer may come as a list, a tuple or an Index; keep text as text."""
    if isinstance(answer, (list, tuple, pd.Index, np.ndarray)):
        return set(answer)
    return answer


def _set_hint(kind: str) -> Callable[[Any], str | None]:
    def hint(answer: Any) -> str | None:
        if isinstance(answer, str):
            return f"Expected a set of {kind}, got one text: put the names in a set, {{...}}"
        if isinstance(answer, pd.Series):
            return f"Expected a set of {kind}, got a Series: keep only the names, e.g. set(s[s].index)"
        if not isinstance(answer, (set, frozenset)):
            return f"Expected a set of {kind}, got {type(answer).__name__}"
        return None

    return hint


# Exercise 1: selection rates and the four-fifths rule ------------------------------------

@never_raises
def check_rates_by_gender(answer: Any) -> Feedback:
    """Selection rate of each gender: a Series indexed by gender."""
    return series_check(answer, _column("gender", column="selection rate"),
                         "the selection rate of each gender",
                         "Group the pool by 'gender' and take the mean of 'shortlisted'.")


@never_raises
def check_rates_by_age(answer: Any) -> Feedback:
    """Selection rate of each age band: a Series indexed by age band."""
    return series_check(answer, _column("age_band", column="selection rate"),
                         "the selection rate of each age band",
                         "Group the pool by 'age_band' and take the mean of 'shortlisted'.")


@never_raises
def check_impact_by_age(answer: Any) -> Feedback:
    """Impact ratio of each age band: its rate over the highest band's rate."""
    rates = _column("age_band", column="selection rate")
    expected = _column("age_band", column="impact ratio")

    def special(value: Any) -> str | None:
        return ("These are the selection rates themselves: divide them by the highest one"
                if matches(value, rates) else None)

    return series_check(answer, expected, "the impact ratio of each age band",
                         "Divide each band's selection rate by the highest rate, rates_by_age.max().",
                         special)


def _exact_hint(value: Any) -> str | None:
    """Explain floats, and fractions made from floats, in the four-fifths exercises."""
    if isinstance(value, (float, np.floating)):
        return (f"That is a float ({value!r}), and a float cannot hold most fractions exactly: "
                "build each fraction from whole counts")
    if isinstance(value, Fraction) and value.denominator > 10**6:
        return ("That fraction was made from a float, so it copies the float's rounding error "
                "exactly: build it from whole counts, such as Fraction(4, 100)")
    return None


@never_raises
def check_exact_ratio(answer: Any) -> Feedback:
    """The impact ratio of 4 in 100 against 5 in 100, as an exact Fraction."""
    expected = four_fifths_test([4, 5], [100, 100], [True, True]).ratios[0]
    return check(answer, expected, what="the exact ratio of 4 in 100 to 5 in 100",
                 hint="Divide Fraction(4, 100) by Fraction(5, 100).", shape_hint=_exact_hint)


def _exact_by_age_expected() -> dict:
    groups = _audit("age_band").by_group
    test = four_fifths_test([g.selected for g in groups], [g.n for g in groups],
                            [g.judged for g in groups])
    return {g.name: ratio for g, ratio in zip(groups, test.ratios)}


@never_raises
def check_exact_by_age(answer: Any) -> Feedback:
    """Exact impact ratio of each age band: a dict of band to Fraction."""
    expected = _exact_by_age_expected()
    if isinstance(answer, pd.Series):
        answer = answer.to_dict()
    if isinstance(answer, dict):
        answer = {str(key): value for key, value in answer.items()}

    def shape_hint(value: Any) -> str | None:
        if not isinstance(value, dict):
            return f"Expected a dict of age band to Fraction, got {type(value).__name__}"
        if sorted(value) != sorted(expected):
            return f"Expected one entry for each of {', '.join(expected)}; got {', '.join(value)}"
        hints = [_exact_hint(v) for v in value.values()]
        return next((h for h in hints if h), None)

    return check(answer, expected, what="the exact impact ratio of each age band",
                 hint="Make each rate Fraction(selected, n) from whole counts, then divide by the highest.",
                 shape_hint=shape_hint)


@never_raises
def check_flagged_ages(answer: Any) -> Feedback:
    """The set of age bands strictly below four-fifths of the highest rate."""
    expected = {g.name for g in _audit("age_band").flagged_groups}
    return check(_names(answer), expected, what="the set of age bands below four-fifths",
                 hint="Keep the bands whose exact ratio is strictly less than Fraction(4, 5).",
                 shape_hint=_set_hint("age bands"))


@never_raises
def check_impact_by_gender(answer: Any) -> Feedback:
    """Impact ratio of each gender, measured against the highest judged group."""
    rates = _column("gender", column="selection rate")
    expected = _column("gender", column="impact ratio")

    def special(value: Any) -> str | None:
        if matches(value, rates / rates.max()):
            return (f"You divided by the highest rate of all, from a group under {_SMALL}: "
                    "too small to be the reference")
        return None

    return series_check(answer, expected, "the impact ratio of each gender",
                         f"Divide by the highest rate among genders with at least {_SMALL}.",
                         special)


# Exercise 2: error rates and intersectional groups ---------------------------------------

@never_raises
def check_tpr_by_age(answer: Any) -> Feedback:
    """True positive rate of each age band, with ``qualified`` as the truth."""
    return series_check(answer, _column("age_band", column="TPR", label="qualified"),
                         "the true positive rate of each age band",
                         "Keep the qualified applicants (qualified == 1), then take the mean of "
                         "'shortlisted' by age band.")


@never_raises
def check_fpr_by_age(answer: Any) -> Feedback:
    """False positive rate of each age band, with ``qualified`` as the truth."""
    return series_check(answer, _column("age_band", column="FPR", label="qualified"),
                         "the false positive rate of each age band",
                         "Keep the applicants who were not qualified (qualified == 0), then take "
                         "the mean of 'shortlisted' by age band.")


def _share_hint(value: Any, expected: float) -> str | None:
    if isinstance(value, (int, float, np.number)) and not isinstance(value, bool):
        return numbers_hint([value], expected)
    return f"Expected one number, got {type(value).__name__}"


@never_raises
def check_equalized_odds_age(answer: Any) -> Feedback:
    """The equalized odds difference by age band: the larger of the TPR and FPR gaps."""
    # Over every group, as the learner computes it (all age bands are judged anyway).
    expected = float(_audit("age_band", label="qualified").equalized_odds_difference_all_groups)
    return check(answer, expected, what="the equalized odds difference by age band",
                 hint="Take the gap (largest minus smallest) in TPR, the same in FPR, and keep "
                      "the larger of the two.",
                 shape_hint=lambda value: _share_hint(value, expected))


@never_raises
def check_rates_by_gender_ethnicity(answer: Any) -> Feedback:
    """Selection rate of each gender and ethnicity pair: a Series with a two-level index."""
    return series_check(answer, _column("gender", "ethnicity", column="selection rate"),
                         "the selection rate of each gender and ethnicity pair",
                         "Group by both columns at once, groupby(['gender', 'ethnicity']).")


@never_raises
def check_subgroup_impact(answer: Any) -> Feedback:
    """Impact ratios of the gender and ethnicity pairs large enough to judge."""
    expected = _column("gender", "ethnicity", column="impact ratio", judged_only=True)

    def special(value: Any) -> str | None:
        if isinstance(value, pd.Series) and set(map(str, value.index)) > set(map(str, expected.index)):
            return (f"Your answer has {len(value)} subgroups; only {len(expected)} have at least "
                    f"{_SMALL}")
        return None

    return series_check(answer, expected,
                         f"the impact ratio of each subgroup with at least {_SMALL}",
                         f"Keep the pairs with at least {_SMALL}, then divide their rates by the "
                         "highest rate among them.", special)


@never_raises
def check_lowest_subgroup(answer: Any) -> Feedback:
    """The judged gender and ethnicity pair with the lowest impact ratio, as a tuple."""
    judged = [g for g in _audit("gender", "ethnicity").by_group if g.judged]
    expected = tuple(min(judged, key=lambda g: g.impact_ratio).group.values())
    hint = "Take the label of the smallest value of subgroup_impact."
    if isinstance(answer, (list, tuple)):
        answer = tuple(map(str, answer))
    elif answer is not None:  # comparing a Series with a tuple would compare element by element
        return Feedback("retry", "Expected a (gender, ethnicity) pair like the labels of your "
                                 f"Series' index; idxmin() gives one. {hint}")
    return check(answer, expected, what="the subgroup with the lowest impact ratio", hint=hint)


@never_raises
def check_too_small_genders(answer: Any) -> Feedback:
    """The set of genders under the minimum share of the pool."""
    expected = {g.name for g in _audit("gender").by_group if g.too_small}
    return check(_names(answer), expected, what=f"the set of genders under {_SMALL}",
                 hint="Use value_counts(normalize=True) and keep the genders under 0.02.",
                 shape_hint=_set_hint("genders"))


# Exercise 3: proxies and mitigation -----------------------------------------------------

@never_raises
def check_area_by_ethnicity(answer: Any) -> Feedback:
    """Share of each ethnic group living in each postcode area: a table, rows adding to 1."""
    pool = load_hiring()
    expected = pd.crosstab(pool["ethnicity"], pool["postcode_area"], normalize="index")

    def shape_hint(_: Any) -> str | None:
        if not isinstance(answer, pd.DataFrame):
            return f"Expected a table (DataFrame) from pd.crosstab, got {type(answer).__name__}"
        rows, columns = set(map(str, answer.index)), set(map(str, answer.columns))
        if rows == set(expected.columns) and columns == set(expected.index):
            return "The rows are postcode areas: put ethnicity in the rows, postcode area in the columns"
        if rows != set(expected.index) or columns != set(expected.columns):
            return "Expected one row per ethnic group and one column per postcode area"
        if np.nanmax(answer.to_numpy(dtype=float)) > 1:
            return "These look like counts: add normalize='index' so that each row adds up to 1"
        return None

    flat = answer.stack() if isinstance(answer, pd.DataFrame) else answer
    return check(as_series(flat, expected.stack()), expected.stack(),
                 what="the share of each ethnic group living in each postcode area",
                 hint="pd.crosstab(rows, columns, normalize='index') gives shares of each row.",
                 shape_hint=shape_hint)


@never_raises
def check_cramers_v(answer: Any) -> Feedback:
    """Cramér's V (textbook, not bias-corrected) between postcode area and ethnicity."""
    pool = load_hiring()
    expected = cramers_v(pool["postcode_area"], pool["ethnicity"], bias_correction=False)
    corrected = cramers_v(pool["postcode_area"], pool["ethnicity"])

    def shape_hint(value: Any) -> str | None:
        if matches(value, corrected, tol=1e-6):
            return "That is the bias-corrected V that find_proxies reports; compute the textbook one"
        if matches(value, expected**2, tol=1e-6):
            return "That is V squared: take the square root"
        return _share_hint(value, expected)

    return check(answer, expected, what="Cramér's V between postcode area and ethnicity",
                 hint="Divide chi-squared by n × (min(rows, columns) − 1), then take the square root.",
                 tol=1e-6, shape_hint=shape_hint)


@never_raises
def check_strongest_proxy(answer: Any) -> Feedback:
    """Name of the model input most strongly linked to ethnicity."""
    ranking = find_proxies(load_hiring()[[*FEATURES, "ethnicity"]], "ethnicity")
    expected = str(ranking["feature"].iloc[0])

    def shape_hint(value: Any) -> str | None:
        if not isinstance(value, str):
            return f"Expected a column name as text, got {type(value).__name__}"
        if value not in FEATURES:
            return f"'{value}' is not one of the model's inputs ({', '.join(FEATURES)})"
        return None

    return check(answer, expected, what="the model input that tracks ethnicity most closely",
                 hint="Keep the rows of the ranking whose feature is in FEATURES; take the first.",
                 shape_hint=shape_hint)


def _decisions(predictions: Any, other: Any) -> tuple[np.ndarray, np.ndarray]:
    first, second = np.asarray(predictions).ravel(), np.asarray(other).ravel()
    if len(first) == 0 or len(first) != len(second):
        raise ValueError("decisions and groups of different lengths")
    return first, second


_RERUN = Feedback("retry", "The predictions or groups passed to the check are missing or do not "
                           "match: run the cells above this exercise again, then this one.")


@never_raises
def check_selection_gap(answer: Any, predictions: Any, groups: Any) -> Feedback:
    """Largest minus smallest selection rate across groups, from 0/1 predictions."""
    if answer is None:
        return check(None, None, what="the gap in selection rates", hint="")
    try:
        decided, group = _decisions(predictions, groups)
        frame = pd.DataFrame({"decision": decided, "group": group})
        expected = float(audit(frame, "decision", ["group"]).demographic_parity_difference_all_groups)
    except Exception:  # noqa: BLE001 - the notebook's own variables may be broken
        return _RERUN
    rates = frame.groupby("group")["decision"].mean()

    def shape_hint(value: Any) -> str | None:
        if matches(value, float(rates.min() / rates.max()), tol=1e-6):
            return "That is the lowest rate over the highest (an impact ratio), not the difference"
        return _share_hint(value, expected)

    return check(answer, expected, what="the gap in selection rates between groups",
                 hint="Take the mean of the predictions by group, then the largest minus the smallest.",
                 shape_hint=shape_hint)


@never_raises
def check_match_rates(answer: Any, before: Any, after: Any, reference: Any) -> Feedback:
    """Share of decisions matching ``reference``, before and after: Series 'before', 'after'."""
    if answer is None:
        return check(None, None, what="the share of decisions that match, before and after", hint="")
    try:
        first, truth = _decisions(before, reference)
        second, _ = _decisions(after, reference)
        expected = pd.Series({"before": float(np.mean(first == truth)),
                              "after": float(np.mean(second == truth))})
    except Exception:  # noqa: BLE001 - the notebook's own variables may be broken
        return _RERUN

    def special(value: Any) -> str | None:
        return ("before and after are swapped" if matches(value, expected.rename(
            {"before": "after", "after": "before"})) else None)

    return series_check(answer, expected, "the share of decisions that match, before and after",
                         "For each of before and after, take the mean of (decisions == the column).",
                         special)
