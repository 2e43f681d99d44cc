"""The bias lesson's widgets: the bias explorer, proxy finder, mitigation panel and the audit of an uploaded CSV."""

from kit.hiring.ui._audit_view import audit_view_html, audit_view_parts, verdict_notice
from kit.hiring.ui._csv_audit import NO_LABEL, TOO_BIG, WELCOME, csv_audit_panel
from kit.hiring.ui._explorer import bias_explorer, mitigation_panel, proxy_finder

__all__ = [
    "NO_LABEL",
    "TOO_BIG",
    "WELCOME",
    "audit_view_html",
    "audit_view_parts",
    "bias_explorer",
    "csv_audit_panel",
    "mitigation_panel",
    "proxy_finder",
    "verdict_notice",
]
