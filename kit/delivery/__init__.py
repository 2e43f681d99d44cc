"""Trainer delivery: the before-and-after check, the evaluation form, the certificate of attendance,
and the PDF machinery the printed handouts (:mod:`kit.delivery.handouts`) share.

Everything here loads on first use (kit.lazy_names): WeasyPrint and the charts
are heavy, and most pages never print.
"""

from kit import lazy_names

_LAZY = {
    "LessonSheet": "_sources",
    "PRINT_CSS": "_pdf",
    "PdfUnavailable": "_pdf",
    "SYSTEM_PACKAGES": "_pdf",
    "certificate_html": "_certificate",
    "certificate_pdf": "_certificate",
    "check_questions": "_knowledge_check",
    "change_summary": "_knowledge_check",
    "lesson_sheets": "_sources",
    "lessons_done": "_certificate",
    "page": "_pdf",
    "pdf_bytes": "_pdf",
}

__getattr__ = lazy_names("kit.delivery", _LAZY)

__all__ = sorted(_LAZY)
