"""The action plan: everything an attendee saved, gathered into one document.

What goes in, and in which order, is the list of saved parts in
:mod:`kit.workshop.parts`: each part names the function that turns its value
into a section, imported only when there is work to show. Parts not saved yet
are listed with the lesson that makes them, unless optional (a trainer's room);
a part whose saved value cannot be read is named, with the reason, rather than
silently left out. After the saved work comes the "what this covers" table
(the crosswalk to NIST AI RMF and ISO/IEC 42001 of the parts shown), then the
closing next steps.
"""

from __future__ import annotations

import importlib
import logging
from dataclasses import dataclass, field
from typing import Annotated

from pydantic import Field

from kit.documents import Document, Section
from kit.workshop import parts
from kit.workshop._lessons import lesson_label
from kit.workshop._saved_work import Part, SavedWorkError
from kit.workshop._store import Workspace
from kit.workshop.content import ContentModel, Items, load_valid

log = logging.getLogger(__name__)

_SENTENCE = Annotated[str, Field(min_length=1)]
#: The "what this covers" table after the saved work: the crosswalk rows of the parts saved. Named as a string and
#: imported only when there is saved work, like each part's section (see :mod:`kit.workshop.parts`).
COVERS_SECTION = "kit.regulation:covers_section"


class NextSteps(ContentModel):
    """``next_steps.yaml``: the section that closes every action plan, the same for every attendee."""

    heading: str = Field(min_length=1, description="the section's heading, such as Keep reviewing and adapting")
    paragraphs: Items[_SENTENCE] = Field(description="a list of paragraphs, each line starting with '- ' "
                                                     "(write [] for none)")
    bullets: Items[_SENTENCE] = Field(min_length=1, description="a list of next steps, each line starting with '- '")


def next_steps() -> NextSteps:
    """The closing section's words from ``next_steps.yaml`` (a broken edit is named with its fix)."""
    return load_valid("next_steps", NextSteps)


@dataclass(frozen=True)
class Plan:
    """The document, the parts still missing from it, and the parts that could not be read (with why)."""

    document: Document
    missing: list[Part]
    unreadable: list[tuple[Part, str]] = field(default_factory=list)


def read_part(workspace: Workspace, part: Part):
    """The attendee's value for ``part`` in its current shape, None when nothing is saved.

    A family of keys (the quizzes) gives ``{key: value}``. Raises
    :class:`SavedWorkError` naming the part when a value cannot be read.
    """
    values = {}
    for key in part.keys_in(workspace.keys()):
        item = workspace.load_item(key)
        values[key] = part.read(item.value, item.schema)
    if part.family:
        return values or None
    return values.get(part.key)


def build_plan(workspace: Workspace, organisation: str | None = None) -> Plan:
    """Gather every saved part of ``workspace`` into one document."""
    sections: list[Section] = []
    missing: list[Part] = []
    unreadable: list[tuple[Part, str]] = []
    shown: list[str] = []
    for part in parts.ALL:
        try:
            saved = read_part(workspace, part)
        except SavedWorkError as problem:
            unreadable.append((part, str(problem)))
            continue
        try:
            section = part.section_for(saved) if saved not in (None, "", [], {}) else None
        except (KeyError, TypeError, ValueError):  # a fault of the kit's, logged for the trainer
            log.exception("could not show %s", part.title)
            unreadable.append((part, f"Your {part.title.lower()} from {lesson_label(part.lesson)} could not be shown; "
                                     "it is still saved. Tell your trainer."))
            continue
        if section is None:
            if not part.optional:
                missing.append(part)
        else:
            sections.append(section)
            shown.append(part.key)
    covers = _covers(shown)
    if covers is not None:
        sections.append(covers)
    name = organisation or _organisation(workspace) or "our organisation"
    sections.append(_next_steps())
    return Plan(Document(title=f"Ethical AI action plan: {name}", sections=sections,
                         subtitle="Gathered from the work saved in the Ethical AI Leadership Kit."),
                missing, unreadable)


def _covers(keys: list[str]) -> Section | None:
    """The "what this covers" table for the parts shown, or None when none is mapped (or nothing was saved)."""
    if not keys:
        return None
    module, _, name = COVERS_SECTION.partition(":")
    try:
        return getattr(importlib.import_module(module), name)(keys)
    except (KeyError, TypeError, ValueError):  # a fault of the kit's content: the rest of the plan still stands
        log.exception("could not show the crosswalk")
        return None


def _organisation(workspace: Workspace) -> str:
    try:
        return str(read_part(workspace, parts.ORGANISATION) or "").strip()
    except SavedWorkError:
        return ""


def _next_steps() -> Section:
    steps = next_steps()
    return Section(steps.heading, paragraphs=list(steps.paragraphs), bullets=list(steps.bullets))

