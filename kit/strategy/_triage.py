"""Triage: where each use case sits, what it might return, and which one to pilot first."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Sequence

import pandas as pd

from kit.strategy._usecase import LABELS, UseCase

#: Ethical risk 1 or 2: safe enough to learn on. Only these can be a first pilot.
LOW_RISK_MAX = 2
#: Value 3 or more: worth doing (the top half of the matrix).
WORTHWHILE_VALUE = 3

#: The recommendation rule, in the words the lesson and the documents show.
RULE = (
    "Only a use case with a low ethical risk (1 or 2 of 5) can be a first pilot. Among those, the one "
    "with the highest value wins; if two tie on value, the one needing less effort; if they tie on "
    "effort too, the one that pays back sooner (an estimate beats none); and if they still tie, the "
    "one higher in your list."
)
QUADRANTS = {
    (True, True): "Pilot candidate",
    (True, False): "Valuable, needs safeguards first",
    (False, True): "Low risk, low value",
    (False, False): "Avoid for now",
}


def risk_band(risk: int) -> str:
    """``"low"`` for an ethical risk of 1 or 2, ``"medium"`` for 3, ``"high"`` for 4 or 5."""
    return "low" if risk <= LOW_RISK_MAX else "medium" if risk == 3 else "high"


def quadrant(case: UseCase) -> str:
    """The part of the value × ethical-risk matrix a use case falls in, in words."""
    return QUADRANTS[(case.value >= WORTHWHILE_VALUE, case.risk <= LOW_RISK_MAX)]


@dataclass(frozen=True)
class Estimate:
    """A rough monthly return, from the learner's own figures.

    Attributes
    ----------
    monthly_benefit : hours saved × cost of a staff hour, plus any other gain.
    net_monthly : the benefit less the running cost.
    payback_months : one-off cost ÷ net monthly gain; ``None`` if it never pays back.
    first_year_return : (12 × net − one-off cost) ÷ everything spent in year one,
        as a share (0.5 is 50%); ``None`` when nothing is spent.
    """

    monthly_benefit: float
    net_monthly: float
    payback_months: float | None
    first_year_return: float | None


def estimate(case: UseCase) -> Estimate | None:
    """The rough return of ``case``, or ``None`` if the learner gave no figures.

    It counts only what was typed in: time saved and other monthly gains,
    against the one-off and running costs. It leaves out what is hard to put
    a number on, such as the cost of losing customers' trust.
    """
    if not case.has_estimate:
        return None
    benefit = (case.hours_saved or 0.0) * (case.hourly_cost or 0.0) + (case.other_gain or 0.0)
    setup, running = case.setup_cost or 0.0, case.monthly_cost or 0.0
    net = benefit - running
    payback = setup / net if net > 0 else None
    spent = setup + 12 * running
    first_year = (12 * net - setup) / spent if spent > 0 else None
    return Estimate(benefit, net, payback, first_year)


def _payback_key(case: UseCase) -> float:
    result = estimate(case)
    return math.inf if result is None or result.payback_months is None else result.payback_months


def rank(use_cases: Sequence[UseCase]) -> list[int]:
    """Positions of the low-risk use cases, best first pilot first (see :data:`RULE`)."""
    candidates = [i for i, case in enumerate(use_cases) if case.risk <= LOW_RISK_MAX]
    return sorted(candidates, key=lambda i: (-use_cases[i].value, use_cases[i].effort,
                                             _payback_key(use_cases[i]), i))


@dataclass(frozen=True)
class Recommendation:
    """The first pilot the rule picks (``index`` is None when none qualifies), and why."""

    index: int | None
    title: str | None
    reason: str
    ranked: tuple[int, ...]


def _months(value: float) -> str:
    return "never" if math.isinf(value) else f"{value:.1f} months"


def _tie_reason(winner: UseCase, runner: UseCase, tied: list[UseCase]) -> str:
    names = ", ".join(f"'{c.title}'" for c in tied)
    if runner.value != winner.value:
        return ""
    if runner.effort != winner.effort:
        return f" It ties on value with {names}, and needs less effort ({winner.effort} of 5 against {runner.effort})."
    ours, theirs = _payback_key(winner), _payback_key(runner)
    if ours != theirs:
        theirs_text = "no estimate" if estimate(runner) is None else _months(theirs)
        return (f" It ties on value and effort with '{runner.title}', and pays back sooner "
                f"({_months(ours)} against {theirs_text}).")
    return (f" It ties with '{runner.title}' on value, effort and payback, so it comes first only "
            "because it is higher in your list.")


def _return_sentence(case: UseCase) -> str:
    result = estimate(case)
    if result is None:
        return " Add rough figures for time saved and costs to see when it might pay back."
    if result.payback_months is None:
        return " On your figures it does not pay for itself: its running cost is at least what it saves."
    return f" On your figures it pays back its one-off cost in about {result.payback_months:.1f} months."


def recommend(use_cases: Sequence[UseCase]) -> Recommendation:
    """Pick the first pilot by :data:`RULE` and explain the choice in plain words."""
    ranked = rank(use_cases)
    if not use_cases:
        return Recommendation(None, None, "Add at least one use case to get a recommendation.", ())
    if not ranked:
        safest = min(range(len(use_cases)), key=lambda i: (use_cases[i].risk, -use_cases[i].value, i))
        return Recommendation(None, None, (
            f"None of your {len(use_cases)} use cases has a low ethical risk (1 or 2 of 5), so none is a safe "
            f"first pilot yet. The least risky is '{use_cases[safest].title}' (risk {use_cases[safest].risk}). "
            "Lower a risk, for example by having a person check every result or by leaving personal data "
            "out, and score it again; or add a lower-risk idea."), ())
    best = use_cases[ranked[0]]
    if len(ranked) == 1:
        reason = (f"'{best.title}' is your only use case with a low ethical risk ({best.risk} of 5), so it is "
                  f"the one to pilot first. Value {best.value} of 5, effort {best.effort} of 5.")
    else:
        tied = [use_cases[i] for i in ranked[1:] if use_cases[i].value == best.value]
        reason = (f"'{best.title}' has the highest value ({best.value} of 5) of your {len(ranked)} use cases "
                  f"with a low ethical risk (1 or 2 of 5)."
                  + _tie_reason(best, use_cases[ranked[1]], tied))
    if best.value < WORTHWHILE_VALUE:
        reason += (f" Its value is low ({best.value} of 5): check it is worth the effort, or look for a more "
                   "useful low-risk idea.")
    return Recommendation(ranked[0], best.title, reason + _return_sentence(best), tuple(ranked))


def triage_frame(use_cases: Sequence[UseCase]) -> pd.DataFrame:
    """One row per use case: its scores, place on the matrix, rough return and pilot rank."""
    ranked = rank(use_cases)
    rows = []
    for number, case in enumerate(use_cases, start=1):
        result = estimate(case)
        rows.append({
            "No.": number, LABELS["title"]: case.title, LABELS["value"]: case.value,
            LABELS["effort"]: case.effort, LABELS["risk"]: case.risk, "Risk band": risk_band(case.risk),
            "Where it sits": quadrant(case),
            "Net gain per month": None if result is None else round(result.net_monthly, 2),
            "Payback (months)": None if result is None or result.payback_months is None
            else round(result.payback_months, 1),
            "First-year return (%)": None if result is None or result.first_year_return is None
            else round(100 * result.first_year_return),
            "Pilot rank": ranked.index(number - 1) + 1 if number - 1 in ranked else None,
        })
    columns = ["No.", LABELS["title"], LABELS["value"], LABELS["effort"], LABELS["risk"], "Risk band",
               "Where it sits", "Net gain per month", "Payback (months)", "First-year return (%)", "Pilot rank"]
    frame = pd.DataFrame(rows, columns=columns)
    frame["Pilot rank"] = frame["Pilot rank"].astype("Int64")
    return frame
