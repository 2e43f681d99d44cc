"""Explaining the screening model: reason codes, counterfactuals and feature importance.

:func:`explain` tells one applicant why the model decided as it did (each
input's contribution against the average applicant) and what single change to
an input they can act on would have flipped it; :func:`letter` puts that in a
message to send them. :func:`permutation_importances` explains the model as a
whole; :func:`model_card` documents it. Nothing here imports widgets.
"""

from kit import lazy_names
from kit.transparency._counterfactual import Counterfactual, counterfactuals
from kit.transparency._explain import (THRESHOLD, Explanation, LetterWords, example_applicants, explain, letter,
                                       letter_words, normalise_id, score_text)
from kit.transparency._features import NEVER_CHANGE, FeatureText, actionable_features, feature_texts
from kit.transparency._reasons import (MIN_REASON, STRENGTH, Reason, baseline_score, contributions, reasons_for,
                                       strength, top_reasons, typical_values)
from kit.transparency._saved import (KEEP, explainer_section, explanation_record, notes_section,
                                     remember)

from kit.transparency._fitted import FITTED_JSON, holdout_measures, screening_scorer, write_fitted
from kit.transparency._model_card import (DECISION, CardWords, ModelMeasures, card_words, inputs_table, limitations,
                                          measure_model, model_card)

# scikit-learn (training, shuffles, the exercise checks) loads on first use (kit.lazy_names): the lesson's
# page reads the fitted model's numbers instead.
_LAZY = {
    "TEST_SIZE": "_importance",
    "check_applicant_score": "_checks",
    "check_contributions": "_checks",
    "check_holdout_accuracy": "_checks",
    "check_importance": "_checks",
    "check_most_important": "_checks",
    "check_reason_codes": "_checks",
    "holdout_split": "_importance",
    "permutation_importances": "_importance",
}

__getattr__ = lazy_names("kit.transparency", _LAZY)

__all__ = [
    "CardWords",
    "Counterfactual",
    "DECISION",
    "Explanation",
    "FITTED_JSON",
    "FeatureText",
    "KEEP",
    "LetterWords",
    "MIN_REASON",
    "ModelMeasures",
    "NEVER_CHANGE",
    "Reason",
    "STRENGTH",
    "TEST_SIZE",
    "THRESHOLD",
    "actionable_features",
    "baseline_score",
    "card_words",
    "check_applicant_score",
    "check_contributions",
    "check_holdout_accuracy",
    "check_importance",
    "check_most_important",
    "check_reason_codes",
    "contributions",
    "counterfactuals",
    "example_applicants",
    "explain",
    "explainer_section",
    "explanation_record",
    "feature_texts",
    "holdout_measures",
    "holdout_split",
    "inputs_table",
    "letter",
    "letter_words",
    "limitations",
    "measure_model",
    "model_card",
    "normalise_id",
    "notes_section",
    "permutation_importances",
    "reasons_for",
    "remember",
    "score_text",
    "screening_scorer",
    "strength",
    "top_reasons",
    "typical_values",
    "write_fitted",
]
