"""A small, transparent screening model trained on the synthetic applicants.

The lessons need a model the learner built themselves, so that they can look
inside it (coefficients, reason codes) and compare it with the vendor's
``model_score``. A one-hot encoder and a logistic regression are enough: fast,
deterministic and easy to explain to a non-specialist.

The model may use only :data:`FEATURES`. It never sees gender, ethnicity, age
or disability, which is exactly why the proxy lesson matters: leaving a
protected column out does not keep its information out.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

from kit.hiring._lab import FEATURES, LABEL


def build_screening_pipeline(df: pd.DataFrame, features: Sequence[str] = FEATURES,
                             seed: int = 0) -> Pipeline:
    """Return an unfitted screening pipeline: encode the features, then a logistic regression.

    Parameters
    ----------
    df : pandas.DataFrame
        Any table holding ``features``; only its column types are read, to
        decide which columns are numbers (standardised) and which are
        categories (one-hot encoded; a category unseen in training is ignored).
    features : sequence of str, default :data:`FEATURES`
        Columns the model may use. Other columns of the table are ignored, so
        the fitted pipeline can score whole applicant rows.
    seed : int, default 0
        Random state of the logistic regression (kept for a uniform API;
        the solver is deterministic).

    Returns
    -------
    sklearn.pipeline.Pipeline
        Steps ``"prepare"`` and ``"model"``. Sample weights go in as
        ``model__sample_weight``.
    """
    features = list(features)
    numeric = [c for c in features if pd.api.types.is_numeric_dtype(df[c])
               and not pd.api.types.is_bool_dtype(df[c])]
    categorical = [c for c in features if c not in numeric]
    prepare = ColumnTransformer(
        [
            ("numbers", StandardScaler(), numeric),
            ("categories", OneHotEncoder(handle_unknown="ignore"), categorical),
        ],
        verbose_feature_names_out=False,
    )
    model = LogisticRegression(max_iter=1000, random_state=seed)
    return Pipeline([("prepare", prepare), ("model", model)])


def train_screening_model(df: pd.DataFrame, features: Sequence[str] = FEATURES,
                          seed: int = 0, label: str = LABEL) -> Pipeline:
    """Train the screening model to predict who is qualified.

    Parameters
    ----------
    df : pandas.DataFrame
        Applicants, e.g. :func:`kit.data.load_hiring`.
    features : sequence of str, default :data:`FEATURES`
        Columns the model may use.
    seed : int, default 0
        Random state, so that the same data always gives the same model.
    label : str, default ``"qualified"``
        Column to learn. ``"shortlisted"`` instead trains a copy of the
        vendor's decisions, bias included.

    Returns
    -------
    sklearn.pipeline.Pipeline
        The fitted pipeline; ``predict_proba(df)[:, 1]`` is the estimated
        chance that each applicant is qualified.
    """
    pipeline = build_screening_pipeline(df, features, seed)
    pipeline.fit(df, df[label])
    return pipeline


@functools.lru_cache(maxsize=1)
def cached_model() -> Pipeline:
    """Return the screening model trained once per process on the committed data.

    Returns
    -------
    sklearn.pipeline.Pipeline
        Trained by :func:`train_screening_model` on :func:`kit.data.load_hiring`.
        The same object is shared by every caller: use it, do not refit it.
    """
    from kit.data import load_hiring

    return train_screening_model(load_hiring())
