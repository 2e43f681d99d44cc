"""The workspace this kernel's attendee has open.

One Voilà page is one kernel is one attendee, so a module-level "current
workspace" is private to that attendee. Apps register a listener with
:func:`on_reopen` to reload their saved state when the attendee reopens a
workspace; a brand-new workspace has nothing to restore, so what is on the
screen stays (and is saved as the attendee goes on).
"""

from __future__ import annotations

from typing import Any, Callable

from kit.store import Store, Workspace

_state: dict[str, Any] = {"store": None, "workspace": None}
_listeners: list[tuple[Callable[[Workspace], None], bool]] = []


def store() -> Store:
    """The store for this kernel, created on first use."""
    if _state["store"] is None:
        _state["store"] = Store()
    return _state["store"]


def current() -> Workspace | None:
    """The open workspace, or None before the attendee starts or opens one."""
    return _state["workspace"]


def start_new() -> Workspace:
    """Issue a new workspace and make it current."""
    return _activate(store().create())


def resume(code: str) -> Workspace:
    """Open the workspace for ``code`` (raises a plain WorkspaceError if unknown)."""
    return _activate(store().open(code))


def ensure() -> Workspace:
    """The current workspace, starting one if the attendee has none yet."""
    return current() or start_new()


def on_change(listener: Callable[[Workspace], None]) -> None:
    """Call ``listener(workspace)`` whenever a workspace is started or reopened."""
    _listeners.append((listener, True))


def on_reopen(listener: Callable[[Workspace], None]) -> None:
    """Call ``listener(workspace)`` when an existing workspace is reopened, to restore saved work."""
    _listeners.append((listener, False))


def _activate(workspace: Workspace) -> Workspace:
    _state["workspace"] = workspace
    for listener, include_new in list(_listeners):
        if include_new or not workspace.new:
            listener(workspace)
    return workspace


def reset() -> None:
    """Forget the store, workspace and listeners (used by tests)."""
    _state.update(store=None, workspace=None)
    _listeners.clear()
