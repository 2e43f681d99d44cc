"""The shared widget toolkit every app is built from: notices, guarded callbacks, charts, tables, downloads, uploads."""

from kit import lazy_names
from kit.toolkit._bar_spec import FLAG_COLOUR, OTHER_COLOUR, PASS_COLOUR, Bar, Line, bar_spec
from kit.toolkit._choices import CSS_CLASS, choice, group_heading
from kit.toolkit._downloads import MIME, document_downloads, download_bar, download_link
from kit.toolkit._slow_parts import fill_later, wait_for_slow_parts
from kit.toolkit._staged import BrowserChart, Part, StagedHTML, joined
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
    "Line",
    "OTHER_COLOUR",
    "PASS_COLOUR",
    "CSS_CLASS",
    "LIMIT_BYTES",
    "LIMIT_TEXT",
    "MIME",
    "Part",
    "StagedHTML",
    "VegaChart",
    "accessible_slider",
    "bar_spec",
    "chart",
    "choice",
    "document_downloads",
    "download_bar",
    "download_link",
    "error_box",
    "escape",
    "file_upload",
    "fill_later",
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
    "wait_for_slow_parts",
]
