"""The self-check quiz widget: radio buttons or checkboxes, a check button, feedback, saved answers."""

from __future__ import annotations

import ipywidgets as widgets
from ipywidgets.widgets.widget_bool import CheckboxStyle
from ipywidgets.widgets.widget_description import DescriptionStyle
from ipywidgets.widgets.widget_string import HTMLStyle

from kit.workshop._quiz import Question, grade, load_quiz, score
from kit.toolkit import error_box, escape, guarded, notice
from kit.workshop import parts
from kit.workshop.ui._workspace import SavedPart


class SharedStyles:
    """One layout and one style model for every widget of a quiz: fewer models to send to the page."""

    def __init__(self):
        self.auto = widgets.Layout(width="auto")
        self.box = widgets.Layout()
        self.label = DescriptionStyle(description_width="initial")
        self.checkbox = CheckboxStyle()
        self.button = widgets.ButtonStyle()
        self.html = HTMLStyle()


def answer_picker(question: Question, shared: SharedStyles) -> widgets.Widget:
    """Radio buttons for a single-answer question, checkboxes for a multiple-answer one."""
    labels = [option.text for option in question.options]
    if question.kind == "single":
        return widgets.RadioButtons(options=[(label, i) for i, label in enumerate(labels)], value=None,
                                    description="Your answer", layout=shared.auto, style=shared.label)
    return widgets.VBox([widgets.Checkbox(description=label, value=False, indent=False, layout=shared.auto,
                                          style=shared.checkbox) for label in labels], layout=shared.box)


def picked(question: Question, choices: widgets.Widget) -> set[int]:
    """The positions of the options ticked in an :func:`answer_picker`."""
    if question.kind == "single":
        return set() if choices.value is None else {choices.value}
    return {i for i, box in enumerate(choices.children) if box.value}


def set_picked(question: Question, choices: widgets.Widget, chosen: list[int]) -> None:
    """Tick the options at ``chosen`` in an :func:`answer_picker` (a saved answer coming back)."""
    if question.kind == "single":
        choices.value = chosen[0] if chosen else None
    else:
        for i, box in enumerate(choices.children):
            box.value = i in chosen


#: Said after a question with more than one right answer, unless the question already says so.
MULTIPLE_HINT = " (tick every answer that applies)"


def multiple_hint(question: Question) -> str:
    """The hint that more than one answer may be right; empty when the question's own words say it."""
    words = question.question.casefold()
    if question.kind != "multiple" or "tick" in words or "all that apply" in words:
        return ""
    return MULTIPLE_HINT


def quiz(name: str) -> widgets.VBox:
    """The quiz ``kit/content/quizzes/<name>.yaml``; answers and score are saved to the workspace."""
    questions = load_quiz(name)
    key = f"quiz.{name}"
    answers: dict[str, list[int]] = {}
    total = widgets.HTML()
    errors = error_box()
    rows, pickers, outcomes = [], {}, {}
    shared = SharedStyles()

    def show_score():
        right, count = score(questions, answers)
        total.value = notice(f"Your score: {right} of {count} correct.", "info") if answers else ""

    def show(question: Question) -> None:
        result = grade(question, set(answers.get(question.id, [])))
        kind = "success" if result.correct else "warning"
        details = "".join(f"<li>{escape(text)}</li>" for text in result.feedback)
        outcomes[question.id].value = (notice(result.message, kind)
                                       + (f"<ul>{details}</ul>" if details else ""))

    for number, question in enumerate(questions, start=1):
        choices = answer_picker(question, shared)
        button = widgets.Button(description="Check my answer", layout=shared.auto, style=shared.button)
        outcome = widgets.HTML(layout=shared.box, style=shared.html)
        pickers[question.id], outcomes[question.id] = choices, outcome

        @guarded(errors, "check your answer")
        def on_check(_, question=question, choices=choices):
            answers[question.id] = sorted(picked(question, choices))
            show(question)
            show_score()
            part.save({"answers": dict(answers)})

        button.on_click(on_check)
        hint = multiple_hint(question)
        heading = widgets.HTML(f"<p><strong>{number}. {escape(question.question)}</strong>{escape(hint)}</p>",
                               layout=shared.box, style=shared.html)
        rows.append(widgets.VBox([heading, choices, button, outcome], layout=shared.box))

    def restore(saved: dict, _why: str) -> None:
        answers.clear()
        answers.update({k: v for k, v in (saved.get("answers") or {}).items() if k in pickers})
        for question in questions:
            set_picked(question, pickers[question.id], answers.get(question.id, []))
            outcomes[question.id].value = ""
            if question.id in answers:
                show(question)
        show_score()

    part = SavedPart(parts.QUIZZES, restore, {"answers": {}}, key=key)
    box = widgets.VBox(rows + [total, part.notice, errors])
    box.add_class("kit-quiz")
    return box
