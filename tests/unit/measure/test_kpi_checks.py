"""The lesson-09 exercise checks: None is "to do", the right answer passes, anything else gets a hint.

Right answers are computed here with plain pandas and fractions, independently
of the kit's KPI and audit code that the checks use for their expected values.
"""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pandas as pd
import pytest

from kit.measure import _checks as checks
from kit.measure import load_monitoring


@pytest.fixture(scope="module")
def answers():
    year = load_monitoring()
    monthly = year.chatbot.set_index("month")
    share = monthly["human_reached"] / monthly["human_requested"]
    rates = year.hiring.groupby(["month", "disability"])["shortlisted"].mean().unstack()
    counts = year.hiring.groupby(["month", "disability"])["shortlisted"].agg(["sum", "count"])
    drift = set()
    for month, rows in counts.groupby(level="month"):
        exact = {g: Fraction(int(r["sum"]), int(r["count"])) for (_, g), r in rows.iterrows()}
        if exact["yes"] / max(exact.values()) < Fraction(4, 5):
            drift.add(month)
    return {
        "check_handover_share": share,
        "check_handover_missed": set(share[share < 0.95].index),
        "check_satisfaction": monthly["satisfaction_total"] / monthly["satisfaction_responses"],
        "check_monthly_rates": rates,
        "check_monthly_impact": rates["yes"] / rates.max(axis=1),
        "check_drift_months": drift,
    }


CHECKS = checks.__all__


@pytest.mark.parametrize("name", CHECKS)
def test_none_is_to_do(name):
    feedback = getattr(checks, name)(None)
    assert feedback.kind == "todo" and "Not answered yet" in repr(feedback)


@pytest.mark.parametrize("name", CHECKS)
def test_the_right_answer_passes(name, answers):
    feedback = getattr(checks, name)(answers[name])
    assert feedback.passed, repr(feedback)


@pytest.mark.parametrize("name", CHECKS)
@pytest.mark.parametrize("junk", ["text", 3, [1, "a"], {"a": object()}, pd.DataFrame(), np.array([np.nan])])
def test_junk_gets_a_hint_never_an_error(name, junk):
    feedback = getattr(checks, name)(junk)
    assert feedback.kind == "retry"


def test_drift_months_accept_names_and_lists(answers):
    assert checks.check_drift_months(sorted(answers["check_drift_months"])).passed
    assert checks.check_drift_months({"September", "october", "November", "December"}).passed
    assert checks.check_drift_months({"September"}).kind == "retry"


@pytest.mark.parametrize("name, wrong, hint", [
    ("check_handover_share", lambda a: a * 100, "percentages"),
    ("check_monthly_impact", lambda a: a["check_monthly_rates"]["yes"], "selection rates of disabled applicants"),
    ("check_monthly_rates", lambda a: a["check_monthly_rates"].stack().reset_index(), "one column per group"),
    ("check_drift_months", lambda a: "September", "set of months"),
])
def test_usual_slips_get_specific_hints(answers, name, wrong, hint):
    value = wrong(answers[name]) if name == "check_handover_share" else wrong(answers)
    assert hint in repr(getattr(checks, name)(value))
