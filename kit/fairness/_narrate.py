"""Plain-language sentences about an audit, for people who do not read tables.

Every number the audit reports gets a sentence here: what it measures, and
what it does not show. The wording lives in one file, ``kit/content/narration.yaml``,
which a trainer may edit; this module fills in the audit's numbers, so the
command line, the HTML report, the app and the lessons all say the same thing.
"""

from kit.workshop import Texts

from ._fourfifths import FOUR_FIFTHS

__all__ = ["narrate", "METRIC_GUIDE", "audit_warnings", "difference_lines"]

TEXTS = Texts("narration")
_METRICS = ("selection_rate", "confidence_interval", "impact_ratio", "four_fifths", "demographic_parity_difference",
            "equalized_odds_difference", "all_groups", "tpr", "fpr", "precision")
for _key in _METRICS:
    TEXTS.declare(_key, "means", "does_not_mean")
_words = TEXTS.declare("words", "undefined", "and", points=("value",), quoted=("name",),
                       flagged=("group", "ratio"))
_differences = TEXTS.declare(
    "differences", "demographic_parity", "equalized_odds", "scope_none", "scope_one",
    scope_many=("judged",), everyone=("shown",), everyone_not_judged=("shown", "not_judged"),
    value=("number", "points"), label=("metric", "scope"))
_warnings = TEXTS.declare(
    "warnings", "nobody_selected", "nobody_selected_judged", "fragile", "lacking_qualified",
    "lacking_unqualified", "lacking_both",
    none_judged=("min_share",), only_one_judged=("group",),
    flip_flagged=("group", "more", "n", "selected"), flip_passed=("group", "fewer", "n", "selected"),
    small_groups_excluded=("count", "names", "min_share"), small_groups_judged=("count", "names", "min_share"),
    small_group_excluded=("group", "n", "share", "min_share"), small_group_judged=("group", "n", "share", "min_share"),
    missing_group_low=("group", "ratio"), no_error_rates=("group", "lacking", "label"),
    no_error_rates_not_judged=("group", "lacking", "label"))
_sentences = TEXTS.declare(
    "narration", "cannot_judge", "no_label",
    intro=("rows", "groups", "columns", "positive", "outcome"),
    selection_rate=("low_rate", "low", "high_rate", "high"),
    selection_rate_judged=("judged", "low_rate", "low", "high_rate", "high"),
    interval=("group", "low", "high"), impact_ratio=("reference", "rate", "lowest"),
    failed=("threshold", "names"), passed=("threshold",), parity=("points",),
    all_groups=("shown", "not_judged", "points"), equalized_odds=("label", "points"),
    not_judged=("names",), caveat=("warning",))

#: For each metric: what it means, and what it does not mean.
METRIC_GUIDE = {key: {text: TEXTS.say(key, text) for text in ("means", "does_not_mean")} for key in _METRICS}
#: The four-fifths threshold as the sentences write it: 0.8.
_THRESHOLD = f"{float(FOUR_FIFTHS):g}"


def _pct(value):
    return _words("undefined") if value is None else f"{value:.1%}"


def _points(value):
    """A difference of two proportions in words: 0.105 is '10.5 percentage points'."""
    return _words("undefined") if value is None else _words("points", value=f"{value * 100:.1f}")


