"""The model card: every number measured, checked against independent computations."""

from __future__ import annotations

import pytest

from kit.workshop import content
from kit.workshop.content import ContentError
from kit.data import load_hiring
from kit.transparency import holdout_split
from kit.documents import to_html, to_markdown
from kit.fairness import audit
from kit.hiring import PROTECTED
from kit.hiring import FEATURES, train_screening_model
from kit.transparency import card_words, inputs_table, limitations, measure_model, model_card


@pytest.fixture(scope="module")
def measured():
    return measure_model()


@pytest.fixture(scope="module")
def held_out():
    train, test = holdout_split(load_hiring())
    model = train_screening_model(train)
    decided = (model.predict_proba(test)[:, 1] >= 0.5).astype(int)
    return test.assign(decision=decided)


def test_overall_performance_matches_plain_pandas(measured, held_out):
    ours = measured.overall["this model"]
    truth, decided = held_out["qualified"], held_out["decision"]
    assert ours["accuracy"] == pytest.approx((decided == truth).mean())
    assert ours["selection rate"] == pytest.approx(decided.mean())
    assert ours["true positive rate"] == pytest.approx(decided[truth == 1].mean())
    assert ours["false positive rate"] == pytest.approx(decided[truth == 0].mean())
    assert ours["precision"] == pytest.approx(truth[decided == 1].mean())
    vendor = measured.overall["vendor's tool"]
    assert vendor["accuracy"] == pytest.approx((held_out["shortlisted"] == truth).mean())
    assert measured.n_train + measured.n_test == 5000 and measured.n_test == len(held_out)


def test_group_results_come_from_the_audit(measured, held_out):
    assert set(measured.audits) == set(PROTECTED)
    expected = audit(held_out, "decision", ["age_band"], label="qualified")
    ours = measured.audits["age_band"]
    assert [g.selection_rate for g in ours.by_group] == pytest.approx([g.selection_rate for g in expected.by_group])
    assert [g.name for g in ours.flagged_groups] == [g.name for g in expected.flagged_groups]


def test_settings_are_read_from_the_fitted_model(measured):
    assert measured.settings["model"] == "LogisticRegression"
    assert measured.settings["threshold"] == 0.5 and measured.settings["label"] == "qualified"


def test_inputs_table_lists_every_input_once(measured):
    table = inputs_table(measured)
    assert sorted(table["input"]) == sorted(FEATURES)
    assert table.iloc[0]["input"] == "skills_test"
    assert list(table.iloc[:, 2]) == sorted(table.iloc[:, 2], reverse=True)


def test_limitations_are_measured(measured):
    text = " ".join(limitations(measured))
    pool = load_hiring()
    older = pool.loc[pool["age_band"] == "55+", "skills_test"].mean()
    assert f"{older:.1f}" in text and "postcode_area" in text and "non-binary" in text


def test_card_has_every_section_and_escapes_in_html():
    card = model_card()
    headings = [s.heading for s in card.sections]
    for wanted in ("Model details", "Intended use", "Out of scope", "Inputs (features)",
                   "Performance on held-out applicants", "Performance by group", "Limitations (measured)",
                   "Ethical considerations", "Caveats"):
        assert wanted in headings
    groups = next(s for s in card.sections if s.heading == "Performance by group")
    assert len(groups.table[1]) == sum(len(r.by_group) for r in measure_model().audits.values())
    assert "# Model card" in to_markdown(card)
    assert "<script" not in to_html(card).lower()


@pytest.mark.parametrize(("change", "message"), [
    (lambda words: words.update(caveats=["Fine.", {"Data": "synthetic"}]),
     "'caveats', entry 2: should be a valid string; expected a list of sentences.*in double quotes"),
    (lambda words: words.update(caveat=["x"]), "'caveat': this key is not one the kit reads"),
    (lambda words: words.pop("name"), "'name': this is missing; expected the model's name"),
    (lambda words: words.update(out_of_scope="Deciding alone."), "'out_of_scope': should be a valid list"),
])
def test_a_broken_card_file_names_the_entry_and_the_fix(monkeypatch, change, message):
    words = content.load("model_card")
    change(words)
    monkeypatch.setattr(content, "_read", lambda name: words)
    for read in (card_words, model_card):  # the doctor's cheap reader says what the card would
        with pytest.raises(ContentError, match=f"^model_card.yaml: {message}"):
            read()


def test_the_card_words_are_read_without_measuring_the_model(monkeypatch):
    from kit.transparency import _model_card

    monkeypatch.setattr(_model_card, "measure_model", lambda seed=0: pytest.fail("measured the model"))
    words = card_words()
    assert words.name == content.load("model_card")["name"] and words.caveats
