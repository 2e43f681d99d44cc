"""The facilitator guide of one agenda as a printable page: the same Markdown as ``kit guide``, laid out for A4."""

from __future__ import annotations

import mistune

from kit.delivery._pdf import page
from kit.workshop import render_guide

_CSS = """
h1 { break-after: avoid; }
h3 { break-before: auto; }
h2 + h3 { break-before: avoid; }
table { font-size: 8.5pt; }
li { margin: 1pt 0; }
"""


def guide_html(agenda_name: str) -> str:
    """The guide for ``agenda_name``: its agenda, the room setups, and the run-sheet of each of its lessons.

    The Markdown is the kit's own (every text in it comes from content files);
    mistune escapes any HTML written in it, so a note can never add markup.
    """
    markdown = mistune.create_markdown(escape=True, plugins=["table", "task_lists"])
    body = markdown(render_guide(agenda_name))
    return page(f"Facilitator guide: {agenda_name}", body, _CSS)
