"""Plain-language narration: every metric explained, with its limits."""

import pandas as pd
import pytest

from kit.fairness import METRIC_GUIDE, audit, narrate


def _frame(rates, label=False):
    rows = []
    for name, (n, s) in rates.items():
        rows += [{"g": name, "hired": int(i < s), "ok": int(i % 2 == 0)} for i in range(n)]
    return pd.DataFrame(rows)


@pytest.fixture
def failing():
    return audit(_frame({"A": (100, 60), "B": (100, 45), "C": (100, 48)}), "hired", "g")


def test_every_metric_has_meaning_and_limit():
    for key, guide in METRIC_GUIDE.items():
        assert set(guide) == {"means", "does_not_mean"}, key
        assert guide["means"].endswith(".") and guide["does_not_mean"].endswith(".")
    assert "screening signal, not legal proof" in METRIC_GUIDE["four_fifths"]["does_not_mean"]


def test_failing_audit_is_narrated_with_its_numbers(failing):
    text = narrate(failing)
    assert all(isinstance(s, str) and s for s in text)
    joined = " ".join(text)
    assert "FAILED" in joined and "'B' (0.750)" in joined
    assert "45.0%" in joined and "60.0%" in joined
    assert "screening signal, not legal proof" in joined
    assert "Demographic parity difference: 15.0 percentage points" in joined
    assert "Wilson" in joined and "need a label column" in joined
    assert any(s.startswith("Caveat: ") for s in text)  # 'C' sits on the line


def test_passing_audit_says_exactly_four_fifths_passes():
    text = " ".join(narrate(audit(_frame({"A": (100, 5), "B": (100, 4)}), "hired", "g")))
    assert "passed" in text and "exactly 0.8 passes" in text


def test_label_adds_error_rates():
    result = audit(_frame({"A": (100, 60), "B": (100, 50)}), "hired", "g", label="ok")
    text = " ".join(narrate(result))
    assert "Equalized odds difference against 'ok'" in text and "true positive rate" in text


@pytest.mark.parametrize(("rates", "words"), [
    ({"A": (50, 0), "B": (50, 0)}, "cannot be judged"),
    ({"A": (500, 100), "B": (500, 90), "tiny": (5, 5)}, "Shown but not judged"),
])
def test_open_and_partial_verdicts(rates, words):
    assert words in " ".join(narrate(audit(_frame(rates), "hired", "g")))


def test_headline_differences_are_over_judged_groups():
    # 'tiny' (1% of the rows, all selected) is shown but not judged: the headline gap
    # runs between the judged groups, and the all-groups gap is given beside it.
    frame = _frame({"A": (300, 150), "B": (300, 90), "tiny": (6, 6)}, label=True)
    result = audit(frame, "hired", "g", label="ok")
    text = " ".join(narrate(result))
    rates = frame.groupby("g")["hired"].mean()
    judged = rates[["A", "B"]]
    assert (f"Demographic parity difference: {100 * (judged.max() - judged.min()):.1f} "
            "percentage points between the highest and the lowest selection rate of the "
            "judged groups.") in text
    assert (f"Over all 3 groups shown, including the 1 not judged, it is "
            f"{100 * (rates.max() - rates.min()):.1f} percentage points.") in text
    assert METRIC_GUIDE["all_groups"]["does_not_mean"] in text
    assert f"ranges from {judged.min():.1%} ('B') to {judged.max():.1%} ('A')" in text
    assert "Equalized odds difference against 'ok':" in text and "among the judged groups" in text


def test_all_groups_figure_is_not_repeated_when_every_group_is_judged(failing):
    assert "Over all" not in " ".join(narrate(failing))


def test_no_judged_group_is_narrated_as_undefined():
    result = audit(_frame({"A": (10, 5), "B": (10, 2)}), "hired", "g", label="ok", min_share=0.6)
    text = " ".join(narrate(result))
    assert "Demographic parity difference: undefined" in text
    gap = 100 * (5 / 10 - 2 / 10)
    assert f"Over all 2 groups shown, including the 2 not judged, it is {gap:.1f} percentage points" in text


def test_differences_are_proportions_not_percentage_points():
    # A difference of two selection rates is a difference of proportions: 0.105 is
    # 10.5 percentage points. The guide must not call the proportion "percentage points".
    for key in ("demographic_parity_difference", "equalized_odds_difference", "all_groups"):
        assert "in percentage points" not in METRIC_GUIDE[key]["means"]
    assert "difference of two proportions" in METRIC_GUIDE["demographic_parity_difference"]["means"]
