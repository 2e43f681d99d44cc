"""A view that shows the words of an answer at once and its slow parts just after.

ipywidgets sends each change to the page as soon as it is made. A view made of
several HTML parts, filled words first, lets the attendee read the answer
while the kernel is still drawing the chart or writing the Word file, instead
of waiting for all of it. A slow part is given as a function that returns its
HTML; it is called only after every ready part has been sent, and when the
view answers a change in a kernel, by :func:`fill_later` in the background.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import ipywidgets as widgets

from kit.toolkit._slow_parts import fill_later

#: One part of a view: its HTML, or a function that makes it (a chart, download links).
Part = str | Callable[[], str]


def joined(parts: Sequence[Part]) -> str:
    """Every part as one HTML string, for a page that is drawn once."""
    return "".join(part() if callable(part) else part for part in parts)


class StagedHTML(widgets.VBox):
    """HTML in parts: words first, then the slow parts in the order given."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.add_class("kit-staged")

    @property
    def value(self) -> str:
        """The HTML on show, all parts together."""
        return "".join(box.value for box in self.children)

    def show(self, parts: Sequence[Part]) -> None:
        """Replace the view with ``parts``: the ready ones at once, then each slow one as it is made."""
        while len(self.children) < len(parts):
            self.children = (*self.children, widgets.HTML())
        boxes = self.children
        for box, part in zip(boxes, parts):
            if not callable(part):
                box.value = part
        for box in boxes[len(parts):]:
            box.value = ""
        for box, part in zip(boxes, parts):
            if callable(part):
                fill_later(box, part)
