"""The before-and-after knowledge check: lesson quiz questions asked at the start and again at the end.

``kit/content/knowledge_check.yaml`` lists the questions by reference (a quiz
and a question id), so their wording, right answers and feedback live once, in
the lessons' quizzes. The change an attendee sees is counted from the answers
they saved, with :func:`kit.workshop.grade`, every time it is shown.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Annotated

from pydantic import AfterValidator, Field, model_validator

from kit.paths import CONTENT_DIR
from kit.workshop import Question, grade, lesson_label, load_quiz
from kit.workshop.content import ContentModel, content_path, load_valid

#: How many questions the check may ask: enough to show a change, few enough for the first ten minutes.
FEWEST, MOST = 6, 10
#: The file the check is read from, ``kit/content/<NAME>.yaml``.
NAME = "knowledge_check"

Answers = Mapping[str, list[int]]


class Reference(ContentModel):
    """One entry of ``knowledge_check.yaml``: a question of a lesson's quiz."""

    quiz: str = Field(min_length=1, description="a quiz's file name in kit/content/quizzes/ without .yaml, "
                                                "such as 03_bias_in_hiring")
    question: str = Field(min_length=1, description="the id of one of that quiz's questions, such as proxy")

    @model_validator(mode="after")
    def _exists(self) -> "Reference":
        if not content_path(f"quizzes/{self.quiz}").exists():
            known = sorted(path.stem for path in (CONTENT_DIR / "quizzes").glob("*.yaml"))
            raise ValueError(f"there is no quiz {self.quiz!r}; use one of {', '.join(known)}")
        ids = [question.id for question in load_quiz(self.quiz)]
        if self.question not in ids:
            raise ValueError(f"the quiz {self.quiz} has no question {self.question!r}; "
                             f"use one of its ids: {', '.join(ids)}")
        return self

    @property
    def key(self) -> str:
        """How the attendee's answer to it is saved: ``quiz/question``."""
        return f"{self.quiz}/{self.question}"


def _each_once_and_a_fair_number(entries: list[Reference]) -> list[Reference]:
    keys = [entry.key for entry in entries]
    twice = sorted({key for key in keys if keys.count(key) > 1})
    if twice:
        raise ValueError(f"{', '.join(twice)} is listed more than once; list each question once")
    if not FEWEST <= len(entries) <= MOST:
        raise ValueError(f"the check lists {len(entries)} questions; list between {FEWEST} and {MOST}")
    return entries


Check = Annotated[list[Reference], AfterValidator(_each_once_and_a_fair_number)]


@dataclass(frozen=True)
class CheckQuestion:
    """A question of the check: the key its answer is saved under, its quiz, and the question itself."""

    key: str
    quiz: str
    question: Question


def check_questions() -> list[CheckQuestion]:
    """The check's questions, in the order ``knowledge_check.yaml`` lists them (a broken entry is named)."""
    found = []
    for entry in load_valid(NAME, Check):
        question = next(q for q in load_quiz(entry.quiz) if q.id == entry.question)
        found.append(CheckQuestion(entry.key, entry.quiz, question))
    return found


@dataclass(frozen=True)
class QuestionChange:
    """One question, right at the start and right now; None where it was not answered (or no start was saved)."""

    key: str
    question: str
    before: bool | None
    now: bool | None


_CELL = {True: "Right", False: "Not right", None: "Not answered"}


@dataclass(frozen=True)
class Change:
    """The attendee's change: scores at the start (None if nothing was saved then) and now, per question."""

    total: int
    before: int | None
    now: int
    answered_now: int
    questions: tuple[QuestionChange, ...]

    @property
    def gained(self) -> int:
        """Questions not right at the start that are right now."""
        return sum(q.now is True and q.before is not True for q in self.questions) if self.before is not None else 0

    def words(self) -> str:
        """The change in one or two plain sentences, every number counted."""
        if self.before is None:
            start = (f"Nothing is saved from the check at the start ({lesson_label('start')}) in this workspace, "
                     'so there is no "before" to compare with.')
            now = f" Now: {self.now} of {self.total} right." if self.answered_now else \
                " Answer the questions to see your score now."
            return start + now
        if not self.answered_now:
            return (f"Before the workshop {self.before} of {self.total} right. "
                    "Answer the same questions again to see your change.")
        said = f"Before the workshop {self.before} of {self.total} right; now {self.now} of {self.total}."
        if self.gained:
            one = self.gained == 1
            said += (f" {self.gained} {'question' if one else 'questions'} you did not get right at the start "
                     f"{'is' if one else 'are'} right now.")
        left = self.total - self.answered_now
        if left:
            said += f" {left} still to answer."
        return said

    def table(self) -> tuple[list[str], list[list[str]]]:
        """Per question: the question, at the start, now (words, never colour alone)."""
        start = (lambda q: _CELL[q.before]) if self.before is not None else (lambda q: "No check saved")
        return (["Question", "At the start", "Now"],
                [[q.question, start(q), _CELL[q.now]] for q in self.questions])


def _right(question: Question, answers: Answers, key: str) -> bool | None:
    chosen = {i for i in answers.get(key) or [] if 0 <= i < len(question.options)}  # a trainer may drop an option
    return grade(question, chosen).correct if chosen else None


def change_summary(before: Answers | None, after: Answers | None) -> Change:
    """Count the change between the answers saved at the start and at the end.

    Parameters
    ----------
    before, after : mapping of question key to the chosen option positions, as saved
        (``{"03_bias_in_hiring/proxy": [1]}``); None or empty when nothing is saved.

    Returns
    -------
    Change
        Right answers out of the check's total at the start (None when nothing
        was saved then) and now, and per question whether it was right then and now.
    """
    rows = tuple(QuestionChange(item.key, item.question.question, _right(item.question, before or {}, item.key),
                                _right(item.question, after or {}, item.key))
                 for item in check_questions())
    started = any(q.before is not None for q in rows)  # answers to questions no longer asked do not count
    return Change(total=len(rows), before=sum(q.before is True for q in rows) if started else None,
                  now=sum(q.now is True for q in rows), answered_now=sum(q.now is not None for q in rows),
                  questions=rows)
