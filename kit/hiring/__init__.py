"""The bias lesson's hiring lab: the screening model, the bias explorer's audits, mitigations and the exercise checks."""

from kit import lazy_names
from kit.hiring._lab import (DEFAULT_THRESHOLD, FEATURES, GUIDELINES_EXAMPLE, LABEL, PROTECTED, audit_at,
                             decisions_at, findings, guidelines_example)
from kit.hiring._mitigation_lab import mitigation_table
from kit.hiring._scorer import LinearScorer, as_scorer

# Heavy imports (scikit-learn, fairlearn, nbformat): loaded on first use (kit.lazy_names), so the pages
# that do not need them start quickly.
_LAZY = {
    "APPROACHES": "_mitigate",
    "COLUMNS": "_mitigate",
    "build_screening_pipeline": "_model",
    "cached_model": "_model",
    "check_area_by_ethnicity": "_checks",
    "check_cramers_v": "_checks",
    "check_equalized_odds_age": "_checks",
    "check_exact_by_age": "_checks",
    "check_exact_ratio": "_checks",
    "check_flagged_ages": "_checks",
    "check_fpr_by_age": "_checks",
    "check_impact_by_age": "_checks",
    "check_impact_by_gender": "_checks",
    "check_lowest_subgroup": "_checks",
    "check_match_rates": "_checks",
    "check_rates_by_age": "_checks",
    "check_rates_by_gender": "_checks",
    "check_rates_by_gender_ethnicity": "_checks",
    "check_selection_gap": "_checks",
    "check_strongest_proxy": "_checks",
    "check_subgroup_impact": "_checks",
    "check_too_small_genders": "_checks",
    "check_tpr_by_age": "_checks",
    "compare_mitigations": "_mitigate",
    "mitigation_summary": "_mitigate",
    "reweighing_weights": "_mitigate",
    "train_screening_model": "_model"
}

__getattr__ = lazy_names("kit.hiring", _LAZY)

__all__ = [
    "APPROACHES",
    "COLUMNS",
    "DEFAULT_THRESHOLD",
    "FEATURES",
    "GUIDELINES_EXAMPLE",
    "LABEL",
    "LinearScorer",
    "PROTECTED",
    "as_scorer",
    "audit_at",
    "build_screening_pipeline",
    "cached_model",
    "check_area_by_ethnicity",
    "check_cramers_v",
    "check_equalized_odds_age",
    "check_exact_by_age",
    "check_exact_ratio",
    "check_flagged_ages",
    "check_fpr_by_age",
    "check_impact_by_age",
    "check_impact_by_gender",
    "check_lowest_subgroup",
    "check_match_rates",
    "check_rates_by_age",
    "check_rates_by_gender",
    "check_rates_by_gender_ethnicity",
    "check_selection_gap",
    "check_strongest_proxy",
    "check_subgroup_impact",
    "check_too_small_genders",
    "check_tpr_by_age",
    "compare_mitigations",
    "decisions_at",
    "findings",
    "guidelines_example",
    "mitigation_summary",
    "mitigation_table",
    "reweighing_weights",
    "train_screening_model",
]
