"""Pieces shared by the three apps of the policy lesson: stacked form labels and a document preview."""

from __future__ import annotations

import re

import ipywidgets as widgets

from kit.documents import Document, to_html_fragment
from kit.toolkit import escape

# Long questions read better above their answer box than squeezed beside it.
# The label stays the input's accessible name; only its position changes.
STACKED_CSS = """
<style>
.kit-stacked.widget-inline-hbox { flex-direction: column; align-items: stretch; height: auto; width: auto;
  align-self: stretch; }
.kit-stacked.widget-radio { width: auto; height: auto; }
.kit-stacked > .widget-label { width: auto !important; max-width: 100%; white-space: normal; text-align: left;
  line-height: 1.35; height: auto; font-weight: 600; margin: 0.5em 0 0.25em 0; color: #1a1a1a; }
.kit-stacked > input, .kit-stacked > select, .kit-stacked > textarea { flex: 0 0 auto; width: 100%; }
.kit-stacked > select { height: var(--jp-widgets-inline-height, 28px); }
.kit-stacked .widget-radio-box { height: auto; align-items: flex-start; }
.kit-stacked .widget-radio-box label { white-space: normal; line-height: 1.35; height: auto; margin: 0.15em 0; }
.kit-stacked .widget-radio-box input { width: auto; flex: none; margin-right: 0.5em; }
.kit-area-summary { margin: -0.3em 0 0.4em 1.8em; color: #4a4f57; font-size: 0.92em; }
.kit-doc-preview { border: 1px solid #8a94a6; border-radius: 6px; padding: 0.4em 1em; background: #fff;
  color: #1a1a1a; max-height: 34em; overflow-y: auto; }
.kit-doc-preview h3 { color: #10243f; } .kit-doc-preview h4 { color: #1d4f91; margin-bottom: 0.2em; }
.kit-doc-preview mark { background: #fdf5e4; color: #4a3000; border-bottom: 2px dashed #8a5a00; }
.kit-doc-preview .meta { color: #4a4f57; }
.kit-step { background: #eef3fa; color: #10243f; border-radius: 6px; padding: 0.2em 1em; margin-top: 0.5em; }
.kit-level { font-size: 1.25em; font-weight: 700; }
</style>
"""
_TO_DECIDE = re.compile(r"\[to decide: [^\]<]*\]")


def styles() -> widgets.HTML:
    """The lesson-07 styles, as a widget to put at the top of each app."""
    return widgets.HTML(STACKED_CSS)


def stacked(widget: widgets.Widget) -> widgets.Widget:
    """Show the widget's description above it, full width (see :data:`STACKED_CSS`)."""
    widget.add_class("kit-stacked")
    widget.style.description_width = "initial"
    return widget


def document_preview(doc: Document, label: str) -> str:
    """The document as an HTML fragment for the page, escaped by :func:`kit.documents._export.to_html_fragment`.

    Headings start at level 3 to sit under the lesson's own, and each
    "[to decide: ...]" gap is highlighted (the text is already escaped, so the
    mark wraps plain text only). The box scrolls, so it is focusable and named
    for keyboard and screen-reader users.
    """
    body = _TO_DECIDE.sub(lambda match: f"<mark>{match[0]}</mark>", to_html_fragment(doc, heading_level=3))
    return (f'<div class="kit-doc-preview" role="region" tabindex="0" aria-label="{escape(label)}">'
            f"{body}</div>")
