"""Plain-language sentences about an audit, for people who do not read tables.

Every number the audit reports gets a sentence here: what it measures, and
what it does not show. The wording lives in this one module, so the command
line, the HTML report, the app and the lessons all say the same thing.
"""

from ._fourfifths import FOUR_FIFTHS

__all__ = ["narrate", "METRIC_GUIDE", "audit_warnings", "difference_lines"]

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
        "means": "The gap between the highest and the lowest selection rate among the judged "
                 "groups, the groups the four-fifths verdict weighs. It is a difference of two "
                 "proportions, from 0 to 1 (times 100 gives percentage points): 0 means every "
                 "judged group is selected at the same rate, 1 that one group always is and "
                 "another never.",
        "does_not_mean": "It ignores who was qualified: equal rates can still hide wrong "
                         "decisions, and unequal rates can have a lawful, job-related reason.",
    },
    "equalized_odds_difference": {
        "means": "The larger of two gaps between the judged groups: in the share of qualified "
                 "people who were selected (true positive rate) and in the share of unqualified "
                 "people who were selected (false positive rate); 0 means equal error rates.",
        "does_not_mean": "It is only as good as the label: if 'qualified' was itself recorded "
                         "unfairly, equal error rates against it prove little.",
    },
    "all_groups": {
        "means": "The same difference over every group shown, including groups too small to "
                 "judge and rows with no group value.",
        "does_not_mean": "It is not a sharper measure of the process: one or two decisions move "
                         "a small group's rate by many percentage points, so a small group can "
                         "set this figure on its own.",
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


def _points(value):
    """A difference of two proportions in words: 0.105 is '10.5 percentage points'."""
    return "undefined" if value is None else f"{value * 100:.1f} percentage points"


def difference_lines(result):
    """The headline differences and their all-groups figures, labelled, for display.

    The command line and the HTML report show the same labels: first each
    headline figure over the judged groups, then the same difference over
    every group shown. Values are written both as a proportion and in
    percentage points ("0.219 (21.9 percentage points)"), so neither can be
    mistaken for the other.

    Parameters
    ----------
    result : AuditResult
        The output of :func:`kit.fairness.audit`.

    Returns
    -------
    list of (str, str, str)
        Label, value and the :data:`METRIC_GUIDE` key that explains it.
    """
    judged, shown = len(result.judged_groups), len(result.by_group)
    scope = ("no group can be judged" if not judged
             else "over the judged group" if judged == 1 else f"over the {judged} judged groups")
    everyone = f"over all {shown} groups shown" + (
        f", with the {shown - judged} not judged" if judged < shown else "")

    def value(number):
        return "undefined" if number is None else f"{number:.3f} ({_points(number)})"

    metrics = [("Demographic parity difference", result.demographic_parity_difference,
                result.demographic_parity_difference_all_groups, "demographic_parity_difference")]
    if result.label is not None:
        metrics.append(("Equalized odds difference", result.equalized_odds_difference,
                        result.equalized_odds_difference_all_groups, "equalized_odds_difference"))
    lines = []
    for name, headline, all_groups, key in metrics:
        lines += [(f"{name}, {scope}", value(headline), key),
                  (f"{name}, {everyone}", value(all_groups), "all_groups")]
    return lines


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
                which = "" if r.judged else " over all groups (it is not judged)"
                out.append(
                    f"Group '{r.name}' has no {' and no '.join(lacking)} people in '{label}', so "
                    "some of its error rates are undefined and left out of the equalized odds "
                    f"difference{which}.")
    return out


def _all_groups(result, headline, all_groups):
    """The all-groups figure in a sentence, when some groups were set aside; else ''."""
    shown, judged = len(result.by_group), len(result.judged_groups)
    if judged == shown:
        return ""
    text = (f"Over all {shown} groups shown, including the {shown - judged} not judged, "
            f"it is {_points(all_groups)}. ")
    if headline is not None and all_groups is not None and all_groups > headline:
        text += METRIC_GUIDE["all_groups"]["does_not_mean"] + " "
    return text


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
    judged = result.judged_groups
    among = f"Among the {len(judged)} judged groups it" if 1 < len(judged) < len(groups) else "It"
    high = max(judged or groups, key=lambda g: g.selection_rate)
    low = min(judged or groups, key=lambda g: g.selection_rate)
    out.append(
        f"Selection rate: the share of a group that was selected. {among} ranges from "
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
        f"Demographic parity difference: {_points(result.demographic_parity_difference)} "
        "between the highest and the lowest selection rate of the judged groups. "
        + _all_groups(result, result.demographic_parity_difference,
                      result.demographic_parity_difference_all_groups)
        + METRIC_GUIDE["demographic_parity_difference"]["does_not_mean"])
    if result.label is None:
        out.append(
            "Error rates (true and false positive rates, equalized odds) need a label column "
            "with the true answer, such as who was qualified; none was given.")
    else:
        out.append(
            f"Equalized odds difference against '{result.label}': "
            f"{_points(result.equalized_odds_difference)} among the judged groups. "
            + METRIC_GUIDE["equalized_odds_difference"]["means"] + " "
            + _all_groups(result, result.equalized_odds_difference,
                          result.equalized_odds_difference_all_groups)
            + METRIC_GUIDE["equalized_odds_difference"]["does_not_mean"])
    not_judged = [g.name for g in groups if not g.judged]
    if not_judged:
        out.append(
            "Shown but not judged (too small, or missing group value): "
            + ", ".join(f"'{n}'" for n in not_judged) + ".")
    return out + [f"Caveat: {w}" for w in result.warnings]
