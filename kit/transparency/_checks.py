"""Self-checks for the transparency exercise (``solutions/04_transparency_and_explainability_sol_01``).

Each ``check_*`` function takes what the learner computed and returns a
:class:`kit.workshop._checks.Feedback`: "To do" for ``None``, "Correct", or "Not quite"
with a hint. The expected answer is computed here by the kit
(:mod:`kit.transparency`, :func:`kit.hiring._model.train_screening_model`), never
typed in, and a check never raises.
"""

from __future__ import annotations

import functools
from typing import Any

import numpy as np
import pandas as pd

from kit.workshop import Feedback, check, never_raises, series_hint
from kit.data import load_hiring
from kit.transparency import (THRESHOLD, contributions, holdout_split, permutation_importances, reasons_for,
                              top_reasons, typical_values)
from kit.hiring import FEATURES, LABEL, cached_model, train_screening_model

__all__ = ["check_holdout_accuracy", "check_importance", "check_most_important", "check_applicant_score",
           "check_contributions", "check_reason_codes"]


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
        return "Give a share between 0 and 1, not a percentage" if value > 1 else None
    return f"Expected one number, got {type(value).__name__}"


@never_raises
def check_holdout_accuracy(answer: Any) -> Feedback:
    """Accuracy of the model trained on ``train`` and scored on ``test`` (the kit's split)."""
    model, test = _holdout()
    expected = float(model.score(test, test[LABEL]))
    return check(answer, expected, what="the model's accuracy on the held-out applicants",
                 hint="Use model.score(test, test['qualified']) on the test part, not the training part.",
                 shape_hint=_number_hint)


@never_raises
def check_importance(answer: Any) -> Feedback:
    """Mean permutation importance of each model input: a Series indexed by input name."""
    expected = _importance()
    shape = series_hint(expected)

    def hint(value: Any) -> str | None:
        if isinstance(value, pd.Series) and len(value) > len(FEATURES):
            return ("There is one value per column of the table: pass only the model's inputs, "
                    "test[list(FEATURES)], to permutation_importance")
        return shape(value)

    return check(answer, expected, what="the permutation importance of each input",
                 hint="Use n_repeats=10 and random_state=0, and keep importances_mean.", tol=1e-9,
                 shape_hint=hint)


@never_raises
def check_most_important(answer: Any) -> Feedback:
    """Name of the input the model relies on most."""
    expected = str(_importance().index[0])
    return check(answer, expected, what="the input the model relies on most",
                 hint="Take the index of the largest importance, importance.idxmax().",
                 shape_hint=lambda v: None if isinstance(v, str) else
                 f"Expected an input name as text, got {type(v).__name__}")


@never_raises
def check_applicant_score(answer: Any, applicant_id: Any) -> Feedback:
    """The screening model's score (chance of being qualified) for one applicant."""
    expected = float(cached_model().predict_proba(_row(applicant_id))[0, 1])

    def hint(value: Any) -> str | None:
        if isinstance(value, np.ndarray):
            return "That is an array: take the one number, for example with [0, 1]"
        if isinstance(value, (int, float, np.number)) and abs(float(value) - (1 - expected)) < 1e-6:
            return "That is the chance of not being qualified: take column 1 of predict_proba"
        return _number_hint(value)

    return check(answer, expected, what=f"the score of applicant {applicant_id}",
                 hint="model.predict_proba(row)[0, 1] is the score.", shape_hint=hint)


@never_raises
def check_contributions(answer: Any, applicant_id: Any) -> Feedback:
    """Each input's contribution to one applicant's log-odds, against the average applicant."""
    pool, row = load_hiring(), _row(applicant_id)
    expected = contributions(cached_model(), row, pool).iloc[0].rename(None)
    shape = series_hint(expected)

    def hint(value: Any) -> str | None:
        if not isinstance(value, pd.Series):
            return shape(value)
        if len(value) > len(FEATURES):
            return ("There is one value per encoded column: add up the columns of each input "
                    "(education_GCSE, education_Degree... all belong to education)")
        return shape(value)

    return check(answer.rename(None) if isinstance(answer, pd.Series) else answer, expected,
                 what=f"the contribution of each input for applicant {applicant_id}",
                 hint="Multiply each weight by (the applicant's encoded value minus the pool's mean of that "
                      "column), then add up the columns of each input.", shape_hint=hint)


@never_raises
def check_reason_codes(answer: Any, applicant_id: Any) -> Feedback:
    """The inputs that pushed the decision the way it went (at least 0.1), strongest first."""
    pool, row = load_hiring(), _row(applicant_id)
    model = cached_model()
    effects = contributions(model, row, pool).iloc[0]
    shortlisted = bool(model.predict_proba(row)[0, 1] >= THRESHOLD)
    expected = [r.feature for r in top_reasons(reasons_for(row.iloc[0], effects, typical_values(pool)), shortlisted)]

    def hint(value: Any) -> str | None:
        if not isinstance(value, list):
            return f"Expected a list of input names, got {type(value).__name__}"
        if sorted(value) == sorted(expected):
            return "The right inputs in the wrong order: strongest effect first"
        return None

    return check(list(answer) if isinstance(answer, tuple) else answer, expected,
                 what=f"the list of reasons for applicant {applicant_id}'s decision",
                 hint="Keep the inputs whose contribution pushed the way the decision went by 0.1 or more, "
                      "sorted by size, at most three.", shape_hint=hint)
