"""Self-checks for the bias-in-hiring exercises (``solutions/03_bias_in_hiring_sol_0N``).

Each ``check_*`` function takes what the learner computed and returns a
:class:`kit.workshop.Feedback`: "To do" for ``None``, "Correct", or "Not quite"
with a hint. The expected answer is always computed here by the kit (its audit,
its proxy finder, pandas on :func:`kit.data.load_hiring`), never typed in. The
mitigation checks take the learner's predictions too and recompute the answer
from them, so they follow whatever split and model the notebook used.

A check never raises: whatever the learner passes, the worst they get is a hint.
Its words are in ``kit/content/feedback/03_bias_in_hiring.yaml``.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from fractions import Fraction
from typing import Any

import numpy as np
import pandas as pd

from kit.workshop import Feedback, FeedbackTexts, Say, as_series, check, matches, numbers_hint, series_check
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

TEXTS = FeedbackTexts("feedback/03_bias_in_hiring")
#: The smallest share of the pool a group needs to be judged, as the hints write it.
_SHARE, _LIMIT = f"{MIN_GROUP_SHARE:.0%}", f"{MIN_GROUP_SHARE:g}"
#: The two groups of the first exact-ratio exercise: selected and applicants of each.
_EXACT = {"low": 4, "low_n": 100, "high": 5, "high_n": 100}
_sets = TEXTS.declare("sets", string=("kind",), series=("kind",), other=("kind", "type"))
_exact = TEXTS.declare("exact", "from_float", float=("value",))
_one_number = TEXTS.declare("one_number", other=("type",))
_rerun = TEXTS.declare("rerun", "message")


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
            return _sets("string", kind=kind)
        if isinstance(answer, pd.Series):
            return _sets("series", kind=kind)
        if not isinstance(answer, (set, frozenset)):
            return _sets("other", kind=kind, type=type(answer).__name__)
        return None

    return hint


# Exercise 1: selection rates and the four-fifths rule ------------------------------------

@TEXTS.check("what", "hint")
def check_rates_by_gender(answer: Any, *, say: Say) -> Feedback:
    """Selection rate of each gender: a Series indexed by gender."""
    return series_check(answer, _column("gender", column="selection rate"), say("what"), say("hint"))


@TEXTS.check("what", "hint")
def check_rates_by_age(answer: Any, *, say: Say) -> Feedback:
    """Selection rate of each age band: a Series indexed by age band."""
    return series_check(answer, _column("age_band", column="selection rate"), say("what"), say("hint"))


@TEXTS.check("what", "hint", "rates_not_ratios")
def check_impact_by_age(answer: Any, *, say: Say) -> Feedback:
    """Impact ratio of each age band: its rate over the highest band's rate."""
    rates = _column("age_band", column="selection rate")
    expected = _column("age_band", column="impact ratio")

    def special(value: Any) -> str | None:
        return say("rates_not_ratios") if matches(value, rates) else None

    return series_check(answer, expected, say("what"), say("hint"), special)


def _exact_hint(value: Any) -> str | None:
    """Explain floats, and fractions made from floats, in the four-fifths exercises."""
    if isinstance(value, (float, np.floating)):
        return _exact("float", value=repr(value))
    if isinstance(value, Fraction) and value.denominator > 10**6:
        return _exact("from_float")
    return None


@TEXTS.check(what=tuple(_EXACT), hint=tuple(_EXACT))
def check_exact_ratio(answer: Any, *, say: Say) -> Feedback:
    """The impact ratio of 4 in 100 against 5 in 100, as an exact Fraction."""
    expected = four_fifths_test([_EXACT["low"], _EXACT["high"]], [_EXACT["low_n"], _EXACT["high_n"]],
                                [True, True]).ratios[0]
    return check(answer, expected, what=say("what", **_EXACT), hint=say("hint", **_EXACT), shape_hint=_exact_hint)


def _exact_by_age_expected() -> dict:
    groups = _audit("age_band").by_group
    test = four_fifths_test([g.selected for g in groups], [g.n for g in groups],
                            [g.judged for g in groups])
    return {g.name: ratio for g, ratio in zip(groups, test.ratios)}


@TEXTS.check("what", "hint", not_a_dict=("type",), other_bands=("expected", "got"))
def check_exact_by_age(answer: Any, *, say: Say) -> Feedback:
    """Exact impact ratio of each age band: a dict of band to Fraction."""
    expected = _exact_by_age_expected()
    if isinstance(answer, pd.Series):
        answer = answer.to_dict()
    if isinstance(answer, dict):
        answer = {str(key): value for key, value in answer.items()}

    def shape_hint(value: Any) -> str | None:
        if not isinstance(value, dict):
            return say("not_a_dict", type=type(value).__name__)
        if sorted(value) != sorted(expected):
            return say("other_bands", expected=", ".join(expected), got=", ".join(value))
        hints = [_exact_hint(v) for v in value.values()]
        return next((h for h in hints if h), None)

    return check(answer, expected, what=say("what"), hint=say("hint"), shape_hint=shape_hint)


