"""The action plan: everything an attendee saved, gathered into one document.

What goes in, in which order, and which function turns each saved value into
a section is listed in ``kit/content/saved_work.yaml``, so a new lesson adds
its part there without touching this module. Parts not saved yet are listed
with the lesson that makes them.
"""

from __future__ import annotations

import importlib
import importlib.util
import logging
from dataclasses import dataclass
from typing import Callable

from kit.workshop._agenda import lessons
from kit.workshop.content import ContentError, load
from kit.documents import Document, Section
from kit.workshop._store import Workspace

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PlanPart:
    """One part of the plan: where it is saved, which lesson makes it, how to show it."""

    title: str
    lesson: str
    key: str | None
    prefix: str | None
    section_path: str

    def section(self, saved) -> Section | None:
        """The plan's section for ``saved``; its module is imported only now, when there is work to show."""
        return _function(self.section_path, self.title)(saved)

    def value(self, workspace: Workspace):
        """What the attendee saved for this part (None when nothing yet)."""
        if self.key is not None:
            return workspace.load(self.key)
        found = {key: workspace.load(key) for key in workspace.keys() if key.startswith(self.prefix)}
        return found or None


def _function(path: str, where: str) -> Callable:
    module, _, name = path.partition(":")
    try:
        return getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError):
        raise _not_found(path, where) from None


def _not_found(path: str, where: str) -> ContentError:
    return ContentError(f"saved_work.yaml, part {where!r}: cannot find {path}; check the module:function name.")


def _module_exists(path: str) -> bool:
    try:
        return importlib.util.find_spec(path.partition(":")[0]) is not None
    except ModuleNotFoundError:
        return False


def parts() -> list[PlanPart]:
    """The parts of the plan in order, as listed in ``saved_work.yaml``."""
    out = []
    for row in load("saved_work"):
        if ("key" in row) == ("prefix" in row):
            raise ContentError(f"saved_work.yaml, part {row.get('title')!r}: give either 'key' or 'prefix'.")
        if not _module_exists(row["section"]):
            raise _not_found(row["section"], row["title"])
        out.append(PlanPart(row["title"], str(row["lesson"]), row.get("key"), row.get("prefix"), row["section"]))
    return out


@dataclass(frozen=True)
class Plan:
    """The document and the parts still missing from it."""

    document: Document
    missing: list[PlanPart]


def build_plan(workspace: Workspace, organisation: str | None = None) -> Plan:
    """Gather every saved part of ``workspace`` into one document.

    A part whose saved value cannot be read (an older format, a hand-edited
    database) is listed as missing rather than breaking the whole plan.
    """
    sections: list[Section] = []
    missing: list[PlanPart] = []
    for part in parts():
        saved = part.value(workspace)
        section = None
        if saved not in (None, "", [], {}):
            try:
                section = part.section(saved)
            except (KeyError, TypeError, ValueError):
                log.exception("could not show %s", part.title)
        if section is None:
            missing.append(part)
        else:
            sections.append(section)
    name = organisation or workspace.load("profile.organisation") or "our organisation"
    sections.append(_next_steps())
    return Plan(Document(title=f"Ethical AI action plan: {name}", sections=sections,
                         subtitle="Gathered from the work saved in the Ethical AI Leadership Kit."), missing)


def _next_steps() -> Section:
    steps = load("next_steps")
    return Section(steps["heading"], paragraphs=steps["paragraphs"], bullets=steps["bullets"])


def lesson_file(number: str) -> str:
    """The notebook file of lesson ``number`` (for links to the missing parts)."""
    return next(lesson.file for lesson in lessons() if lesson.number == number)
