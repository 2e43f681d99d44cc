"""Counterfactuals: the smallest change to one input that would have flipped a decision.

For each input the explainer may change (see ``reason_codes.yaml``: never a
protected characteristic, never the postcode), the search scores the
applicant again with every other value the input takes in the pool, keeps the
values that flip the decision, and picks the one nearest to the applicant's
own. Inputs are then compared by the size of the change against how much
applicants differ on that input (the change divided by the input's standard
deviation in the pool), so that "4 more test points" and "one more
qualification" are measured on the same scale.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from kit.transparency._features import NEVER_CHANGE, FeatureText, actionable_features


@dataclass(frozen=True)
class Counterfactual:
    """One change to one input that flips the decision."""

    feature: str
    name: str
    value: object
    new_value: object
    new_score: float
    effort: float
    text: str

    @property
    def step(self) -> str:
        """The size of the change in the input's own units, such as "+6" or "2 levels up"."""
        if isinstance(self.value, (int, float)) and isinstance(self.new_value, (int, float)):
            return f"{self.new_value - self.value:+g}"
        return f"{self.value} to {self.new_value}"


def _candidates(words: FeatureText, pool: pd.Series) -> list:
    if words.levels:
        return list(words.levels)
    low, high = int(pool.min()), int(pool.max())
    return list(range(low, high + 1))


def _position(words: FeatureText, values) -> np.ndarray:
    """Values as numbers on the input's own scale (the rank of a level for a category)."""
    if words.levels:
        rank = {level: i for i, level in enumerate(words.levels)}
        return np.array([rank.get(str(v), np.nan) for v in values], dtype=float)
    return np.asarray(values, dtype=float)


def _allowed(words: FeatureText, candidates: np.ndarray, current: float, shortlisted: bool) -> np.ndarray:
    """Which candidate values count: never the current one; only upwards for "increase" inputs.

    The direction rule applies to advice, that is to an applicant who was not
    shortlisted. For a shortlisted applicant the change explains how close the
    decision was, so it may go either way.
    """
    allowed = candidates != current
    if words.actionable == "increase" and not shortlisted:
        allowed &= candidates > current
    return allowed


def counterfactuals(model, row: pd.Series, pool: pd.DataFrame, threshold: float) -> list[Counterfactual]:
    """Every single-input change that flips the decision for ``row``, smallest effort first.

    Parameters
    ----------
    model : sklearn.pipeline.Pipeline
        The fitted screening model; ``predict_proba(...)[:, 1]`` is the score.
    row : pandas.Series
        One applicant.
    pool : pandas.DataFrame
        The applicants whose values bound the search and measure the effort.
    threshold : float
        Shortlisted when the score is at least this.

    Returns
    -------
    list of Counterfactual
        At most one per input (the nearest value that flips the decision),
        sorted by effort: the size of the change in standard deviations of
        the input across the pool.
        Empty when no single change flips it.
    """
    base = pd.DataFrame([row])
    shortlisted = bool(model.predict_proba(base)[0, 1] >= threshold)
    found = []
    for words in actionable_features():
        if words.feature in NEVER_CHANGE:  # belt and braces: the content check forbids it too
            continue
        values = _candidates(words, pool[words.feature])
        trial = base.loc[base.index.repeat(len(values))].reset_index(drop=True)
        trial[words.feature] = pd.Series(values, dtype=pool[words.feature].dtype)
        scores = model.predict_proba(trial)[:, 1]
        positions = _position(words, values)
        current = _position(words, [row[words.feature]])[0]
        flips = ((scores >= threshold) != shortlisted) & _allowed(words, positions, current, shortlisted)
        if not flips.any():
            continue
        distance = np.where(flips, np.abs(positions - current), np.inf)
        best = int(np.argmin(distance))
        spread = float(np.nanstd(_position(words, pool[words.feature]))) or 1.0
        effort = abs(positions[best] - current) / spread
        value = row[words.feature].item() if hasattr(row[words.feature], "item") else row[words.feature]
        new = values[best]
        found.append(Counterfactual(words.feature, words.name, value, new, float(scores[best]), float(effort),
                                    words.change.format(value=value, new=new)))
    return sorted(found, key=lambda c: (c.effort, c.feature))
