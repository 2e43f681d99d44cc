"""Lessons 07 and 08's widgets: policy builder, impact assessment, human-in-the-loop walk-through, vendor checklist."""

from kit.governance.ui._decision_tree import decision_tree, outcomes_html
from kit.governance.ui._forms import STACKED_CSS, document_preview, stacked, styles
from kit.governance.ui._impact import PART_TITLES, impact_assessment, levels_html, progress_html, result_html
from kit.governance.ui._policy_builder import NOT_DECIDED, policy_areas_html, policy_builder
from kit.governance.ui._vendor_checklist import (BAND_STYLE, area_figure, overview_html, summary_html,
                                                 summary_parts, vendor_checklist)
from kit.governance.ui._vendor_questions import vendor_questions_html

__all__ = [
    "BAND_STYLE",
    "NOT_DECIDED",
    "PART_TITLES",
    "STACKED_CSS",
    "area_figure",
    "decision_tree",
    "document_preview",
    "impact_assessment",
    "levels_html",
    "outcomes_html",
    "overview_html",
    "policy_areas_html",
    "policy_builder",
    "progress_html",
    "result_html",
    "stacked",
    "styles",
    "summary_html",
    "summary_parts",
    "vendor_checklist",
    "vendor_questions_html",
]
