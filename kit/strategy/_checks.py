"""Self-checks for the strategy exercise (``solutions/01_strategy_and_use_cases_sol_01``).

Each ``check_*`` function takes what the learner computed with pandas from
:func:`kit.strategy.templates_frame` and returns a :class:`kit.workshop.Feedback`:
"To do" for ``None``, "Correct", or "Not quite" with a hint. The expected
answer always comes from the kit's own pure-Python triage (:func:`risk_band`,
:func:`estimate`, :func:`rank`, :func:`recommend`), so the learner's pandas is
checked against an independent computation. A check never raises. Its words
are in ``kit/content/feedback/01_strategy_and_use_cases.yaml``.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pandas as pd

from kit.workshop import Feedback, FeedbackTexts, Say, check, series_hint
from kit.strategy import estimate, load_template, rank, recommend, risk_band, template_keys

__all__ = ["check_risk_bands", "check_net_monthly", "check_payback", "check_shortlist", "check_first_pilots"]

TEXTS = FeedbackTexts("feedback/01_strategy_and_use_cases")


def _cases() -> list:
    """Every template's use cases, in the row order of :func:`kit.strategy.templates_frame`."""
    return [case for key in template_keys() for case in load_template(key).use_cases]


def _series(values: list) -> pd.Series:
    return pd.Series(values, index=pd.RangeIndex(len(values)))


def _text_series_check(answer: Any, expected: pd.Series, what: str, hint: str, wrong_rows: str) -> Feedback:
    """Compare text answers one row at a time (a Categorical from ``pd.cut`` is fine)."""
    shape = series_hint(expected)
    if isinstance(answer, pd.Series) and shape(answer) is None:
        answer = [str(v) for v in answer.sort_index()]
    return check(answer, [str(v) for v in expected], what=what, hint=hint,
                 shape_hint=lambda value: shape(value) if not isinstance(value, list) else wrong_rows)


@TEXTS.check("what", "hint", "wrong_rows")
def check_risk_bands(answer: Any, *, say: Say) -> Feedback:
    """The risk band of each row: "low" (risk 1-2), "medium" (3) or "high" (4-5)."""
    expected = _series([risk_band(case.risk) for case in _cases()])
    return _text_series_check(answer, expected, say("what"), say("hint"), say("wrong_rows"))


@TEXTS.check("what", "hint", "gross")
def check_net_monthly(answer: Any, *, say: Say) -> Feedback:
    """Net gain per month: hours saved × cost of an hour + other gain − running cost."""
    expected = _series([estimate(case).net_monthly for case in _cases()])

    def hint(value: Any) -> str | None:
        shape = series_hint(expected)(value)
        if shape:
            return shape
        gross = _series([estimate(case).monthly_benefit for case in _cases()])
        if np.allclose(pd.Series(value).sort_index().to_numpy(float), gross.to_numpy(float)):
            return say("gross")
        return None

    return check(answer, expected, what=say("what"), tol=1e-6, hint=say("hint"), shape_hint=hint)


@TEXTS.check("what", "hint", "never_pays")
def check_payback(answer: Any, *, say: Say) -> Feedback:
    """Months to pay back the one-off cost; NaN where the net gain is 0 or less."""
    values = [estimate(case).payback_months for case in _cases()]
    expected = _series([math.nan if v is None else v for v in values])

    def hint(value: Any) -> str | None:
        shape = series_hint(expected)(value)
        if shape:
            return shape
        numbers = pd.Series(value).sort_index().to_numpy(float)
        if np.isfinite(numbers[np.isnan(expected.to_numpy(float))]).any() or (numbers < 0).any():
            return say("never_pays")
        return None

    return check(answer, expected, what=say("what"), tol=1e-6, hint=say("hint"), shape_hint=hint)


def _as_list(answer: Any) -> Any:
    if isinstance(answer, (pd.Series, pd.Index, np.ndarray, tuple)):
        return [str(v) for v in list(answer)]
    if isinstance(answer, list):
        return [str(v) for v in answer]
    return answer


@TEXTS.check("what", "hint", "wrong_order", not_a_list=("type",), other_cases=("expected", "given"))
def check_shortlist(answer: Any, *, say: Say) -> Feedback:
    """Titles of the low-risk use cases, best first pilot first, across all templates."""
    cases = _cases()
    expected = [cases[i].title for i in rank(cases)]

    def hint(value: Any) -> str | None:
        if not isinstance(value, list):
            return say("not_a_list", type=type(value).__name__)
        if sorted(value) != sorted(expected):
            return say("other_cases", expected=len(expected), given=len(value))
        return say("wrong_order")

    return check(_as_list(answer), expected, what=say("what"), shape_hint=hint, hint=say("hint"))


@TEXTS.check("what", "hint", not_a_series=("type",), other_templates=("expected", "got"))
def check_first_pilots(answer: Any, *, say: Say) -> Feedback:
    """The first pilot of each template: a Series (or dict) from template key to title."""
    expected = {key: recommend(list(load_template(key).use_cases)).title for key in template_keys()}
    if isinstance(answer, pd.Series):
        answer = {str(k): str(v) for k, v in answer.items()}
    elif isinstance(answer, dict):
        answer = {str(k): str(v) for k, v in answer.items()}

    def hint(value: Any) -> str | None:
        if not isinstance(value, dict):
            return say("not_a_series", type=type(value).__name__)
        if sorted(value) != sorted(expected):
            return say("other_templates", expected=", ".join(expected), got=", ".join(value))
        return None

    return check(answer, expected, what=say("what"), shape_hint=hint, hint=say("hint"))
