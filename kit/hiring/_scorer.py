"""The fitted screening model as plain numbers: scale, one-hot, weights, so scoring needs no scikit-learn.

A page that only *uses* the model (the explainer, the model card) loads these
numbers from ``data/screening_model.json`` instead of importing scikit-learn
and training: the same scores to the last digits, in a fraction of the time
and memory. :meth:`LinearScorer.from_pipeline` reads them from a pipeline made
by :func:`kit.hiring.train_screening_model`; a test checks that both score
every applicant alike.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd


@dataclass(frozen=True)
class LinearScorer:
    """A standardise-and-one-hot encoder followed by a logistic regression, in numbers.

    Attributes
    ----------
    numeric : dict
        Each number input and its ``(mean, scale)``: encoded as ``(x - mean) / scale``.
    categories : dict
        Each category input and its known values, in the encoder's order; a
        value not listed encodes as all zeros, as scikit-learn's
        ``handle_unknown="ignore"`` does.
    coef : tuple of float
        One weight per encoded column: numbers first, then each input's categories.
    intercept : float
        The log-odds when every encoded column is 0.
    settings : dict
        How the regression was fitted (model, C, solver), for the model card.
    """

    numeric: dict[str, tuple[float, float]]
    categories: dict[str, tuple]
    coef: tuple[float, ...]
    intercept: float
    settings: dict = field(default_factory=dict)

    @classmethod
    def from_pipeline(cls, pipeline) -> "LinearScorer":
        """Read the numbers of a fitted pipeline (steps ``"prepare"`` and ``"model"``)."""
        prepare, regression = pipeline["prepare"], pipeline["model"]
        numeric, categories = {}, {}
        for name, transformer, columns in prepare.transformers_:
            if name == "remainder" or transformer == "drop":
                continue
            if hasattr(transformer, "categories_"):
                for column, values in zip(columns, transformer.categories_):
                    categories[str(column)] = tuple(v.item() if hasattr(v, "item") else v for v in values)
            else:
                for column, mean, scale in zip(columns, transformer.mean_, transformer.scale_):
                    numeric[str(column)] = (float(mean), float(scale))
        settings = {"model": type(regression).__name__, "regularisation C": float(regression.C),
                    "solver": str(regression.solver)}
        return cls(numeric, categories, tuple(float(w) for w in regression.coef_[0]),
                   float(regression.intercept_[0]), settings)

    @classmethod
    def from_dict(cls, data: dict) -> "LinearScorer":
        """The inverse of :meth:`to_dict`."""
        return cls({k: (float(m), float(s)) for k, (m, s) in data["numeric"].items()},
                   {k: tuple(v) for k, v in data["categories"].items()},
                   tuple(float(w) for w in data["coef"]), float(data["intercept"]), dict(data["settings"]))

    def to_dict(self) -> dict:
        """The numbers as JSON-ready lists and dicts."""
        return {"numeric": {k: list(v) for k, v in self.numeric.items()},
                "categories": {k: list(v) for k, v in self.categories.items()},
                "coef": list(self.coef), "intercept": self.intercept, "settings": dict(self.settings)}

    @property
    def owners(self) -> list[str]:
        """The model input behind each encoded column, in column order."""
        return list(self.numeric) + [c for c, values in self.categories.items() for _ in values]

    def encode(self, rows: pd.DataFrame) -> np.ndarray:
        """The encoded columns of ``rows``, one row each (what the regression reads)."""
        parts = [((rows[c].to_numpy(dtype=float) - mean) / scale)[:, None]
                 for c, (mean, scale) in self.numeric.items()]
        for column, values in self.categories.items():
            seen = rows[column].to_numpy(dtype=object)
            parts.append(np.column_stack([seen == v for v in values]).astype(float))
        return np.hstack(parts) if parts else np.zeros((len(rows), 0))

    def log_odds(self, encoded: np.ndarray) -> np.ndarray:
        """The regression's log-odds for encoded rows (one per row; a single row gives a number)."""
        return encoded @ np.asarray(self.coef) + self.intercept

    def predict_proba(self, rows: pd.DataFrame) -> np.ndarray:
        """``[[P(not qualified), P(qualified)], ...]``, as scikit-learn's ``predict_proba``."""
        qualified = 1.0 / (1.0 + np.exp(-self.log_odds(self.encode(rows))))
        return np.column_stack([1.0 - qualified, qualified])


def as_scorer(model) -> LinearScorer:
    """``model`` as a :class:`LinearScorer`: itself, or the numbers of a fitted pipeline."""
    return model if isinstance(model, LinearScorer) else LinearScorer.from_pipeline(model)
