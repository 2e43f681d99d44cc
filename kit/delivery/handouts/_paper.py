"""The pieces paper forms are made of: escaped tables, tick boxes, writing boxes and answer lines.

Every piece escapes the text it is given; :class:`Html` marks a fragment that
is already safe (made here from escaped parts), so a table cell can hold a tick
box without letting raw content through.
"""

from __future__ import annotations

from typing import Iterable, Sequence

from kit.documents import escape, inline_markdown


class Html(str):
    """A fragment of HTML that is already escaped."""


def html(value: object) -> Html:
    """``value`` as safe HTML: a fragment made here stays as it is, anything else is escaped."""
    return value if isinstance(value, Html) else Html(escape(value))


def inline(text: object) -> Html:
    """Text written with the content files' inline Markdown (``*em*``, ``**strong**``, `` `code` ``), escaped first."""
    return Html(inline_markdown(text))


def join(*parts: object) -> Html:
    """Fragments and plain text side by side, the text escaped."""
    return Html("".join(html(part) for part in parts))


def tag(name: str, content: object = "", cls: str = "") -> Html:
    """``<name class="cls">content</name>``, the content escaped unless it is :class:`Html`."""
    attribute = f' class="{escape(cls)}"' if cls else ""
    return Html(f"<{name}{attribute}>{html(content)}</{name}>")


#: A table of at most this many rows is kept on one page with its caption.
KEEP_ROWS = 8

#: An empty tick box to mark with a pen.
BOX = Html('<span class="box"></span>')


def ticks(labels: Iterable[object], cls: str = "ticks") -> Html:
    """A list of choices, each after a tick box."""
    return tag("ul", join(*(tag("li", join(BOX, label)) for label in labels)), cls)


def write(cls: str = "") -> Html:
    """A box to write in; ``cls`` is ``small`` for one line, ``large`` for a paragraph."""
    return Html(f'<div class="write{" " + escape(cls) if cls else ""}"></div>')


def labelled_write(label: object, cls: str = "") -> Html:
    """A label above a box to write in."""
    return join(tag("p", label, "label"), write(cls))


def lines(labels: Iterable[object]) -> Html:
    """Labelled lines to fill in, such as a name and a date."""
    return tag("div", join(*(tag("p", join(tag("span", label), Html('<span class="fill"></span>')), "line")
                             for label in labels)), "lines")


def bullets(items: Iterable[object], ordered: bool = False) -> Html:
    """A bulleted (or numbered) list; empty when there is nothing to list."""
    items = list(items)
    return tag("ol" if ordered else "ul", join(*(tag("li", item) for item in items))) if items else Html("")


def table(header: Sequence[object], rows: Iterable[Sequence[object]], caption: object = "",
          row_headers: bool = True, blank_rows: int = 0, cls: str = "") -> Html:
    """An accessible table: column headers with ``scope="col"``, and each row's first cell a row header.

    Parameters
    ----------
    header : the column headings.
    rows : the cells, row by row; text is escaped, :class:`Html` kept.
    caption : what the table holds, read before it.
    row_headers : whether each row's first cell names the row (``scope="row"``).
    blank_rows : empty rows to write in, added after ``rows``.
    """
    head = "".join(f'<th scope="col">{html(cell)}</th>' for cell in header)
    body = []
    for row in rows:
        cells = [f'<th scope="row">{html(cell)}</th>' if i == 0 and row_headers else f"<td>{html(cell)}</td>"
                 for i, cell in enumerate(row)]
        body.append(f"<tr>{''.join(cells)}</tr>")
    body += [f'<tr class="blank">{"<td></td>" * len(header)}</tr>'] * blank_rows
    caption_html = f"<caption>{html(caption)}</caption>" if caption else ""
    attribute = f' class="{escape(cls)}"' if cls else ""
    out = f"<table{attribute}>{caption_html}<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"
    return Html(f'<div class="keep">{out}</div>' if len(body) <= KEEP_ROWS else out)


def notes_frame(prompt: object) -> Html:
    """A clean frame for a lesson whose activity has no paper form: a prompt and a large box."""
    return join(tag("p", prompt), write("large"))
