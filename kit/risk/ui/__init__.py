"""The risk lesson's widgets: the register builder, its form, the heatmap and the lesson's tables."""

from kit.risk.ui._form import BLANK, HINTS, RiskForm
from kit.risk.ui._heatmap import (BAND_STYLE, HEATMAP_CAPTION, MAX_REFS_SHOWN, heatmap_figure, heatmap_html,
                                  heatmap_spec, heatmap_tables)
from kit.risk.ui._lesson import bands_html, rows_html, scales_html, score_grid_html, template_html
from kit.risk.ui._register import (BLANK_TEMPLATE, NEW, TABLE_COLUMNS, RegisterApp, evidence_html, owners_notice,
                                   register_table_html, risk_register_app)

__all__ = [
    "BAND_STYLE",
    "BLANK",
    "BLANK_TEMPLATE",
    "HEATMAP_CAPTION",
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
    "heatmap_spec",
    "heatmap_tables",
    "owners_notice",
    "register_table_html",
    "risk_register_app",
    "rows_html",
    "scales_html",
    "score_grid_html",
    "template_html",
]
