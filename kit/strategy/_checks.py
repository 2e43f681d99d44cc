"""Self-checks for the strategy exercise (``solutions/01_strategy_and_use_cases_sol_01``).

Each ``check_*`` function takes what the learner computed with pandas from
:func:`kit.strategy.templates_frame` and returns a :class:`kit.workshop._checks.Feedback`:
"To do" for ``None``, "Correct", or "Not quite" with a hint. The expected
answer always comes from the kit's own pure-Python triage (:func:`risk_band`,
:func:`estimate`, :func:`rank`, :func:`recommend`), so the learner's pandas is
checked against an independent computation. A check never raises.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pandas as pd

from kit.workshop import Feedback, check, never_raises, series_hint
from kit.strategy import estimate, load_template, rank, recommend, risk_band, template_keys

__all__ = ["check_risk_bands", "check_net_monthly", "check_payback", "check_shortlist", "check_first_pilots"]


def _cases() -> list:
    """Every template's use cases, in the row order of :func:`kit.strategy.templates_frame`."""
    return [case for key in template_keys() for case in load_template(key).use_cases]


def _series(values: list) -> pd.Series:
    return pd.Series(values, index=pd.RangeIndex(len(values)))


def _text_series_check(answer: Any, expected: pd.Series, what: str, hint: str) -> Feedback:
    """Compare text answers one row at a time (a Categorical from ``pd.cut`` is fine)."""
    shape = series_hint(expected)
    if isinstance(answer, pd.Series) and shape(answer) is None:
        answer = [str(v) for v in answer.sort_index()]
    return check(answer, [str(v) for v in expected], what=what, hint=hint,
                 shape_hint=lambda value: shape(value) if not isinstance(value, list) else
                 "Some rows have the wrong band: look at the rows where the risk is exactly 2 or 3")


@never_raises
def check_risk_bands(answer: Any) -> Feedback:
    """The risk band of each row: "low" (risk 1-2), "medium" (3) or "high" (4-5)."""
    expected = _series([risk_band(case.risk) for case in _cases()])
    return _text_series_check(answer, expected, "the risk band of every use case",
                              "Use pd.cut(cases['risk'], bins=[0, 2, 3, 5], labels=['low', 'medium', 'high']).")


@never_raises
def check_net_monthly(answer: Any) -> Feedback:
    """Net gain per month: hours saved × cost of an hour + other gain − running cost."""
    expected = _series([estimate(case).net_monthly for case in _cases()])

    def hint(value: Any) -> str | None:
        shape = series_hint(expected)(value)
        if shape:
            return shape
        gross = _series([estimate(case).monthly_benefit for case in _cases()])
        if np.allclose(pd.Series(value).sort_index().to_numpy(float), gross.to_numpy(float)):
            return "That is the monthly benefit before the running cost: take off monthly_cost"
        return None

    return check(answer, expected, what="the net gain per month of every use case", tol=1e-6,
                 hint="Multiply hours_saved by hourly_cost, add other_gain, then subtract monthly_cost.",
                 shape_hint=hint)


@never_raises
def check_payback(answer: Any) -> Feedback:
    """Months to pay back the one-off cost; NaN where the net gain is 0 or less."""
    values = [estimate(case).payback_months for case in _cases()]
    expected = _series([math.nan if v is None else v for v in values])

    def hint(value: Any) -> str | None:
        shape = series_hint(expected)(value)
        if shape:
            return shape
        numbers = pd.Series(value).sort_index().to_numpy(float)
        if np.isfinite(numbers[np.isnan(expected.to_numpy(float))]).any() or (numbers < 0).any():
            return ("A use case whose net gain is 0 or less never pays back: give it NaN, "
                    "for example with net.where(net > 0)")
        return None

    return check(answer, expected, what="the payback time in months of every use case", tol=1e-6,
                 hint="Divide setup_cost by the net gain per month, keeping only rows where it is above 0.",
                 shape_hint=hint)


def _as_list(answer: Any) -> Any:
    if isinstance(answer, (pd.Series, pd.Index, np.ndarray, tuple)):
        return [str(v) for v in list(answer)]
    if isinstance(answer, list):
        return [str(v) for v in answer]
    return answer


@never_raises
def check_shortlist(answer: Any) -> Feedback:
    """Titles of the low-risk use cases, best first pilot first, across all templates."""
    cases = _cases()
    expected = [cases[i].title for i in rank(cases)]

    def hint(value: Any) -> str | None:
        if not isinstance(value, list):
            return f"Expected a list of titles, got {type(value).__name__}: end with ['title'].tolist()"
        if sorted(value) != sorted(expected):
            return (f"Expected the {len(expected)} use cases with a risk of 1 or 2; you have {len(value)}. "
                    "Filter with cases['risk'] <= 2")
        return "The right use cases, in the wrong order"

    return check(_as_list(answer), expected, what="the shortlist in the order of the rule", shape_hint=hint,
                 hint="Sort by value (highest first), then effort (lowest first), then payback (soonest first).")


@never_raises
def check_first_pilots(answer: Any) -> Feedback:
    """The first pilot of each template: a Series (or dict) from template key to title."""
    expected = {key: recommend(list(load_template(key).use_cases)).title for key in template_keys()}
    if isinstance(answer, pd.Series):
        answer = {str(k): str(v) for k, v in answer.items()}
    elif isinstance(answer, dict):
        answer = {str(k): str(v) for k, v in answer.items()}

    def hint(value: Any) -> str | None:
        if not isinstance(value, dict):
            return f"Expected a Series indexed by template, got {type(value).__name__}"
        if sorted(value) != sorted(expected):
            return f"Expected one title for each of {', '.join(expected)}; got {', '.join(value)}"
        return None

    return check(answer, expected, what="the first pilot of each template", shape_hint=hint,
                 hint="Group the sorted shortlist by 'template' and take the first title of each group.")
