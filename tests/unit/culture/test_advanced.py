"""Five advanced moves: the Advanced stage's dimensions as the framework lists them, choices and their reading."""

from __future__ import annotations

import pytest

from kit.culture import AdvancedMoves, assess_moves, load_moves, moves_section
from kit.culture._advanced import MAX_STEP, clean_moves, clean_step, moves_document
from kit.documents import to_html
from kit.workshop.content import ContentError, load, validate


@pytest.fixture(scope="module")
def activity() -> AdvancedMoves:
    return load_moves()


def test_the_five_dimensions_are_the_framework_s_own_in_its_order(activity):
    assert [d.title for d in activity.dimensions] == [
        "Proactive ethical innovation", "Systemic ethical thinking", "Ethical advocacy and influence",
        "Long-term value creation", "Human–AI flourishing"]
    for dimension in activity.dimensions:
        kinds = {move.advanced for move in dimension.moves}
        assert kinds == {True, False}, dimension.id  # every choice teaches the difference
        assert dimension.example and dimension.question.endswith("?")


def _earlier(dimension):
    return next(m for m in dimension.moves if not m.advanced)


def _advanced(dimension):
    return next(m for m in dimension.moves if m.advanced)


def test_an_earlier_stage_move_is_named_and_the_plan_counts_what_starts_soon(activity):
    first, second = activity.dimensions[:2]
    saved = {first.id: {"move": _advanced(first).id, "step": "Design session", "when": "quarter"},
             second.id: {"move": _earlier(second).id, "step": "", "when": "later"}}
    result = assess_moves(activity, saved)
    assert [c.dimension.id for c in result.advanced] == [first.id]
    assert [c.dimension.id for c in result.not_yet] == [second.id]
    assert len(result.starting("quarter")) == 1
    text = result.summary()
    assert text.startswith("1 of 5 dimensions have an Advanced move; 1 start this quarter.")
    assert f"Look again at {second.title}" in text


def test_nothing_this_quarter_asks_for_a_first_step(activity):
    first = activity.dimensions[0]
    result = assess_moves(activity, {first.id: {"move": _advanced(first).id, "when": "later"}})
    assert "Nothing starts this quarter" in result.summary()


def test_every_dimension_with_an_advanced_move_and_a_step_says_so(activity):
    saved = {d.id: {"move": _advanced(d).id, "step": "Go", "when": "year"} for d in activity.dimensions}
    assert assess_moves(activity, saved).summary().endswith("Every dimension has a move and a first step.")


def test_choices_the_activity_no_longer_knows_are_dropped(activity):
    first = activity.dimensions[0]
    kept = clean_moves(activity, {first.id: {"move": "gone", "when": "someday", "step": " A  step "},
                                  "no-such": {"move": "x"}})
    assert kept == {first.id: {"move": "", "step": "A step", "when": ""}}
    assert clean_moves(activity, "junk") == {}


def test_a_long_first_step_is_refused_with_the_fix():
    with pytest.raises(ValueError, match=f"shorten it to {MAX_STEP}"):
        clean_step("x" * (MAX_STEP + 1))


def test_the_plan_section_and_document(activity):
    assert moves_section({"moves": {}}) is None
    first = activity.dimensions[0]
    saved = {"moves": {first.id: {"move": _advanced(first).id, "step": "<b>Go</b>", "when": "quarter"}}}
    section = moves_section(saved)
    header, rows = section.table
    assert section.heading == "Five advanced moves" and rows[0][2] == "Advanced" and rows[0][4] == "This quarter"
    html = to_html(moves_document(activity, saved["moves"]))
    assert "<b>Go</b>" not in html and "&lt;b&gt;Go&lt;/b&gt;" in html


def test_a_dimension_whose_moves_are_all_advanced_is_refused():
    data = load("advanced_moves")
    for move in data["dimensions"][0]["moves"]:
        move["advanced"] = True
    with pytest.raises(ContentError, match="advanced_moves.yaml.*advanced: false"):
        validate(data, AdvancedMoves, where="advanced_moves.yaml")
