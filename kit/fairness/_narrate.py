"""Plain-language sentences about an audit, for people who do not read tables.

Every number the audit reports gets a sentence here: what it measures, and
what it does not show. The wording lives in this one module, so the command
line, the HTML report, the app and the lessons all say the same thing.
"""

from ._fourfifths import FOUR_FIFTHS

__all__ = ["narrate", "METRIC_GUIDE", "audit_warnings"]

#: For each metric: what it means, and what it does not mean.
METRIC_GUIDE = {
    "selection_rate": {
        "means": "The share of a group that received the positive decision "
                 "(hired, approved, shortlisted).",
        "does_not_mean": "It says nothing about whether the decisions were right for the "
                         "individual people, or why a group's rate is what it is.",
    },
    "confidence_interval": {
        "means": "The range of selection rates that fit the data at 95% confidence "
                 "(Wilson score interval): a wide range means few people in the group.",
        "does_not_mean": "It only covers chance in who happened to apply; it does not correct "
                         "for biased records or a changing process.",
    },
    "impact_ratio": {
        "means": "A group's selection rate divided by the highest rate among the judged "
                 "groups; 1 means the same rate, 0.5 means half the rate.",
        "does_not_mean": "A low ratio does not prove discrimination; a ratio near 1 does not "
                         "prove the process is fair to every person.",
    },
    "four_fifths": {
        "means": "The rule of thumb of the US Uniform Guidelines (29 CFR 1607.4 D): a group "
                 "whose selection rate is less than four-fifths (80%) of the highest group's "
                 "rate is flagged for possible adverse impact.",
        "does_not_mean": "The four-fifths rule is a screening signal, not legal proof: failing is a reason to look "
                         "closer at how decisions are made, passing is not a certificate of "
                         "fairness, and with small groups chance alone can decide it.",
    },
    "demographic_parity_difference": {
        "means": "The gap between the highest and the lowest selection rate across all the "
                 "groups shown, in percentage points; 0 means every group is selected at the "
                 "same rate.",
        "does_not_mean": "It ignores who was qualified: equal rates can still hide wrong "
                         "decisions, and unequal rates can have a lawful, job-related reason.",
    },
    "equalized_odds_difference": {
        "means": "The larger of two gaps between groups: in the share of qualified people who "
                 "were selected (true positive rate) and in the share of unqualified people "
                 "who were selected (false positive rate); 0 means equal error rates.",
        "does_not_mean": "It is only as good as the label: if 'qualified' was itself recorded "
                         "unfairly, equal error rates against it prove little.",
    },
    "tpr": {
        "means": "True positive rate: of the qualified people in a group, the share selected.",
        "does_not_mean": "It does not count the unqualified people who were selected.",
    },
    "fpr": {
        "means": "False positive rate: of the unqualified people in a group, the share selected.",
        "does_not_mean": "It does not count the qualified people who were turned away.",
    },
    "precision": {
        "means": "Of the people selected in a group, the share who were qualified.",
        "does_not_mean": "It does not show how many qualified people the process missed.",
    },
}


def _pct(value):
    return "undefined" if value is None else f"{value:.1%}"


def audit_warnings(rows, test, label, min_share, exclude_small):
    """Write the caveats of an audit as plain sentences.

    Parameters
    ----------
    rows : list of GroupResult
        The per-group results.
    test : FourFifths
        The exact four-fifths test behind them.
    label : str or None
        The label column, if any.
    min_share : float
        The smallest share of rows for a group to be judged.
    exclude_small : bool
        Whether small groups were left out of the verdict.

    Returns
    -------
    list of str
        One sentence per caveat, most important first.
    """
    out = []
    if test.passed is None:
        if test.reference is None:
            out.append(
                f"No group can be judged: each is under {min_share:.0%} of the rows or has a "
                "missing value. The four-fifths verdict is left open; collect more data.")
        else:
            anyone = any(r.selected for r in rows)
            where = "any group that can be judged" if anyone else "any group"
            out.append(
                f"Nobody was selected in {where}, so impact ratios are undefined (zero divided "
                "by zero) and the four-fifths test cannot be run.")
    elif sum(r.judged for r in rows) == 1:
        out.append(
            f"Only the group '{rows[test.reference].name}' can be judged, so the four-fifths "
            "test has no other group to compare it with.")
    for i, r in enumerate(rows):
        if r.flip and r.flagged:
            out.append(
                f"Group '{r.name}' is below four-fifths, but one more person selected from it "
                f"({r.selected + 1} of {r.n} instead of {r.selected}) would clear it: "
                "the flag rests on a single decision.")
        elif r.flip:
            out.append(
                f"Group '{r.name}' passes, but one fewer person selected from it "
                f"({r.selected - 1} of {r.n} instead of {r.selected}) would put it below "
                "four-fifths: the pass rests on a single decision.")
    if test.fragile:
        out.append("A single decision would reverse the overall verdict: treat it as borderline.")
    small = [r for r in rows if r.too_small and not r.unknown]
    judged_anyway = "; they are judged anyway, so their results can swing on one or two decisions."
    if len(small) > 5:
        names = ", ".join(f"'{r.name}'" for r in small[:5])
        out.append(f"{len(small)} groups ({names}, ...) each have under {min_share:.0%} of the rows"
                   + (": shown but too small to judge, and left out of the verdict."
                      if exclude_small else judged_anyway))
    else:
        for r in small:
            size = (f"Group '{r.name}' has only {r.n} people ({r.share:.1%} of the rows, "
                    f"under {min_share:.0%})")
            out.append(size + (": it is shown but too small to judge and left out of the verdict."
                               if exclude_small else judged_anyway.replace("they are", "it is")
                               .replace("their results", "its result")))
    for i, r in enumerate(rows):
        if r.unknown and test.ratios[i] is not None and test.ratios[i] < FOUR_FIFTHS:
            out.append(
                f"The rows with a missing group value ('{r.name}') are selected at "
                f"{r.impact_ratio:.0%} of the highest rate; find out who they are before "
                "relying on the verdict.")
    if label is not None:
        for r in rows:
            lacking = [what for what, value in (("qualified", r.tpr), ("unqualified", r.fpr))
                       if value is None]
            if lacking:
                out.append(
                    f"Group '{r.name}' has no {' and no '.join(lacking)} people in '{label}', so "
                    "some of its error rates are undefined and left out of the equalized odds "
                    "difference.")
    return out


