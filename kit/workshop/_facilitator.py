"""The trainer's notes: ``facilitator.yaml`` (the day) and ``facilitator/<lesson id>.yaml`` (each lesson).

A lesson's notes are a run-sheet whose blocks add up to the lesson's minutes in
the registry, the discussion prompts with a model answer and how to debrief
each, common questions, how to arrange the room and what to do when something
fails. The guide, the workbook, the slides and the lessons' own discussion
boxes all read them from here.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, ValidationInfo, model_validator

from kit.workshop._lessons import Lesson, lessons
from kit.workshop.content import ContentError, ContentModel, content_path, load_valid

#: The kinds of block a run-sheet is made of, in the words a trainer plans with.
BLOCK_KINDS = ("say", "tell", "do", "discuss", "debrief")


class Question(ContentModel):
    """A question attendees often ask, with the answer to give."""

    q: str = Field(min_length=1, description="the question, as an attendee would ask it")
    a: str = Field(min_length=1, description="the answer to give, in plain words")


class Block(ContentModel):
    """One block of a run-sheet."""

    minutes: int = Field(ge=1, description="whole minutes, at least 1; the blocks add up to the lesson's minutes")
    kind: Literal["say", "tell", "do", "discuss", "debrief"] = Field(
        description="one of say (open), tell (teach), do (hands-on), discuss or debrief")
    what: str = Field(min_length=1, description="what happens in this block, in one or two sentences")
    click: str = Field("", description="what to click in the app while projecting, if anything")


class Prompt(ContentModel):
    """A discussion prompt, a short model answer and how to debrief it."""

    prompt: str = Field(min_length=1, description="the question put to the room, as attendees read it")
    model_answer: str = Field(min_length=1, description="a short answer a good group might reach")
    debrief: str = Field(min_length=1, description="how to draw the answers together in a minute or two")


class RoleCard(ContentModel):
    """A role for a group activity, printed on a card."""

    role: str = Field(min_length=1, description="the role's name, such as Data protection officer")
    brief: str = Field(min_length=1, description="two or three sentences on what this person cares about")


class LessonNotes(ContentModel):
    """Everything a trainer needs to run one lesson without preparing."""

    room: str = Field(min_length=1, description="how to arrange the room: pairs, tables, roles")
    say: list[str] = Field(min_length=1, description="the key messages, one per line starting with '- '")
    runsheet: list[Block] = Field(min_length=2, description="blocks of minutes: minutes, kind, what, click")
    discuss: list[Prompt] = Field(min_length=1, description="prompts, each with prompt, model_answer and debrief")
    questions: list[Question] = Field(min_length=3, description="at least three '- q: ...' and 'a: ...' pairs")
    if_it_fails: list[str] = Field(min_length=1, description="what to do when a laptop or the network fails")
    roles: list[RoleCard] = Field([], description="role cards for the group activity, if it has roles")

    @model_validator(mode="after")
    def _adds_up(self, info: ValidationInfo) -> "LessonNotes":
        expected = (info.context or {}).get("minutes")
        total = sum(block.minutes for block in self.runsheet)
        if expected is not None and total != expected:
            raise ValueError(f"the run-sheet's blocks add up to {total} minutes, but the lesson has {expected} in "
                             "lessons.yaml (teaching plus hands-on); change the blocks' minutes so they match")
        return self

    @property
    def minutes(self) -> int:
        return sum(block.minutes for block in self.runsheet)


class Setup(ContentModel):
    """One way to run the room (one machine, a network, Binder or JupyterHub)."""

    name: str = Field(min_length=1, description="the setup's name, such as One machine")
    when: str = Field(min_length=1, description="one sentence on when to choose it")
    steps: list[str] = Field(min_length=1, description="the steps in order, one per line starting with '- '")


class FacilitatorNotes(ContentModel):
    """``facilitator.yaml``: what the whole day needs."""

    introduction: list[str] = Field(min_length=1, description="paragraphs opening the guide")
    setups: list[Setup] = Field(min_length=1, description="the ways to run the room")
    checklist: list[str] = Field([], description="things to do before the day")
    when_things_fail: list[Question] = Field([], description="'- q: what went wrong' and 'a: what to do' pairs")


def facilitator_notes() -> FacilitatorNotes:
    """``facilitator.yaml``, checked against its schema."""
    return load_valid("facilitator", FacilitatorNotes)


def lesson_notes(lesson: Lesson) -> LessonNotes | None:
    """``facilitator/<lesson id>.yaml``, checked (its run-sheet against the lesson's minutes); None if not written."""
    name = f"facilitator/{lesson.id}"
    if not content_path(name).exists():
        return None
    return load_valid(name, LessonNotes, context={"minutes": lesson.total_minutes})


def every_lesson_notes() -> dict[str, LessonNotes | None]:
    """Each lesson's notes by lesson id, in teaching order; a file named for no lesson is refused."""
    known = {lesson.id for lesson in lessons()}
    stray = sorted(path.name for path in content_path("facilitator/x").parent.glob("*.yaml") if path.stem not in known)
    if stray:
        raise ContentError(f"facilitator/{stray[0]} is named for no lesson; name each file after a lesson id in "
                           f"lessons.yaml ({', '.join(sorted(known))}).")
    return {lesson.id: lesson_notes(lesson) for lesson in lessons()}
