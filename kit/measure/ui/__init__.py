"""The measure lesson's widgets: the KPI dashboard and its charts."""

from kit.measure.ui._charts import (kpi_trend_alt, kpi_trend_figure, kpi_trend_spec, selection_trend_alt,
                                    selection_trend_figure, selection_trend_spec)
from kit.measure.ui._dashboard import headline, kpi_dashboard, scroll_table_html, summary_html

__all__ = [
    "headline",
    "kpi_dashboard",
    "kpi_trend_alt",
    "kpi_trend_figure",
    "kpi_trend_spec",
    "scroll_table_html",
    "selection_trend_alt",
    "selection_trend_figure",
    "selection_trend_spec",
    "summary_html",
]
