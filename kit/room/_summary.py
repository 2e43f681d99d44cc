"""The room's summary: every panel as one :class:`kit.documents.Document`, written as HTML, CSV or JSON.

The same panels feed the trainer page, ``kit room summary`` and the page's
downloads, so they all say the same thing. The HTML escapes every value
(:func:`kit.documents.to_html`); the CSV is long (one figure per row: panel,
row, column, value) and every cell is neutralised (:func:`kit.documents.safe_csv`).
"""

from __future__ import annotations

import json

from kit.documents import Document, Section, safe_csv, to_html
from kit.room._aggregates import Panel
from kit.room._contributions import MIN_ANSWERS

FORMATS = ("json", "html", "csv")


def _cell(value) -> str:
    return "" if value is None else str(value)


def summary_document(room_name: str, panels: list[Panel], answers: int) -> Document:
    """The room's panels as a document: a section per table, led by the panel's sentences.

    Parameters
    ----------
    room_name : str
        The room's name, as the trainer gave it.
    panels : list of Panel
        From :func:`kit.room.room_panels`.
    answers : int
        How many attendees have contributed anything.
    """
    sections = []
    for panel in panels:
        tables = panel.tables or (None,)
        for n, table in enumerate(tables):
            heading = panel.title if n == 0 else f"{panel.title}: {table.caption}"
            sections.append(Section(heading, paragraphs=list(panel.lines) if n == 0 else [],
                                    table=None if table is None else
                                    (list(table.header), [[_cell(v) for v in row] for row in table.rows])))
    subtitle = (f"Room: {room_name}. {answers} attendee{'s' if answers != 1 else ''} contributed. Aggregates "
                f"only: nothing is shown for fewer than {MIN_ANSWERS} answers, and no name is kept.")
    return Document("The room's answers", sections, subtitle=subtitle)


def summary_csv(panels: list[Panel]) -> str:
    """Spreadsheet-safe CSV, one figure per row: lesson, panel, table, row, column, value."""
    rows = []
    for panel in panels:
        if not panel.tables:
            rows += [[panel.lesson, panel.title, "", "", "", line] for line in panel.lines]
        for table in panel.tables:
            for number, row in enumerate(table.rows, start=1):
                rows += [[panel.lesson, panel.title, table.caption, number, column, value]
                         for column, value in zip(table.header, row)]
    return safe_csv(["Lesson", "Panel", "Table", "Row", "Column", "Value"], rows)


def summary_json(room_name: str, panels: list[Panel], answers: int) -> str:
    """The panels as JSON: the room's name, how many contributed, and each panel's words, tables and numbers."""
    return json.dumps({"room": room_name, "attendees": answers, "panels": [p.to_dict() for p in panels]},
                      indent=2, ensure_ascii=False, default=str)


def write_summary(fmt: str, room_name: str, panels: list[Panel], answers: int) -> str:
    """The summary in ``fmt`` (json, html or csv)."""
    if fmt == "json":
        return summary_json(room_name, panels, answers)
    if fmt == "html":
        return to_html(summary_document(room_name, panels, answers))
    if fmt == "csv":
        return summary_csv(panels)
    raise ValueError(f"There is no summary format {fmt!r}; use one of {', '.join(FORMATS)}.")
