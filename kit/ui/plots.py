"""Turn a matplotlib figure into PNG text for :func:`kit.ui.widgets.chart`.

matplotlib is imported here only, and through ``Figure`` rather than
``pyplot``, so no global state (backend, style) changes behind the reader.
"""

from __future__ import annotations

import base64
import io

from matplotlib.figure import Figure


def new_figure(width: float = 6.0, height: float = 3.5) -> Figure:
    """A fresh figure not registered with pyplot (nothing leaks between calls)."""
    return Figure(figsize=(width, height), dpi=100, layout="constrained")


def to_png(figure: Figure) -> str:
    """Return the figure as base64 PNG text, with fixed metadata so bytes repeat."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", metadata={"Software": None})
    return base64.b64encode(buffer.getvalue()).decode("ascii")
