"""The hiring scenario behind the bias lesson: audits of the sample pool at any threshold.

Pure functions, no widgets: the bias explorer app and the lesson call these.
"""

from __future__ import annotations

import functools

import pandas as pd

from kit.data import load_hiring
from kit.fairness import AuditResult, audit

#: Protected attributes a learner can audit, with the words the app shows.
PROTECTED = {"gender": "Gender", "ethnicity": "Ethnicity", "age_band": "Age band", "disability": "Disability"}
SCORE, DECISION = "model_score", "shortlisted"
#: The label the screening model learns: the ground truth, not the vendor's decision.
LABEL = "qualified"
#: The columns the screening model is allowed to use (never a protected one).
FEATURES = ("years_experience", "education", "skills_test", "referral", "postcode_area")
#: The vendor's setting: applicants scoring at least this are shortlisted.
DEFAULT_THRESHOLD = 0.5


def decisions_at(df: pd.DataFrame, threshold: float) -> pd.Series:
    """Who the screening tool shortlists when the cut-off score is ``threshold`` (1 = shortlisted)."""
    if not 0 <= threshold <= 1:
        raise ValueError(f"The threshold must be between 0 and 1; {threshold} is outside that range.")
    return (df[SCORE] >= threshold).astype(int).rename(DECISION)


def audit_at(groups: tuple[str, ...], threshold: float = DEFAULT_THRESHOLD,
             df: pd.DataFrame | None = None) -> AuditResult:
    """Audit the sample pool by ``groups`` when the tool shortlists at ``threshold``.

    Several groups make intersectional groups (each combination is a group).
    """
    groups = tuple(groups)
    if not groups:
        raise ValueError("Choose at least one group to compare, for example Gender.")
    unknown = [g for g in groups if g not in PROTECTED]
    if unknown:
        raise ValueError(f"{', '.join(unknown)} is not one of the groups: {', '.join(PROTECTED)}.")
    if df is None:
        return _cached_audit(groups, round(float(threshold), 4))
    frame = df.assign(**{DECISION: decisions_at(df, threshold)})
    return audit(frame, DECISION, list(groups), label=LABEL, positive=1)


@functools.lru_cache(maxsize=256)
def _cached_audit(groups: tuple[str, ...], threshold: float) -> AuditResult:
    return audit_at(groups, threshold, df=load_hiring())


def findings(result: AuditResult, threshold: float) -> dict:
    """A short summary of an audit to save in the workspace and reuse in the action plan.

    The two differences are over the judged groups, as in the audit; the
    ``*_all_groups`` keys hold the same differences over every group shown.
    """
    return {
        "groups": list(result.groups),
        "threshold": threshold,
        "four_fifths_pass": result.four_fifths_pass,
        "impact_ratio_min": result.impact_ratio_min,
        "flagged": [g.name for g in result.flagged_groups],
        "demographic_parity_difference": result.demographic_parity_difference,
        "demographic_parity_difference_all_groups": result.demographic_parity_difference_all_groups,
        "equalized_odds_difference": result.equalized_odds_difference,
        "equalized_odds_difference_all_groups": result.equalized_odds_difference_all_groups,
    }


#: The worked example of the US Uniform Guidelines Questions and Answers (Q&A 12):
#: 100 applicants in each of four groups, with these numbers selected.
GUIDELINES_EXAMPLE = {"Group A": 60, "Group B": 45, "Group C": 48, "Group D": 51}


def guidelines_example() -> AuditResult:
    """Audit the Uniform Guidelines' worked example, built as one row per applicant."""
    rows = [(group, int(i < chosen)) for group, chosen in GUIDELINES_EXAMPLE.items() for i in range(100)]
    frame = pd.DataFrame(rows, columns=["group", "selected"])
    return audit(frame, "selected", ["group"], positive=1)
