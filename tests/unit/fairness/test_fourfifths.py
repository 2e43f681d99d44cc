"""The exact four-fifths test, the one-decision caveat and the Wilson interval."""

from fractions import Fraction

import numpy as np
import pytest

from kit.fairness import FOUR_FIFTHS, four_fifths_test, wilson_interval


@pytest.mark.parametrize(("selected", "n", "flagged"), [
    ([5, 4], [100, 100], [False, False]),              # 4/5 exactly: not "less than"
    ([60, 45, 48, 51], [100] * 4, [False, True, False, False]),
    ([20, 16], [25, 20], [False, False]),               # 0.8 / 0.8 = 1
    ([1, 3], [1, 4], [False, True]),                    # 0.75 of a perfect rate
    ([9, 6], [12, 10], [False, False]),                 # 0.6 / 0.75 = 0.8 exactly
])
def test_flags_only_strictly_below_four_fifths(selected, n, flagged):
    test = four_fifths_test(selected, n, [True] * len(n))
    expected = [Fraction(s, k) / max(Fraction(a, b) for a, b in zip(selected, n))
                for s, k in zip(selected, n)]
    assert list(test.ratios) == expected
    assert list(test.flagged) == [r < FOUR_FIFTHS for r in expected] == flagged
    assert test.passed is (not any(flagged))


@pytest.mark.parametrize(("selected", "n"), [([4, 5], [100, 100]), ([6, 9], [10, 12]),
                                             ([3, 9], [10, 24]), ([36, 45], [100, 100])])
def test_exact_where_floats_say_below(selected, n):
    floats = (selected[0] / n[0]) / (selected[1] / n[1])
    assert floats < 0.8  # the float approximation would flag these
    assert four_fifths_test(selected, n, [True, True]).flagged == (False, False)


def test_groups_not_judged_neither_reference_nor_flagged():
    test = four_fifths_test([3, 10, 60], [3, 100, 100], [False, True, True])
    assert test.reference == 2
    assert test.ratios[0] == Fraction(1) / Fraction(60, 100)
    assert test.flagged == (False, True, False)
    assert test.passed is False


@pytest.mark.parametrize(("selected", "n", "judged", "reference"), [
    ([0, 0], [5, 5], [True, True], 0),        # nobody selected: undefined
    ([1, 2], [5, 5], [False, False], None),   # nobody judged
])
def test_verdict_left_open(selected, n, judged, reference):
    test = four_fifths_test(selected, n, judged)
    assert test.passed is None and test.reference == reference
    assert test.ratios == (None, None) and not test.fragile and not any(test.flip)


def test_tie_for_highest_rate_takes_first_group():
    assert four_fifths_test([5, 10], [10, 20], [True, True]).reference == 0


@pytest.mark.parametrize(("selected", "n", "flip", "fragile"), [
    ([60, 48], [100, 100], (False, True), True),     # pass at 0.8; 47 would fail
    ([60, 47], [100, 100], (False, True), True),     # fail at 0.78; 48 would pass
    ([60, 30], [100, 100], (False, False), False),   # far from the line
    ([60, 47, 30], [100] * 3, (False, True, False), False),  # one flag clears, the other stays
    ([1, 1], [1, 2], (True, True), True),            # the reference too: 0 of 1 would flag it
])
def test_one_decision_caveat(selected, n, flip, fragile):
    test = four_fifths_test(selected, n, [True] * len(n))
    assert test.flip == flip
    assert test.fragile is fragile


@pytest.mark.parametrize(("selected", "n"), [(0, 10), (10, 10), (60, 100), (1, 3), (45, 1000)])
def test_wilson_interval_solves_the_score_equation(selected, n):
    low, high = wilson_interval(selected, n)
    # The bounds are the p where |p_hat - p| = z * sqrt(p (1 - p) / n): a quadratic in p.
    z, p_hat = 1.959963984540054, selected / n
    roots = np.sort(np.roots([1 + z * z / n, -(2 * p_hat + z * z / n), p_hat * p_hat]).real)
    assert (low, high) == pytest.approx(tuple(roots), abs=1e-9)
    assert 0 <= low <= p_hat <= high <= 1


def test_wilson_interval_known_value():
    # 60 of 100: 0.5020 to 0.6906 (the textbook value for the Wilson score interval).
    low, high = wilson_interval(60, 100)
    assert round(float(low), 4) == 0.5020 and round(float(high), 4) == 0.6906
    lows, highs = wilson_interval(np.array([1, 2]), np.array([10, 20]))
    assert lows.shape == (2,) and lows[0] < lows[1] and highs[0] > highs[1]
