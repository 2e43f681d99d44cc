"""The workspace-code widget: start a workspace, or come back to one."""

from __future__ import annotations

import ipywidgets as widgets

from kit import session
from kit.store import Workspace
from kit.ui.widgets import error_box, escape, guarded, notice


def _code_message(workspace: Workspace) -> str:
    opening = "Your new workspace is ready." if workspace.new else "Welcome back: your workspace is open."
    return (
        f'<div class="kit-notice kit-success" role="status">{escape(opening)} Your code is '
        f'<strong class="kit-code" style="font-size:1.3em;letter-spacing:0.1em">{escape(workspace.code)}</strong>. '
        "Write it down: it is the only way back to your saved work, here or in any lesson.</div>"
    )


def workspace_panel() -> widgets.VBox:
    """Return the panel that starts or reopens the attendee's workspace.

    Work is saved as the attendee goes; after a reload or on another lesson
    they type the code to get it back. Nothing else identifies them.
    """
    errors = error_box()
    status = widgets.HTML(
        notice("No workspace open yet. Start a new one, or enter the code you wrote down earlier.")
    )
    start = widgets.Button(description="Start a new workspace", button_style="primary",
                           layout=widgets.Layout(width="auto"))
    code = widgets.Text(placeholder="e.g. ACDE-FGHJ-KM34", description="Your code",
                        style={"description_width": "initial"})
    open_button = widgets.Button(description="Open my workspace", layout=widgets.Layout(width="auto"))

    @guarded(errors, "start a workspace")
    def on_start(_):
        session.start_new()

    @guarded(errors, "open that workspace")
    def on_open(_):
        session.resume(code.value)

    def show(workspace: Workspace):
        status.value = _code_message(workspace)

    session.on_change(show)

    start.on_click(on_start)
    open_button.on_click(on_open)
    code.on_submit(on_open)
    return widgets.VBox(
        [status, widgets.HBox([start]), widgets.HBox([code, open_button]), errors]
    )


def saved_text(key: str, description: str, placeholder: str = "", multiline: bool = False) -> widgets.Widget:
    """A text box whose value is saved to the workspace as the attendee types.

    The value comes back whenever the attendee opens their workspace. Typing
    before any workspace exists starts one, so nothing is lost.
    """
    cls = widgets.Textarea if multiline else widgets.Text
    box = cls(description=description, placeholder=placeholder, continuous_update=False,
              style={"description_width": "initial"}, layout=widgets.Layout(width="95%"))
    errors = error_box()
    loading = {"now": False}

    @guarded(errors, "save your text")
    def on_value(change):
        if not loading["now"]:
            session.ensure().save(key, change["new"])

    def on_workspace(workspace: Workspace):
        loading["now"] = True
        try:
            box.value = workspace.load(key, "") or ""
        finally:
            loading["now"] = False

    box.observe(on_value, names="value")
    session.on_reopen(on_workspace)
    return widgets.VBox([box, errors])
