"""A view of an answer in parts: HTML, charts the browser draws, and download links.

An app's answer to a change is its words, often a chart, and the files to take
home. A :class:`BrowserChart` part sends the chart's specification and the
attendee's browser draws it (:class:`kit.toolkit.VegaChart`); a
:class:`~kit.toolkit._download_links.Files` part sends the files' names, and
the kernel makes a file only when its link is clicked. Nothing slow is left in
the answer itself, so a room's 30 simultaneous changes are answered together
(see the README's performance section). :func:`joined` makes the same parts
into one page drawn once, with the chart as a picture and the files carried by
their links.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import ipywidgets as widgets

from kit.toolkit._download_links import DownloadLinks, Files
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


#: One part of a view: its HTML, a chart, or download links.
Part = str | BrowserChart | Files
#: The widget that shows each kind of part.
_BOX = {BrowserChart: VegaChart, Files: DownloadLinks}


def _box_for(part: Part) -> type[widgets.DOMWidget]:
    return _BOX.get(type(part), widgets.HTML)


def _shown(box: widgets.DOMWidget) -> str:
    """What a box shows, as text: a chart by its caption, text alternative and table, links by their labels."""
    if isinstance(box, VegaChart):
        return f"{box.caption} {box.alt} {box.table_html}"
    if isinstance(box, DownloadLinks):
        return " ".join(item["label"] for item in box.files)
    return box.value


def joined(parts: Sequence[Part]) -> str:
    """Every part as one HTML string, for a page that is drawn once."""
    return "".join(part if isinstance(part, str) else part.html() for part in parts)


class AnswerView(widgets.VBox):
    """An answer in parts, each in the widget that shows its kind: HTML, a chart, a row of download links."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.add_class("kit-answer-view")

    @property
    def value(self) -> str:
        """What is on show, all parts together (see :func:`_shown`)."""
        return "".join(_shown(box) for box in self.children)

    def show(self, parts: Sequence[Part]) -> None:
        """Replace the view with ``parts``, in one message per changed part."""
        boxes = list(self.children) + [widgets.HTML() for _ in range(len(parts) - len(self.children))]
        for i, part in enumerate(parts):  # a chart needs a chart box, links a row of links, HTML an HTML box
            if not isinstance(boxes[i], _box_for(part)):
                boxes[i] = _box_for(part)()
        if boxes != list(self.children):
            self.children = tuple(boxes)
        for box, part in zip(boxes, parts):
            if isinstance(part, BrowserChart):
                box.show(part.spec, part.alt, part.table_html, part.caption)
            elif isinstance(part, Files):
                box.offer(part.offers)
            else:
                box.value = part
        for box in boxes[len(parts):]:  # left from a longer answer: emptied, a chart hidden
            if isinstance(box, widgets.HTML):
                box.value = ""
            elif isinstance(box, DownloadLinks):
                box.clear()
            else:
                box.layout.display = "none"
        for box in boxes[:len(parts)]:
            box.layout.display = None
