"""Maturity self-assessment: the model file, level thresholds, the action plan, documents, the app."""

from __future__ import annotations

import io
import random
from fractions import Fraction

import pandas as pd
import pytest
from docx import Document as WordDocument

from kit.workshop import parts
from kit.workshop import content

from kit.workshop import session
from kit.workshop.content import ContentError
from kit.documents import to_docx, to_html, to_markdown
from kit.culture._maturity import (FOCUS, LEVELS, RATINGS, action_plan, assess, clean_ratings, example_assessment,
                                   level_for, load_model, maturity_document, maturity_section, radar_alt, thresholds_text)
from kit.culture import LEVEL_NAMES

DIMENSIONS = ["strategy", "ethics", "leadership", "governance", "measurement", "culture"]


@pytest.fixture(scope="module")
def model():
    return load_model()


def _all(model, dimension_id, rating):
    dimension = next(d for d in model.dimensions if d.id == dimension_id)
    return {s.id: rating for s in dimension.statements}


def test_the_model_covers_the_six_dimensions_with_steps_for_every_level(model):
    assert [d.id for d in model.dimensions] == DIMENSIONS
    for dimension in model.dimensions:
        assert dimension.statements
        assert all(dimension.next_steps[level] for level in LEVEL_NAMES)
    assert [label for _, label in reversed(LEVELS)] == list(LEVEL_NAMES)
    assert [value for value, _ in RATINGS] == [0, 1, 2, 3]


@pytest.mark.parametrize(
    ("share", "level"),
    [(Fraction(1), "Advanced"), (Fraction(3, 4), "Advanced"), (Fraction(749, 1000), "Intermediate"),
     (Fraction(2, 5), "Intermediate"), (Fraction(399, 1000), "Fundamentals"), (Fraction(0), "Fundamentals")],
)
def test_levels_start_exactly_at_their_threshold(share, level):
    assert level_for(share) == level


@pytest.mark.parametrize(
    ("ratings", "percent", "level"),
    [
        ([3, 3, 2, 1], 75, "Advanced"),  # 9 of 12: exactly 75%
        ([3, 2, 2, 1], 66, "Intermediate"),  # 8 of 12 is 66.7%, shown rounded down
        ([2, 1, 1, 1], 41, "Intermediate"),
        ([1, 1, 1, 1], 33, "Fundamentals"),
        ([2, 0], 33, "Fundamentals"),  # only the rated statements count
        ([3, 3], 100, "Advanced"),
        ([], None, "Not assessed"),
    ],
)
def test_dimension_score_is_points_over_three_per_rated_statement(model, ratings, percent, level):
    statements = model.dimensions[0].statements
    result = assess(model, {s.id: r for s, r in zip(statements, ratings)}).results[0]
    assert (result.percent, result.level, result.rated) == (percent, level, len(ratings))


def test_scores_match_pandas(model):
    rng = random.Random(10)
    rows = [(d.id, s.id) for d in model.dimensions for s in d.statements]
    for _ in range(30):
        ratings = {sid: rng.randrange(4) for _, sid in rows if rng.random() < 0.7}
        frame = pd.DataFrame([(d, ratings[s]) for d, s in rows if s in ratings], columns=["dimension", "rating"])
        expected = (frame.groupby("dimension")["rating"].mean() / 3).to_dict()
        for result in assess(model, ratings).results:
            if result.dimension.id in expected:
                assert float(result.share) == pytest.approx(expected[result.dimension.id])
            else:
                assert result.share is None


def test_plan_takes_the_weakest_dimensions_below_advanced(model):
    ratings = {**_all(model, "strategy", 3), **_all(model, "ethics", 1), **_all(model, "culture", 0),
               **_all(model, "governance", 2)}
    plan = action_plan(assess(model, ratings))
    assert [(item.result.dimension.id, item.result.level) for item in plan] == [("culture", "Fundamentals"),
                                                                               ("ethics", "Fundamentals")]
    culture = next(d for d in model.dimensions if d.id == "culture")
    assert plan[0].steps == culture.next_steps["Fundamentals"]
    assert len(plan[0].result.gaps) == len(culture.statements)
    assert len(action_plan(assess(model, ratings), focus=3)) == 3


def test_ties_keep_the_order_of_the_file(model):
    ratings = {**_all(model, "measurement", 1), **_all(model, "leadership", 1), **_all(model, "ethics", 1)}
    plan = action_plan(assess(model, ratings))
    assert [item.result.dimension.id for item in plan] == ["ethics", "leadership"]
    assert FOCUS == len(plan)


def test_when_everything_is_advanced_the_plan_keeps_the_weakest_there(model):
    ratings = {s.id: 3 for s in model.statements}
    ratings[model.dimensions[2].statements[0].id] = 2
    plan = action_plan(assess(model, ratings))
    assert [(item.result.dimension.id, item.result.level) for item in plan] == [("leadership", "Advanced")]
    assert plan[0].steps == model.dimensions[2].next_steps["Advanced"]
    assert action_plan(assess(model, {})) == []


@pytest.mark.parametrize(
    ("raw", "kept"),
    [({"strategy-budget": 2}, {"strategy-budget": 2}), ({"gone": 1}, {}), ({"strategy-budget": 4}, {}),
     ({"strategy-budget": "2"}, {}), ({"strategy-budget": True}, {}), (None, {})],
)
def test_saved_ratings_that_no_longer_fit_are_dropped(model, raw, kept):
    assert clean_ratings(model, raw) == kept


