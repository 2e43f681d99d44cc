"""The human-in-the-loop walk-through of the policy lesson: one question at a time, to a recommendation."""

from __future__ import annotations

import ipywidgets as widgets
import pandas as pd

from kit.workshop import parts
from kit.governance._decision_tree import QuestionNode, Walk, follow, saved_value, tree
from kit.governance.ui._forms import stacked, styles
from kit.toolkit import table_html
from kit.toolkit import error_box, escape, guarded
from kit.workshop.ui import SavedPart


def outcomes_html() -> str:
    """Every recommendation the walk-through can end in, as a table, from the data file."""
    rows = [{"Recommendation": node.recommendation, "Level of human involvement": node.level,
             "What it means": node.explanation}
            for node in tree().nodes.values() if not isinstance(node, QuestionNode)]
    return table_html(pd.DataFrame(rows), caption="Where the walk-through can end")


def _question_html(walk: Walk) -> str:
    node = walk.current
    asked = len(walk.steps) + 1
    most = len(walk.steps) + tree().questions_left(node.id)
    help_text = f'<p class="kit-meta">{escape(node.help)}</p>' if node.help else ""
    return (f'<div class="kit-step"><p class="kit-meta">Question {asked} of at most {most}</p>'
            f"<p><strong>{escape(node.question)}</strong></p>{help_text}</div>")


def _outcome_html(walk: Walk) -> str:
    outcome = walk.outcome
    reasons = "".join(f"<li>{escape(r)}</li>" for r in walk.reasons)
    safeguards = "".join(f"<li>{escape(s)}</li>" for s in outcome.safeguards)
    return (f'<div class="kit-notice kit-success"><p class="kit-level">Recommendation: {escape(outcome.recommendation)}'
            f"</p><p><strong>Level of human involvement:</strong> {escape(outcome.level)}</p>"
            f"<p>{escape(outcome.explanation)}</p></div>"
            f"<p><strong>Why</strong></p><ul>{reasons}</ul>"
            f"<p><strong>What to put in place</strong></p><ul>{safeguards}</ul>")


def _path_html(walk: Walk) -> str:
    if not walk.steps:
        return ""
    rows = [{"Question": node.question, "Your answer": node.answers[i].label} for node, i in walk.steps]
    return table_html(pd.DataFrame(rows), caption="Your answers")


def decision_tree() -> widgets.VBox:
    """The walk-through with Next, Back and Start again; the path and outcome autosave.

    Keyboard: Tab to the answers, arrow keys to choose, Tab to Next and press
    Enter. The question area is a live region, so screen readers announce
    each new question and the recommendation.
    """
    errors = error_box()
    decision = stacked(widgets.Text(description="Which decision are you checking?", continuous_update=False,
                                    placeholder="e.g. ranking sales enquiries so the team calls the best leads first"))
    step = widgets.HTML()
    answer = stacked(widgets.RadioButtons(options=[], value=None, description="Your answer"))
    next_button = widgets.Button(description="Next", button_style="primary", layout=widgets.Layout(width="auto"))
    back = widgets.Button(description="Back", layout=widgets.Layout(width="auto"))
    again = widgets.Button(description="Start again", layout=widgets.Layout(width="auto"))
    path = widgets.HTML()
    live = widgets.VBox([step, answer])
    live.add_class("kit-walk-live")
    choices: list[int] = []
    restoring = {"now": False}

    def show(preselect: int | None = None) -> Walk:
        walk = follow(choices)
        at_question = walk.outcome is None
        restoring["now"] = True
        try:  # the answers change first, the question last: a new question means the answers are ready
            answer.options = [(a.label, i) for i, a in enumerate(walk.current.answers)] if at_question else []
            answer.value = preselect
        finally:
            restoring["now"] = False
        answer.layout.display = next_button.layout.display = None if at_question else "none"
        back.disabled = not choices
        path.value = _path_html(walk)
        step.value = (f'<div role="status" aria-live="polite">'
                      f"{_question_html(walk) if at_question else _outcome_html(walk)}</div>")
        return walk

    def save() -> None:
        part.save(saved_value(decision.value, choices))  # a merge with another tab's walk is shown at once

    @guarded(errors, "go to the next question")
    def on_next(_):
        if answer.value is None:
            raise ValueError("Choose an answer first, then press Next.")
        choices.append(answer.value)
        show()
        save()

    @guarded(errors, "go back")
    def on_back(_):
        if choices:
            show(preselect=choices.pop())
            save()

    @guarded(errors, "start again")
    def on_again(_):
        choices.clear()
        show()
        save()

    @guarded(errors, "save the decision")
    def on_decision(_):
        if not restoring["now"]:
            save()

    def show_saved(saved: dict, _why: str) -> None:
        """Put a saved walk on the screen without saving it: the path is replayed from the choices."""
        saved = saved or {}
        restoring["now"] = True
        try:
            decision.value = str(saved.get("decision") or "")
        finally:
            restoring["now"] = False
        choices[:] = follow(saved.get("choices") or [], strict=False).choices
        errors.value = ""  # "Choose an answer first" belonged to the walk shown before
        show()

    part = SavedPart(parts.OVERSIGHT, show_saved, saved_value(decision.value, choices))

    next_button.on_click(on_next)
    back.on_click(on_back)
    again.on_click(on_again)
    decision.observe(on_decision, names="value")
    show()
    box = widgets.VBox([styles(), decision, live, widgets.HBox([next_button, back, again]), errors, part.notice,
                        path])
    box.add_class("kit-decision-tree")
    return box
