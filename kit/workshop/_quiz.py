"""Self-check quizzes: questions as data files, graded with feedback for every option.

A quiz lives in ``kit/content/quizzes/<name>.yaml`` as a list of questions::

    - id: four-fifths
      question: Group A is selected at 50% and group B at 40%. Does B fail?
      kind: single            # or "multiple": tick every right answer
      options:
        - text: "Yes"
          feedback: 40 / 50 is exactly 0.8, and only less than 0.8 fails.
        - text: "No"
          correct: true
          feedback: Right, exactly four-fifths passes.

Trainers edit the file; :func:`load_quiz` names any mistake and its fix.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, model_validator

from kit.workshop.content import ContentModel, load_valid, unique_ids

KINDS = ("single", "multiple")


class Option(ContentModel):
    text: str = Field(min_length=1, description="the option as the learner reads it; put Yes and No in quotes")
    correct: bool = Field(False, description="true for a right answer; leave it out for a wrong one")
    feedback: str = Field("", description="one sentence saying why this option is right or wrong")


class Question(ContentModel):
    id: str = Field(min_length=1, description="a short id, different for every question of the quiz")
    question: str = Field(min_length=1, description="the question, in one or two sentences")
    kind: Literal["single", "multiple"] = Field("single", description="single (one right answer) or multiple")
    options: tuple[Option, ...] = Field(min_length=2, description="at least two options, each with text and feedback")

    @model_validator(mode="after")
    def _right_count(self) -> "Question":
        right = sum(option.correct for option in self.options)
        if right == 0 or (self.kind == "single" and right != 1):
            raise ValueError(f"question {self.id!r} needs {'exactly one' if self.kind == 'single' else 'at least one'}"
                             " option marked 'correct: true'")
        return self

    @property
    def answer(self) -> frozenset[int]:
        """Positions of the correct options."""
        return frozenset(i for i, option in enumerate(self.options) if option.correct)


Quiz = Annotated[list[Question], AfterValidator(unique_ids("questions"))]


@dataclass(frozen=True)
class Grade:
    """The verdict on one answer: right or not, a headline, and the feedback of each chosen option."""

    correct: bool
    message: str
    feedback: tuple[str, ...]


def load_quiz(name: str) -> list[Question]:
    """The questions of ``kit/content/quizzes/<name>.yaml``, checked."""
    return load_valid(f"quizzes/{name}", Quiz)


def grade(question: Question, chosen: set[int] | frozenset[int]) -> Grade:
    """Grade the options the learner chose (positions) against the right ones."""
    chosen = frozenset(chosen)
    if not chosen:
        return Grade(False, "Choose an answer first.", ())
    feedback = tuple(question.options[i].feedback for i in sorted(chosen) if question.options[i].feedback)
    if chosen == question.answer:
        return Grade(True, "Correct.", feedback)
    if question.kind == "multiple" and chosen < question.answer:
        return Grade(False, "Partly right: there is more to tick.", feedback)
    return Grade(False, "Not quite. Read the feedback and try again.", feedback)


def score(questions: list[Question], answers: dict[str, list[int]]) -> tuple[int, int]:
    """How many questions are answered correctly, out of how many."""
    right = sum(grade(q, set(answers.get(q.id, []))).correct for q in questions)
    return right, len(questions)
