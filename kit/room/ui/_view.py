"""The room's panels as HTML for a projector: large type, high contrast, a table for every figure, charts with words."""

from __future__ import annotations

from kit.documents import escape
from kit.room import WAITING, Panel, Table
from kit.room.ui._charts import panel_chart

#: Black on white, white on navy (contrast above 12:1); the room's type 1.4 times the page's, every control larger.
#: The selectors name ``table.kit-table`` so they outrank the lessons' own table style.
STYLE = """<style>
.kit-trainer-room { --jp-widgets-font-size: 18px; --jp-widgets-inline-height: 40px;
  --jp-widgets-inline-label-width: 9em; font-size: 18px; color: #000; }
.kit-trainer-room .widget-label, .kit-trainer-room .widget-inline-hbox .widget-label { font-size: 18px; color: #000; }
.kit-trainer-room input, .kit-trainer-room select, .kit-trainer-room button,
.kit-trainer-room .widget-dropdown select, .kit-trainer-room .widget-text input { font-size: 18px; height: 40px; }
.kit-trainer-room .widget-html-content { line-height: 1.45; }
.kit-trainer-room .kit-notice { font-size: 20px; }
.kit-trainer-room h2 { font-size: 1.6em; color: #10243f; }
.kit-trainer-room a.kit-download { font-size: 20px; color: #10243f; }
.kit-room-view { font-size: 1.4em; color: #000; background: #fff; line-height: 1.4; }
.kit-room-view h2 { font-size: 1.5em; color: #10243f; border-bottom: 3px solid #10243f; margin-top: 1.2em; }
.kit-room-view h3 { font-size: 1.25em; color: #000; margin: 1em 0 0.3em; }
.kit-room-view p { font-size: 1em; color: #000; }
.kit-room-view table.kit-table { border-collapse: collapse; margin: 0.6em 0 1em; font-size: 1em; }
.kit-room-view table.kit-table caption { text-align: left; font-weight: 700; padding: 0.3em 0; color: #000; }
.kit-room-view table.kit-table th, .kit-room-view table.kit-table td,
.jp-RenderedHTMLCommon .kit-room-view table.kit-table th, .jp-RenderedHTMLCommon .kit-room-view table.kit-table td {
  border: 2px solid #000; padding: 0.35em 0.7em; text-align: left; vertical-align: top; color: #000;
  background: #fff; font-size: 1em; }
.kit-room-view table.kit-table thead th, .jp-RenderedHTMLCommon .kit-room-view table.kit-table thead th {
  background: #10243f; color: #fff; }
.kit-room-view table.kit-table tbody th { font-weight: 700; }
.kit-room-view .kit-room-waiting { font-weight: 700; color: #4a3000; background: #fdf5e4; padding: 0.3em 0.6em;
  border-left: 6px solid #8a5a00; }
.kit-room-view figure { margin: 0.6em 0; }
.kit-room-view figure img { max-width: 100%; }
.kit-room-view details summary { cursor: pointer; }
.kit-sr-only { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden;
  clip: rect(0, 0, 0, 0); white-space: nowrap; border: 0; }
</style>"""


def _cell(value) -> str:
    return "" if value is None else escape(value)


def _groups(rows: tuple[tuple, ...]) -> list[list[tuple]]:
    """The rows in runs that share their first cell (a quiz question's options), in order."""
    runs: list[list[tuple]] = []
    for row in rows:
        if runs and row and runs[-1][0][:1] == row[:1]:
            runs[-1].append(row)
        else:
            runs.append([row])
    return runs


def table_html(table: Table, caption_shown: bool = True) -> str:
    """One panel table, every value escaped, header cells scoped for screen readers.

    The first cell of each row heads it; rows that share it (the options of one
    question) are grouped under one header cell instead of repeating it.
    ``caption_shown=False`` keeps the caption for screen readers only (the
    panel's heading already says it).
    """
    head = "".join(f'<th scope="col">{escape(name)}</th>' for name in table.header)
    hidden = "" if caption_shown else ' class="kit-sr-only"'
    if len(table.header) < 2:
        body = "<tbody>" + "".join("<tr>" + "".join(f"<td>{_cell(v)}</td>" for v in row) + "</tr>"
                                   for row in table.rows) + "</tbody>"
    else:
        body = ""
        for run in _groups(table.rows):
            span = f' scope="rowgroup" rowspan="{len(run)}"' if len(run) > 1 else ' scope="row"'
            lines = [f"<tr><th{span}>{_cell(run[0][0])}</th>" + "".join(f"<td>{_cell(v)}</td>" for v in run[0][1:])
                     + "</tr>"]
            lines += ["<tr>" + "".join(f"<td>{_cell(v)}</td>" for v in row[1:]) + "</tr>" for row in run[1:]]
            body += "<tbody>" + "".join(lines) + "</tbody>"
    return (f'<table class="kit-table"><caption{hidden}>{escape(table.caption)}</caption><thead><tr>{head}</tr>'
            f"</thead>{body}</table>")


def panel_html(panel: Panel, charts: bool = True) -> str:
    """A panel: its heading, its sentences, its chart (with a text alternative) and its tables."""
    css = "" if panel.ready or panel.id.startswith("note:") else ' class="kit-room-waiting"'
    lines = "".join(f"<p{css}>{escape(line)}</p>" for line in panel.lines)
    figure = panel_chart(panel) if charts else ""
    tables = "".join(table_html(table, caption_shown=table.caption != panel.title) for table in panel.tables)
    return (f'<section class="kit-room-panel" data-panel="{escape(panel.id)}"><h3>{escape(panel.title)}</h3>'
            f"{lines}{figure}{tables}</section>")


def _heading(lesson: str) -> str:
    from kit.workshop import lesson_label

    label = lesson_label(lesson)
    return label[:1].upper() + label[1:]


def panels_html(panels: list[Panel], charts: bool = True, waiting_apart: bool = False) -> str:
    """Every panel, grouped under its lesson's heading, in the order given.

    With ``waiting_apart``, a lesson none of whose panels has anything to show
    yet is not drawn panel by panel: one list at the end names those lessons, so
    the room's answers fill the screen.
    """
    lessons: dict[str, list[Panel]] = {}
    for panel in panels:
        lessons.setdefault(panel.lesson, []).append(panel)
    out, waiting = ['<div class="kit-room-view">'], []
    for lesson, found in lessons.items():
        if waiting_apart and not any(panel.ready or panel.id.startswith("note:") for panel in found):
            waiting.append(f"<li>{escape(_heading(lesson))}</li>")
            continue
        out.append(f"<h2>{escape(_heading(lesson))}</h2>")
        out += [panel_html(panel, charts) for panel in found]
    if waiting:
        out.append(f'<h2>Lessons with nothing to show yet</h2><p class="kit-room-waiting">Every figure of these '
                   f'lessons is {escape(WAITING)}; pick one above to see each of its questions.</p>'
                   f'<ul>{"".join(waiting)}</ul>')
    return "".join(out) + "</div>"
