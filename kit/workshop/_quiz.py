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

from kit.workshop.content import ContentError, load

KINDS = ("single", "multiple")


@dataclass(frozen=True)
class Option:
    text: str
    correct: bool
    feedback: str


@dataclass(frozen=True)
class Question:
    id: str
    question: str
    kind: str
    options: tuple[Option, ...]

    @property
    def answer(self) -> frozenset[int]:
        """Positions of the correct options."""
        return frozenset(i for i, option in enumerate(self.options) if option.correct)


@dataclass(frozen=True)
class Grade:
    """The verdict on one answer: right or not, a headline, and the feedback of each chosen option."""

    correct: bool
    message: str
    feedback: tuple[str, ...]


def _question(raw: dict, where: str) -> Question:
    for key in ("id", "question", "options"):
        if key not in raw:
            raise ContentError(f"{where}: a question has no '{key}'; add it.")
    kind = raw.get("kind", "single")
    if kind not in KINDS:
        raise ContentError(f"{where}, question {raw['id']}: kind must be 'single' or 'multiple', not {kind!r}.")
    options = tuple(Option(str(o["text"]), bool(o.get("correct", False)), str(o.get("feedback", "")))
                    for o in raw["options"])
    right = sum(o.correct for o in options)
    if len(options) < 2 or right == 0 or (kind == "single" and right != 1):
        raise ContentError(f"{where}, question {raw['id']}: needs at least two options and "
                           f"{'exactly one' if kind == 'single' else 'at least one'} marked 'correct: true'.")
    return Question(str(raw["id"]), str(raw["question"]), kind, options)


def load_quiz(name: str) -> list[Question]:
    """The questions of ``kit/content/quizzes/<name>.yaml``, checked."""
    questions = [_question(raw, f"quizzes/{name}.yaml") for raw in load(f"quizzes/{name}")]
    ids = [q.id for q in questions]
    if len(set(ids)) != len(ids):
        raise ContentError(f"quizzes/{name}.yaml: two questions share an id; give each its own.")
    return questions


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
