"""Lesson 00's "Join your trainer's room (optional)" panel."""

from __future__ import annotations

import ipywidgets as widgets

from kit.room import membership
from kit.toolkit import error_box, guarded, notice


def join_panel() -> widgets.VBox:
    """Return the panel where an attendee joins the trainer's room with its code, sees what it counts, or leaves.

    Joining is optional: without it the kit works as for self-study. A wrong
    code is named in plain words and what was typed stays in the box.
    """
    errors = error_box()
    status = widgets.HTML()
    code = widgets.Text(placeholder="e.g. KQP-M3T", description="Room code", style={"description_width": "initial"})
    join = widgets.Button(description="Join the room", button_style="primary", layout=widgets.Layout(width="auto"))
    leave = widgets.Button(description="Leave the room", layout=widgets.Layout(width="auto", display="none"))

    def show(now: membership.Status) -> None:
        if now.membership is not None:
            status.value = notice(membership.say("joined", name=now.membership.name), "success")
        else:
            status.value = notice(now.news or membership.say("not_joined"))
        if now.problem:
            status.value += notice(now.problem, "warning")
        leave.layout.display = None if now.membership is not None else "none"

    @guarded(errors, "join the room")
    def on_join(_):
        membership.join(code.value)

    @guarded(errors, "leave the room")
    def on_leave(_):
        membership.leave()

    join.on_click(on_join)
    leave.on_click(on_leave)
    membership.on_status(show)
    show(membership.status())
    box = widgets.VBox([status, widgets.HBox([code, join]), widgets.HBox([leave]), errors])
    box.add_class("kit-room-join")
    return box

