"""Lessons 10 to 12's widgets: maturity self-assessment, case explorer, statement builder."""

from kit.culture.ui._case_explorer import (after_html, case_explorer, case_html, consequence_html, debrief_html,
                                           lens_summary, lenses_html, others_html, roles_html)
from kit.culture.ui._maturity import (assessment_html, assessment_parts, maturity_app, overview_html,
                                      radar_figure)
from kit.culture.ui._statement_builder import STEM, preview_html, read_work, statement_builder

__all__ = [
    "STEM",
    "after_html",
    "assessment_html",
    "assessment_parts",
    "case_explorer",
    "case_html",
    "consequence_html",
    "debrief_html",
    "lens_summary",
    "lenses_html",
    "maturity_app",
    "others_html",
    "overview_html",
    "preview_html",
    "radar_figure",
    "read_work",
    "roles_html",
    "statement_builder",
]
