"""The shared widget toolkit every app is built from: notices, guarded callbacks, charts, tables, downloads, uploads."""

from kit import lazy_names
from kit.toolkit._bar_spec import FLAG_COLOUR, OTHER_COLOUR, PASS_COLOUR, Bar, Line, bar_spec
from kit.toolkit._choices import CSS_CLASS, choice, group_heading
from kit.toolkit._download_links import DownloadLinks, Files, Offer, document_files
from kit.toolkit._downloads import MIME, download_bar, download_link
from kit.toolkit._answer_view import AnswerView, BrowserChart, Part, joined
from kit.toolkit._tables import table_html
from kit.toolkit._upload import LIMIT_BYTES, LIMIT_TEXT, file_upload, uploaded_file
from kit.toolkit._vega import VegaChart, vega_spec
from kit.toolkit._widgets import accessible_slider, chart, error_box, escape, guarded, notice

# Charts import matplotlib: loaded on first use, so pages without a chart start light.
__getattr__ = lazy_names("kit.toolkit", {name: "_plots" for name in (
    "new_figure", "selection_rates_alt", "selection_rates_figure", "to_png")})

__all__ = [
    "Bar",
    "BrowserChart",
    "FLAG_COLOUR",
    "Files",
    "Line",
    "OTHER_COLOUR",
    "PASS_COLOUR",
    "CSS_CLASS",
    "DownloadLinks",
    "LIMIT_BYTES",
    "LIMIT_TEXT",
    "MIME",
    "Offer",
    "Part",
    "AnswerView",
    "VegaChart",
    "accessible_slider",
    "bar_spec",
    "chart",
    "choice",
    "document_files",
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
    "vega_spec",
]
