"""The stored screening model: the same scores as scikit-learn's, current with the data, and read without it."""

from __future__ import annotations

import json
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest

from kit.data import load_hiring
from kit.hiring import LinearScorer, cached_model, train_screening_model
from kit.paths import REPO_ROOT
from kit.transparency import _fitted, holdout_split, measure_model


def _close(a, b) -> bool:
    """Equal, floats within 1e-6 relative or 2e-4 absolute.

    Another CPU's BLAS kernels can move a fit's last digits, and with them an
    applicant on the very edge of the line, which moves an importance by one
    applicant in 15,000 (7e-5). A stale file differs by far more, and its data
    digest, compared exactly, differs at once.
    """
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_close(a[k], b[k]) for k in a)
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return len(a) == len(b) and all(_close(x, y) for x, y in zip(a, b))
    if isinstance(a, float) or isinstance(b, float):
        return a == pytest.approx(b, rel=1e-6, abs=2e-4)
    return a == b


def test_the_stored_file_matches_a_model_trained_now():
    stored = json.loads(_fitted.FITTED_JSON.read_text(encoding="utf-8"))
    assert _close(stored, _fitted.fit_models().to_dict()), (
        "data/screening_model.json is out of date with data/hiring.csv or the model's code: "
        "run `python -m kit.transparency` and commit the file")
    stored["model"]["coef"][0] *= 1.001  # a change a retrained model would make is caught
    assert not _close(stored, _fitted.fit_models().to_dict())


def test_the_scorer_gives_scikit_learns_scores_for_every_applicant():
    pool = load_hiring()
    scorer = LinearScorer.from_pipeline(cached_model())
    assert np.allclose(scorer.predict_proba(pool), cached_model().predict_proba(pool), rtol=0, atol=1e-12)
    assert scorer.owners.count("education") == pool["education"].nunique()


def test_an_unseen_category_encodes_as_scikit_learn_ignores_it():
    pool = load_hiring()
    odd = pool.head(3).assign(education=["Doctorate", "GCSE", "none"], postcode_area="Atlantis")
    scorer = LinearScorer.from_pipeline(cached_model())
    assert np.allclose(scorer.predict_proba(odd), cached_model().predict_proba(odd), rtol=0, atol=1e-12)


def test_a_scorer_survives_the_round_trip_through_json():
    scorer = _fitted.screening_scorer()
    again = LinearScorer.from_dict(json.loads(json.dumps(scorer.to_dict())))
    assert again == scorer


def test_the_stored_split_is_the_kits_split():
    _, test = holdout_split(load_hiring())
    assert _fitted.holdout_measures().test_ids == tuple(test["applicant_id"])


def test_changed_data_is_trained_again_instead_of_read(monkeypatch, tmp_path):
    stale = json.loads(_fitted.FITTED_JSON.read_text(encoding="utf-8"))
    stale["data_sha256"] = "0" * 64
    stale["model"]["intercept"] = 99.0
    path = tmp_path / "screening_model.json"
    path.write_text(json.dumps(stale), encoding="utf-8")
    monkeypatch.setattr(_fitted, "FITTED_JSON", path)
    _fitted.stored_models.cache_clear()
    try:
        assert _fitted.stored_models().scorer.intercept != 99.0
        assert _fitted.stored_models().data_digest == _fitted.data_digest()
    finally:
        _fitted.stored_models.cache_clear()


@pytest.mark.parametrize("break_it", [
    lambda text: "{not json",
    lambda text: text.replace('"holdout"', '"held"'),
    lambda text: json.dumps({**json.loads(text), "model": {**json.loads(text)["model"], "coef": [1.0]}}),
    lambda text: text.replace('"A0', '"B0'),  # test ids that are not applicants
], ids=["not json", "a part missing", "weights missing", "unknown test ids"])
def test_a_missing_or_broken_file_is_trained_again(monkeypatch, tmp_path, break_it):
    path = tmp_path / "screening_model.json"
    path.write_text(break_it(_fitted.FITTED_JSON.read_text(encoding="utf-8")), encoding="utf-8")
    monkeypatch.setattr(_fitted, "FITTED_JSON", path)
    _fitted.stored_models.cache_clear()
    try:
        expected = LinearScorer.from_pipeline(cached_model())
        assert _close(_fitted.screening_scorer().to_dict(), expected.to_dict())
        assert set(_fitted.holdout_measures().test_ids) <= set(load_hiring()["applicant_id"])
    finally:
        _fitted.stored_models.cache_clear()


def test_another_seed_is_measured_now_with_scikit_learn():
    from sklearn.metrics import roc_auc_score

    train, test = holdout_split(load_hiring(), seed=1)
    model = train_screening_model(train, seed=1)
    measured = measure_model(1)
    assert measured.overall.loc["AUC", "this model"] == pytest.approx(
        roc_auc_score(test["qualified"], model.predict_proba(test)[:, 1]))
    assert measured.n_test == len(test)


def _last_line(code: str, workspace) -> str:
    """What ``code`` prints last, run in a fresh Python (nothing imported before)."""
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO_ROOT, capture_output=True, text=True,
                          env={"KIT_WORKSPACE": str(workspace), "PATH": "/usr/bin:/bin"}, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout.strip().splitlines()[-1]


def test_the_lesson_page_loads_neither_scikit_learn_nor_scipy(tmp_path):
    code = ("import sys\n"
            "from kit.transparency import inputs_table\n"
            "from kit.transparency.ui import decision_explainer, model_card_panel\n"
            "inputs_table(); decision_explainer(); model_card_panel()\n"
            "print(sorted({m.split('.')[0] for m in sys.modules} & {'sklearn', 'scipy', 'fairlearn'}))\n")
    assert _last_line(code, tmp_path) == "[]"


def test_the_explainer_and_its_chart_load_no_matplotlib(tmp_path):
    code = ("import sys\n"
            "from kit.transparency.ui import decision_explainer\n"
            "app = decision_explainer()\n"
            "print(type(app.children[-1].children[1]).__name__, 'matplotlib' in sys.modules)\n")
    assert _last_line(code, tmp_path) == "VegaChart False"


def test_the_model_card_reads_the_stored_numbers():
    measured = measure_model()
    stored = _fitted.holdout_measures()
    assert list(measured.importance.index) == list(pd.Series(stored.importance).sort_values(
        ascending=False, kind="stable").index)
    assert measured.settings["model"] == "LogisticRegression"
