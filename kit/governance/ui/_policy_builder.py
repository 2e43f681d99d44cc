"""The policy builder app of the policy lesson: answer short questions, see the policy drafted, download it."""

from __future__ import annotations

import ipywidgets as widgets

from kit.workshop import parts
from kit.governance import (areas, draft_policy, open_message, open_questions, policy_filename, questions,
                            saved_value, too_long)
from kit.governance._policy_templates import GROUPS, PolicyQuestion
from kit.toolkit import DownloadLinks, document_files
from kit.governance.ui._forms import document_preview, stacked, styles
from kit.toolkit import table_html
from kit.toolkit import error_box, escape, guarded, notice
from kit.workshop.ui import SavedPart

NOT_DECIDED = "Not decided yet"


def _input(question: PolicyQuestion) -> widgets.Widget:
    if question.kind == "choice":
        box = widgets.Dropdown(options=[(NOT_DECIDED, "")] + [(o, o) for o in question.options], value="",
                               description=question.question)
    else:
        cls = widgets.Textarea if question.kind == "long" else widgets.Text
        box = cls(description=question.question, placeholder=question.example, continuous_update=False)
        if question.kind == "long":
            box.rows = 3
    return stacked(box)


def policy_areas_html() -> str:
    """The policy areas as a table (title, where it comes from, what it covers), from the templates."""
    import pandas as pd

    frame = pd.DataFrame([{"Policy area": a.title, "From": GROUPS[a.group], "What it covers": a.summary}
                          for a in areas()])
    return table_html(frame, caption="The policy areas the builder can draft")


def policy_builder() -> widgets.VBox:
    """Questions about the organisation, the areas to include, and the live draft with downloads.

    Every change is saved to the attendee's workspace under ``policy.answers``
    (a workspace is started if none is open) and restored when they reopen it.
    """
    errors = error_box()
    inputs = {q.id: _input(q) for q in questions()}
    ticks = {a.id: widgets.Checkbox(value=True, description=a.title, indent=False,
                                    layout=widgets.Layout(width="auto")) for a in areas()}
    status, preview = widgets.HTML(), widgets.HTML()
    downloads = DownloadLinks()
    restoring = {"now": False}

    def answers() -> dict[str, str]:
        return {qid: box.value for qid, box in inputs.items()}

    def chosen() -> list[str]:
        return [aid for aid, box in ticks.items() if box.value]

    @guarded(errors, "draft your policy")
    def refresh(change=None):
        if restoring["now"]:
            return
        if change is not None:
            value = saved_value(answers(), chosen())
            if part.save(value) is not value:
                return  # merged with another tab's save: show() has already drawn the merged draft
        given = answers()
        doc = draft_policy(given, chosen())
        kind = "warning" if open_questions(given) or too_long(given) else "success"
        status.value = notice(open_message(given), kind)
        downloads.offer(document_files(doc, policy_filename(given), "the policy"))
        preview.value = document_preview(doc, "Draft policy")  # last: a changed preview means all is updated

    def show(saved: dict, _why: str) -> None:
        """Put a saved value on the form without saving it, then redraw the draft."""
        saved = saved or {}
        given, chosen_areas = saved.get("answers") or {}, saved.get("areas")
        restoring["now"] = True
        try:
            for qid, box in inputs.items():
                value = str(given.get(qid) or "")
                offered = not isinstance(box, widgets.Dropdown) or value in dict(box.options).values()
                box.value = value if offered else ""
            for aid, box in ticks.items():  # no areas saved means every area, as the draft reads it
                box.value = chosen_areas is None or aid in chosen_areas
        finally:
            restoring["now"] = False
        refresh()  # also clears the error box of the value shown before

    part = SavedPart(parts.POLICY, show, saved_value(answers(), chosen()))
    for box in [*inputs.values(), *ticks.values()]:
        box.observe(refresh, names="value")
    refresh()

    def area_group(group: str) -> widgets.VBox:
        rows = [widgets.VBox([ticks[a.id],
                              widgets.HTML(f'<div class="kit-area-summary">{escape(a.summary)}</div>')])
                for a in areas() if a.group == group]
        return widgets.VBox([widgets.HTML(f"<strong>From {escape(GROUPS[group])}</strong>"), *rows])

    form = widgets.VBox([widgets.HTML("<h3>1. About your organisation</h3>"), *inputs.values(),
                         widgets.HTML("<h3>2. What the policy covers</h3>"),
                         *[area_group(group) for group in GROUPS]],
                        layout=widgets.Layout(flex="1 1 380px", min_width="300px", padding="0 1em 0 0"))
    draft = widgets.VBox([widgets.HTML("<h3>3. Your draft</h3>"), status, downloads, preview],
                         layout=widgets.Layout(flex="1 1 420px", min_width="300px"))
    box = widgets.VBox([styles(), widgets.HTML(notice("Your answers are saved to your workspace as you go. "
                                                      "Leave a question blank to mark it 'to decide' in the draft.")),
                        errors, part.notice, widgets.HBox([form, draft], layout=widgets.Layout(flex_flow="row wrap"))])
    box.add_class("kit-policy-builder")
    return box
