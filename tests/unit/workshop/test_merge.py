"""Merging a save with one made in another tab: nothing lost, clashes named."""

from __future__ import annotations

import pytest

from kit.workshop import merge


def _risk(ref, title, owner=""):
    return {"ref": ref, "title": title, "owner": owner}


def test_two_tabs_that_each_add_a_risk_keep_both_and_mine_is_renumbered():
    base = {"name": "Chatbot", "risks": [_risk("R1", "Leak")]}
    theirs = {"name": "Chatbot", "risks": [_risk("R1", "Leak"), _risk("R2", "Bias")]}
    mine = {"name": "Chatbot", "risks": [_risk("R1", "Leak"), _risk("R2", "Jobs")]}
    result = merge(base, theirs, mine)
    assert result.value["risks"] == [_risk("R1", "Leak"), _risk("R2", "Bias"), _risk("R3", "Jobs")]
    assert result.renamed == [("R2", "R3")] and result.clashes == []
    assert "R2 (yours is now R3)" in result.summary()


def test_edits_to_different_items_and_fields_both_survive():
    base = {"name": "Chatbot", "risks": [_risk("R1", "Leak"), _risk("R2", "Bias")]}
    theirs = {"name": "Website bot", "risks": [_risk("R1", "Leak", "Ana"), _risk("R2", "Bias")]}
    mine = {"name": "Chatbot", "risks": [_risk("R1", "Leak"), _risk("R2", "Bias", "Ben")]}
    result = merge(base, theirs, mine)
    assert result.value == {"name": "Website bot", "risks": [_risk("R1", "Leak", "Ana"), _risk("R2", "Bias", "Ben")]}
    assert result.clashes == [] and result.renamed == []


def test_a_removal_on_one_side_and_no_change_on_the_other_removes():
    base = [_risk("R1", "Leak"), _risk("R2", "Bias")]
    assert merge(base, [_risk("R1", "Leak")], base).value == [_risk("R1", "Leak")]
    assert merge(base, base, [_risk("R2", "Bias")]).value == [_risk("R2", "Bias")]


def test_the_same_field_changed_on_both_sides_keeps_mine_and_says_so():
    result = merge({"answers": {"q1": "a"}}, {"answers": {"q1": "b"}}, {"answers": {"q1": "c"}})
    assert result.value == {"answers": {"q1": "c"}}
    assert result.clashes == ["answers.q1"]
    assert "your change is the one kept" in result.summary()


@pytest.mark.parametrize(("base", "theirs", "mine", "expected"), [
    (None, {"a": 1}, {"b": 2}, {"a": 1, "b": 2}),          # both saved for the first time
    ("old", "old", "new", "new"),                            # only mine changed
    ("old", "new", "old", "new"),                            # only theirs changed
    ({"a": 1, "b": 2}, {"a": 1}, {"a": 1, "b": 2}, {"a": 1}),  # a key removed elsewhere
    ([1, 2], [1, 2, 3], [1, 2, 4], [1, 2, 4]),              # lists without ids: mine wins, named
])
def test_merge_cases(base, theirs, mine, expected):
    assert merge(base, theirs, mine).value == expected


def test_a_value_deleted_elsewhere_keeps_my_items():
    assert merge([_risk("R1", "a")], None, [_risk("R1", "a"), _risk("R2", "b")]).value == [_risk("R2", "b")]
