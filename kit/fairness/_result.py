"""What an audit found: one :class:`GroupResult` per group and the overall :class:`AuditResult`."""

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

__all__ = ["AuditResult", "GroupResult", "MISSING_GROUP"]

#: Label of the group of rows whose protected value is missing.
MISSING_GROUP = "unknown"


@dataclass(frozen=True)
class GroupResult:
    """The audit of one group (one value, or one combination of values).

    Attributes
    ----------
    group : dict of str to str
        Column name to the group's value, as text (missing values "unknown").
    n, selected : int
        People in the group, and people selected.
    selection_rate : float
        ``selected / n``.
    ci_low, ci_high : float
        95% Wilson score interval of the selection rate.
    share : float
        The group's share of all audited rows.
    impact_ratio : float or None
        Selection rate divided by the reference group's; None when undefined.
    unknown : bool
        The group has a missing value in at least one protected column.
    too_small : bool
        The group's share is under ``min_share``.
    judged : bool
        The group takes part in the four-fifths verdict.
    reference : bool
        The group is the judged group with the highest selection rate.
    flagged : bool
        Judged and strictly below four-fifths of the reference rate.
    flip : bool
        One decision would change this group's result (see ``_fourfifths``).
    tpr, fpr, precision : float or None
        With a label: true positive rate (qualified people selected), false
        positive rate (unqualified people selected), precision (selected
        people who were qualified); None without a label or when undefined.
    """

    group: dict
    n: int
    selected: int
    selection_rate: float
    ci_low: float
    ci_high: float
    share: float
    impact_ratio: float | None
    unknown: bool
    too_small: bool
    judged: bool
    reference: bool
    flagged: bool
    flip: bool
    tpr: float | None = None
    fpr: float | None = None
    precision: float | None = None

    @property
    def name(self):
        """The group's values joined for display, such as ``'F / 50+'``."""
        return " / ".join(self.group.values())

    @property
    def status(self):
        """One short phrase for the group's place in the four-fifths test."""
        if self.unknown:
            return "group value missing"
        if not self.judged:
            return "too small to judge"
        if self.impact_ratio is None:
            return "cannot be judged"
        if self.reference:
            return "reference (highest rate)"
        return "below four-fifths" if self.flagged else "passes"

    def to_dict(self):
        """The group as JSON-ready values (keys of the ``kit audit`` schema first)."""
        return {
            "group": dict(self.group), "n": self.n, "selected": self.selected,
            "selection_rate": self.selection_rate, "impact_ratio": self.impact_ratio,
            "tpr": self.tpr, "fpr": self.fpr, "precision": self.precision,
            "ci_low": self.ci_low, "ci_high": self.ci_high, "share": self.share,
            "too_small": self.too_small, "unknown": self.unknown, "judged": self.judged,
            "reference": self.reference, "flagged": self.flagged,
            "one_decision_flips": self.flip, "status": self.status,
        }