def narrate(result):
    """Explain an audit in plain sentences, one idea each.

    The sentences use the audit's own numbers, say what each metric means and
    what it does not mean, and end with the caveats. They are written for a
    manager or a board member, not a statistician.

    Parameters
    ----------
    result : AuditResult
        The output of :func:`kit.fairness.audit`.

    Returns
    -------
    list of str
        Sentences in reading order.
    """
    groups = result.by_group
    columns = " and ".join(f"'{c}'" for c in result.groups)
    out = [
        f"The audit covers {result.rows} people in {len(groups)} groups defined by {columns}. "
        f"'Selected' means the value '{result.positive}' in '{result.outcome}'."
    ]
    high = max(groups, key=lambda g: g.selection_rate)
    low = min(groups, key=lambda g: g.selection_rate)
    out.append(
        f"Selection rate: the share of a group that was selected. It ranges from "
        f"{_pct(low.selection_rate)} ('{low.name}') to {_pct(high.selection_rate)} ('{high.name}'). "
        + METRIC_GUIDE["selection_rate"]["does_not_mean"])
    out.append(
        f"Each rate has a 95% range (Wilson score interval); for '{low.name}' it is "
        f"{_pct(low.ci_low)} to {_pct(low.ci_high)}. Where the ranges of two groups overlap, "
        "the difference between them could be chance.")
    ref = result.reference_group
    if result.four_fifths_pass is None:
        out.append("Four-fifths rule: cannot be judged for this data (see the warnings).")
    else:
        out.append(
            f"Impact ratio: each group's rate divided by the highest judged rate, that of "
            f"'{ref.name}' ({_pct(ref.selection_rate)}). The lowest is "
            f"{result.impact_ratio_min:.3f}.")
        flagged = result.flagged_groups
        if flagged:
            names = ", ".join(f"'{g.name}' ({g.impact_ratio:.3f})" for g in flagged)
            out.append(
                f"Four-fifths rule: FAILED. Below four-fifths (0.8) of the highest rate: {names}.")
        else:
            out.append(
                "Four-fifths rule: passed. Every judged group is selected at four-fifths (0.8) "
                "or more of the highest rate; exactly 0.8 passes, as the rule says "
                "\"less than four-fifths\".")
    out.append(METRIC_GUIDE["four_fifths"]["does_not_mean"])
    out.append(
        f"Demographic parity difference: {result.demographic_parity_difference * 100:.1f} "
        "percentage points between the highest and the lowest selection rate of all groups "
        "shown. " + METRIC_GUIDE["demographic_parity_difference"]["does_not_mean"])
    if result.label is None:
        out.append(
            "Error rates (true and false positive rates, equalized odds) need a label column "
            "with the true answer, such as who was qualified; none was given.")
    else:
        eod = result.equalized_odds_difference
        value = "undefined" if eod is None else f"{eod * 100:.1f} percentage points"
        out.append(
            f"Equalized odds difference against '{result.label}': {value}. "
            + METRIC_GUIDE["equalized_odds_difference"]["means"] + " "
            + METRIC_GUIDE["equalized_odds_difference"]["does_not_mean"])
    not_judged = [g.name for g in groups if not g.judged]
    if not_judged:
        out.append(
            "Shown but not judged (too small, or missing group value): "
            + ", ".join(f"'{n}'" for n in not_judged) + ".")
    return out + [f"Caveat: {w}" for w in result.warnings]
