"""The engagement plan of the innovation lesson: who to involve, when and how, and what their input can change.

The reading is :mod:`kit.culture._engagement`; this module builds the
widgets and saves the plan to the workspace (``innovation.engagement``) as
the attendee goes.
"""

from __future__ import annotations

import ipywidgets as widgets
import pandas as pd

from kit.culture._engagement import (NONE, EngagementMethod, clean_plan, clean_text, engagement_document, is_empty,
                                     load_method, plan_table, read_plan)
from kit.toolkit import AnswerView, Files, Part, document_files, error_box, escape, guarded, joined, notice, table_html
from kit.workshop import parts
from kit.workshop.ui import Hush, SavedPart

STEM = "engagement-plan"
_KIND = {"token": "error", "work": "warning", "meaningful": "success"}


def reading_parts(method: EngagementMethod, plan: dict, downloads: bool = True,
                  caption: str = "When and how you involve people") -> list[Part]:
    """The rating with what is missing, the plan stage by stage, and the downloads last."""
    if is_empty(plan):
        return [notice("Choose who takes part, when and how, and what their input can change; the kit reads your "
                       "plan as you go.")]
    reading = read_plan(method, plan)
    problems = "".join(f"<li>{escape(text)}</li>" for text in reading.problems)
    head = f"<strong>{escape(reading.label)}.</strong>"
    rating = (f'<div class="kit-notice kit-{_KIND[reading.level]}" role="status">{head}'
              + (f"<ul>{problems}</ul>" if problems else " The people affected take part early, their input can "
                 "change the system, and they hear what changed.") + "</div>")
    header, rows = plan_table(method, plan)
    table = table_html(pd.DataFrame(rows, columns=header), caption=caption)

    links = Files(document_files(lambda: engagement_document(method, plan), STEM,
                                 "the plan"))  # each file made when its link is clicked
    return [rating, table, links if downloads else ""]


def reading_html(method: EngagementMethod, plan: dict) -> str:
    """:func:`reading_parts` without downloads, as one HTML string (the lesson's worked example)."""
    return joined(reading_parts(method, clean_plan(method, plan), downloads=False,
                                caption="When and how the example involves people"))


def engagement_app() -> widgets.VBox:
    """Plan how residents or customers take part in one AI system, and see whether it is more than a token."""
    method = load_method()
    errors = error_box()
    system = widgets.Text(description="The AI system", continuous_update=False,
                          placeholder="e.g. the chatbot on our council tax pages", layout=widgets.Layout(width="95%"))
    example = widgets.Button(description="Start from the example", layout=widgets.Layout(width="auto"))
    who = {g.id: widgets.Checkbox(description=g.label, value=False, indent=False, layout=widgets.Layout(width="auto"))
           for g in method.who}
    methods = [(m.label, m.id) for m in method.methods]
    when = {s.id: widgets.Dropdown(options=methods, value=NONE, description=s.label,
                                   layout=widgets.Layout(width="95%")) for s in method.stages}
    changes = {c.id: widgets.Checkbox(description=c.label, value=False, indent=False,
                                      layout=widgets.Layout(width="auto")) for c in method.changes}
    report = widgets.Textarea(description="How they will hear what changed because of them", continuous_update=False,
                              placeholder="e.g. a 'you said, we did' page, updated after each review, and a note to "
                                          "the groups who took part", layout=widgets.Layout(width="95%"))
    view = AnswerView()
    quiet = Hush()

    def value() -> dict:
        return {"system": clean_text(system.value, "The system's name"),
                "who": [g for g, box in who.items() if box.value],
                "when": {s: box.value for s, box in when.items() if box.value != NONE},
                "changes": [c for c, box in changes.items() if box.value],
                "report_back": clean_text(report.value, "How people hear what changed")}

    def put(saved: dict) -> None:
        plan = clean_plan(method, saved)
        with quiet:
            system.value = plan["system"]
            for g, box in who.items():
                box.value = g in plan["who"]
            for s, box in when.items():
                box.value = plan["when"].get(s, NONE)
            for c, box in changes.items():
                box.value = c in plan["changes"]
            report.value = plan["report_back"]

    @guarded(errors, "update your plan")
    def refresh(change=None):
        if quiet.on:
            return
        now = value()
        if change is not None and part.save(now) is not now:
            return  # merged with another tab's save: show() has drawn it
        view.show(reading_parts(method, now))

    def show(saved: dict, _why: str) -> None:
        put(saved or {})
        refresh()

    @guarded(errors, "load the example")
    def on_example(_):
        put(method.example.model_dump())
        refresh(True)

    part = SavedPart(parts.ENGAGEMENT, show, {"system": "", "who": [], "when": {}, "changes": [], "report_back": ""})
    for widget in [system, report, *who.values(), *when.values(), *changes.values()]:
        widget.observe(refresh, names="value")
    example.on_click(on_example)
    refresh()
    groups = [widgets.HTML("<h3>1. Who takes part</h3>"), *who.values()]
    stages = [widgets.HTML("<h3>2. When, and how</h3>"), *when.values()]
    open_to = [widgets.HTML("<h3>3. What their input can change</h3>"), *changes.values()]
    box = widgets.VBox([system, example, errors, part.notice, *groups, *stages, *open_to,
                        widgets.HTML("<h3>4. Telling them what changed</h3>"), report,
                        widgets.HTML("<h3>Your plan, read</h3>"), view])
    box.add_class("kit-engagement")
    return box
