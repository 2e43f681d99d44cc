"""The schema of ``facilitator.yaml``: the trainer's notes the guide is generated from."""

from __future__ import annotations

from pydantic import Field, ValidationInfo, field_validator

from kit.workshop._lessons import lesson_ids
from kit.workshop.content import ContentModel, load_valid


class Question(ContentModel):
    """A question attendees often ask, with the answer to give."""

    q: str = Field(min_length=1, description="the question, as an attendee would ask it")
    a: str = Field(min_length=1, description="the answer to give, in plain words")


class LessonNotes(ContentModel):
    """What to say, what to ask the room and what the room asks, for one lesson."""

    say: list[str] = Field([], description="a list of points to make, one per line starting with '- '")
    discuss: list[str] = Field([], description="a list of questions to put to the room")
    questions: list[Question] = Field([], description="a list of '- q: ...' and 'a: ...' pairs")


class Setup(ContentModel):
    """One way to run the room (one machine, a network, Binder or JupyterHub)."""

    name: str = Field(min_length=1, description="the setup's name, such as One machine")
    when: str = Field(min_length=1, description="one sentence on when to choose it")
    steps: list[str] = Field(min_length=1, description="the steps in order, one per line starting with '- '")


class FacilitatorNotes(ContentModel):
    """The whole of ``facilitator.yaml``."""

    introduction: list[str] = Field(min_length=1, description="paragraphs opening the guide")
    setups: list[Setup] = Field(min_length=1, description="the ways to run the room")
    checklist: list[str] = Field([], description="things to do before the day")
    lessons: dict[str, LessonNotes] = Field({}, description="notes keyed by lesson id, as in lessons.yaml")

    @field_validator("lessons")
    @classmethod
    def _known(cls, notes: dict[str, LessonNotes], info: ValidationInfo) -> dict[str, LessonNotes]:
        known = (info.context or {}).get("lessons") or set()
        unknown = sorted(set(notes) - known)
        if unknown:
            raise ValueError(f"notes for {', '.join(map(repr, unknown))}, which is not a lesson id; use the ids "
                             f"in lessons.yaml ({', '.join(sorted(known))})")
        return notes


def facilitator_notes() -> FacilitatorNotes:
    """``facilitator.yaml``, checked against its schema and the lesson registry."""
    return load_valid("facilitator", FacilitatorNotes, context={"lessons": lesson_ids()})
