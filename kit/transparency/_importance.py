"""Feature importance for the whole model: how much worse it gets when one input is scrambled.

Reason codes explain one decision; importance explains the model. Permutation
importance shuffles one input at a time on applicants the model never saw and
measures the drop in accuracy: an input the model leans on costs a lot when
scrambled, an input it ignores costs nothing. Every shuffle is seeded.
"""

from __future__ import annotations

import pandas as pd
from sklearn.inspection import permutation_importance
from sklearn.model_selection import train_test_split

from kit.hiring import FEATURES, LABEL

#: Share of applicants held out of training to measure the model.
TEST_SIZE = 0.3


def holdout_split(df: pd.DataFrame, seed: int = 0, test_size: float = TEST_SIZE,
                  label: str = LABEL) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Split applicants into a training part and a held-out part, the same way every time.

    Parameters
    ----------
    df : pandas.DataFrame
        The applicants.
    seed : int, default 0
        Seed of the shuffle.
    test_size : float, default 0.3
        Share held out.
    label : str, default ``"qualified"``
        Kept in the same proportion in both parts (stratified).

    Returns
    -------
    (pandas.DataFrame, pandas.DataFrame)
        ``(train, test)``.
    """
    train, test = train_test_split(df, test_size=test_size, random_state=seed, stratify=df[label])
    return train, test


def permutation_importances(model, test: pd.DataFrame, seed: int = 0, repeats: int = 10,
                            label: str = LABEL) -> pd.Series:
    """Mean drop in accuracy when each model input is shuffled, largest first.

    Parameters
    ----------
    model : sklearn.pipeline.Pipeline
        The fitted screening model.
    test : pandas.DataFrame
        Applicants the model did not learn from.
    seed : int, default 0
        Seed of the shuffles.
    repeats : int, default 10
        Shuffles per input; the result is their mean.
    label : str, default ``"qualified"``
        The true answer.

    Returns
    -------
    pandas.Series
        Indexed by input name, named ``"importance"``.
    """
    result = permutation_importance(model, test[list(FEATURES)], test[label], n_repeats=repeats,
                                    random_state=seed)
    return (pd.Series(result.importances_mean, index=list(FEATURES), name="importance")
            .sort_values(ascending=False, kind="stable"))
