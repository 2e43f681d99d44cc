"""The workspace this kernel's attendee has open, and saving to it safely.

One Voilà page is one kernel is one attendee, so a module-level "current
workspace" is private to that page. Apps listen with :func:`on_switch`: when
the attendee starts a new workspace or opens one, every app on the page shows
what that workspace holds, and an app with nothing saved there goes back to
the lesson's starting point, so nothing of the previous workspace stays on the
screen or is saved into the next one.

:func:`save` remembers the version of each value this page last saw. When
another tab or window on the same code saved in between, the two are merged
(:mod:`kit.workshop._merge`) instead of one silently replacing the other.
After every save, :func:`on_save` listeners hear the value as saved (a
trainer's room counts it); a listener that fails never costs the save.
"""

from __future__ import annotations

import logging
from typing import Any, Callable

from kit.workshop._merge import Merged, merge
from kit.workshop._backend import StoreBackend, WorkspaceBackend
from kit.workshop._database import database_url
from kit.workshop._store import Item, StaleSave, Store

_state: dict[str, Any] = {"store": None, "workspace": None}
_seen: dict[str, tuple[int, Any]] = {}  # key -> (version, value) this page last loaded or saved
_on_change: list[Callable[[WorkspaceBackend], None]] = []
_on_switch: list[Callable[[WorkspaceBackend, bool], None]] = []
_on_save: list[Callable[[str, Any], None]] = []
_SAVE_TRIES = 20
log = logging.getLogger(__name__)


def store() -> StoreBackend:
    """The store for this kernel, created on first use.

    The embedded SQLite store, unless ``KIT_DATABASE_URL`` is set and
    ``KIT_DATABASE_FOR`` includes ``workspaces``: then the PostgreSQL server it
    names (a bad setting or a server out of reach raises a plain DatabaseError).
    """
    if _state["store"] is None:
        url = database_url("workspaces")
        _state["store"] = Store() if url is None else Store(url=url)
    return _state["store"]


def current() -> WorkspaceBackend | None:
    """The open workspace, or None before the attendee starts or opens one."""
    return _state["workspace"]


def start_new() -> WorkspaceBackend:
    """Issue a new workspace at the attendee's request and make it current (apps show its empty state)."""
    return _activate(store().create(), switched=True)


def resume(code: str) -> WorkspaceBackend:
    """Open the workspace for ``code`` (raises a plain WorkspaceError if unknown); apps show what it holds."""
    return _activate(store().open(code), switched=True)


def ensure() -> WorkspaceBackend:
    """The current workspace, starting one if the attendee has none yet (what is on screen stays and is saved)."""
    return current() or _activate(store().create(), switched=False)


def _listen(listeners: list, listener: Callable) -> None:
    if listener not in listeners:  # a listener added twice (a second panel on the page) is called once
        listeners.append(listener)


def on_change(listener: Callable[[WorkspaceBackend], None]) -> None:
    """Call ``listener(workspace)`` whenever a workspace becomes current, even one started by a first save."""
    _listen(_on_change, listener)


def on_switch(listener: Callable[[WorkspaceBackend, bool], None]) -> None:
    """Call ``listener(workspace, clear)`` when the attendee starts or opens a workspace.

    The listener shows what ``workspace`` holds. ``clear`` is True when another
    workspace was open on this page before: a part with nothing saved must then
    go back to its starting state. When False, the page had no workspace, and
    what the attendee did on it before choosing one may stay.
    """
    _listen(_on_switch, listener)


def on_save(listener: Callable[[str, Any], None]) -> None:
    """Call ``listener(key, value)`` after every successful :func:`save`, with the value as saved (merged).

    The save has happened when the listener runs: an exception it raises is
    logged and goes no further, so the attendee's work is never lost or held
    up by it. A listener that has something to tell the attendee says so itself.
    """
    _listen(_on_save, listener)


def load(key: str, default: Any = None) -> Any:
    """The value saved under ``key`` in the current workspace (``default`` if none), remembering its version."""
    item = load_item(key)
    return default if item.version == 0 else item.value


def load_item(key: str) -> Item:
    """The saved item under ``key`` (value, version, shape version), remembering its version; empty if none."""
    workspace = current()
    if workspace is None:
        return Item(None, 0, 0)
    item = workspace.load_item(key)
    _seen[key] = (item.version, item.value)
    return item


def save(key: str, value: Any, whole: bool = False, schema: int = 1) -> Merged | None:
    """Save ``value`` under ``key``; return the merge when another tab had saved since this page looked.

    The merged value is what is saved; the caller shows it. None means the
    value was saved as given. With ``whole``, the value is one result that
    replaces any other (the latest audit run), so it is never merged.
    ``schema`` is the version of the value's shape (:mod:`kit.workshop.parts`).
    """
    workspace = ensure()
    if whole:
        _seen[key] = (workspace.save(key, value, schema=schema), value)
        _saved(key, value)
        return None
    version, base = _seen.get(key, (0, None))
    merged = None
    for _ in range(_SAVE_TRIES):
        try:
            version = workspace.save(key, value, expected=version, schema=schema)
        except StaleSave as stale:
            merged = merge(base, stale.value, value)
            value, base, version = merged.value, stale.value, stale.version
            continue
        _seen[key] = (version, value)
        _saved(key, value)
        return merged
    raise RuntimeError(f"could not save {key!r}: it kept changing in another tab")


def _saved(key: str, value: Any) -> None:
    for listener in list(_on_save):
        try:
            listener(key, value)
        except Exception:  # noqa: BLE001 - the save is done; a listener's fault must not undo or block it
            log.exception("a listener to saves failed after %s was saved", key)


def _activate(workspace: WorkspaceBackend, switched: bool) -> WorkspaceBackend:
    clear = _state["workspace"] is not None
    _state["workspace"] = workspace
    _seen.clear()
    for listener in list(_on_change):
        listener(workspace)
    if switched:
        for listener in list(_on_switch):
            listener(workspace, clear)
    return workspace


def reset() -> None:
    """Forget the store, workspace and listeners (used by tests)."""
    _state.update(store=None, workspace=None)
    _seen.clear()
    _on_change.clear()
    _on_switch.clear()
    _on_save.clear()
