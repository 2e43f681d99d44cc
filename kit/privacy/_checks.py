"""Self-checks for the privacy exercise (``solutions/05_privacy_and_data_governance_sol_01``).

Each ``check_*`` function takes what the learner computed and returns a
:class:`kit.workshop._checks.Feedback`. Expected values come from :mod:`kit.privacy._minimisation` on
:func:`kit.data.load_hiring`, never typed in, and a check never raises.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from kit.workshop import Feedback, check, never_raises, series_hint
from kit.data import load_hiring
from kit.privacy._minimisation import K_TARGET, group_sizes, k_anonymity

__all__ = ["QUASI", "MORE_QUASI", "check_group_sizes", "check_k", "check_unique_share", "check_at_risk_share",
           "check_unique_share_five", "check_best_drop"]

#: The three quasi-identifiers of the exercise, and the two special-category ones added later.
QUASI = ("gender", "age_band", "postcode_area")
MORE_QUASI = ("ethnicity", "disability")


def _share_hint(expected: float):
    """A hint for a share: not a number, a percentage, or a count of records instead of a share."""

    def hint(value: Any) -> str | None:
        if isinstance(value, bool) or not isinstance(value, (int, float, np.number)):
            return f"Expected one number, got {type(value).__name__}"
        if value > 1 or abs(float(value) - 100 * expected) < 1e-9:
            if abs(float(value) - expected * len(load_hiring())) < 1e-9:
                return "That is a number of records: divide it by the number of rows"
            return "Give a share between 0 and 1, not a percentage"
        return None

    return hint


@never_raises
def check_group_sizes(answer: Any) -> Feedback:
    """Records per combination of gender, age band and postcode area: a Series."""
    expected = group_sizes(load_hiring(), QUASI)
    shape = series_hint(expected)

    def hint(value: Any) -> str | None:
        if isinstance(value, pd.DataFrame):
            return "Expected a Series: use .size() rather than .count()"
        return shape(value)

    return check(answer.rename(None) if isinstance(answer, pd.Series) else answer, expected.rename(None),
                 what="the number of records in each group", hint="pool.groupby(list(QUASI)).size()",
                 shape_hint=hint)


@never_raises
def check_k(answer: Any) -> Feedback:
    """k: the size of the smallest group."""
    expected = k_anonymity(load_hiring(), QUASI).k
    return check(int(answer) if isinstance(answer, (np.integer,)) else answer, expected,
                 what="k, the size of the smallest group", hint="Take the minimum of group_sizes.",
                 shape_hint=lambda v: None if isinstance(v, int) else f"Expected a whole number, got {type(v).__name__}")


@never_raises
def check_unique_share(answer: Any) -> Feedback:
    """Share of records alone in their group."""
    expected = k_anonymity(load_hiring(), QUASI).unique_share
    return check(answer, float(expected), what="the share of records that are unique",
                 hint="Count the groups of size 1 (each is one record) and divide by the number of rows.",
                 shape_hint=_share_hint(expected))


@never_raises
def check_at_risk_share(answer: Any) -> Feedback:
    """Share of records in groups smaller than the kit's line (5)."""
    expected = float(k_anonymity(load_hiring(), QUASI).at_risk_share)
    return check(answer, expected, what=f"the share of records in groups under {K_TARGET}",
                 hint=f"Add up the sizes of the groups smaller than {K_TARGET}, then divide by the number of rows.",
                 shape_hint=_share_hint(expected))


@never_raises
def check_unique_share_five(answer: Any) -> Feedback:
    """Share of unique records once ethnicity and disability join the quasi-identifiers."""
    expected = k_anonymity(load_hiring(), QUASI + MORE_QUASI).unique_share
    return check(answer, float(expected), what="the share of unique records with five quasi-identifiers",
                 hint="Group by all five columns, then count the groups of size 1.",
                 shape_hint=_share_hint(expected))


@never_raises
def check_best_drop(answer: Any) -> Feedback:
    """The quasi-identifier whose removal gives the largest k."""
    pool = load_hiring()
    ks = {c: k_anonymity(pool, [q for q in QUASI if q != c]).k for c in QUASI}
    expected = max(ks, key=ks.get)
    return check(answer, expected, what="the column whose removal gives the largest k",
                 hint="For each of the three columns, compute k without it, and keep the column with the largest k.",
                 shape_hint=lambda v: None if isinstance(v, str) else
                 f"Expected a column name as text, got {type(v).__name__}")
