"""Lessons and workshop agendas, computed from the content files."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from kit.workshop.content import ContentError, load
from kit.paths import NOTEBOOKS_DIR


@dataclass(frozen=True)
class Lesson:
    """One notebook of the sequence, as listed in ``lessons.yaml``."""

    number: str
    file: str
    title: str
    stage: str
    minutes: int
    exercise_minutes: int
    app: str
    summary: str

    @property
    def total_minutes(self) -> int:
        return self.minutes + self.exercise_minutes

    @property
    def available(self) -> bool:
        """Whether the notebook has been written yet."""
        return (NOTEBOOKS_DIR / self.file).exists()


def lessons() -> list[Lesson]:
    """Every lesson in teaching order."""
    return [Lesson(**{**row, "number": str(row["number"])}) for row in load("lessons")]


@dataclass(frozen=True)
class Slot:
    """One line of an agenda: a day, a start and end time, and what happens."""

    day: int
    start: str
    end: str
    what: str
    lesson: Lesson | None = None


def _clock(text: str) -> datetime:
    return datetime.strptime(text, "%H:%M")


def agenda(name: str) -> list[Slot]:
    """Return the timed agenda called ``name`` (see ``agenda.yaml``).

    Items are lesson numbers, ``break N``, ``lunch N`` (minutes) or ``day N``.
    """
    formats = {row["name"]: row for row in load("agenda")}
    if name not in formats:
        raise ContentError(f"There is no agenda called {name!r}; choose one of {', '.join(formats)}.")
    by_number = {lesson.number: lesson for lesson in lessons()}
    start = _clock(formats[name]["start"])
    day, now, slots = 1, start, []
    for item in formats[name]["items"]:
        word, _, amount = str(item).partition(" ")
        if word == "day":
            day, now = int(amount), start
            continue
        if word in ("break", "lunch"):
            lesson, minutes, what = None, int(amount), word.capitalize()
        elif word in by_number:
            lesson = by_number[word]
            minutes, what = lesson.total_minutes, f"{lesson.number} {lesson.title}"
        else:
            raise ContentError(f"Agenda {name!r} names {item!r}, which is not a lesson number, break, lunch or day.")
        end = now + timedelta(minutes=minutes)
        slots.append(Slot(day, now.strftime("%H:%M"), end.strftime("%H:%M"), what, lesson))
        now = end
    return slots


def agenda_names() -> list[str]:
    """The names of the workshop formats, in file order."""
    return [row["name"] for row in load("agenda")]
