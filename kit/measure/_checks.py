"""Self-checks for the measuring-what-matters exercise (``solutions/09_measuring_what_matters_sol_01``).

Each ``check_*`` function takes what the learner computed from
:func:`kit.measure._monitoring.load_monitoring` and returns a :class:`kit.workshop._checks.Feedback`:
"To do" for ``None``, "Correct", or "Not quite" with a hint. The expected
answer is computed by the kit (:mod:`kit.measure._kpis`, :mod:`kit.measure._drift`), never
typed in, and a check never raises, whatever it is given.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from kit.workshop import Feedback, check, matches, never_raises, series_check
from kit.measure._drift import drift_alerts, selection_by_month
from kit.measure._kpis import exact_values, kpi_by_id, on_target
from kit.measure._monitoring import MONTH_NAMES

__all__ = ["check_handover_share", "check_handover_missed", "check_satisfaction",
           "check_monthly_rates", "check_monthly_impact", "check_drift_months"]

_MONTHS = "the months as numbers, 1 for January to 12 for December"


def _kpi_series(kpi_id: str, scale: float = 1.0) -> pd.Series:
    """A KPI of the kit by month, divided by ``scale`` (100 turns a percentage into a share)."""
    values = {month: (None if value is None else float(value) / scale)
              for month, _, _, value in exact_values(kpi_by_id(kpi_id))}
    return pd.Series(values, dtype=float)


def _month_numbers(answer: Any) -> Any:
    """Months may come as numbers, as names ("September") or in any collection."""
    if isinstance(answer, (list, tuple, pd.Index, pd.Series)) and not isinstance(answer, str):
        answer = set(answer.index[answer] if isinstance(answer, pd.Series) and answer.dtype == bool else answer)
    if isinstance(answer, (set, frozenset)):
        names = {name.lower(): i for i, name in enumerate(MONTH_NAMES, start=1)}
        return {names.get(str(m).strip().lower(), m) for m in answer}
    return answer


def _set_of_months_hint(value: Any) -> str | None:
    if not isinstance(value, (set, frozenset)):
        return f"Expected a set of months, got {type(value).__name__}"
    return None


@never_raises
def check_handover_share(answer: Any) -> Feedback:
    """Share of requests for a person that reached one, each month: a Series indexed by month."""
    expected = _kpi_series("human_reached", 100)

    def special(value: Any) -> str | None:
        return ("These look like percentages: give shares between 0 and 1"
                if matches(value, expected * 100, tol=1e-6) else None)

    return series_check(answer, expected, "the share of requests for a person that reached one, by month",
                         "Divide the column human_reached by human_requested, with the month as the index "
                         "(chatbot.set_index('month')).", special)


@never_raises
def check_handover_missed(answer: Any) -> Feedback:
    """The set of months whose share is below the 95% target."""
    kpi = kpi_by_id("human_reached")
    expected = {month for month, _, _, value in exact_values(kpi) if on_target(value, 95, kpi.direction) is False}
    return check(_month_numbers(answer), expected, what="the set of months below the 95% target",
                 hint=f"Keep the months where handover_share < 0.95; give {_MONTHS}.",
                 shape_hint=_set_of_months_hint)


@never_raises
def check_satisfaction(answer: Any) -> Feedback:
    """Average star rating of the chatbot each month: a Series indexed by month."""
    return series_check(answer, _kpi_series("chatbot_satisfaction"), "the average rating by month",
                         "Divide satisfaction_total by satisfaction_responses, month by month.")


def _rates() -> pd.Series:
    table = selection_by_month("disability")
    return table.set_index(["month", "group"])["selection rate"].rename_axis(["month", "disability"])


@never_raises
def check_monthly_rates(answer: Any) -> Feedback:
    """Selection rate by month and disability: a table (months as rows) or a two-level Series."""
    expected = _rates()
    if isinstance(answer, pd.DataFrame):
        groups = sorted(expected.index.get_level_values("disability").unique())
        if sorted(map(str, answer.columns)) != groups:
            return Feedback("retry", f"Expected a table with one row per month and one column per group "
                                     f"({', '.join(groups)}); got the columns {', '.join(map(str, answer.columns)) or 'none'}. "
                                     "Add .unstack() after the mean.")
        answer = answer.stack()
        answer.index = answer.index.set_names(["month", "disability"])
    return series_check(answer, expected, "the selection rate of each disability group in each month",
                         "Group by ['month', 'disability'] and take the mean of 'shortlisted'; "
                         ".unstack() makes the groups columns.")


@never_raises
def check_monthly_impact(answer: Any) -> Feedback:
    """Impact ratio of disabled applicants each month: their rate over the month's highest rate."""
    table = selection_by_month("disability")
    expected = table[table["group"] == "yes"].set_index("month")["impact ratio"].rename(None)
    rates = _rates().xs("yes", level="disability")

    def special(value: Any) -> str | None:
        return ("These are the selection rates of disabled applicants: divide them by each month's "
                "highest rate" if matches(value, rates) else None)

    return series_check(answer, expected, "the impact ratio of disabled applicants by month",
                         "Divide the 'yes' column by the row-wise maximum, monthly_rates.max(axis=1).",
                         special)


@never_raises
def check_drift_months(answer: Any) -> Feedback:
    """The set of months in which disabled applicants fail the exact four-fifths test."""
    expected = {alert.month for alert in drift_alerts("disability")}
    return check(_month_numbers(answer), expected, what="the set of months that fail the four-fifths rule",
                 hint=f"Build each rate as Fraction(shortlisted, applicants) from whole counts and keep the "
                      f"months where the ratio is strictly less than Fraction(4, 5); give {_MONTHS}.",
                 shape_hint=_set_of_months_hint)
