"""Take-home documents: one Document, written as Markdown, a web page, Word or a spreadsheet-safe CSV.

:func:`read_csv_table` reads a CSV back with the kit's one set of rules.
"""

from kit.documents._csv_read import SAVE_AS_UTF8, CsvFileError, CsvTable, read_csv_table
from kit.documents._export import (Document, FORMULA_STARTS, PAGE_CSS, Section, escape, inline_markdown,
                                   neutralise_cell, restore_cell, safe_csv, to_docx, to_html, to_html_fragment,
                                   to_markdown)

__all__ = [
    "CsvFileError",
    "CsvTable",
    "Document",
    "FORMULA_STARTS",
    "PAGE_CSS",
    "SAVE_AS_UTF8",
    "Section",
    "escape",
    "inline_markdown",
    "neutralise_cell",
    "read_csv_table",
    "restore_cell",
    "safe_csv",
    "to_docx",
    "to_html",
    "to_html_fragment",
    "to_markdown",
]
