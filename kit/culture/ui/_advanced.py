"""The "five advanced moves" app of the innovation lesson: a move, a first step and a start for each dimension.

The reading is :mod:`kit.culture._advanced`; this module builds the widgets
and saves the choices to the workspace (``innovation.advanced_moves``) as the
attendee goes.
"""

from __future__ import annotations

import ipywidgets as widgets
import pandas as pd

from kit.culture._advanced import (AdvancedMoves, Dimension, assess_moves, clean_moves, clean_step, load_moves,
                                   moves_document, moves_table)
from kit.toolkit import (AnswerView, Files, Part, choice, document_files, error_box, escape, guarded, joined, notice,
                         table_html)
from kit.workshop import parts
from kit.workshop.ui import Hush, SavedPart

STEM = "five-advanced-moves"


def dimension_html(dimension: Dimension, number: int) -> str:
    """A dimension's heading, its idea in plain words and its example."""
    return (f"<h3>{number}. {escape(dimension.title)}</h3><p>{escape(dimension.idea)}</p>"
            f"<p class='kit-meta'><strong>For example:</strong> {escape(dimension.example)}</p>")


def feedback_html(dimension: Dimension, move_id: str | None) -> str:
    """What the chosen move means for the dimension; nothing before a choice."""
    move = dimension.move(move_id or "")
    if move is None:
        return ""
    return notice(move.feedback, "success" if move.advanced else "warning")


def result_parts(activity: AdvancedMoves, saved: dict, downloads: bool = True) -> list[Part]:
    """The summary and the table of moves; the downloads last."""
    result = assess_moves(activity, saved)
    header, rows = moves_table(result)
    kind = "success" if len(result.advanced) == len(result.choices) else "info" if not result.not_yet else "warning"

    links = Files(document_files(lambda: moves_document(activity, saved), STEM,
                                 "your moves"))  # each file made when its link is clicked
    return [notice(result.summary(), kind),
            table_html(pd.DataFrame(rows, columns=header), caption="Your five moves"),
            links if downloads and result.chosen else ""]


def result_html(activity: AdvancedMoves, saved: dict) -> str:
    """:func:`result_parts` without downloads, as one HTML string."""
    return joined(result_parts(activity, saved, downloads=False))


class _Row:
    """The widgets of one dimension: the move, its feedback, the first step and when it starts."""

    def __init__(self, dimension: Dimension, number: int, horizons: list[tuple[str, str]]):
        self.dimension = dimension
        self.move = choice(dimension.question, [(m.text, m.id) for m in dimension.moves], f"kit-move-{dimension.id}")
        self.feedback = widgets.HTML()
        self.step = widgets.Text(description="Your first step (who does what, by when)", continuous_update=False,
                                 placeholder="e.g. Ask the three frontline team leads to a design session in March",
                                 layout=widgets.Layout(width="95%"))
        self.when = widgets.Dropdown(options=[("Choose when", "")] + horizons, value="",
                                     description="When will you start?")
        self.box = widgets.VBox([widgets.HTML(dimension_html(dimension, number)), self.move, self.feedback,
                                 self.step, self.when])

    def value(self) -> dict:
        return {"move": self.move.value or "", "step": clean_step(self.step.value), "when": self.when.value or ""}

    def put(self, saved: dict) -> None:
        self.move.value = saved.get("move") or None
        self.step.value = saved.get("step", "")
        self.when.value = saved.get("when", "")
        self.feedback.value = feedback_html(self.dimension, self.move.value)


def advanced_moves_app() -> widgets.VBox:
    """For each of the Advanced stage's dimensions: choose a move, see what it means, write a first step."""
    activity = load_moves()
    errors = error_box()
    horizons = [(h.label, h.id) for h in activity.horizons]
    rows = {d.id: _Row(d, n, horizons) for n, d in enumerate(activity.dimensions, start=1)}
    view = AnswerView()
    quiet = Hush()

    def value() -> dict:
        return {"moves": {d: r.value() for d, r in rows.items() if any(r.value().values())}}

    @guarded(errors, "update your moves")
    def refresh(change=None):
        if quiet.on:
            return
        for row in rows.values():
            row.feedback.value = feedback_html(row.dimension, row.move.value)
        now = value()
        if change is not None and part.save(now) is not now:
            return  # merged with another tab's save: show() has drawn it
        view.show(result_parts(activity, now["moves"]))

    def show(saved: dict, _why: str) -> None:
        kept = clean_moves(activity, (saved or {}).get("moves"))
        with quiet:
            for dimension_id, row in rows.items():
                row.put(kept.get(dimension_id, {}))
        refresh()

    part = SavedPart(parts.ADVANCED_MOVES, show, {"moves": {}})
    for row in rows.values():
        for widget in (row.move, row.step, row.when):
            widget.observe(refresh, names="value")
    refresh()
    box = widgets.VBox([errors, part.notice, *(r.box for r in rows.values()),
                        widgets.HTML("<h3>Your moves together</h3>"), view])
    box.add_class("kit-advanced-moves")
    return box
