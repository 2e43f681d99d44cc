"""The room's panels as HTML for a projector: large type, high contrast, a table for every figure, charts with words."""

from __future__ import annotations

from kit.documents import escape
from kit.room import Panel, Table
from kit.room.ui._charts import panel_chart

#: Black on white and white on navy (contrast above 12:1), type 1.4 times the page's.
STYLE = """<style>
.kit-room-view { font-size: 1.4em; color: #000; background: #fff; line-height: 1.4; }
.kit-room-view h2 { font-size: 1.5em; color: #10243f; border-bottom: 3px solid #10243f; margin-top: 1.2em; }
.kit-room-view h3 { font-size: 1.25em; color: #000; margin: 1em 0 0.3em; }
.kit-room-view table { border-collapse: collapse; margin: 0.6em 0 1em; }
.kit-room-view caption { text-align: left; font-weight: 700; padding: 0.3em 0; color: #000; }
.kit-room-view th, .kit-room-view td { border: 2px solid #000; padding: 0.35em 0.7em; text-align: left;
  vertical-align: top; color: #000; }
.kit-room-view th { background: #10243f; color: #fff; }
.kit-room-view .kit-room-waiting { font-weight: 700; color: #4a3000; background: #fdf5e4; padding: 0.3em 0.6em;
  border-left: 6px solid #8a5a00; }
.kit-room-view figure img { max-width: 100%; }
</style>"""


def _cell(value) -> str:
    return "" if value is None else escape(value)


def table_html(table: Table) -> str:
    """One panel table, every value escaped, header cells scoped for screen readers."""
    head = "".join(f'<th scope="col">{escape(name)}</th>' for name in table.header)
    body = "".join("<tr>" + "".join(f"<td>{_cell(v)}</td>" for v in row) + "</tr>" for row in table.rows)
    return (f'<table class="kit-table"><caption>{escape(table.caption)}</caption><thead><tr>{head}</tr></thead>'
            f"<tbody>{body}</tbody></table>")


def panel_html(panel: Panel, charts: bool = True) -> str:
    """A panel: its heading, its sentences, its chart (with a text alternative) and its tables."""
    css = "" if panel.ready or panel.id.startswith("note:") else ' class="kit-room-waiting"'
    lines = "".join(f"<p{css}>{escape(line)}</p>" for line in panel.lines)
    figure = panel_chart(panel) if charts else ""
    tables = "".join(table_html(table) for table in panel.tables)
    return (f'<section class="kit-room-panel" data-panel="{escape(panel.id)}"><h3>{escape(panel.title)}</h3>'
            f"{lines}{figure}{tables}</section>")


def panels_html(panels: list[Panel], charts: bool = True) -> str:
    """Every panel, grouped under its lesson's heading, in the order given."""
    from kit.workshop import lesson_label

    out, current = ['<div class="kit-room-view">'], None
    for panel in panels:
        if panel.lesson != current:
            current = panel.lesson
            label = lesson_label(current)
            out.append(f"<h2>{escape(label[:1].upper() + label[1:])}</h2>")
        out.append(panel_html(panel, charts))
    return "".join(out) + "</div>"
