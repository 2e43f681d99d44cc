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
