"""Tests for the kit's own screening model."""

import numpy as np
import pandas as pd
import pytest
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline

from kit.data import load_hiring, make_applicants
from kit.hiring import FEATURES, build_screening_pipeline, cached_model, train_screening_model

PROTECTED = ("gender", "ethnicity", "age_band", "disability")


@pytest.fixture(scope="module")
def split():
    df = make_applicants()
    return train_test_split(df, test_size=0.3, random_state=0, stratify=df["qualified"])


def test_features_leave_out_protected_attributes():
    assert set(FEATURES) == {"years_experience", "education", "skills_test", "referral",
                             "postcode_area"}
    assert not set(FEATURES) & set(PROTECTED)


def test_held_out_accuracy_is_reasonable(split):
    train, test = split
    model = train_screening_model(train)
    accuracy = (model.predict(test) == test["qualified"]).mean()
    majority = max(test["qualified"].mean(), 1 - test["qualified"].mean())
    assert accuracy >= 0.78
    assert accuracy - majority >= 0.15


def test_training_is_deterministic(split):
    train, test = split
    first = train_screening_model(train, seed=0)
    second = train_screening_model(train, seed=0)
    np.testing.assert_array_equal(first.predict_proba(test), second.predict_proba(test))


def test_the_model_uses_only_its_features(split):
    train, test = split
    model = train_screening_model(train)
    names = set(model.named_steps["prepare"].get_feature_names_out())
    assert not any(name.startswith(PROTECTED) for name in names)
    # Whole applicant rows can be scored: other columns are ignored.
    scrambled = test.assign(gender="woman", ethnicity="Black", age_band="55+")
    np.testing.assert_array_equal(model.predict_proba(test), model.predict_proba(scrambled))


def test_unseen_category_does_not_crash(split):
    train, test = split
    model = train_screening_model(train)
    odd = test.head(3).assign(postcode_area="Nowhere")
    assert model.predict_proba(odd).shape == (3, 2)


def test_custom_features_and_label(split):
    train, test = split
    model = train_screening_model(train, features=["skills_test", "education"],
                                  label="shortlisted")
    assert ((model.predict(test) == test["shortlisted"]).mean()) > 0.75


def test_build_reads_column_types():
    df = pd.DataFrame({"n": [1.0, 2.0], "c": ["a", "b"], "flag": [True, False]})
    prepare = build_screening_pipeline(df, ["n", "c", "flag"]).named_steps["prepare"]
    kinds = {name: cols for name, _, cols in prepare.transformers}
    assert kinds == {"numbers": ["n"], "categories": ["c", "flag"]}


def test_cached_model_is_trained_once_on_the_committed_data():
    model = cached_model()
    assert isinstance(model, Pipeline)
    assert cached_model() is model
    df = load_hiring()
    assert (model.predict(df) == df["qualified"]).mean() > 0.78
