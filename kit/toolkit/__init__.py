"""The shared widget toolkit every app is built from: notices, guarded callbacks, charts, tables, downloads, uploads."""

from kit.toolkit._choices import CSS_CLASS, choice, group_heading
from kit.toolkit._downloads import MIME, document_downloads, download_bar, download_link
from kit.toolkit._plots import new_figure, selection_rates_alt, selection_rates_figure, to_png
from kit.toolkit._staged import Part, StagedHTML, joined
from kit.toolkit._tables import table_html
from kit.toolkit._upload import LIMIT_BYTES, LIMIT_TEXT, file_upload, uploaded_file
from kit.toolkit._widgets import accessible_slider, chart, error_box, escape, guarded, notice

__all__ = [
    "CSS_CLASS",
    "LIMIT_BYTES",
    "LIMIT_TEXT",
    "MIME",
    "Part",
    "StagedHTML",
    "accessible_slider",
    "chart",
    "choice",
    "document_downloads",
    "download_bar",
    "download_link",
    "error_box",
    "escape",
    "file_upload",
    "group_heading",
    "guarded",
    "joined",
    "new_figure",
    "notice",
    "selection_rates_alt",
    "selection_rates_figure",
    "table_html",
    "to_png",
    "uploaded_file",
]
