"""The knowledge check, taken at the start (the start lesson) and again at the end (the capstone), with the change shown.

The questions are shown with the self-check quiz's own pieces
(:mod:`kit.workshop.ui._quiz`); answers are saved as they are chosen. The
check at the start shows no right answers, so the end can show a real change.
"""

from __future__ import annotations

from typing import Callable

import ipywidgets as widgets

from kit.delivery._knowledge_check import Change, change_summary, check_questions
from kit.toolkit import error_box, escape, guarded, notice, table_html
from kit.workshop import lesson_label, parts, session
from kit.workshop.ui import SavedPart, SharedStyles, answer_picker, picked, set_picked


class _Questions:
    """The check's questions on the page: their widgets, the answers chosen, and a call on every change."""

    def __init__(self, on_answer: Callable[[], None], errors: widgets.HTML):
        self.items = check_questions()
        self.answers: dict[str, list[int]] = {}
        self.pickers: dict[str, widgets.Widget] = {}
        self._loading = False
        shared = SharedStyles()
        self.rows = []
        for number, item in enumerate(self.items, start=1):
            choices = answer_picker(item.question, shared)
            if isinstance(choices, widgets.RadioButtons):
                choices.description = f"Your answer to question {number}"
            hint = " (tick every answer that applies)" if item.question.kind == "multiple" else ""
            heading = widgets.HTML(f"<p><strong>{number}. {escape(item.question.question)}</strong>{escape(hint)}</p>",
                                   layout=shared.box, style=shared.html)

            @guarded(errors, "save your answer")
            def changed(_change, item=item, choices=choices):
                if self._loading:
                    return
                chosen = sorted(picked(item.question, choices))
                if chosen:
                    self.answers[item.key] = chosen
                else:
                    self.answers.pop(item.key, None)
                on_answer()

            for control in [choices] if isinstance(choices, widgets.RadioButtons) else choices.children:
                control.observe(changed, names="value")
            self.pickers[item.key] = choices
            self.rows.append(widgets.VBox([heading, choices], layout=shared.box))

    def show(self, saved: dict | None) -> None:
        """Put saved answers on the screen without saving them again."""
        known = {item.key: len(item.question.options) for item in self.items}
        valid = {k: [i for i in v if 0 <= i < known[k]] for k, v in (saved or {}).items() if k in known}
        self.answers = {k: v for k, v in valid.items() if v}  # an option a trainer removed is dropped
        self._loading = True
        try:
            for item in self.items:
                set_picked(item.question, self.pickers[item.key], self.answers.get(item.key, []))
        finally:
            self._loading = False


def _box(rows: list[widgets.Widget], css_class: str) -> widgets.VBox:
    box = widgets.VBox(rows)
    box.add_class(css_class)
    return box


def before_check() -> widgets.VBox:
    """The check at the start: questions only, saved as they are answered; results come in the capstone."""
    errors, status = error_box(), widgets.HTML()

    def say() -> None:
        count, total = len(questions.answers), len(questions.items)
        status.value = notice(f"You have answered {count} of {total}. Your answers are saved as you choose them; "
                              f"{lesson_label('action_plan')} asks the same questions and shows what changed.",
                              "success" if count == total else "info")

    def answered() -> None:
        part.save({"answers": dict(questions.answers)})
        say()

    def restore(saved: dict, _why: str) -> None:
        questions.show(saved.get("answers"))
        say()

    questions = _Questions(answered, errors)
    part = SavedPart(parts.BEFORE_CHECK, restore, {"answers": {}})
    say()
    return _box([*questions.rows, status, part.notice, errors], "kit-before-check")


OPEN_FIRST = ("Open your workspace with your code (above) first: your answers from the start of the workshop "
              "are kept there, and the change is counted from them.")


def _change_html(change: Change) -> str:
    if session.current() is None:
        return notice(OPEN_FIRST)
    words = notice(change.words(), "success" if change.before is not None and change.answered_now else "info")
    if not change.answered_now:
        return words
    import pandas as pd  # only the check at the end draws this table: the start page stays light

    header, rows = change.table()
    return words + table_html(pd.DataFrame(rows, columns=header), caption="Each question, at the start and now")


def after_check() -> widgets.VBox:
    """The check at the end: the same questions, saved as they are answered, and the change since the start."""
    errors, result = error_box(), widgets.HTML()
    before: dict[str, dict] = {"answers": {}}

    def show_change() -> None:
        result.value = _change_html(change_summary(before["answers"], questions.answers))

    def answered() -> None:
        part.save({"answers": dict(questions.answers), "before": before["answers"] or None})
        show_change()

    def restore(saved: dict, _why: str) -> None:
        questions.show(saved.get("answers"))
        show_change()

    def restore_before(saved: dict, _why: str) -> None:
        before["answers"] = dict(saved.get("answers") or {})
        show_change()

    questions = _Questions(answered, errors)
    start = SavedPart(parts.BEFORE_CHECK, restore_before, {"answers": {}})  # read here, never saved
    part = SavedPart(parts.AFTER_CHECK, restore, {"answers": {}})
    session.on_switch(lambda _workspace, _clear: show_change())  # even when neither part has anything saved
    show_change()
    return _box([*questions.rows, result, start.notice, part.notice, errors], "kit-after-check")
