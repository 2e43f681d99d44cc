"""Self-checks for the privacy exercise (``solutions/05_privacy_and_data_governance_sol_01``).

Each ``check_*`` function takes what the learner computed and returns a
:class:`kit.workshop.Feedback`. Expected values come from :mod:`kit.privacy._minimisation` on
:func:`kit.data.load_hiring`, never typed in, and a check never raises. Its words are in
``kit/content/feedback/05_privacy_and_data_governance.yaml``.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from kit.workshop import Feedback, FeedbackTexts, Say, check, series_hint
from kit.data import load_hiring
from kit.privacy._minimisation import K_TARGET, group_sizes, k_anonymity

__all__ = ["QUASI", "MORE_QUASI", "check_group_sizes", "check_k", "check_unique_share", "check_at_risk_share",
           "check_unique_share_five", "check_best_drop"]

#: The three quasi-identifiers of the exercise, and the two special-category ones added later.
QUASI = ("gender", "age_band", "postcode_area")
MORE_QUASI = ("ethnicity", "disability")

TEXTS = FeedbackTexts("feedback/05_privacy_and_data_governance")
_share = TEXTS.declare("share", "records", "percentage", other=("type",))


def _share_hint(expected: float):
    """A hint for a share: not a number, a percentage, or a count of records instead of a share."""

    def hint(value: Any) -> str | None:
        if isinstance(value, bool) or not isinstance(value, (int, float, np.number)):
            return _share("other", type=type(value).__name__)
        if value > 1 or abs(float(value) - 100 * expected) < 1e-9:
            if abs(float(value) - expected * len(load_hiring())) < 1e-9:
                return _share("records")
            return _share("percentage")
        return None

    return hint


@TEXTS.check("what", "hint", "dataframe")
def check_group_sizes(answer: Any, *, say: Say) -> Feedback:
    """Records per combination of gender, age band and postcode area: a Series."""
    expected = group_sizes(load_hiring(), QUASI)
    shape = series_hint(expected)

    def hint(value: Any) -> str | None:
        if isinstance(value, pd.DataFrame):
            return say("dataframe")
        return shape(value)

    return check(answer.rename(None) if isinstance(answer, pd.Series) else answer, expected.rename(None),
                 what=say("what"), hint=say("hint"), shape_hint=hint)


@TEXTS.check("what", "hint", not_whole=("type",))
def check_k(answer: Any, *, say: Say) -> Feedback:
    """k: the size of the smallest group."""
    expected = k_anonymity(load_hiring(), QUASI).k
    return check(int(answer) if isinstance(answer, (np.integer,)) else answer, expected,
                 what=say("what"), hint=say("hint"),
                 shape_hint=lambda v: None if isinstance(v, int) else say("not_whole", type=type(v).__name__))


@TEXTS.check("what", "hint")
def check_unique_share(answer: Any, *, say: Say) -> Feedback:
    """Share of records alone in their group."""
    expected = k_anonymity(load_hiring(), QUASI).unique_share
    return check(answer, float(expected), what=say("what"), hint=say("hint"), shape_hint=_share_hint(expected))


@TEXTS.check(what=("k",), hint=("k",))
def check_at_risk_share(answer: Any, *, say: Say) -> Feedback:
    """Share of records in groups smaller than the kit's line (5)."""
    expected = float(k_anonymity(load_hiring(), QUASI).at_risk_share)
    return check(answer, expected, what=say("what", k=K_TARGET), hint=say("hint", k=K_TARGET),
                 shape_hint=_share_hint(expected))


@TEXTS.check("what", "hint")
def check_unique_share_five(answer: Any, *, say: Say) -> Feedback:
    """Share of unique records once ethnicity and disability join the quasi-identifiers."""
    expected = k_anonymity(load_hiring(), QUASI + MORE_QUASI).unique_share
    return check(answer, float(expected), what=say("what"), hint=say("hint"), shape_hint=_share_hint(expected))


@TEXTS.check("what", "hint", not_text=("type",))
def check_best_drop(answer: Any, *, say: Say) -> Feedback:
    """The quasi-identifier whose removal gives the largest k."""
    pool = load_hiring()
    ks = {c: k_anonymity(pool, [q for q in QUASI if q != c]).k for c in QUASI}
    expected = max(ks, key=ks.get)
    return check(answer, expected, what=say("what"), hint=say("hint"),
                 shape_hint=lambda v: None if isinstance(v, str) else say("not_text", type=type(v).__name__))
