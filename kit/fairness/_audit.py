"""Selection rates, impact ratios and error rates by group, fast and exact.

:func:`audit` is the engine behind the lessons, the app and ``kit audit``. It
counts with numpy on integer group codes (one pass over the rows, no Python
loop over people), so a million rows take well under a second, and judges the
four-fifths rule on whole counts in exact fractions (see ``_fourfifths``).
Its numbers are checked in the tests against plain pandas and against
fairlearn's ``MetricFrame``, ``demographic_parity_difference`` and
``equalized_odds_difference``, which compute the same quantities (the
headline differences on the rows of the judged groups, the ``*_all_groups``
figures on every row).
"""

from fractions import Fraction
from numbers import Real

import numpy as np
import pandas as pd

from ._csv import _check, _text
from ._errors import AuditInputError
from ._fourfifths import MIN_SHARE, four_fifths_test, wilson_interval
from ._narrate import audit_warnings
from ._result import MISSING_GROUP, AuditResult, GroupResult

__all__ = ["audit", "AuditResult", "GroupResult", "MISSING_GROUP"]

#: More groups than this is a sign of an ID column used as a protected column.
MAX_GROUPS = 1000


def _codes(series):
    """Integer codes (missing last), display labels, and the missing code."""
    try:
        codes, uniques = pd.factorize(series, sort=True)
    except TypeError:  # values that cannot be ordered, such as 1 and "a"
        codes, uniques = pd.factorize(series, sort=False)
    labels = [_text(value) for value in uniques]
    missing = MISSING_GROUP if MISSING_GROUP not in labels else f"{MISSING_GROUP} (missing)"
    codes = np.where(codes < 0, len(labels), codes)
    return codes, labels + [missing], len(labels)


def _count(codes, size, mask=None):
    return np.bincount(codes if mask is None else codes[mask], minlength=size)


def _ratio_or_none(top, bottom):
    return float(top / bottom) if bottom else None


def _spread(values):
    defined = [v for v in values if v is not None]
    return max(defined) - min(defined) if defined else None


def _differences(rows, label):
    """Demographic parity and equalized odds differences over ``rows``.

    The parity difference is the highest minus the lowest selection rate, in
    exact fractions; the equalized odds difference the larger of the TPR and
    FPR spreads, leaving out rates that are undefined (a group with nobody
    qualified has no TPR). Both are None when ``rows`` is empty, and the odds
    difference is None without a label.
    """
    if not rows:
        return None, None
    rates = [Fraction(r.selected, r.n) for r in rows]
    eod = None
    if label is not None:
        spreads = [_spread([r.tpr for r in rows]), _spread([r.fpr for r in rows])]
        defined = [s for s in spreads if s is not None]
        eod = max(defined) if defined else None
    return float(max(rates) - min(rates)), eod


def _combine(df, groups, keep, warnings):
    """One integer code per row for its combination of group values.

    Codes follow the sorted order of the values, column by column (missing
    values last), so groups come out sorted. Returns the codes of the kept
    rows, the number of possible codes, and per column its name, labels,
    codes and missing code; appends a warning per column with missing values.
    """
    combined, size, parts = 0, 1, []
    for column in groups:
        codes, labels, missing_code = _codes(df[column])
        codes = codes[keep]
        missing = int((codes == missing_code).sum())
        if missing:
            warnings.append(
                f"{missing} rows have no value in '{column}'. They are shown as the group "
                f"'{labels[-1]}' and are neither the reference group nor judged.")
        combined = combined * len(labels) + codes.astype(np.int64)
        size *= len(labels)
        if size > max(len(combined), 1 << 20):  # many sparse combinations: renumber, in order
            uniques, combined = np.unique(combined, return_inverse=True)
            size = len(uniques)
        parts.append((column, labels, codes, missing_code))
    return combined, size, parts


