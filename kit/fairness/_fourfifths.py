"""The four-fifths test in exact arithmetic, the one-decision caveat, and rate intervals.

The US Uniform Guidelines on Employee Selection Procedures (29 CFR 1607.4 D)
call a selection rate "less than four-fifths (4/5) (or eighty percent) of the
rate for the group with the highest rate" evidence of adverse impact. The test
is a strict "less than": a rate of exactly 4/5 of the highest passes. Floating
point cannot always tell 0.8 from 0.7999999999999999, so every rate here is a
:class:`fractions.Fraction` of whole counts and the comparison is exact.
"""

from dataclasses import dataclass
from fractions import Fraction
from statistics import NormalDist

import numpy as np

__all__ = ["FOUR_FIFTHS", "FourFifths", "four_fifths_test", "wilson_interval"]

#: The threshold of the rule, as an exact fraction.
FOUR_FIFTHS = Fraction(4, 5)

#: Groups under this share of the pool are reported but, by default, "too small to judge".
MIN_SHARE = 0.02

_Z95 = NormalDist().inv_cdf(0.975)


@dataclass(frozen=True)
class FourFifths:
    """The outcome of the four-fifths test on a set of groups.

    Attributes
    ----------
    reference : int or None
        Position of the judged group with the highest selection rate (the first
        one on a tie); None when no group can be judged.
    ratios : tuple of Fraction or None
        Each group's rate divided by the reference rate, for every group,
        judged or not; None when the reference rate is zero (0/0 is undefined).
    flagged : tuple of bool
        True for a judged group whose ratio is strictly below 4/5.
    passed : bool or None
        True when no judged group is flagged; None when the test cannot be run
        (no judged group, or nobody selected in the judged groups).
    flip : tuple of bool
        True when one decision would change the group's own result: one more
        person selected would clear a flagged group, or one fewer would flag
        a group that passes. Always False for groups that are not judged.
    fragile : bool
        True when a single decision of that kind would reverse the overall
        verdict (fail to pass, or pass to fail).
    """

    reference: int | None
    ratios: tuple
    flagged: tuple
    passed: bool | None
    flip: tuple
    fragile: bool


def _judge(rates, judged):
    """Return (reference, ratios, flagged, passed) for exact rates."""
    candidates = [i for i, ok in enumerate(judged) if ok]
    if not candidates:
        return None, (None,) * len(rates), (False,) * len(rates), None
    # max() keeps the first of equal rates, so ties resolve by group order.
    reference = max(candidates, key=lambda i: rates[i])
    top = rates[reference]
    if top == 0:
        return reference, (None,) * len(rates), (False,) * len(rates), None
    ratios = tuple(rate / top for rate in rates)
    flagged = tuple(ok and ratio < FOUR_FIFTHS for ok, ratio in zip(judged, ratios))
    return reference, ratios, flagged, not any(flagged)


def four_fifths_test(selected, n, judged):
    """Run the four-fifths test exactly, with the one-decision caveat.

    Each group's selection rate is ``Fraction(selected, n)``. The reference is
    the judged group with the highest rate; a judged group is flagged when its
    rate divided by the reference rate is strictly less than ``Fraction(4, 5)``.
    Groups that are not judged (too small, or rows with a missing group value)
    get a ratio for display but can neither be the reference nor be flagged.

    The caveat asks whether the verdict hangs on one person: for a flagged
    group, would one more selection (``selected + 1``, same ``n``) clear it;
    for a group that passes, would one fewer selection flag it? Each "what if"
    reruns the whole test, because a changed rate can also change which group
    is the reference.

    Parameters
    ----------
    selected : sequence of int
        Number of people selected in each group.
    n : sequence of int
        Number of people in each group (each at least 1).
    judged : sequence of bool
        Whether each group takes part in the verdict.

    Returns
    -------
    FourFifths
        Reference group, exact ratios, flags, verdict and caveat.
    """
    selected = [int(s) for s in selected]
    n = [int(k) for k in n]
    judged = [bool(j) for j in judged]
    rates = [Fraction(s, k) for s, k in zip(selected, n)]
    reference, ratios, flagged, passed = _judge(rates, judged)
    flip = [False] * len(rates)
    fragile = False
    if passed is not None:
        for i, ok in enumerate(judged):
            if not ok:
                continue
            step = 1 if flagged[i] else -1
            if not 0 <= selected[i] + step <= n[i]:
                continue
            changed = list(rates)
            changed[i] = Fraction(selected[i] + step, n[i])
            _, _, new_flagged, new_passed = _judge(changed, judged)
            flip[i] = new_flagged[i] != flagged[i]
            fragile = fragile or (new_passed is not None and new_passed != passed)
    return FourFifths(reference, ratios, flagged, passed, tuple(flip), fragile)


def wilson_interval(selected, n, z=_Z95):
    """Wilson score interval for a selection rate (95% by default).

    The interval is the range of true rates that fit the observed count. The
    Wilson score interval is used rather than "rate plus or minus 1.96 standard
    errors" because it stays inside 0 to 1 and behaves well for small groups
    and for rates near 0% or 100% (Wilson 1927; Brown, Cai and DasGupta 2001).

    Parameters
    ----------
    selected : int or array of int
        People selected.
    n : int or array of int
        People in the group (at least 1).
    z : float, default the 97.5% normal quantile (1.95996...)
        Width in standard normal units; the default gives 95% confidence.

    Returns
    -------
    (low, high) : tuple of float or of arrays
        Lower and upper bound of the interval.
    """
    selected = np.asarray(selected, dtype=float)
    n = np.asarray(n, dtype=float)
    p = selected / n
    denominator = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denominator
    half = z / denominator * np.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    # At 0 and at 100% the exact bound is 0 or 1; rounding would leave 1e-17.
    low = np.where(selected == 0, 0.0, np.clip(centre - half, 0.0, 1.0))
    high = np.where(selected == n, 1.0, np.clip(centre + half, 0.0, 1.0))
    return (low, high) if low.ndim else (float(low), float(high))
