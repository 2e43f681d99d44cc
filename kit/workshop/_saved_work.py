"""The saved-work contract: how a part an attendee saves is checked, upgraded and read back.

Each part is declared once in :mod:`kit.workshop.parts` as a :class:`Part`:
its workspace key, its lesson, the shape of its value (a pydantic schema),
the version of that shape, the upgrades from older versions, and the
function that turns it into a section of the action plan. Apps save and load
through it (:class:`kit.workshop.ui.SavedPart`), the capstone reads through
it, and a value that cannot be read is reported to the attendee by name,
never dropped in silence.

Versions work like database migrations: a value saved with version 1 of a
part whose shape is now version 3 passes through ``upgrades[1]`` then
``upgrades[2]`` before it is checked. Values saved before versions were
recorded count as version 1.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from typing import Any, Callable, Mapping

from pydantic import BaseModel, ValidationError

from kit.documents import Section
from kit.workshop._lessons import lesson_label


class SavedWorkError(ValueError):
    """A saved value that cannot be read; the message names the part and its lesson for the attendee."""


@dataclass(frozen=True)
class Part:
    """One kind of work an attendee saves.

    Attributes
    ----------
    key : the workspace key; with ``family``, the prefix of a family of keys
        (``"quiz."`` for every lesson's self-check).
    lesson : the id of the lesson that makes it (``lessons.yaml``), such as ``"risk"``.
    title : how the attendee knows it, used in messages and the action plan.
    schema : the pydantic model of the value's current shape.
    version : the version of that shape; raise it when the shape changes and
        add the upgrade from the version before.
    upgrades : version n → a function turning a version-n value into version n+1.
    section : ``"module:function"`` that turns the value into a section of the
        action plan, imported only when there is work to show.
    optional : work the plan does not ask for (taking part in a trainer's
        room): shown when saved, never listed as missing.
    """

    key: str
    lesson: str
    title: str
    schema: type[BaseModel]
    section: str
    version: int = 1
    upgrades: Mapping[int, Callable[[Any], Any]] = field(default_factory=dict)
    family: bool = False
    optional: bool = False

    def keys_in(self, keys: list[str]) -> list[str]:
        """The workspace keys among ``keys`` that hold this part."""
        return [k for k in keys if k.startswith(self.key)] if self.family else [k for k in keys if k == self.key]

    def read(self, raw: Any, saved_version: int = 1) -> Any:
        """The value as the current shape (JSON-ready), upgraded from ``saved_version``.

        Raises :class:`SavedWorkError`, naming the part, when the value does
        not fit: a damaged record, or a version this kit does not know.
        """
        version = max(1, saved_version)
        if version > self.version:
            raise self._error(f"it was saved by a newer version of the kit (format {version}, this kit reads "
                              f"up to {self.version}); update the kit")
        value = raw
        while version < self.version:
            value = self.upgrades[version](value)
            version += 1
        return self.check(value)

    def check(self, value: Any) -> Any:
        """``value`` checked against the schema and returned as JSON-ready data (extra fields kept)."""
        try:
            return self.schema.model_validate(value).model_dump(mode="json")
        except ValidationError as problem:
            raise self._error(_first_problem(problem)) from None

    def section_for(self, value: Any) -> Section:
        """The action plan's section for a value of this part."""
        module, _, name = self.section.partition(":")
        return getattr(importlib.import_module(module), name)(value)

    def _error(self, why: str) -> SavedWorkError:
        return SavedWorkError(f"Your {self.title.lower()} from {lesson_label(self.lesson)} could not be read ({why}). "
                              "It is kept as it was; ask your trainer to look at it.")


def _first_problem(problem: ValidationError) -> str:
    error = problem.errors()[0]
    where = ".".join(str(p) for p in error["loc"] if not str(p).startswith("function-")) or "the value"
    return f"{where}: {error['msg'].lower()}"
