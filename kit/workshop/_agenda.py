"""Workshop agendas: clock times computed from the lessons' minutes (``agenda.yaml``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from pydantic import Field, ValidationInfo, field_validator

from kit.workshop._lessons import Lesson, lesson_ids, lessons
from kit.workshop.content import ContentError, ContentModel, load_valid

_PAUSE = re.compile(r"^(break|lunch|day) (\d+)$")


class AgendaFormat(ContentModel):
    """One workshop format of ``agenda.yaml``."""

    name: str = Field(min_length=1, description="the format's name, such as SMB full day")
    audience: str = Field(min_length=1, description="who it is for, in one line")
    start: str = Field(pattern=r"^([01]\d|2[0-3]):[0-5]\d$", description="a 24-hour start time in quotes, such as \"09:30\"")
    items: list[str] = Field(min_length=1, description="lesson ids, 'break 15', 'lunch 45' or 'day 2', in order")
    why: str = Field(min_length=1, description="a few sentences on why these lessons, for this audience")

    @field_validator("items")
    @classmethod
    def _known(cls, items: list[str], info: ValidationInfo) -> list[str]:
        known = (info.context or {}).get("lessons") or set()
        for item in items:
            if item not in known and not _PAUSE.match(item):
                raise ValueError(f"{item!r} is not a lesson id, break, lunch or day; use a lesson id from "
                                 f"lessons.yaml ({', '.join(sorted(known))}) or 'break 15', 'lunch 45', 'day 2'")
        return items


@dataclass(frozen=True)
class Slot:
    """One line of an agenda: a day, a start and end time, and what happens."""

    day: int
    start: str
    end: str
    what: str
    lesson: Lesson | None = None


def formats() -> list[AgendaFormat]:
    """Every workshop format in ``agenda.yaml``, checked against the lesson registry."""
    return load_valid("agenda", list[AgendaFormat], context={"lessons": lesson_ids()})


def _clock(text: str) -> datetime:
    return datetime.strptime(text, "%H:%M")


def agenda_format(name: str) -> AgendaFormat:
    """The format called ``name``; a plain error listing the formats when there is none."""
    by_name = {row.name: row for row in formats()}
    if name not in by_name:
        raise ContentError(f"There is no agenda called {name!r}; choose one of {', '.join(by_name)}.")
    return by_name[name]


def agenda(name: str) -> list[Slot]:
    """Return the timed agenda called ``name`` (see ``agenda.yaml``).

    Items are lesson ids (as in ``lessons.yaml``), ``break N``, ``lunch N`` (minutes) or ``day N``.
    """
    chosen = agenda_format(name)
    by_id = {lesson.id: lesson for lesson in lessons()}
    start = _clock(chosen.start)
    day, now, slots = 1, start, []
    for item in chosen.items:
        word, _, amount = item.partition(" ")
        if word == "day":
            day, now = int(amount), start
            continue
        if word in ("break", "lunch"):
            lesson, minutes, what = None, int(amount), word.capitalize()
        else:
            lesson = by_id[item]
            minutes, what = lesson.total_minutes, f"{lesson.number} {lesson.title}"
        end = now + timedelta(minutes=minutes)
        slots.append(Slot(day, now.strftime("%H:%M"), end.strftime("%H:%M"), what, lesson))
        now = end
    return slots


def agenda_names() -> list[str]:
    """The names of the workshop formats, in file order."""
    return [row.name for row in formats()]
