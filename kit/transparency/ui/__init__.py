"""The transparency lesson's widgets: the decision explainer, its chart and the model card panel."""

from kit.transparency.ui._chart import contributions_alt, contributions_figure
from kit.transparency.ui._explainer import decision_explainer, explanation_parts, model_card_panel

__all__ = [
    "contributions_alt",
    "contributions_figure",
    "decision_explainer",
    "explanation_parts",
    "model_card_panel",
]