@dataclass(frozen=True)
class AuditResult:
    """Everything :func:`audit` found, for display, narration and JSON.

    Attributes
    ----------
    rows : int
        Rows audited (rows without an outcome are left out and warned about).
    outcome, groups, label, positive, min_share, exclude_small
        The arguments of the audit.
    by_group : tuple of GroupResult
        One entry per group, in sorted order, missing values last.
    impact_ratio_min : float or None
        Lowest impact ratio among the judged groups.
    four_fifths_pass : bool or None
        True when no judged group is below four-fifths of the highest rate;
        None when the test cannot be run (nobody selected, no judged group).
    fragile : bool
        A single decision would reverse the verdict.
    demographic_parity_difference : float or None
        The headline gap: highest minus lowest selection rate among the
        judged groups, the same groups as the four-fifths verdict (groups too
        small to judge and the "unknown" group are left out, unless
        ``exclude_small`` is False). A difference of two proportions, from 0
        to 1: 0.105 is 10.5 percentage points. None when no group is judged.
    equalized_odds_difference : float or None
        The larger of the TPR gap and the FPR gap among the judged groups
        (fairlearn's "worst case"), in the same unit; rates that are
        undefined (a group with nobody qualified has no TPR) are left out.
        None without a label or when no group is judged.
    demographic_parity_difference_all_groups : float
        The same gap over every group shown, small and "unknown" groups
        included: what fairlearn's ``demographic_parity_difference`` reports
        on the same rows. A group of two people can set it on its own.
    equalized_odds_difference_all_groups : float or None
        The equalized odds difference over every group shown; None without
        a label. It equals fairlearn's ``equalized_odds_difference`` when
        every rate is defined; fairlearn counts an undefined rate as 0, the
        kit leaves it out and says so in the warnings.
    warnings : list of str
        Plain-language caveats: small groups, missing values, single decisions.
    """

    rows: int
    outcome: str
    groups: tuple
    label: str | None
    positive: object
    min_share: float
    exclude_small: bool
    by_group: tuple
    impact_ratio_min: float | None
    four_fifths_pass: bool | None
    fragile: bool
    demographic_parity_difference: float | None
    equalized_odds_difference: float | None
    demographic_parity_difference_all_groups: float
    equalized_odds_difference_all_groups: float | None
    warnings: list = field(default_factory=list)

    @property
    def reference_group(self):
        """The :class:`GroupResult` every ratio is measured against, or None."""
        return next((g for g in self.by_group if g.reference), None)

    @property
    def flagged_groups(self):
        """The groups below four-fifths, as a list of :class:`GroupResult`."""
        return [g for g in self.by_group if g.flagged]

    @property
    def judged_groups(self):
        """The groups the verdict and the headline differences cover, as a list."""
        return [g for g in self.by_group if g.judged]

    def table(self):
        """Return the per-group results as a DataFrame for display.

        Returns
        -------
        pandas.DataFrame
            Indexed by the group column(s); undefined values are NaN.
        """
        names = ["n", "selected", "selection rate", "95% CI low", "95% CI high",
                 "impact ratio", "four-fifths"]
        if self.label is not None:
            names += ["TPR", "FPR", "precision"]
        records = []
        for g in self.by_group:
            record = [g.n, g.selected, g.selection_rate, g.ci_low, g.ci_high,
                      np.nan if g.impact_ratio is None else g.impact_ratio, g.status]
            if self.label is not None:
                record += [np.nan if v is None else v for v in (g.tpr, g.fpr, g.precision)]
            records.append(record)
        keys = [tuple(g.group.values()) for g in self.by_group]
        index = (pd.Index([k[0] for k in keys], name=self.groups[0]) if len(self.groups) == 1
                 else pd.MultiIndex.from_tuples(keys, names=list(self.groups)))
        return pd.DataFrame(records, columns=names, index=index)

    def to_dict(self):
        """Return the result in the JSON schema of ``kit audit --format json``.

        Returns
        -------
        dict
            ``rows, outcome, groups, label, by_group, impact_ratio_min,
            four_fifths_pass, demographic_parity_difference,
            demographic_parity_difference_all_groups,
            equalized_odds_difference, equalized_odds_difference_all_groups,
            warnings``; undefined numbers are None (JSON null), never NaN.
            The two headline differences cover the judged groups (those with
            ``"judged": true`` in ``by_group``); the ``*_all_groups`` keys
            cover every group listed.
        """
        return {
            "rows": self.rows, "outcome": str(self.outcome),
            "groups": [str(g) for g in self.groups],
            "label": None if self.label is None else str(self.label),
            "by_group": [g.to_dict() for g in self.by_group],
            "impact_ratio_min": self.impact_ratio_min,
            "four_fifths_pass": self.four_fifths_pass,
            "demographic_parity_difference": self.demographic_parity_difference,
            "demographic_parity_difference_all_groups":
                self.demographic_parity_difference_all_groups,
            "equalized_odds_difference": self.equalized_odds_difference,
            "equalized_odds_difference_all_groups": self.equalized_odds_difference_all_groups,
            "warnings": list(self.warnings),
        }
