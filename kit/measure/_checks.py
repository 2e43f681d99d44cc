"""Self-checks for the measuring-what-matters exercise (``solutions/09_measuring_what_matters_sol_01``).

Each ``check_*`` function takes what the learner computed from
:func:`kit.measure._monitoring.load_monitoring` and returns a :class:`kit.workshop.Feedback`:
"To do" for ``None``, "Correct", or "Not quite" with a hint. The expected
answer is computed by the kit (:mod:`kit.measure._kpis`, :mod:`kit.measure._drift`), never
typed in, and a check never raises, whatever it is given. Its words are in
``kit/content/feedback/09_measuring_what_matters.yaml``.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from kit.workshop import Feedback, FeedbackTexts, Say, check, matches, series_check
from kit.measure._drift import drift_alerts, selection_by_month
from kit.measure._kpis import exact_values, kpi_by_id, on_target
from kit.measure._monitoring import MONTH_NAMES

__all__ = ["check_handover_share", "check_handover_missed", "check_satisfaction",
           "check_monthly_rates", "check_monthly_impact", "check_drift_months"]

TEXTS = FeedbackTexts("feedback/09_measuring_what_matters")
_months = TEXTS.declare("months", "as_numbers", not_a_set=("type",))
#: The handover target of the exercise, in percent.
_TARGET = 95


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
        return _months("not_a_set", type=type(value).__name__)
    return None


@TEXTS.check("what", "hint", "percentages")
def check_handover_share(answer: Any, *, say: Say) -> Feedback:
    """Share of requests for a person that reached one, each month: a Series indexed by month."""
    expected = _kpi_series("human_reached", 100)

    def special(value: Any) -> str | None:
        return say("percentages") if matches(value, expected * 100, tol=1e-6) else None

    return series_check(answer, expected, say("what"), say("hint"), special)


@TEXTS.check(what=("target",), hint=("share", "months"))
def check_handover_missed(answer: Any, *, say: Say) -> Feedback:
    """The set of months whose share is below the 95% target."""
    kpi = kpi_by_id("human_reached")
    expected = {month for month, _, _, value in exact_values(kpi)
                if on_target(value, _TARGET, kpi.direction) is False}
    return check(_month_numbers(answer), expected, what=say("what", target=f"{_TARGET}%"),
                 hint=say("hint", share=f"{_TARGET / 100:g}", months=_months("as_numbers")),
                 shape_hint=_set_of_months_hint)


@TEXTS.check("what", "hint")
def check_satisfaction(answer: Any, *, say: Say) -> Feedback:
    """Average star rating of the chatbot each month: a Series indexed by month."""
    return series_check(answer, _kpi_series("chatbot_satisfaction"), say("what"), say("hint"))


def _rates() -> pd.Series:
    table = selection_by_month("disability")
    return table.set_index(["month", "group"])["selection rate"].rename_axis(["month", "disability"])


@TEXTS.check("what", "hint", "no_columns", not_a_table=("groups", "columns"))
def check_monthly_rates(answer: Any, *, say: Say) -> Feedback:
    """Selection rate by month and disability: a table (months as rows) or a two-level Series."""
    expected = _rates()
    if isinstance(answer, pd.DataFrame):
        groups = sorted(expected.index.get_level_values("disability").unique())
        if sorted(map(str, answer.columns)) != groups:
            return Feedback("retry", say("not_a_table", groups=", ".join(groups),
                                         columns=", ".join(map(str, answer.columns)) or say("no_columns")))
        answer = answer.stack()
        answer.index = answer.index.set_names(["month", "disability"])
    return series_check(answer, expected, say("what"), say("hint"))


@TEXTS.check("what", "hint", "rates")
def check_monthly_impact(answer: Any, *, say: Say) -> Feedback:
    """Impact ratio of disabled applicants each month: their rate over the month's highest rate."""
    table = selection_by_month("disability")
    expected = table[table["group"] == "yes"].set_index("month")["impact ratio"].rename(None)
    rates = _rates().xs("yes", level="disability")

    def special(value: Any) -> str | None:
        return say("rates") if matches(value, rates) else None

    return series_check(answer, expected, say("what"), say("hint"), special)


@TEXTS.check("what", hint=("months",))
def check_drift_months(answer: Any, *, say: Say) -> Feedback:
    """The set of months in which disabled applicants fail the exact four-fifths test."""
    expected = {alert.month for alert in drift_alerts("disability")}
    return check(_month_numbers(answer), expected, what=say("what"), hint=say("hint", months=_months("as_numbers")),
                 shape_hint=_set_of_months_hint)
