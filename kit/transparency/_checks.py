"""Self-checks for the transparency exercise (``solutions/04_transparency_and_explainability_sol_01``).

Each ``check_*`` function takes what the learner computed and returns a
:class:`kit.workshop.Feedback`: "To do" for ``None``, "Correct", or "Not quite"
with a hint. The expected answer is computed here by the kit
(:mod:`kit.transparency`, :func:`kit.hiring._model.train_screening_model`), never
typed in, and a check never raises. Its words are in
``kit/content/feedback/04_transparency_and_explainability.yaml``.
"""

from __future__ import annotations

import functools
from typing import Any

import numpy as np
import pandas as pd

from kit.workshop import Feedback, FeedbackTexts, Say, check, series_hint
from kit.data import load_hiring
from kit.transparency import (MIN_REASON, THRESHOLD, contributions, holdout_split, permutation_importances, reasons_for,
                              top_reasons, typical_values)
from kit.hiring import FEATURES, LABEL, cached_model, train_screening_model

__all__ = ["check_holdout_accuracy", "check_importance", "check_most_important", "check_applicant_score",
           "check_contributions", "check_reason_codes"]

TEXTS = FeedbackTexts("feedback/04_transparency_and_explainability")
_number = TEXTS.declare("number", "percentage", other=("type",))


@functools.lru_cache(maxsize=1)
def _holdout():
    train, test = holdout_split(load_hiring())
    return train_screening_model(train), test


@functools.lru_cache(maxsize=1)
def _importance() -> pd.Series:
    model, test = _holdout()
    return permutation_importances(model, test)


def _row(applicant_id: str) -> pd.DataFrame:
    pool = load_hiring()
    row = pool[pool["applicant_id"] == str(applicant_id)]
    if row.empty:
        raise ValueError(f"no applicant {applicant_id}")
    return row


def _number_hint(value: Any) -> str | None:
    if isinstance(value, (int, float, np.number)) and not isinstance(value, bool):
        return _number("percentage") if value > 1 else None
    return _number("other", type=type(value).__name__)


@TEXTS.check("what", "hint")
def check_holdout_accuracy(answer: Any, *, say: Say) -> Feedback:
    """Accuracy of the model trained on ``train`` and scored on ``test`` (the kit's split)."""
    model, test = _holdout()
    expected = float(model.score(test, test[LABEL]))
    return check(answer, expected, what=say("what"), hint=say("hint"), shape_hint=_number_hint)


@TEXTS.check("what", "hint", "every_column")
def check_importance(answer: Any, *, say: Say) -> Feedback:
    """Mean permutation importance of each model input: a Series indexed by input name."""
    expected = _importance()
    shape = series_hint(expected)

    def hint(value: Any) -> str | None:
        if isinstance(value, pd.Series) and len(value) > len(FEATURES):
            return say("every_column")
        return shape(value)

    return check(answer, expected, what=say("what"), hint=say("hint"), tol=1e-9, shape_hint=hint)


@TEXTS.check("what", "hint", not_text=("type",))
def check_most_important(answer: Any, *, say: Say) -> Feedback:
    """Name of the input the model relies on most."""
    expected = str(_importance().index[0])
    return check(answer, expected, what=say("what"), hint=say("hint"),
                 shape_hint=lambda v: None if isinstance(v, str) else say("not_text", type=type(v).__name__))


@TEXTS.check("hint", "array", "not_qualified", what=("applicant",))
def check_applicant_score(answer: Any, applicant_id: Any, *, say: Say) -> Feedback:
    """The screening model's score (chance of being qualified) for one applicant."""
    expected = float(cached_model().predict_proba(_row(applicant_id))[0, 1])

    def hint(value: Any) -> str | None:
        if isinstance(value, np.ndarray):
            return say("array")
        if isinstance(value, (int, float, np.number)) and abs(float(value) - (1 - expected)) < 1e-6:
            return say("not_qualified")
        return _number_hint(value)

    return check(answer, expected, what=say("what", applicant=applicant_id), hint=say("hint"), shape_hint=hint)


@TEXTS.check("hint", "encoded_columns", what=("applicant",))
def check_contributions(answer: Any, applicant_id: Any, *, say: Say) -> Feedback:
    """Each input's contribution to one applicant's log-odds, against the average applicant."""
    pool, row = load_hiring(), _row(applicant_id)
    expected = contributions(cached_model(), row, pool).iloc[0].rename(None)
    shape = series_hint(expected)

    def hint(value: Any) -> str | None:
        if not isinstance(value, pd.Series):
            return shape(value)
        if len(value) > len(FEATURES):
            return say("encoded_columns")
        return shape(value)

    return check(answer.rename(None) if isinstance(answer, pd.Series) else answer, expected,
                 what=say("what", applicant=applicant_id), hint=say("hint"), shape_hint=hint)


@TEXTS.check("wrong_order", what=("applicant",), hint=("min_effect",), not_a_list=("type",))
def check_reason_codes(answer: Any, applicant_id: Any, *, say: Say) -> Feedback:
    """The inputs that pushed the decision the way it went (at least 0.1), strongest first."""
    pool, row = load_hiring(), _row(applicant_id)
    model = cached_model()
    effects = contributions(model, row, pool).iloc[0]
    shortlisted = bool(model.predict_proba(row)[0, 1] >= THRESHOLD)
    expected = [r.feature for r in top_reasons(reasons_for(row.iloc[0], effects, typical_values(pool)), shortlisted)]

    def hint(value: Any) -> str | None:
        if not isinstance(value, list):
            return say("not_a_list", type=type(value).__name__)
        if sorted(value) == sorted(expected):
            return say("wrong_order")
        return None

    return check(list(answer) if isinstance(answer, tuple) else answer, expected,
                 what=say("what", applicant=applicant_id), hint=say("hint", min_effect=f"{MIN_REASON:g}"),
                 shape_hint=hint)
