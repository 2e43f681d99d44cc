"""The lesson registry: ``kit/content/lessons.yaml``, the one place a lesson is declared.

A lesson's number is its position in the file (the first is ``"00"``); every
other file names a lesson by its ``id``, so adding a lesson is one entry plus
its notebook, and every "lesson NN" label, link, agenda and guide follows.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from pydantic import AfterValidator, Field

from kit.paths import NOTEBOOKS_DIR
from kit.workshop.content import ContentError, ContentModel, load_valid, number_lessons, unique_ids


class LessonEntry(ContentModel):
    """One entry of ``lessons.yaml``, as a trainer writes it."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$",
                    description="a short id in lower case letters, digits and _, such as bias")
    file: str = Field(pattern=r"^[\w.-]+\.ipynb$", description="the notebook's file name in notebooks/, ending .ipynb")
    title: str = Field(min_length=1, description="the lesson's title, as attendees see it")
    stage: str = Field(min_length=1, description="the framework stage, such as Fundamentals")
    minutes: int = Field(ge=0, description="teaching time in whole minutes, such as 20")
    exercise_minutes: int = Field(ge=0, description="hands-on time in whole minutes, such as 15")
    app: str = Field(min_length=1, description="one line naming the lesson's app")
    summary: str = Field(min_length=1, description="one sentence on what the lesson teaches")


Registry = Annotated[list[LessonEntry], Field(min_length=1), AfterValidator(unique_ids("lessons")),
                     AfterValidator(unique_ids("lessons", "file"))]


@dataclass(frozen=True)
class Lesson:
    """One notebook of the sequence: its registry entry and its number (its position, from 00)."""

    number: str
    id: str
    file: str
    title: str
    stage: str
    minutes: int
    exercise_minutes: int
    app: str
    summary: str

    @property
    def stem(self) -> str:
        """The file name without ``.ipynb``: the name of its quiz and the start of its solutions' names."""
        return self.file.removesuffix(".ipynb")

    @property
    def label(self) -> str:
        """How attendees see it named: ``lesson 06, Chatbot risk assessment``."""
        return f"lesson {self.number}, {self.title}"

    @property
    def total_minutes(self) -> int:
        return self.minutes + self.exercise_minutes

    @property
    def available(self) -> bool:
        """Whether the notebook has been written yet."""
        return (NOTEBOOKS_DIR / self.file).exists()


def _registry() -> tuple[Lesson, ...]:
    entries = load_valid("lessons", Registry)
    numbers = number_lessons([entry.id for entry in entries])
    return tuple(Lesson(numbers[entry.id], **entry.model_dump()) for entry in entries)


def lessons() -> list[Lesson]:
    """Every lesson in teaching order."""
    return list(_registry())


def lesson(name: str) -> Lesson:
    """The lesson with this id (or number, or file name, with or without ``.ipynb``); a plain error if none."""
    for candidate in _registry():
        if name in (candidate.id, candidate.number, candidate.file, candidate.stem):
            return candidate
    raise ContentError(f"There is no lesson {name!r} in lessons.yaml; use one of "
                       f"{', '.join(item.id for item in _registry())}.")


def lesson_label(name: str) -> str:
    """``lesson 06, Chatbot risk assessment`` for the lesson with this id."""
    return lesson(name).label


def lesson_ids() -> set[str]:
    """The ids every other content file may use to name a lesson."""
    return {item.id for item in _registry()}
