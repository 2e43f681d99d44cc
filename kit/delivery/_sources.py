"""What the handouts say about each lesson of an agenda, gathered from the kit's one source of each fact.

Objectives come from the lesson's own opening table, key ideas, discussion
prompts and role cards from the facilitator notes, timings from the lesson
registry and the agenda, self-check questions from the quiz files. The
workbook, the slides and the guide therefore never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass

from kit.paths import CONTENT_DIR
from kit.workshop import Lesson, Question, Slot, agenda, agenda_format, load_quiz, objectives
from kit.workshop._facilitator import LessonNotes, lesson_notes


@dataclass(frozen=True)
class LessonSheet:
    """One lesson as the handouts show it."""

    lesson: Lesson
    slot: Slot
    objectives: str
    notes: LessonNotes | None
    quiz: tuple[Question, ...]

    @property
    def key_ideas(self) -> list[str]:
        return list(self.notes.say) if self.notes else []

    @property
    def prompts(self) -> list[str]:
        return [prompt.prompt for prompt in self.notes.discuss] if self.notes else []


def _quiz(lesson: Lesson) -> tuple[Question, ...]:
    exists = (CONTENT_DIR / "quizzes" / f"{lesson.stem}.yaml").exists()
    return tuple(load_quiz(lesson.stem)) if exists else ()


def lesson_sheets(agenda_name: str) -> list[LessonSheet]:
    """Every lesson the agenda teaches, in its order, with its slot (day and clock times)."""
    return [LessonSheet(slot.lesson, slot, objectives(slot.lesson) or slot.lesson.summary,
                        lesson_notes(slot.lesson), _quiz(slot.lesson))
            for slot in agenda(agenda_name) if slot.lesson is not None]


def agenda_slots(agenda_name: str) -> list[Slot]:
    """The agenda's whole timetable, breaks included."""
    return agenda(agenda_name)


def agenda_summary(agenda_name: str) -> tuple[str, str]:
    """Who the agenda is for, and why it teaches what it does."""
    chosen = agenda_format(name=agenda_name)
    return chosen.audience, chosen.why