def _names(names):
    """Group names quoted and listed: 'A', 'B'."""
    return ", ".join(_words("quoted", name=name) for name in names)


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
    scope = (_differences("scope_none") if not judged else _differences("scope_one") if judged == 1
             else _differences("scope_many", judged=judged))
    everyone = (_differences("everyone_not_judged", shown=shown, not_judged=shown - judged) if judged < shown
                else _differences("everyone", shown=shown))

    def value(number):
        return _words("undefined") if number is None else _differences(
            "value", number=f"{number:.3f}", points=_points(number))

    metrics = [("demographic_parity", result.demographic_parity_difference,
                result.demographic_parity_difference_all_groups, "demographic_parity_difference")]
    if result.label is not None:
        metrics.append(("equalized_odds", result.equalized_odds_difference,
                        result.equalized_odds_difference_all_groups, "equalized_odds_difference"))
    lines = []
    for name, headline, all_groups, key in metrics:
        metric = _differences(name)
        lines += [(_differences("label", metric=metric, scope=scope), value(headline), key),
                  (_differences("label", metric=metric, scope=everyone), value(all_groups), "all_groups")]
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
    out, limit = [], f"{min_share:.0%}"
    if test.passed is None:
        if test.reference is None:
            out.append(_warnings("none_judged", min_share=limit))
        else:
            anyone = any(r.selected for r in rows)
            out.append(_warnings("nobody_selected_judged" if anyone else "nobody_selected"))
    elif sum(r.judged for r in rows) == 1:
        out.append(_warnings("only_one_judged", group=rows[test.reference].name))
    for r in rows:
        if r.flip and r.flagged:
            out.append(_warnings("flip_flagged", group=r.name, more=r.selected + 1, n=r.n, selected=r.selected))
        elif r.flip:
            out.append(_warnings("flip_passed", group=r.name, fewer=r.selected - 1, n=r.n, selected=r.selected))
    if test.fragile:
        out.append(_warnings("fragile"))
    small = [r for r in rows if r.too_small and not r.unknown]
    if len(small) > 5:
        out.append(_warnings("small_groups_excluded" if exclude_small else "small_groups_judged",
                             count=len(small), names=_names(r.name for r in small[:5]), min_share=limit))
    else:
        for r in small:
            out.append(_warnings("small_group_excluded" if exclude_small else "small_group_judged",
                                 group=r.name, n=r.n, share=f"{r.share:.1%}", min_share=limit))
    for i, r in enumerate(rows):
        if r.unknown and test.ratios[i] is not None and test.ratios[i] < FOUR_FIFTHS:
            out.append(_warnings("missing_group_low", group=r.name, ratio=f"{r.impact_ratio:.0%}"))
    if label is not None:
        for r in rows:
            lacking = {(True, False): "lacking_qualified", (False, True): "lacking_unqualified",
                       (True, True): "lacking_both"}.get((r.tpr is None, r.fpr is None))
            if lacking:
                out.append(_warnings("no_error_rates" if r.judged else "no_error_rates_not_judged",
                                     group=r.name, lacking=_warnings(lacking), label=label))
    return out


def _all_groups(result, headline, all_groups):
    """The all-groups figure in a sentence, when some groups were set aside; else no sentence."""
    shown, judged = len(result.by_group), len(result.judged_groups)
    if judged == shown:
        return []
    parts = [_sentences("all_groups", shown=shown, not_judged=shown - judged, points=_points(all_groups))]
    if headline is not None and all_groups is not None and all_groups > headline:
        parts.append(METRIC_GUIDE["all_groups"]["does_not_mean"])
    return parts


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
    columns = f" {_words('and')} ".join(_words("quoted", name=c) for c in result.groups)
    out = [_sentences("intro", rows=result.rows, groups=len(groups), columns=columns,
                      positive=result.positive, outcome=result.outcome)]
    judged = result.judged_groups
    high = max(judged or groups, key=lambda g: g.selection_rate)
    low = min(judged or groups, key=lambda g: g.selection_rate)
    rates = dict(low_rate=_pct(low.selection_rate), low=low.name, high_rate=_pct(high.selection_rate), high=high.name)
    out.append(" ".join([
        _sentences("selection_rate_judged", judged=len(judged), **rates) if 1 < len(judged) < len(groups)
        else _sentences("selection_rate", **rates),
        METRIC_GUIDE["selection_rate"]["does_not_mean"]]))
    out.append(_sentences("interval", group=low.name, low=_pct(low.ci_low), high=_pct(low.ci_high)))
    ref = result.reference_group
    if result.four_fifths_pass is None:
        out.append(_sentences("cannot_judge"))
    else:
        out.append(_sentences("impact_ratio", reference=ref.name, rate=_pct(ref.selection_rate),
                              lowest=f"{result.impact_ratio_min:.3f}"))
        flagged = result.flagged_groups
        if flagged:
            names = ", ".join(_words("flagged", group=g.name, ratio=f"{g.impact_ratio:.3f}") for g in flagged)
            out.append(_sentences("failed", threshold=_THRESHOLD, names=names))
        else:
            out.append(_sentences("passed", threshold=_THRESHOLD))
    out.append(METRIC_GUIDE["four_fifths"]["does_not_mean"])
    out.append(" ".join([
        _sentences("parity", points=_points(result.demographic_parity_difference)),
        *_all_groups(result, result.demographic_parity_difference, result.demographic_parity_difference_all_groups),
        METRIC_GUIDE["demographic_parity_difference"]["does_not_mean"]]))
    if result.label is None:
        out.append(_sentences("no_label"))
    else:
        out.append(" ".join([
            _sentences("equalized_odds", label=result.label, points=_points(result.equalized_odds_difference)),
            METRIC_GUIDE["equalized_odds_difference"]["means"],
            *_all_groups(result, result.equalized_odds_difference, result.equalized_odds_difference_all_groups),
            METRIC_GUIDE["equalized_odds_difference"]["does_not_mean"]]))
    not_judged = [g.name for g in groups if not g.judged]
    if not_judged:
        out.append(_sentences("not_judged", names=_names(not_judged)))
    return out + [_sentences("caveat", warning=w) for w in result.warnings]
