"""The risk lesson's widgets: the register builder, its form, the heatmap and the lesson's tables."""

from kit.risk.ui._form import BLANK, HINTS, RiskForm
from kit.risk.ui._heatmap import BAND_STYLE, MAX_REFS_SHOWN, heatmap_figure, heatmap_html
from kit.risk.ui._lesson import bands_html, rows_html, scales_html, score_grid_html, template_html
from kit.risk.ui._register import (BLANK_TEMPLATE, NEW, TABLE_COLUMNS, RegisterApp, evidence_html, owners_notice,
                                   register_table_html, risk_register_app)

__all__ = [
    "BAND_STYLE",
    "BLANK",
    "BLANK_TEMPLATE",
    "HINTS",
    "MAX_REFS_SHOWN",
    "NEW",
    "RegisterApp",
    "RiskForm",
    "TABLE_COLUMNS",
    "bands_html",
    "evidence_html",
    "heatmap_figure",
    "heatmap_html",
    "owners_notice",
    "register_table_html",
    "risk_register_app",
    "rows_html",
    "scales_html",
    "score_grid_html",
    "template_html",
]