@TEXTS.check("what", "hint", "kind")
def check_flagged_ages(answer: Any, *, say: Say) -> Feedback:
    """The set of age bands strictly below four-fifths of the highest rate."""
    expected = {g.name for g in _audit("age_band").flagged_groups}
    return check(_names(answer), expected, what=say("what"), hint=say("hint"), shape_hint=_set_hint(say("kind")))


@TEXTS.check("what", hint=("share",), reference_too_small=("share",))
def check_impact_by_gender(answer: Any, *, say: Say) -> Feedback:
    """Impact ratio of each gender, measured against the highest judged group."""
    rates = _column("gender", column="selection rate")
    expected = _column("gender", column="impact ratio")

    def special(value: Any) -> str | None:
        return say("reference_too_small", share=_SHARE) if matches(value, rates / rates.max()) else None

    return series_check(answer, expected, say("what"), say("hint", share=_SHARE), special)


# Exercise 2: error rates and intersectional groups ---------------------------------------

@TEXTS.check("what", "hint")
def check_tpr_by_age(answer: Any, *, say: Say) -> Feedback:
    """True positive rate of each age band, with ``qualified`` as the truth."""
    return series_check(answer, _column("age_band", column="TPR", label="qualified"), say("what"), say("hint"))


@TEXTS.check("what", "hint")
def check_fpr_by_age(answer: Any, *, say: Say) -> Feedback:
    """False positive rate of each age band, with ``qualified`` as the truth."""
    return series_check(answer, _column("age_band", column="FPR", label="qualified"), say("what"), say("hint"))


def _share_hint(value: Any, expected: float) -> str | None:
    if isinstance(value, (int, float, np.number)) and not isinstance(value, bool):
        return numbers_hint([value], expected)
    return _one_number("other", type=type(value).__name__)


@TEXTS.check("what", "hint")
def check_equalized_odds_age(answer: Any, *, say: Say) -> Feedback:
    """The equalized odds difference by age band: the larger of the TPR and FPR gaps."""
    # Over every group, as the learner computes it (all age bands are judged anyway).
    expected = float(_audit("age_band", label="qualified").equalized_odds_difference_all_groups)
    return check(answer, expected, what=say("what"), hint=say("hint"),
                 shape_hint=lambda value: _share_hint(value, expected))


@TEXTS.check("what", "hint")
def check_rates_by_gender_ethnicity(answer: Any, *, say: Say) -> Feedback:
    """Selection rate of each gender and ethnicity pair: a Series with a two-level index."""
    return series_check(answer, _column("gender", "ethnicity", column="selection rate"), say("what"), say("hint"))


@TEXTS.check(what=("share",), hint=("share",), too_many=("given", "judged", "share"))
def check_subgroup_impact(answer: Any, *, say: Say) -> Feedback:
    """Impact ratios of the gender and ethnicity pairs large enough to judge."""
    expected = _column("gender", "ethnicity", column="impact ratio", judged_only=True)

    def special(value: Any) -> str | None:
        if isinstance(value, pd.Series) and set(map(str, value.index)) > set(map(str, expected.index)):
            return say("too_many", given=len(value), judged=len(expected), share=_SHARE)
        return None

    return series_check(answer, expected, say("what", share=_SHARE), say("hint", share=_SHARE), special)


@TEXTS.check("what", "hint", "not_a_pair")
def check_lowest_subgroup(answer: Any, *, say: Say) -> Feedback:
    """The judged gender and ethnicity pair with the lowest impact ratio, as a tuple."""
    judged = [g for g in _audit("gender", "ethnicity").by_group if g.judged]
    expected = tuple(min(judged, key=lambda g: g.impact_ratio).group.values())
    if isinstance(answer, (list, tuple)):
        answer = tuple(map(str, answer))
    elif answer is not None:  # comparing a Series with a tuple would compare element by element
        return Feedback.retry(say("not_a_pair"), say("hint"))
    return check(answer, expected, what=say("what"), hint=say("hint"))


@TEXTS.check("kind", what=("share",), hint=("limit",))
def check_too_small_genders(answer: Any, *, say: Say) -> Feedback:
    """The set of genders under the minimum share of the pool."""
    expected = {g.name for g in _audit("gender").by_group if g.too_small}
    return check(_names(answer), expected, what=say("what", share=_SHARE), hint=say("hint", limit=_LIMIT),
                 shape_hint=_set_hint(say("kind")))


# Exercise 3: proxies and mitigation -----------------------------------------------------

