"""The lesson 01 exercise checks: None is "to do", the right answer passes, slips get a hint.

Right answers are computed here with plain pandas from the raw template
columns, independently of the kit's triage code that the checks use.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from kit.strategy import _checks as checks
from kit.strategy import templates_frame


@pytest.fixture(scope="module")
def cases():
    return templates_frame()


def _net(cases):
    return cases["hours_saved"] * cases["hourly_cost"] + cases["other_gain"] - cases["monthly_cost"]


def _payback(cases):
    net = _net(cases)
    return cases["setup_cost"] / net.where(net > 0)


def _ranked(cases):
    return (cases.assign(payback=_payback(cases)).loc[lambda f: f["risk"] <= 2]
            .sort_values(["value", "effort", "payback"], ascending=[False, True, True]))


RIGHT = {
    "check_risk_bands": lambda c: pd.cut(c["risk"], bins=[0, 2, 3, 5], labels=["low", "medium", "high"]),
    "check_net_monthly": _net,
    "check_payback": _payback,
    "check_shortlist": lambda c: _ranked(c)["title"].tolist(),
    "check_first_pilots": lambda c: _ranked(c).groupby("template")["title"].first(),
}

WRONG = [
    ("check_risk_bands", lambda c: pd.cut(c["risk"], bins=[0, 1, 3, 5], labels=["low", "medium", "high"]),
     "risk is exactly 2 or 3"),
    ("check_risk_bands", lambda c: c["risk"].head(3).astype(str), "Expected one value for each"),
    ("check_net_monthly", lambda c: c["hours_saved"] * c["hourly_cost"] + c["other_gain"], "take off monthly_cost"),
    ("check_net_monthly", lambda c: _net(c).to_frame(), "got DataFrame"),
    ("check_payback", lambda c: c["setup_cost"] / _net(c), "never pays back: give it NaN"),
    ("check_shortlist", lambda c: _ranked(c)["title"].tolist()[::-1], "wrong order"),
    ("check_shortlist", lambda c: c.loc[c["risk"] <= 3, "title"].tolist(), "risk of 1 or 2"),
    ("check_shortlist", lambda c: "Forecast", "Expected a list of titles, got str"),
    ("check_first_pilots", lambda c: _ranked(c).groupby("template")["title"].last(), "first title of each"),
    ("check_first_pilots", lambda c: {"retailer": "x"}, "Expected one title for each"),
]


@pytest.mark.parametrize("name", checks.__all__)
def test_none_is_to_do(name):
    feedback = getattr(checks, name)(None)
    assert feedback.kind == "todo" and "Not answered yet" in repr(feedback)


@pytest.mark.parametrize("name", checks.__all__)
def test_right_answer_passes(name, cases):
    feedback = getattr(checks, name)(RIGHT[name](cases))
    assert feedback.passed, feedback


def test_first_pilots_as_a_dict_and_shortlist_as_a_series_pass(cases):
    assert checks.check_first_pilots(RIGHT["check_first_pilots"](cases).to_dict()).passed
    assert checks.check_shortlist(_ranked(cases)["title"]).passed
    assert checks.check_risk_bands(RIGHT["check_risk_bands"](cases).astype(str)).passed


@pytest.mark.parametrize("name, wrong, hint", WRONG)
def test_wrong_answer_gets_a_specific_hint(name, wrong, hint, cases):
    feedback = getattr(checks, name)(wrong(cases))
    assert feedback.kind == "retry" and hint in feedback.message, feedback


@pytest.mark.parametrize("name", checks.__all__)
@pytest.mark.parametrize("odd", [42, "text", [1, 2], {"a": 1}, np.array([np.nan]), pd.DataFrame()])
def test_a_check_never_raises(name, odd):
    assert getattr(checks, name)(odd).kind == "retry"