def audit(df, outcome, groups, label=None, positive=1, min_share=MIN_SHARE, exclude_small=True):
    """Audit a set of decisions for adverse impact on protected groups.

    For each group (each value of the protected column, or each combination of
    values when several columns are given, so that "women over 50" is its own
    group) the audit counts people and selections and reports the selection
    rate with a 95% Wilson confidence interval and the impact ratio: the rate
    divided by the highest rate among the judged groups. The four-fifths test
    flags a group whose ratio is strictly below 4/5, computed exactly.

    Groups smaller than ``min_share`` of the rows are shown but, by default,
    marked "too small to judge" and left out of the verdict: with a handful of
    people, one decision moves the rate by many points. Rows with a missing
    group value form the group "unknown": reported, never dropped, but neither
    the reference nor judged. Rows with a missing outcome are left out, with a
    warning. With a ``label`` (the true answer, such as "qualified") the audit
    adds the true positive rate, false positive rate and precision per group
    and the equalized odds difference.

    The demographic parity and equalized odds differences are reported twice.
    The headline figures cover the judged groups only, the groups the verdict
    weighs: a group of two people selected at 0% or 100% would otherwise set
    the gap on its own. The ``*_all_groups`` figures cover every group shown,
    small and "unknown" groups included, as fairlearn's
    ``demographic_parity_difference`` and ``equalized_odds_difference`` do on
    the same rows. Both are differences of two proportions: 0.105 is a gap of
    10.5 percentage points.

    Parameters
    ----------
    df : pandas.DataFrame
        One row per person.
    outcome : str
        Column with the decision; two values, one of them ``positive``.
    groups : str or list of str
        Protected column(s); several columns are combined.
    label : str, optional
        Column with the true answer; two values, one of them ``positive``.
    positive : object, default 1
        Value meaning "selected" (and "qualified"); compared loosely, so
        ``"1"`` matches an integer column and ``"yes"`` a text column.
    min_share : float, default 0.02
        Smallest share of the rows (0.02 = 2%) for a group to be judged.
    exclude_small : bool, default True
        Leave groups under ``min_share`` out of the verdict and out of the
        choice of reference group. False judges every group.

    Returns
    -------
    AuditResult
        Per-group results, the verdict, summary metrics and warnings.

    Raises
    ------
    AuditInputError
        When the data or the arguments cannot give a meaningful audit.
    """
    if isinstance(min_share, bool) or not isinstance(min_share, Real) or not 0 <= min_share < 1:
        raise AuditInputError(
            f"min_share must be a share between 0 and 1 (0.02 means 2%), not {min_share!r}.")
    checked = _check(df, outcome, groups, label, positive)
    groups = checked.groups
    warnings = []

    has_outcome = df[outcome].notna().to_numpy()
    selected = df[outcome].isin(checked.outcome_positive).to_numpy()
    dropped = int((~has_outcome).sum())
    if dropped:
        warnings.append(
            f"{dropped} rows have no value in '{outcome}' (no decision recorded); "
            "they are left out of the audit.")
    if len(checked.outcome_values) == 1:
        only = _text(checked.outcome_values[0])
        everyone = "everyone" if checked.outcome_positive else "nobody"
        warnings.append(
            f"The outcome column '{outcome}' holds only the value '{only}', so {everyone} "
            f"counts as selected (positive = '{_text(positive)}'). If that is wrong, check "
            "the spelling of the positive value.")

    keep = has_outcome if dropped else slice(None)
    combined, size, parts = _combine(df, groups, keep, warnings)
    n_all = _count(combined, size)
    present = np.flatnonzero(n_all)
    if len(present) > MAX_GROUPS:
        raise AuditInputError(
            f"The group columns make {len(present)} different groups. A protected column holds "
            "categories (such as sex or age band), not names or IDs: choose fewer or coarser "
            "--group columns.")
    n = n_all[present]
    selected = selected[keep]
    chosen = _count(combined, size, selected)[present]
    if label is not None:
        qualified = df[label].isin(checked.label_positive).to_numpy()[keep]
        positives = _count(combined, size, qualified)[present]
        true_pos = _count(combined, size, qualified & selected)[present]
        false_pos = _count(combined, size, ~qualified & selected)[present]
    # Read each group's column values from any one of its rows (they all agree).
    row_of = np.empty(size, dtype=np.int64)
    row_of[combined] = np.arange(len(combined))
    rows_at = row_of[present]
    parts = [(column, labels, codes[rows_at], codes[rows_at] == missing_code)
             for column, labels, codes, missing_code in parts]
    total = int(n.sum())
    threshold = Fraction(str(min_share))
    unknown = np.any([is_missing for *_, is_missing in parts], axis=0)
    small = [Fraction(int(k), total) < threshold for k in n]
    judged = [not u and not (s and exclude_small) for u, s in zip(unknown, small)]
    test = four_fifths_test(chosen, n, judged)
    low, high = wilson_interval(chosen, n)

    rows = []
    for i in range(len(n)):
        if label is None:
            tpr = fpr = precision = None
        else:
            tpr = _ratio_or_none(int(true_pos[i]), int(positives[i]))
            fpr = _ratio_or_none(int(false_pos[i]), int(n[i] - positives[i]))
            precision = _ratio_or_none(int(true_pos[i]), int(chosen[i]))
        ratio = test.ratios[i]
        rows.append(GroupResult(
            group={column: labels[code[i]] for column, labels, code, _ in parts},
            n=int(n[i]), selected=int(chosen[i]), selection_rate=int(chosen[i]) / int(n[i]),
            ci_low=float(low[i]), ci_high=float(high[i]), share=int(n[i]) / total,
            impact_ratio=None if ratio is None else float(ratio),
            unknown=bool(unknown[i]), too_small=bool(small[i]), judged=judged[i],
            reference=test.reference == i, flagged=test.flagged[i], flip=test.flip[i],
            tpr=tpr, fpr=fpr, precision=precision))

    ratios_judged = [r.impact_ratio for r in rows if r.judged and r.impact_ratio is not None]
    warnings += audit_warnings(rows, test, label, min_share, exclude_small)
    dpd, eod = _differences([r for r in rows if r.judged], label)
    dpd_all, eod_all = _differences(rows, label)
    return AuditResult(
        rows=total, outcome=outcome, groups=tuple(groups), label=label, positive=positive,
        min_share=min_share, exclude_small=exclude_small, by_group=tuple(rows),
        impact_ratio_min=min(ratios_judged) if ratios_judged else None,
        four_fifths_pass=test.passed, fragile=test.fragile,
        demographic_parity_difference=dpd, equalized_odds_difference=eod,
        demographic_parity_difference_all_groups=dpd_all,
        equalized_odds_difference_all_groups=eod_all, warnings=warnings)
