"""A view that shows the words of an answer at once and its slow parts just after.

ipywidgets sends each change to the page as soon as it is made. A view made of
several HTML parts, filled words first, lets the attendee read the answer
while the kernel is still writing the Word file, instead of waiting for all of
it. A slow part is given as a function that returns its HTML; it is called only
after every ready part has been sent, and when the view answers a change in a
kernel, by :func:`fill_later` in the background. A chart is a
:class:`BrowserChart` part: the view sends its specification and the
attendee's browser draws it (:class:`kit.toolkit.VegaChart`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import ipywidgets as widgets

from kit.toolkit._slow_parts import fill_later
from kit.toolkit._vega import VegaChart
from kit.toolkit._widgets import chart, escape

if TYPE_CHECKING:
    from kit.toolkit._plots import Figure


@dataclass(frozen=True)
class BrowserChart:
    """A chart part: a Vega-Lite ``spec`` with its text alternative, data table and caption.

    ``figure`` draws the same chart with matplotlib for a page that is drawn once (:func:`joined`),
    shown with the same text alternative, table and caption; without it such a page shows the
    caption, the text alternative and the table.
    """

    spec: dict
    alt: str
    table_html: str = ""
    caption: str = ""
    figure: Callable[[], Figure] | None = None

    def html(self) -> str:
        """The chart for a page drawn once."""
        if self.figure is not None:
            from kit.toolkit._plots import to_png  # matplotlib loads only for a page drawn once

            return chart(to_png(self.figure()), self.alt, self.table_html, self.caption)
        caption = f"<figcaption>{escape(self.caption)}</figcaption>" if self.caption else ""
        return f'<figure class="kit-chart">{caption}<p>{escape(self.alt)}</p>{self.table_html}</figure>'


#: One part of a view: its HTML, a function that makes it (download links), or a chart.
Part = str | Callable[[], str] | BrowserChart


def joined(parts: Sequence[Part]) -> str:
    """Every part as one HTML string, for a page that is drawn once."""
    return "".join(part.html() if isinstance(part, BrowserChart) else part() if callable(part) else part
                   for part in parts)


class StagedHTML(widgets.VBox):
    """HTML in parts: words first, then the slow parts in the order given."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.add_class("kit-staged")

    @property
    def value(self) -> str:
        """What is on show, all parts together (a chart by its caption, text alternative and table)."""
        return "".join(f"{box.caption} {box.alt} {box.table_html}" if isinstance(box, VegaChart) else box.value
                       for box in self.children)

    def show(self, parts: Sequence[Part]) -> None:
        """Replace the view with ``parts``: the ready ones and the charts at once, then each slow one as it is made."""
        boxes = list(self.children) + [widgets.HTML() for _ in range(len(parts) - len(self.children))]
        for i, part in enumerate(parts):  # a chart needs a chart box, HTML an HTML box
            if isinstance(part, BrowserChart) != isinstance(boxes[i], VegaChart):
                boxes[i] = VegaChart() if isinstance(part, BrowserChart) else widgets.HTML()
        if boxes != list(self.children):
            self.children = tuple(boxes)
        for box, part in zip(boxes, parts):
            if isinstance(part, BrowserChart):
                box.show(part.spec, part.alt, part.table_html, part.caption)
            elif not callable(part):
                box.value = part
        for box in boxes[len(parts):]:
            if isinstance(box, VegaChart):
                box.layout.display = "none"
            else:
                box.value = ""
        for box, part in zip(boxes, parts):
            box.layout.display = None
            if callable(part) and not isinstance(part, BrowserChart):
                fill_later(box, part)
