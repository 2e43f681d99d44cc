"""A chart drawn by the browser from a Vega-Lite specification, with its text alternative and numbers.

A click that redraws a matplotlib chart costs the kernel 100 to 300 ms; sending a
specification costs about a millisecond, and the attendee's browser does the
drawing (see the README's performance section). Charts for documents and
handouts stay with matplotlib (:mod:`kit.toolkit._plots`).
"""

from __future__ import annotations

import os
from pathlib import Path

import anywidget
import traitlets

from kit.paths import SERVED_CODE_DIR, SERVED_CODE_ENV
from kit.toolkit._widgets import require_alt

#: Vega-Lite's schema: what a specification from the kit follows.
SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json"
#: Shared settings: no per-mark ARIA (the figure has one text alternative), plain fonts, no outer frame.
CONFIG = {"aria": False, "font": "sans-serif", "view": {"stroke": None},
          "axis": {"labelColor": "#000000", "titleColor": "#000000", "labelFontSize": 12, "titleFontSize": 12},
          "legend": {"labelColor": "#000000", "titleColor": "#000000", "labelFontSize": 12, "titleFontSize": 12},
          "header": {"labelColor": "#000000", "labelFontSize": 13}}


def vega_spec(**parts) -> dict:
    """A Vega-Lite specification with the kit's schema and shared settings; ``parts`` are its top-level keys."""
    return {"$schema": SCHEMA, "config": CONFIG, **parts}


def chart_code() -> Path:
    """The browser code each chart sends: a small loader under ``kit serve``, the whole bundle elsewhere.

    ``kit serve`` serves the bundle as a file and marks its kernels (``kit.server.voila_environment``),
    so a page fetches the 900 KB once instead of once per chart; JupyterLab, the hub and Binder have
    no such file, so their charts carry the bundle themselves.
    """
    name = "vega_chart_loader.js" if os.environ.get(SERVED_CODE_ENV) else "vega_chart.js"
    return SERVED_CODE_DIR / name


class VegaChart(anywidget.AnyWidget):
    """A ``<figure>``: a caption, the chart (read aloud as one image by ``alt``) and its data table."""

    _esm = chart_code()
    spec = traitlets.Dict().tag(sync=True)
    alt = traitlets.Unicode().tag(sync=True)
    caption = traitlets.Unicode().tag(sync=True)
    table_html = traitlets.Unicode().tag(sync=True)

    def show(self, spec: dict, alt: str, table_html: str = "", caption: str = "") -> None:
        """Draw ``spec`` with its text alternative ``alt``; the page redraws once for all four.

        Parameters
        ----------
        spec : dict
            A Vega-Lite specification (see :func:`vega_spec`).
        alt : str
            What the chart shows, in words; read aloud by screen readers.
        table_html : str
            The numbers behind the chart, already rendered (and escaped) as a table.
        caption : str
            A visible title.
        """
        require_alt(alt)
        with self.hold_sync():
            self.alt, self.table_html, self.caption, self.spec = alt, table_html, caption, spec
