"""The strategy lesson's widgets: the use-case triage matrix and its chart."""

from kit.strategy.ui._chart import (BAND_STYLE, MATRIX_CAPTION, matrix_chart_html, matrix_figure, matrix_spec,
                                   matrix_table)
from kit.strategy.ui._estimate import estimate_html
from kit.strategy.ui._matrix import NEW, START_TEMPLATE, use_case_matrix

__all__ = [
    "BAND_STYLE",
    "MATRIX_CAPTION",
    "NEW",
    "START_TEMPLATE",
    "estimate_html",
    "matrix_chart_html",
    "matrix_figure",
    "matrix_spec",
    "matrix_table",
    "use_case_matrix",
]
