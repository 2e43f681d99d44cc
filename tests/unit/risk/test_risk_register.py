"""The register: references, add, edit, remove, sort, owners, band counts and saving."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from kit.risk import Register, RiskInputError, validate_risk


def _risk(title, likelihood=3, severity=3, **more):
    return validate_risk({"title": title, "likelihood": likelihood, "severity": severity, **more})


@pytest.fixture()
def register():
    reg = Register(name="Test chatbot")
    reg.add(_risk("Privacy breach", 3, 5, residual_likelihood=2, residual_severity=4, owner="DPO"))
    reg.add(_risk("Made-up answers", 4, 4, residual_likelihood=2, residual_severity=3))
    reg.add(_risk("Staff worry", 4, 2, owner="HR", residual_likelihood=1))
    reg.add(_risk("Rude replies", 2, 4, owner="   "))
    return reg


def test_refs_are_given_in_order_and_never_reused_while_higher_ones_exist(register):
    assert register.refs() == ["R1", "R2", "R3", "R4"]
    register.remove("R2")
    assert register.add(_risk("New one")).ref == "R5"


def test_a_free_well_formed_ref_is_kept_and_a_taken_one_replaced(register):
    assert register.add(_risk("Imported", ref="R9")).ref == "R9"
    assert register.add(_risk("Clash", ref="R1")).ref == "R10"
    assert register.add(_risk("Odd", ref="=cmd")).ref == "R11"


def test_duplicate_titles_are_refused_whatever_the_case(register):
    with pytest.raises(RiskInputError, match="R1 already has the title"):
        register.add(_risk("PRIVACY BREACH"))


def test_update_keeps_ref_and_place_and_allows_its_own_title(register):
    changed = register.update("R2", _risk("Made-up answers", 5, 4))
    assert changed.ref == "R2" and register.refs() == ["R1", "R2", "R3", "R4"]
    assert register.get("R2").score == 20
    with pytest.raises(RiskInputError):
        register.update("R2", _risk("Staff worry"))


def test_unknown_refs_get_a_plain_error(register):
    for action in (lambda: register.get("R99"), lambda: register.remove("R99"),
                   lambda: register.update("R99", _risk("x"))):
        with pytest.raises(ValueError, match="There is no risk R99"):
            action()


@pytest.mark.parametrize(("by", "expected"), [
    ("score", ["R2", "R1", "R4", "R3"]),     # 16, 15, then two 8s: the more severe (R4) first
    ("residual", ["R1", "R4", "R2", "R3"]),  # 8 and 8 of equal severity: the order added
    ("ref", ["R1", "R2", "R3", "R4"]),
])
def test_sorting(register, by, expected):
    assert [r.ref for r in register.sorted(by)] == expected


def test_sorting_by_score_matches_pandas(register):
    frame = register.to_frame()
    by_pandas = frame.sort_values(["score", "severity"], ascending=False, kind="stable").index.tolist()
    assert [r.ref for r in register.sorted("score")] == by_pandas


def test_unknown_sort_is_refused(register):
    with pytest.raises(ValueError, match="Sort by one of score, residual, ref"):
        register.sorted("owner")


def test_without_owner_counts_blank_text_as_missing(register):
    assert [r.ref for r in register.without_owner()] == ["R2", "R4"]


def test_band_counts_before_and_after(register):
    assert register.band_counts() == {"low": 0, "medium": 2, "high": 1, "critical": 1}
    assert register.band_counts(after=True) == {"low": 1, "medium": 3, "high": 0, "critical": 0}
    assert register.band_summary() == "1 critical, 1 high, 2 medium, 0 low"


def test_saved_form_is_json_and_comes_back_equal(register):
    saved = json.loads(json.dumps(register.to_dict()))
    again = Register.from_dict(saved)
    assert again == register and again.name == "Test chatbot"


def test_restoring_checks_every_risk_again():
    with pytest.raises(RiskInputError):
        Register.from_dict({"name": "x", "risks": [{"title": "Bad", "likelihood": 9, "severity": 1}]})
    assert Register.from_dict(None) == Register()


def test_frame_has_the_scores_an_independent_product_gives(register):
    frame = register.to_frame()
    assert frame.index.name == "ref" and list(frame.index) == register.refs()
    pd.testing.assert_series_equal(frame["score"], (frame["likelihood"] * frame["severity"]).rename("score"))
    assert "score" not in register.to_frame(scores=False).columns
    assert Register().to_frame().empty
