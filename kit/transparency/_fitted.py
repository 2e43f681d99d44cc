"""The screening model trained once and kept as numbers in ``data/screening_model.json``.

The transparency lesson explains decisions and shows a model card; training
the model, shuffling its inputs for importance and scoring the AUC take
scikit-learn, seconds and memory that a page opened by a whole room should
not spend. ``python -m kit.transparency`` trains with scikit-learn and writes
the numbers; the pages read them (:func:`screening_scorer`,
:func:`holdout_measures`). The file records a digest of ``data/hiring.csv``:
when the data changes, the model is trained again on first use instead of
being read, and a test fails until the file is written again.
"""

from __future__ import annotations

import functools
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from kit.data import HIRING_CSV, load_hiring
from kit.hiring import LinearScorer
from kit.paths import DATA_DIR

FITTED_JSON = DATA_DIR / "screening_model.json"
#: The seed of the stored split, model and importance shuffles.
SEED = 0
VENDOR, OURS = "vendor's tool", "this model"


@dataclass(frozen=True)
class Holdout:
    """The model trained on 70% of the applicants and what was measured on the other 30%."""

    seed: int
    test_ids: tuple[str, ...]
    scorer: LinearScorer
    importance: dict[str, float]
    auc: dict[str, float]


@dataclass(frozen=True)
class FittedModels:
    """The explainer's model (trained on every applicant) and the model card's held-out measures."""

    data_digest: str
    scorer: LinearScorer
    holdout: Holdout

    def to_dict(self) -> dict:
        h = self.holdout
        return {"about": "Written by `python -m kit.transparency` from data/hiring.csv; do not edit by hand.",
                "data_sha256": self.data_digest, "model": self.scorer.to_dict(),
                "holdout": {"seed": h.seed, "test_ids": list(h.test_ids), "model": h.scorer.to_dict(),
                            "importance": h.importance, "auc": h.auc}}

    @classmethod
    def from_dict(cls, data: dict) -> "FittedModels":
        h = data["holdout"]
        return cls(data["data_sha256"], LinearScorer.from_dict(data["model"]),
                   Holdout(int(h["seed"]), tuple(h["test_ids"]), LinearScorer.from_dict(h["model"]),
                           {k: float(v) for k, v in h["importance"].items()},
                           {k: float(v) for k, v in h["auc"].items()}))


def data_digest(path: Path = HIRING_CSV) -> str:
    """The SHA-256 of the applicant file the model is trained on."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def fit_holdout(seed: int = SEED) -> Holdout:
    """Split, train and measure with scikit-learn (seconds; imports scikit-learn)."""
    from sklearn.metrics import roc_auc_score

    from kit.hiring import LABEL, train_screening_model
    from kit.transparency._importance import holdout_split, permutation_importances

    train, test = holdout_split(load_hiring(), seed)
    model = train_screening_model(train, seed=seed)
    importance = permutation_importances(model, test, seed=seed)
    auc = {OURS: float(roc_auc_score(test[LABEL], model.predict_proba(test)[:, 1])),
           VENDOR: float(roc_auc_score(test[LABEL], test["model_score"]))}
    return Holdout(seed, tuple(test["applicant_id"]), LinearScorer.from_pipeline(model),
                   {str(k): float(v) for k, v in importance.items()}, auc)


def fit_models() -> FittedModels:
    """Train both models on the committed data, as the stored file should hold them."""
    from kit.hiring import cached_model

    return FittedModels(data_digest(), LinearScorer.from_pipeline(cached_model()), fit_holdout(SEED))


def write_fitted(path: Path = FITTED_JSON) -> Path:
    """Train and write ``screening_model.json``; returns its path."""
    path = Path(path)
    path.write_text(json.dumps(fit_models().to_dict(), indent=1) + "\n", encoding="utf-8")
    return path


@functools.lru_cache(maxsize=1)
def stored_models() -> FittedModels:
    """The stored numbers, or freshly trained ones when the file is missing, broken or no longer fits the data."""
    try:
        stored = FittedModels.from_dict(json.loads(FITTED_JSON.read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError, TypeError):
        return fit_models()
    return stored if stored.data_digest == data_digest() and _consistent(stored) else fit_models()


def _consistent(stored: FittedModels) -> bool:
    """Whether a file edited by hand still fits the data: one weight per encoded column, known test ids."""
    ids = set(load_hiring()["applicant_id"])
    held = stored.holdout
    return (all(len(m.coef) == len(m.owners) for m in (stored.scorer, held.scorer))
            and 0 < len(held.test_ids) == len(set(held.test_ids)) and set(held.test_ids) <= ids)


def screening_scorer() -> LinearScorer:
    """The screening model trained on every applicant, as numbers (no scikit-learn needed)."""
    return stored_models().scorer


def holdout_measures(seed: int = SEED) -> Holdout:
    """The held-out split, model and measures for ``seed``: stored for the default seed, else trained now."""
    stored = stored_models().holdout
    return stored if seed == stored.seed else fit_holdout(seed)
