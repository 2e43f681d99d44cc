"""Reason codes, counterfactuals, importance and the decision explainer (lesson 04).

Contributions are checked against an independent computation (the model's
own log-odds), counterfactuals against a brute-force rescoring, and the
explainer's rules (never a protected characteristic, never the postcode)
against the content file.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import kit.transparency._checks as checks
from kit.workshop import content
from kit.workshop import session
from kit.workshop.content import ContentError
from kit.data import load_hiring
from kit.transparency import (NEVER_CHANGE, THRESHOLD, actionable_features, contributions, counterfactuals,
                              example_applicants, explain, explainer_section, explanation_record, feature_texts,
                              holdout_split, letter, letter_words, normalise_id, notes_section, permutation_importances,
                              remember, score_text, strength)
from kit.transparency import _features
from kit.hiring import FEATURES, cached_model, train_screening_model


@pytest.fixture(scope="module")
def pool():
    return load_hiring()


def _logit(p):
    return np.log(p / (1 - p))


def test_contributions_add_up_to_the_gap_in_log_odds(pool):
    model = cached_model()
    rows = pool.sample(200, random_state=1)
    effects = contributions(model, rows, pool)
    assert list(effects.columns) == list(FEATURES)
    average = model["model"].intercept_[0] + np.asarray(model["prepare"].transform(pool), float).mean(0) @ \
        model["model"].coef_[0]
    gap = _logit(model.predict_proba(rows)[:, 1]) - average
    np.testing.assert_allclose(effects.sum(axis=1), gap, atol=1e-9)


def test_contribution_of_a_number_is_weight_times_standardised_distance(pool):
    model = cached_model()
    row = pool.iloc[[10]]
    scaler = model["prepare"].named_transformers_["numbers"]
    position = list(scaler.feature_names_in_).index("skills_test")
    weight = model["model"].coef_[0][list(model["prepare"].get_feature_names_out()).index("skills_test")]
    expected = weight * (row["skills_test"].iloc[0] - pool["skills_test"].mean()) / scaler.scale_[position]
    assert contributions(model, row, pool)["skills_test"].iloc[0] == pytest.approx(expected)


@pytest.mark.parametrize(("effect", "words"), [(2.5, "a lot"), (-1.0, "a lot"), (0.5, "clearly"),
                                                (-0.1, "a little"), (0.05, "hardly at all"), (0.0, "hardly at all")])
def test_strength_in_words(effect, words):
    assert strength(effect) == words


@pytest.mark.parametrize(("typed", "expected"), [("A00042", "A00042"), (" a42 ", "A00042"), ("42", "A00042"),
                                                 ("a00042", "A00042"), ("5000", "A05000")])
def test_ids_are_read_the_way_people_type_them(pool, typed, expected):
    assert normalise_id(typed, pool) == expected


@pytest.mark.parametrize(("typed", "message"), [("", "Type an applicant id"), ("B12", "no applicant with the id 'B12'"),
                                                ("99999", "Ids run from A00001 to A05000"), ("0", "no applicant")])
def test_unknown_ids_get_a_plain_message(pool, typed, message):
    with pytest.raises(ValueError, match=message):
        normalise_id(typed, pool)


@pytest.mark.parametrize(("score", "text"), [(0.49967, "0.4997"), (0.5001, "0.50"), (0.4951, "0.495"), (0.731, "0.73"),
                                             (0.5, "0.50"), (0.499999, "0.499999"), (0.01, "0.01")])
def test_score_text_never_contradicts_the_decision(score, text):
    assert score_text(score, 0.5) == text


def test_explanation_matches_the_model(pool):
    applicant = example_applicants()[0][0]
    explanation = explain(applicant)
    row = pool[pool["applicant_id"] == applicant]
    assert explanation.score == pytest.approx(cached_model().predict_proba(row)[0, 1])
    assert explanation.shortlisted == (explanation.score >= THRESHOLD)
    assert {r.feature for r in explanation.reasons} == set(FEATURES)
    assert sum(r.effect for r in explanation.reasons) == pytest.approx(
        _logit(explanation.score) - _logit(explanation.baseline))


@pytest.mark.parametrize("position", range(5))
def test_top_reasons_push_the_way_the_decision_went(position):
    explanation = explain(example_applicants()[position][0])
    assert len(explanation.top) <= 3
    assert all(r.raised == explanation.shortlisted and abs(r.effect) >= 0.1 for r in explanation.top)
    effects = [abs(r.effect) for r in explanation.top]
    assert effects == sorted(effects, reverse=True)
    assert all(r.code.endswith("+" if r.raised else "-") for r in explanation.reasons)


def test_examples_are_real_and_distinct(pool):
    examples = example_applicants()
    ids = [aid for aid, _ in examples]
    assert len(ids) == len(set(ids)) == 5 and set(ids) <= set(pool["applicant_id"])
    older = pool.set_index("applicant_id").loc[ids[1]]
    assert older["age_band"] == "55+" and older["qualified"] == 1 and not explain(ids[1]).shortlisted


@pytest.mark.parametrize("position", range(5))
def test_counterfactuals_flip_the_decision_and_are_the_nearest(pool, position):
    applicant = example_applicants()[position][0]
    model, row = cached_model(), pool[pool["applicant_id"] == applicant].iloc[0]
    shortlisted = model.predict_proba(pool.loc[[row.name]])[0, 1] >= THRESHOLD
    for change in counterfactuals(model, row, pool, THRESHOLD):
        assert change.feature not in NEVER_CHANGE
        changed = pool.loc[[row.name]].assign(**{change.feature: change.new_value})
        assert (model.predict_proba(changed)[0, 1] >= THRESHOLD) != shortlisted
        if change.feature in ("skills_test", "years_experience"):  # one step less would not flip it
            step = 1 if change.new_value > change.value else -1
            nearer = pool.loc[[row.name]].assign(**{change.feature: change.new_value - step})
            assert (model.predict_proba(nearer)[0, 1] >= THRESHOLD) == shortlisted


def test_advice_only_moves_experience_and_education_upwards(pool):
    for applicant, _ in example_applicants():
        explanation = explain(applicant)
        if explanation.shortlisted:
            continue
        for change in explanation.counterfactuals:
            if change.feature == "years_experience":
                assert change.new_value > change.value
            if change.feature == "education":
                levels = feature_texts()["education"].levels
                assert levels.index(change.new_value) > levels.index(change.value)


def test_counterfactuals_never_touch_postcode_or_protected_characteristics():
    names = {f.feature for f in actionable_features()}
    assert names.isdisjoint(NEVER_CHANGE) and "postcode_area" not in names and "referral" not in names


def test_no_counterfactual_when_nothing_can_flip_it(pool):
    model = cached_model()
    row = pool.iloc[0].copy()
    assert counterfactuals(model, row, pool, threshold=1.0) == []  # no score reaches 1.0


def _fake_reasons(monkeypatch, change):
    raw = content.load("reason_codes")
    change(raw)
    monkeypatch.setattr(content, "_read", lambda name: raw)
    _features.feature_texts.cache_clear()


@pytest.mark.parametrize(("change", "message"), [
    (lambda raw: raw["postcode_area"].update(actionable="any", change="living in {new}"),
     "the file as a whole: postcode_area can never be suggested as a change; set actionable: never"),
    (lambda raw: raw.pop("education"), "describe exactly the model inputs .*; missing: education, unknown: none"),
    (lambda raw: raw.update(gender={"code": "G", "name": "Gender", "describe": "{value}", "actionable": "never"}),
     "missing: none, unknown: gender"),
    (lambda raw: raw["skills_test"].update(actionable="sometimes"),
     "'skills_test', 'actionable': should be 'any', 'increase' or 'never'"),
    (lambda raw: raw["skills_test"].pop("change"), "'skills_test': an actionable input needs a 'change' sentence; "
                                                   "add one, or set actionable: never"),
    (lambda raw: raw["referral"].pop("name"), "'referral', 'name': this is missing"),
    (lambda raw: raw["referral"].update(cauton="x"), "'referral', 'cauton': this key is not one the kit reads"),
    (lambda raw: raw["education"].update(levels="GCSE"), "'education', 'levels': should be a valid list"),
], ids=["postcode-actionable", "missing-input", "unknown-input", "bad-actionable", "no-change-text", "no-name",
        "misspelt-key", "wrong-type"])
def test_bad_reason_codes_file_names_the_fix(monkeypatch, change, message):
    _fake_reasons(monkeypatch, change)
    try:
        with pytest.raises(ContentError, match=f"^reason_codes.yaml: .*{message}"):
            feature_texts()
    finally:
        _features.feature_texts.cache_clear()


@pytest.mark.parametrize(("change", "message"), [
    (lambda raw: raw.update(opening="You scored {scor}."), "'opening': the opening may use only the placeholders "
                                                           "{score}, {threshold} and {outcome}"),
    (lambda raw: raw.pop("review"), "'review': this is missing; expected how to ask a person to review"),
    (lambda raw: raw.update(reviw="x"), "'reviw': this key is not one the kit reads"),
    (lambda raw: raw.update(not_used=["a list"]), "'not_used': should be a valid string; expected what the model "
                                                  "never sees"),
])
def test_a_broken_letter_file_names_the_fix(monkeypatch, change, message):
    raw, explanation = content.load("explanation_letter"), explain("A00042")
    change(raw)
    monkeypatch.setattr(content, "_read", lambda name: raw)
    with pytest.raises(ContentError, match=f"^explanation_letter.yaml: {message}"):
        letter(explanation)
    with pytest.raises(ContentError, match=f"^explanation_letter.yaml: {message}"):
        letter_words()  # the doctor's cheap reader, which needs no model


def test_letter_is_plain_and_offers_a_person():
    explanation = explain(example_applicants()[1][0])
    text = "\n".join(letter(explanation))
    assert "not shortlisted" in text and "ask for a person to review" in text
    assert "gender, ethnicity, age" in text and explanation.top[0].text in text


def test_permutation_importance_is_seeded_and_ranks_the_skills_test_first(pool):
    train, test = holdout_split(pool)
    assert len(test) == 1500 and set(train.index).isdisjoint(test.index)
    model = train_screening_model(train)
    first, second = permutation_importances(model, test, repeats=3), permutation_importances(model, test, repeats=3)
    pd.testing.assert_series_equal(first, second)
    assert first.index[0] == "skills_test" and set(first.index) == set(FEATURES)


def test_saved_record_and_section():
    first, second = (explain(aid) for aid, _ in example_applicants()[:2])
    saved = remember(remember(None, first), second)
    saved = remember(saved, first)  # explained again: moves to the end, no duplicate
    assert [r["applicant_id"] for r in saved["explained"]] == [second.applicant_id, first.applicant_id]
    assert saved["current"] == first.applicant_id
    section = explainer_section(saved)
    header, rows = section.table
    assert header[0] == "Applicant" and rows[1][0] == first.applicant_id
    assert rows[1][2] == ("shortlisted" if first.shortlisted else "not shortlisted")
    assert explanation_record(first)["reasons"][0].startswith(first.top[0].code)


@pytest.mark.parametrize("saved", [None, {}, {"explained": []}, {"explained": ["junk"]}, "text", [1]])
def test_sections_are_safe_on_empty_or_odd_values(saved):
    assert explainer_section(saved) is None  # the plan lists the part as not started
    assert remember(saved, explain("A00042"))["explained"][-1]["applicant_id"] == "A00042"


def test_notes_section_keeps_the_text():
    assert notes_section("  We tell applicants <b>first</b>. ").paragraphs == ["We tell applicants <b>first</b>."]
    assert notes_section(None) is None and notes_section("  ") is None


# The exercise checks ------------------------------------------------------------------------

@pytest.fixture(scope="module")
def answers(pool):
    train, test = holdout_split(pool)
    model = train_screening_model(train)
    from sklearn.inspection import permutation_importance

    result = permutation_importance(model, test[list(FEATURES)], test["qualified"], n_repeats=10, random_state=0)
    importance = pd.Series(result.importances_mean, index=list(FEATURES))
    screening = cached_model()
    row = pool[pool["applicant_id"] == "A03050"]
    prepare, weights = screening["prepare"], screening["model"].coef_[0]
    encoded = np.asarray(prepare.transform(pool), float)
    parts = pd.Series(weights * (np.asarray(prepare.transform(row), float)[0] - encoded.mean(0)),
                      index=prepare.get_feature_names_out())
    contrib = pd.Series({f: parts[[n.startswith(f) for n in parts.index]].sum() for f in FEATURES})
    return {"accuracy": float((model.predict(test) == test["qualified"]).mean()), "importance": importance,
            "top": importance.idxmax(), "score": float(screening.predict_proba(row)[0, 1]), "contrib": contrib,
            "reasons": list(contrib[contrib <= -0.1].sort_values().index[:3])}


@pytest.mark.parametrize(("name", "call"), [
    ("accuracy", lambda a: checks.check_holdout_accuracy(a)),
    ("importance", lambda a: checks.check_importance(a)),
    ("top", lambda a: checks.check_most_important(a)),
    ("score", lambda a: checks.check_applicant_score(a, "A03050")),
    ("contrib", lambda a: checks.check_contributions(a, "A03050")),
    ("reasons", lambda a: checks.check_reason_codes(a, "A03050")),
])
def test_checks_pass_right_answers_and_ask_for_missing_ones(answers, name, call):
    assert call(answers[name]).kind == "ok"
    assert call(None).kind == "todo"
    assert call(object()).kind == "retry"


@pytest.mark.parametrize(("call", "hint"), [
    (lambda a: checks.check_applicant_score(1 - a["score"], "A03050"), "not being qualified"),
    (lambda a: checks.check_reason_codes(list(reversed(a["reasons"])), "A03050"), "wrong order"),
    (lambda a: checks.check_holdout_accuracy(a["accuracy"] * 100), "not a percentage"),
    (lambda a: checks.check_importance(a["importance"] * 0), "n_repeats=10"),
])
def test_checks_spot_the_usual_slips(answers, call, hint):
    feedback = call(answers)
    assert feedback.kind == "retry" and hint in feedback.message


# The widgets ----------------------------------------------------------------------------------



def _parts(app):
    picker, row, errors, _notice, view = app.children
    typed, button = row.children
    return picker, typed, button, errors, view


def test_explainer_explains_saves_and_restores(fresh_session):
    from kit.transparency.ui import decision_explainer

    app = decision_explainer()
    picker, typed, button, errors, view = _parts(app)
    assert f"Applicant {picker.value}" in view.value and session.current() is None  # first view saves nothing
    second = picker.options[1][1]
    picker.value = second
    assert f"Applicant {second}" in view.value and typed.value == second
    code = session.current().code
    typed.value = "<b>nobody</b>"
    button.click()
    assert "no applicant with the id" in errors.value and "&lt;b&gt;" in errors.value and "<b>" not in errors.value
    assert session.current().load("transparency.explainer")["current"] == second
    typed.value = "a42"
    button.click()
    assert "Applicant A00042" in view.value and errors.value == ""

    session.reset()  # a reload
    app = decision_explainer()
    session.resume(code)
    picker, typed, *_, view = _parts(app)
    assert typed.value == "A00042" and "Applicant A00042" in view.value


def test_model_card_panel_offers_three_downloads():
    from kit.transparency.ui import model_card_panel

    _errors, downloads, view = model_card_panel().children
    assert downloads.names == ["model-card.md", "model-card.html", "model-card.docx"]
    assert downloads.file("model-card.docx")[:2] == b"PK"  # a Word file is a zip file
    html = view.value
    assert "<h3>Model card" in html and "<h1>" not in html
    assert 'class="kit-table"' in html
