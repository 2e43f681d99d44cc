"""Take-home documents: one Document, written as Markdown, a web page, Word or a spreadsheet-safe CSV."""

from kit.documents._export import (Document, FORMULA_STARTS, PAGE_CSS, Section, escape, neutralise_cell,
                                   restore_cell, safe_csv, to_docx, to_html, to_html_fragment, to_markdown)

__all__ = [
    "Document",
    "FORMULA_STARTS",
    "PAGE_CSS",
    "Section",
    "escape",
    "neutralise_cell",
    "restore_cell",
    "safe_csv",
    "to_docx",
    "to_html",
    "to_html_fragment",
    "to_markdown",
]