@TEXTS.check("what", "hint", "swapped", "other_labels", "counts", not_a_table=("type",))
def check_area_by_ethnicity(answer: Any, *, say: Say) -> Feedback:
    """Share of each ethnic group living in each postcode area: a table, rows adding to 1."""
    pool = load_hiring()
    expected = pd.crosstab(pool["ethnicity"], pool["postcode_area"], normalize="index")

    def shape_hint(_: Any) -> str | None:
        if not isinstance(answer, pd.DataFrame):
            return say("not_a_table", type=type(answer).__name__)
        rows, columns = set(map(str, answer.index)), set(map(str, answer.columns))
        if rows == set(expected.columns) and columns == set(expected.index):
            return say("swapped")
        if rows != set(expected.index) or columns != set(expected.columns):
            return say("other_labels")
        if np.nanmax(answer.to_numpy(dtype=float)) > 1:
            return say("counts")
        return None

    flat = answer.stack() if isinstance(answer, pd.DataFrame) else answer
    return check(as_series(flat, expected.stack()), expected.stack(), what=say("what"), hint=say("hint"),
                 shape_hint=shape_hint)


@TEXTS.check("what", "hint", "corrected", "squared")
def check_cramers_v(answer: Any, *, say: Say) -> Feedback:
    """Cramér's V (textbook, not bias-corrected) between postcode area and ethnicity."""
    pool = load_hiring()
    expected = cramers_v(pool["postcode_area"], pool["ethnicity"], bias_correction=False)
    corrected = cramers_v(pool["postcode_area"], pool["ethnicity"])

    def shape_hint(value: Any) -> str | None:
        if matches(value, corrected, tol=1e-6):
            return say("corrected")
        if matches(value, expected**2, tol=1e-6):
            return say("squared")
        return _share_hint(value, expected)

    return check(answer, expected, what=say("what"), hint=say("hint"), tol=1e-6, shape_hint=shape_hint)


@TEXTS.check("what", "hint", not_text=("type",), not_an_input=("value", "inputs"))
def check_strongest_proxy(answer: Any, *, say: Say) -> Feedback:
    """Name of the model input most strongly linked to ethnicity."""
    ranking = find_proxies(load_hiring()[[*FEATURES, "ethnicity"]], "ethnicity")
    expected = str(ranking["feature"].iloc[0])

    def shape_hint(value: Any) -> str | None:
        if not isinstance(value, str):
            return say("not_text", type=type(value).__name__)
        if value not in FEATURES:
            return say("not_an_input", value=value, inputs=", ".join(FEATURES))
        return None

    return check(answer, expected, what=say("what"), hint=say("hint"), shape_hint=shape_hint)


def _decisions(predictions: Any, other: Any) -> tuple[np.ndarray, np.ndarray]:
    first, second = np.asarray(predictions).ravel(), np.asarray(other).ravel()
    if len(first) == 0 or len(first) != len(second):
        raise ValueError("decisions and groups of different lengths")
    return first, second


@TEXTS.check("todo", "what", "hint", "impact_ratio")
def check_selection_gap(answer: Any, predictions: Any, groups: Any, *, say: Say) -> Feedback:
    """Largest minus smallest selection rate across groups, from 0/1 predictions."""
    if answer is None:
        return Feedback.todo(say("todo"))
    try:
        decided, group = _decisions(predictions, groups)
        frame = pd.DataFrame({"decision": decided, "group": group})
        expected = float(audit(frame, "decision", ["group"]).demographic_parity_difference_all_groups)
    except Exception:  # noqa: BLE001 - the notebook's own variables may be broken
        return Feedback("retry", _rerun("message"))
    rates = frame.groupby("group")["decision"].mean()

    def shape_hint(value: Any) -> str | None:
        if matches(value, float(rates.min() / rates.max()), tol=1e-6):
            return say("impact_ratio")
        return _share_hint(value, expected)

    return check(answer, expected, what=say("what"), hint=say("hint"), shape_hint=shape_hint)


@TEXTS.check("what", "hint", "swapped")
def check_match_rates(answer: Any, before: Any, after: Any, reference: Any, *, say: Say) -> Feedback:
    """Share of decisions matching ``reference``, before and after: Series 'before', 'after'."""
    if answer is None:
        return Feedback.todo(say("what"))
    try:
        first, truth = _decisions(before, reference)
        second, _ = _decisions(after, reference)
        expected = pd.Series({"before": float(np.mean(first == truth)),
                              "after": float(np.mean(second == truth))})
    except Exception:  # noqa: BLE001 - the notebook's own variables may be broken
        return Feedback("retry", _rerun("message"))

    def special(value: Any) -> str | None:
        return say("swapped") if matches(value, expected.rename({"before": "after", "after": "before"})) else None

    return series_check(answer, expected, say("what"), say("hint"), special)
