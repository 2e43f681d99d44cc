"""The capstone app: one document from everything the attendee saved, to preview and download."""

from __future__ import annotations

import ipywidgets as widgets

from kit.workshop import session
from kit.documents import to_html_fragment
from kit.workshop._lessons import lesson
from kit.workshop._plan import build_plan
from kit.toolkit import DownloadLinks, document_files
from kit.toolkit import error_box, escape, guarded, notice


def _missing_html(plan) -> str:
    problems = "".join(notice(why, "error") for _part, why in plan.unreadable)
    if not plan.missing:
        return problems or notice("Every part of the plan has saved work in it.", "success")
    items = "".join(
        f'<li>{escape(part.title)}: <a href="{escape(lesson(part.lesson).file)}">{escape(lesson(part.lesson).label)}</a></li>'
        for part in plan.missing
    )
    return problems + (notice(f"{len(plan.missing)} parts have nothing saved yet. Open the lesson, do its "
                              "activity with your workspace open, then build the plan again.", "info")
                       + f"<ul>{items}</ul>")


def action_plan_app() -> widgets.VBox:
    """A button that builds the plan from the open workspace, a preview, downloads and what is missing."""
    errors = error_box()
    build = widgets.Button(description="Build my action plan", button_style="primary",
                           layout=widgets.Layout(width="auto"))
    downloads, missing = DownloadLinks(), widgets.HTML()
    preview = widgets.HTML()

    @guarded(errors, "build your action plan")
    def on_build(_=None):
        workspace = session.current()
        if workspace is None:
            raise ValueError("Open your workspace first: enter your code above and press Open my workspace.")
        plan = build_plan(workspace)
        document = plan.document
        missing.value = _missing_html(plan)
        preview.value = f'<div class="kit-plan-preview" style="border:1px solid #8a94a6;padding:0.5em 1em">' \
                        f"{to_html_fragment(document, heading_level=2)}</div>"
        downloads.offer(document_files(document, "ethical-ai-action-plan", "your action plan"))

    build.on_click(on_build)
    session.on_switch(lambda _workspace, _clear: on_build())  # never show another workspace's plan
    box = widgets.VBox([build, errors, downloads, missing, preview])
    box.add_class("kit-action-plan")
    return box
