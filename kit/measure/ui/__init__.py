"""The measure lesson's widgets: the KPI dashboard and its charts."""

from kit.measure.ui._charts import (kpi_trend_alt, kpi_trend_figure, selection_trend_alt,
                                    selection_trend_figure)
from kit.measure.ui._dashboard import headline, kpi_dashboard, scroll_table_html, summary_html

__all__ = [
    "headline",
    "kpi_dashboard",
    "kpi_trend_alt",
    "kpi_trend_figure",
    "scroll_table_html",
    "selection_trend_alt",
    "selection_trend_figure",
    "summary_html",
]
