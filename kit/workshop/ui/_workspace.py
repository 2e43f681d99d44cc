"""The workspace-code widget, and :class:`SavedPart`, the way every app saves and shows its work.

Both show the trainer's room the open workspace is in (:mod:`kit.room`): the
panel says so in one line, and a note gets a box to share it with the room.
"""

from __future__ import annotations

import copy
from typing import Any, Callable

import ipywidgets as widgets

from kit.room import membership
from kit.workshop import session
from kit.workshop._saved_work import Part, SavedWorkError
from kit.workshop._store import Workspace
from kit.toolkit import error_box, escape, guarded, notice


UNREADABLE = "unreadable."  # saved values set aside because they could not be read
NO_WORKSPACE = "No workspace open yet. Start a new one, or enter the code you wrote down earlier."


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
    status = widgets.HTML(notice(NO_WORKSPACE))
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
        try:
            session.resume(code.value)
        except ValueError:  # the error below replaces a "ready" message that no longer fits
            workspace = session.current()
            status.value = notice(NO_WORKSPACE if workspace is None else
                                  f"Still open: workspace {workspace.code}. Nothing in it has changed.")
            raise

    def show(workspace: Workspace):
        status.value = _code_message(workspace)

    session.on_change(show)

    start.on_click(on_start)
    open_button.on_click(on_open)
    code.on_submit(on_open)
    return widgets.VBox(
        [status, widgets.HBox([start]), widgets.HBox([code, open_button]), errors, _room_line()]
    )


def _room_line() -> widgets.HTML:
    """The room the open workspace is in (nothing when none), or that it has closed.

    Made by the panel every lesson shows, so every lesson's saves reach the room while the attendee is in one.
    """
    line = widgets.HTML()

    def show(now: membership.Status) -> None:
        text = notice(membership.say("status", name=now.membership.name)) if now.membership is not None else ""
        line.value = text + (notice(now.problem, "warning") if now.problem else "")

    membership.on_status(show)
    show(membership.status())
    return line


class Hush:
    """Set (``with hush:``) while a form puts saved values on its widgets, so that its observers skip saving."""

    def __init__(self):
        self.on = False

    def __enter__(self) -> None:
        self.on = True

    def __exit__(self, *_exc) -> None:
        self.on = False


class SavedPart:
    """One app's saved value on this page, kept in step with the open workspace.

    Parameters
    ----------
    part : the declaration of what is saved (:mod:`kit.workshop.parts`): its key,
        its schema and version. Every value saved is checked against it.
    show : ``show(value, why)`` puts a value (as saved) on the screen without
        saving it again; ``why`` is "restored" (opened from the workspace),
        "reset" (a new workspace: back to ``initial``) or "merged" (combined
        with a save made in another tab).
    initial : the value the app starts from; shown when the attendee switches
        to a workspace that has nothing saved for this part.
    whole : the value is one result that replaces any other (the latest audit
        run), never merged with another tab's.
    key : for a family of keys (each lesson's quiz), the key of this one.

    Place :attr:`notice` in the app: it says when a save was merged with one
    made in another tab or window, or when saved work could not be read.
    """

    def __init__(self, part: Part, show: Callable[[Any, str], None], initial: Any, whole: bool = False,
                 key: str | None = None):
        self.part, self.key = part, key or part.key
        self._show, self._initial, self._whole = show, copy.deepcopy(initial), whole
        self.notice = widgets.HTML()
        session.on_switch(self._on_switch)

    def load(self) -> Any:
        """The saved value in the open workspace as its current shape, or None; SavedWorkError if unreadable."""
        item = session.load_item(self.key)
        return None if item.version == 0 else self.part.read(item.value, item.schema)

    def save(self, value: Any) -> Any:
        """Save ``value`` and return what is now saved (shown on screen first if it was merged)."""
        merged = session.save(self.key, self.part.check(value), whole=self._whole, schema=self.part.version)
        if merged is None:
            self.notice.value = ""
            return value
        value = self.part.check(merged.value)
        self._show(value, "merged")
        self.notice.value = notice(merged.summary(), "warning")
        return value

    def _on_switch(self, workspace: Workspace, clear: bool) -> None:
        self.notice.value = ""
        try:
            value = self.load()
        except SavedWorkError as problem:
            self._set_aside(workspace)
            self._show(copy.deepcopy(self._initial), "reset")
            self.notice.value = notice(f"{problem} A copy is kept for your trainer; this part starts again "
                                       "from the lesson's starting point.", "error")
            return
        if value is not None:
            self._show(value, "restored")
        elif clear:
            self._show(copy.deepcopy(self._initial), "reset")

    def _set_aside(self, workspace: Workspace) -> None:
        """Keep an unreadable value under ``unreadable.<key>`` (no part reads it) and free the key."""
        item = workspace.load_item(self.key)
        workspace.save(f"{UNREADABLE}{self.key}", {"value": item.value, "schema": item.schema})
        workspace.delete(self.key)


def saved_text(part: Part, description: str, placeholder: str = "", multiline: bool = False) -> widgets.Widget:
    """A text box whose value is saved to the workspace as the attendee types.

    The value comes back whenever the attendee opens their workspace. Typing
    before any workspace exists starts one, so nothing is lost. While the
    workspace is in a trainer's room, a box under a note shares it with the
    room without a name; the choice is kept in the workspace.
    """
    cls = widgets.Textarea if multiline else widgets.Text
    box = cls(description=description, placeholder=placeholder, continuous_update=False,
              style={"description_width": "initial"}, layout=widgets.Layout(width="95%"))
    errors = error_box()
    loading = {"now": False}

    def show(value: Any, _why: str) -> None:
        loading["now"] = True
        try:
            box.value = str(value or "")
        finally:
            loading["now"] = False

    saved = SavedPart(part, show, "")

    @guarded(errors, "save your text")
    def on_value(change):
        if not loading["now"]:
            saved.save(change["new"])

    box.observe(on_value, names="value")
    children = [box, saved.notice, errors]
    if membership.shareable(part.key):
        children.insert(1, _share_box(part, errors))
    return widgets.VBox(children)


def _share_box(part: Part, errors: widgets.HTML) -> widgets.Checkbox:
    """"Share this note with the room", shown only while the open workspace is in a room, ticked as saved there."""
    share = widgets.Checkbox(description=membership.say("share"), indent=False,
                             layout=widgets.Layout(width="auto", display="none"))
    loading = {"now": False}

    def show(now: membership.Status) -> None:
        loading["now"] = True
        try:
            share.value = part.key in now.shared
            share.layout.display = None if now.membership is not None else "none"
        finally:
            loading["now"] = False

    @guarded(errors, "share your note with the room")
    def on_share(change):
        if not loading["now"]:
            try:
                membership.share_note(part.key, change["new"])
            finally:
                show(membership.status())  # the box says what the room has, even when sharing failed

    share.observe(on_share, names="value")
    membership.on_status(show)
    show(membership.status())
    return share
