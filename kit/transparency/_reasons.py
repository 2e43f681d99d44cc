"""Reason codes: how much each input moved one applicant's score, against the average applicant.

The screening model is a logistic regression on encoded inputs, so its
log-odds are a sum: an intercept plus one weight times each encoded column.
Subtract the same sum for the *average applicant* (the mean of every encoded
column over the pool) and what is left splits exactly into one part per
column. Adding up the columns of one input (the one-hot columns of
``education``, say) gives that input's **contribution**. The contributions
add up exactly to the difference between the applicant's log-odds and the
average applicant's, so nothing is hidden in an approximation.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from kit.transparency._features import feature_texts
from kit.hiring import FEATURES, as_scorer

#: How a contribution (in log-odds) is put in words: (at least this much, words).
STRENGTH = ((1.0, "a lot"), (0.4, "clearly"), (0.1, "a little"), (0.0, "hardly at all"))
#: A contribution smaller than this is not given as a reason.
MIN_REASON = 0.1


@dataclass(frozen=True)
class Reason:
    """One input's part in one decision, in numbers and in words."""

    feature: str
    code: str
    name: str
    value: object
    typical: object
    effect: float
    text: str
    caution: str = ""

    @property
    def raised(self) -> bool:
        """Whether this input pushed the score up (compared with the average applicant)."""
        return self.effect > 0


def contributions(model, rows: pd.DataFrame, reference: pd.DataFrame) -> pd.DataFrame:
    """Each input's contribution to the log-odds of ``rows``, against the average of ``reference``.

    Parameters
    ----------
    model : kit.hiring.LinearScorer or sklearn.pipeline.Pipeline
        The fitted screening model: its numbers, or a pipeline made by
        :func:`kit.hiring.train_screening_model`.
    rows : pandas.DataFrame
        The applicants to explain.
    reference : pandas.DataFrame
        The pool whose average applicant is the baseline (usually the
        training data).

    Returns
    -------
    pandas.DataFrame
        One row per applicant (same index as ``rows``), one column per model
        input (in the order of :data:`FEATURES`). Positive values raised the score. Each row adds up to the
        applicant's log-odds minus the average applicant's.
    """
    scorer = as_scorer(model)
    parts = (scorer.encode(rows) - scorer.encode(reference).mean(axis=0)) * np.asarray(scorer.coef)
    owners = np.array(scorer.owners)
    if len(owners) != parts.shape[1]:
        raise ValueError("The model's encoded columns do not match its inputs; retrain it.")
    found = list(dict.fromkeys(owners))
    inputs = [f for f in FEATURES if f in found] + [f for f in found if f not in FEATURES]
    return pd.DataFrame({f: parts[:, owners == f].sum(axis=1) for f in inputs}, index=rows.index)


def baseline_score(model, reference: pd.DataFrame) -> float:
    """The score of the average applicant of ``reference`` (the point reasons are measured from)."""
    scorer = as_scorer(model)
    logit = float(scorer.log_odds(scorer.encode(reference).mean(axis=0)))
    return 1.0 / (1.0 + np.exp(-logit))


def strength(effect: float) -> str:
    """The size of a contribution in words ("a lot", "clearly", "a little", "hardly at all")."""
    size = abs(effect)
    return next(words for floor, words in STRENGTH if size >= floor)


def typical_values(reference: pd.DataFrame) -> dict[str, object]:
    """The average applicant in words: the mean of a number (one decimal), the commonest category."""
    typical = {}
    for feature in FEATURES:
        column = reference[feature]
        if pd.api.types.is_numeric_dtype(column):
            typical[feature] = round(float(column.mean()), 1)
        else:
            typical[feature] = str(column.mode().iloc[0])
    return typical


def reasons_for(row: pd.Series, effects: pd.Series, typical: dict) -> list[Reason]:
    """Every input of one applicant as a :class:`Reason`, largest effect first."""
    texts = feature_texts()
    out = []
    for feature in FEATURES:
        words = texts[feature]
        effect = float(effects[feature])
        value = row[feature].item() if hasattr(row[feature], "item") else row[feature]
        described = words.describe.format(value=value, typical=typical[feature])
        direction = "raised" if effect > 0 else "lowered"
        text = f"{described[:1].upper()}{described[1:]} {direction} the score {strength(effect)}."
        code = f"{words.code}{'+' if effect > 0 else '-'}"
        out.append(Reason(feature, code, words.name, value, typical[feature], effect, text, words.caution))
    return sorted(out, key=lambda r: -abs(r.effect))


def top_reasons(reasons: list[Reason], shortlisted: bool, limit: int = 3) -> list[Reason]:
    """The reasons that pushed towards the decision taken, strongest first (at most ``limit``).

    A rejected applicant hears what lowered their score; a shortlisted one,
    what raised it. Effects under :data:`MIN_REASON` are too small to be a reason.
    """
    pushing = [r for r in reasons if r.raised == shortlisted and abs(r.effect) >= MIN_REASON]
    return pushing[:limit]
