"""The privacy lesson's widget: the data-minimisation checker."""

from kit.privacy.ui._checker import MAX_COLUMNS, SAMPLE, minimisation_checker, review_html
from kit.privacy.ui._law import law_html

__all__ = [
    "MAX_COLUMNS",
    "SAMPLE",
    "law_html",
    "minimisation_checker",
    "review_html",
]
