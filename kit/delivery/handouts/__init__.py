"""The printed handouts of an agenda: the participant workbook, the slides and the facilitator guide as PDFs.

Like a ``ui`` package, this is presentation: it draws the apps' own charts (from
their ``ui`` modules) onto paper. Loaded on first use (kit.lazy_names).
"""

from kit import lazy_names

_LAZY = {
    "HANDOUTS": "_write",
    "activity_html": "_activities",
    "guide_html": "_guide_pdf",
    "slides_html": "_slides",
    "workbook_html": "_workbook",
    "write_handouts": "_write",
}

__getattr__ = lazy_names("kit.delivery.handouts", _LAZY)

__all__ = sorted(_LAZY)
