"""Fairness audit: selection rates, the four-fifths rule and error rates by group.

The engine (:func:`audit`) is computed with numpy and checked in the tests
against fairlearn; :func:`narrate` explains a result in plain words,
:func:`audit_html` turns it into a report to email, and
:func:`read_audit_csv` reads a spreadsheet export with friendly errors.
"""

from ._audit import MISSING_GROUP, AuditResult, GroupResult, audit
from ._csv import check_audit_columns, read_audit_csv
from ._errors import AuditInputError
from ._fourfifths import FOUR_FIFTHS, MIN_SHARE, four_fifths_test, wilson_interval
from ._narrate import METRIC_GUIDE, narrate
from ._proxy import find_proxies
from ._report import audit_html


__all__ = [
    "audit", "AuditResult", "GroupResult", "MISSING_GROUP",
    "read_audit_csv", "check_audit_columns", "AuditInputError",
    "FOUR_FIFTHS", "MIN_SHARE", "four_fifths_test", "wilson_interval",
    "METRIC_GUIDE", "narrate", "audit_html", "find_proxies",
]
