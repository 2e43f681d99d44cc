"""Lessons 10 to 12's widgets: maturity self-assessment, case explorer, statement builder."""

from kit.culture.ui._case_explorer import case_explorer, case_html, lens_html, side_by_side
from kit.culture.ui._maturity import (assessment_html, assessment_parts, maturity_app, overview_html,
                                      radar_figure)
from kit.culture.ui._statement_builder import STEM, preview_html, read_work, statement_builder

__all__ = [
    "STEM",
    "assessment_html",
    "assessment_parts",
    "case_explorer",
    "case_html",
    "lens_html",
    "maturity_app",
    "overview_html",
    "preview_html",
    "radar_figure",
    "read_work",
    "side_by_side",
    "statement_builder",
]
