"""Explaining the screening model: reason codes, counterfactuals and feature importance.

:func:`explain` tells one applicant why the model decided as it did (each
input's contribution against the average applicant) and what single change to
an input they can act on would have flipped it; :func:`letter` puts that in a
message to send them. :func:`permutation_importances` explains the model as a
whole. Nothing here imports widgets.
"""

from kit.explain._counterfactual import Counterfactual, counterfactuals
from kit.explain._explain import (THRESHOLD, Explanation, example_applicants, explain, letter, normalise_id,
                                  score_text)
from kit.explain._features import NEVER_CHANGE, FeatureText, actionable_features, feature_texts
from kit.explain._importance import TEST_SIZE, holdout_split, permutation_importances
from kit.explain._reasons import (MIN_REASON, STRENGTH, Reason, baseline_score, contributions, reasons_for,
                                  strength, top_reasons, typical_values)
from kit.explain._saved import (KEEP, NOTES_KEY, SAVE_KEY, explainer_section, explanation_record, notes_section,
                                remember)

__all__ = [
    "Counterfactual", "counterfactuals", "THRESHOLD", "Explanation", "example_applicants", "explain",
    "letter", "normalise_id", "score_text", "NEVER_CHANGE", "FeatureText", "actionable_features", "feature_texts",
    "TEST_SIZE", "holdout_split", "permutation_importances", "MIN_REASON", "STRENGTH", "Reason",
    "baseline_score", "contributions", "reasons_for", "strength", "top_reasons", "typical_values",
    "KEEP", "NOTES_KEY", "SAVE_KEY", "explainer_section", "explanation_record", "notes_section", "remember",
]
