"""The risk exercise's checks: None is "to do", the right answer passes, wrong ones get a hint.

The right answers are computed here with plain pandas on the practice table,
independently of the kit's scoring that the checks use.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import pytest

from kit.risk import _checks as checks
from kit.risk import practice_register


@pytest.fixture(scope="module")
def table():
    return practice_register().to_frame(scores=False)


def _bands(values: pd.Series) -> pd.Series:
    def band(v):
        return "low" if v <= 4 else "medium" if v <= 9 else "high" if v <= 15 else "critical"
    return values.map(band)


@pytest.fixture(scope="module")
def answers(table) -> dict[str, Any]:
    scores = table["likelihood"] * table["severity"]
    residual = table["residual_likelihood"] * table["residual_severity"]
    return {
        "scores": scores,
        "bands": _bands(scores),
        "ranked": scores.sort_values(ascending=False, kind="stable").index.tolist(),
        "reduction": scores - residual,
        "biggest_drop": (scores - residual).idxmax(),
        "no_owner": [ref for ref, owner in table["owner"].items() if not owner.strip()],
        "band_counts_after": _bands(residual).value_counts(),
    }


CASES = [
    ("check_scores", "scores"), ("check_bands", "bands"), ("check_ranked", "ranked"),
    ("check_reduction", "reduction"), ("check_biggest_drop", "biggest_drop"), ("check_no_owner", "no_owner"),
    ("check_band_counts_after", "band_counts_after"),
]


@pytest.mark.parametrize(("name", "key"), CASES)
def test_none_is_to_do(name, key):
    assert getattr(checks, name)(None).kind == "todo"


@pytest.mark.parametrize(("name", "key"), CASES)
def test_the_right_answer_passes(name, key, answers):
    feedback = getattr(checks, name)(answers[key])
    assert feedback.passed, feedback


@pytest.mark.parametrize(("name", "key"), CASES)
@pytest.mark.parametrize("junk", [42, "text", [1, 2], {"a": object()}, pd.DataFrame({"x": [1]}), object()])
def test_junk_gets_a_hint_never_an_error(name, key, junk):
    feedback = getattr(checks, name)(junk)
    assert feedback.kind == "retry" and feedback.message


def test_checks_are_exported():
    assert sorted(checks.__all__) == sorted(name for name, _ in CASES)


def test_bands_from_pd_cut_pass_and_a_wrong_boundary_is_named(answers):
    scores = answers["scores"]
    labels = ["low", "medium", "high", "critical"]
    assert checks.check_bands(pd.cut(scores, bins=[0, 4, 9, 15, 25], labels=labels)).passed
    wrong = pd.cut(scores, bins=[0, 4, 9, 14, 25], labels=labels)  # puts 15 in critical
    feedback = checks.check_bands(wrong)
    assert feedback.kind == "retry" and "R1, R8" in feedback.message and "both" in feedback.message


def test_ranked_accepts_any_order_within_ties_and_a_sorted_table(answers, table):
    ranked = answers["ranked"]
    swapped = ranked.copy()
    i, j = ranked.index("R1"), ranked.index("R8")  # both score 15
    swapped[i], swapped[j] = swapped[j], swapped[i]
    assert checks.check_ranked(swapped).passed
    assert checks.check_ranked(table.assign(s=answers["scores"]).sort_values("s", ascending=False)).passed
    assert "lowest first" in checks.check_ranked(ranked[::-1]).message
    assert "every ref once" in checks.check_ranked(ranked[:-1]).message


def test_reduction_the_wrong_way_round_is_named(answers):
    assert "wrong way round" in checks.check_reduction(-answers["reduction"]).message


def test_biggest_drop_hints(answers):
    assert "drops the least" in checks.check_biggest_drop(answers["reduction"].idxmin()).message
    assert "Expected one ref" in checks.check_biggest_drop(["R8"]).message


def test_no_owner_accepts_a_set_a_table_or_an_index(answers, table):
    refs = answers["no_owner"]
    assert checks.check_no_owner(set(refs)).passed
    assert checks.check_no_owner(table.loc[refs]).passed
    assert checks.check_no_owner(pd.Index(refs)).passed
    assert "do have an owner" in checks.check_no_owner(refs + ["R1"]).message
    assert "missing" in checks.check_no_owner(refs[:1]).message
    assert "True/False mask" in checks.check_no_owner(table["owner"].str.strip() == "").message


def test_band_counts_with_or_without_empty_bands_and_before_is_named(answers, table):
    counts = answers["band_counts_after"]
    assert checks.check_band_counts_after(counts[counts > 0]).passed
    assert checks.check_band_counts_after(counts.to_dict()).passed
    before = _bands(answers["scores"]).value_counts()
    assert "before mitigation" in checks.check_band_counts_after(before).message
