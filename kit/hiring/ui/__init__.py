"""The bias lesson's widgets: the bias explorer (with its NYC Local Law 144 download), proxy finder, mitigation panel
and the audit of an uploaded CSV."""

from kit.hiring.ui._audit_view import AUDIT_CSS, audit_view_html, audit_view_parts, verdict_notice
from kit.hiring.ui._csv_audit import NO_LABEL, TOO_BIG, WELCOME, csv_audit_panel
from kit.hiring.ui._explorer import PROXY_HEADERS, bias_explorer, mitigation_panel, proxy_finder
from kit.hiring.ui._ll144 import ll144_downloads

__all__ = [
    "AUDIT_CSS",
    "PROXY_HEADERS",
    "NO_LABEL",
    "TOO_BIG",
    "WELCOME",
    "audit_view_html",
    "audit_view_parts",
    "bias_explorer",
    "csv_audit_panel",
    "ll144_downloads",
    "mitigation_panel",
    "proxy_finder",
    "verdict_notice",
]
