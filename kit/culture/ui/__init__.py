"""Lessons 10 to 12's widgets: maturity self-assessment, bias checks, case explorer, advanced moves,
engagement plan, standards and the statement builder."""

from kit.culture.ui._advanced import advanced_moves_app, dimension_html, feedback_html
from kit.culture.ui._advanced import result_html as moves_html
from kit.culture.ui._bias_checks import bias_checks_app
from kit.culture.ui._bias_checks import result_html as bias_checks_html
from kit.culture.ui._case_explorer import (after_html, case_explorer, case_html, consequence_html, debrief_html,
                                           lens_summary, lenses_html, others_html, roles_html)
from kit.culture.ui._maturity import (RADAR_CAPTION, assessment_html, assessment_parts, maturity_app,
                                      overview_html, radar_figure, radar_points, radar_spec)
from kit.culture.ui._engagement import engagement_app, reading_html
from kit.culture.ui._standards import standards_html
from kit.culture.ui._statement_builder import STEM, preview_html, read_work, statement_builder

__all__ = [
    "RADAR_CAPTION",
    "STEM",
    "advanced_moves_app",
    "after_html",
    "assessment_html",
    "assessment_parts",
    "bias_checks_app",
    "bias_checks_html",
    "case_explorer",
    "case_html",
    "consequence_html",
    "debrief_html",
    "dimension_html",
    "engagement_app",
    "feedback_html",
    "lens_summary",
    "lenses_html",
    "maturity_app",
    "moves_html",
    "others_html",
    "overview_html",
    "preview_html",
    "radar_figure",
    "radar_points",
    "radar_spec",
    "read_work",
    "reading_html",
    "roles_html",
    "standards_html",
    "statement_builder",
]
