"""The one interface every part of the kit reaches saved work through.

:mod:`kit.workshop.session`, :class:`kit.workshop.ui.SavedPart` and the action
plan only use these methods, so a different backend (a shared database for a
JupyterHub room) is one class with them. The embedded SQLite store
(:mod:`kit.workshop._store`) is the one the kit ships.
"""

from __future__ import annotations

from typing import Any, Protocol, runtime_checkable

from kit.workshop._store import Item


@runtime_checkable
class WorkspaceBackend(Protocol):
    """One attendee's saved work: versioned JSON values under keys."""

    code: str
    new: bool

    def save(self, key: str, value: Any, expected: int | None = None, schema: int = 1) -> int: ...

    def load(self, key: str, default: Any = None) -> Any: ...

    def load_item(self, key: str) -> Item: ...

    def keys(self) -> list[str]: ...

    def delete(self, key: str) -> None: ...


@runtime_checkable
class StoreBackend(Protocol):
    """Where workspaces live: it issues new codes and opens known ones."""

    def create(self) -> WorkspaceBackend: ...

    def open(self, code: str) -> WorkspaceBackend: ...