def test_alt_text_names_every_dimension_and_the_thresholds(model):
    alt = radar_alt(assess(model, _all(model, "ethics", 2)))
    assert "Ethics 66% (Intermediate)" in alt and "Strategy not assessed (drawn at 0)" in alt
    assert "40% and 75%" in alt and "Weakest: Ethics." in alt
    assert "Advanced: 75% or more" in thresholds_text() and "Fundamentals: below 40%" in thresholds_text()


def test_the_worked_example_starts_with_measurement(model):
    plan = action_plan(example_assessment(model))
    assert plan[0].result.dimension.id == "measurement"
    assert sum(r.rated for r in example_assessment(model).results) == len(model.statements)


def test_document_escapes_the_organisation_in_every_format(model):
    ratings = {**_all(model, "culture", 1), "strategy-budget": 3}
    doc = maturity_document(assess(model, ratings, "<script>alert(1)</script>"), model, ratings)
    headings = [s.heading for s in doc.sections]
    assert headings[0] == "Where you are now" and headings[-1] == "Your ratings"
    assert "Next steps: Culture (Fundamentals, 33%)" in headings
    assert len(doc.sections[-1].table[1]) == len(ratings)
    assert "\\<script\\>" in to_markdown(doc)
    assert "<script>alert" not in to_html(doc)
    word = WordDocument(io.BytesIO(to_docx(doc)))
    assert word.paragraphs[0].text == "AI ethics maturity and action plan for <script>alert(1)</script>"


def test_section_for_the_action_plan(model):
    assert maturity_section(None) is None and maturity_section({"ratings": {}}, model) is None  # not started
    section = maturity_section({"ratings": _all(model, "governance", 0)}, model)
    assert section.heading == "AI ethics maturity"
    assert section.bullets == [f"Governance: {step}" for step in model.dimensions[3].next_steps["Fundamentals"]]
    assert section.table[1][3] == ["Governance", "4 of 4", 0, "Fundamentals"]


def _model(**changes):
    dimension = {"id": "d", "title": "D", "statements": [{"id": "s", "text": "S"}],
                 "next_steps": {level: ["step"] for level in LEVEL_NAMES}}
    dimension.update(changes)
    return {"dimensions": [dimension]}


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ({}, "'dimensions': this is missing; expected a list of dimensions"),
        (_model(id="Bad Id"), "'dimensions', entry 1 \\('Bad Id'\\), 'id': .*; expected a short id in small letters"),
        (_model(title=""), "entry 1 \\('d'\\), 'title': .*; expected the dimension's name"),
        (_model(titel="D"), "entry 1 \\('d'\\), 'titel': this key is not one the kit reads"),
        (_model(statements=[{"id": "s"}]), "'statements', entry 1 \\('s'\\), 'text': this is missing; expected "
                                           "the statement"),
        (_model(next_steps={"Fundamentals": ["x"], "Intermediate": ["y"]}),
         "'next_steps', 'Advanced': this is missing; expected a list of next steps"),
        (_model(next_steps={**{level: ["x"] for level in LEVEL_NAMES}, "Expert": ["z"]}),
         "'next_steps', 'Expert': this key is not one the kit reads"),
        (_model(next_steps={**{level: ["x"] for level in LEVEL_NAMES}, "Advanced": [{"Support peers": "share"}]}),
         "'next_steps', 'Advanced', entry 1: should be a valid string"),
        ({"dimensions": [_model()["dimensions"][0]] * 2}, "two dimensions share the id d; give each its own"),
        ({"dimensions": [_model()["dimensions"][0], _model(id="e")["dimensions"][0]]},
         "'dimensions': two statements share the id s; give each its own"),
        ({**_model(), "example": {"ratings": {"s": 5}}}, "'example', 'ratings', 's': .*; expected a name, and "
                                                         "ratings from 0 to 3"),
        ({**_model(), "example": {"ratings": {"s": True}}}, "'example', 'ratings', 's': should be a valid integer"),
        ({**_model(), "example": {"ratings": {"nope": 1}}}, "the example rates 'nope', which no dimension has; use "
                                                            "a statement id such as s"),
    ],
)
def test_mistakes_in_the_model_file_name_the_fix(monkeypatch, raw, message):
    monkeypatch.setattr(content, "_read", lambda name: raw)
    with pytest.raises(ContentError, match=f"^maturity.yaml: .*{message}"):
        load_model()




def _radio(app, sid):
    return next(w for w in app.children if f"kit-s-{sid}" in w._dom_classes)


def test_the_app_saves_as_you_go_and_restores_on_reopen(fresh_session):
    from kit.culture.ui import maturity_app

    app = maturity_app()
    _radio(app, "culture-speak-up").value = 1
    view = app.children[-1].value
    assert "Culture: Fundamentals (33%)" in view and "Set up a confidential way to raise concerns" in view
    workspace = session.current()
    assert workspace.load(parts.MATURITY.key) == {"organisation": "", "ratings": {"culture-speak-up": 1}}
    session.reset()  # a reload: new kernel, new widgets
    again = maturity_app()
    assert _radio(again, "culture-speak-up").value is None
    session.resume(workspace.code)
    assert _radio(again, "culture-speak-up").value == 1 and "Culture: Fundamentals (33%)" in again.children[-1].value
