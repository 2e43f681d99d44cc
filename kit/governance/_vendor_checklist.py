"""The schema of ``kit/content/vendor_checklist.yaml``: areas, questions and the worked example.

Trainers edit the checklist without touching code, so every rule the scoring
relies on is declared here once; a file that breaks one is named, with the
entry and the fix, when it loads.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, Field, StrictInt, ValidationInfo, field_validator

from kit.workshop.content import ContentModel, Items, load_valid, unique_ids

FILE = "vendor_checklist.yaml"
SCORES = (0, 1, 2)
WEIGHTS = (1, 2, 3)
_ID = r"^[a-z0-9][a-z0-9-]*$"

class Area(ContentModel):
    """One area of the checklist, such as Data or Exit."""

    id: str = Field(pattern=_ID, description="a short name of its own in small letters, digits and dashes, like data")
    title: str = Field(min_length=1, description="the area's heading, such as Data")
    about: str = Field("", description="one sentence on what the area covers")


class Option(ContentModel):
    """An answer the supplier might give, scored 2 (strong), 1 (partial) or 0 (weak)."""

    text: str = Field(min_length=1, description="the answer you might hear, in quotes if it is Yes or No")
    score: int = Field(strict=True, ge=min(SCORES), le=max(SCORES),
                       description="2 for a strong answer, 1 for a partial one, 0 for a weak one")


class Question(ContentModel):
    """One question to ask the supplier."""

    id: str = Field(pattern=_ID, description="a short name of its own in small letters, digits and dashes; "
                                             "saved answers use it")
    area: str = Field(min_length=1, description="the id of one of the areas")
    weight: int = Field(strict=True, ge=min(WEIGHTS), le=max(WEIGHTS),
                        description="1, 2 or 3: how much the question counts within its area")
    question: str = Field(min_length=1, description="what to ask the supplier")
    options: Items[Option] = Field(min_length=2, description="at least two answers, each with a text and a score")
    follow_up: str = Field(min_length=1, description="the question to send when the answer was not strong")
    why: str = Field("", description="optional: one sentence on why it matters")
    critical: bool = Field(False, description="true if a weak answer should stop you signing; false otherwise")

    @field_validator("options")
    @classmethod
    def _has_strong(cls, options: tuple[Option, ...]) -> tuple[Option, ...]:
        if max(option.score for option in options) != max(SCORES):
            raise ValueError(f"no option is a strong answer; give at least one the score {max(SCORES)}")
        return options


class Example(ContentModel):
    """The worked example as written in the file: options numbered from 1."""

    vendor: str = Field("", description="the example supplier's name")
    tool: str = Field("", description="the example tool's name")
    answers: dict[str, StrictInt] = Field({}, description="question id: the number of the option chosen, 1 the first")


def _as_positions(example: Example) -> dict:
    """The example as the app reads it: a plain dict whose answers count from 0."""
    return {"vendor": example.vendor, "tool": example.tool,
            "answers": {qid: number - 1 for qid, number in example.answers.items()}}


class Checklist(ContentModel):
    """The areas and questions, in the order the app shows them, and the worked example.

    ``example`` is a plain dict: ``{"vendor", "tool", "answers": {question id: option position}}``,
    positions counted from 0.
    """

    areas: Annotated[Items[Area], AfterValidator(unique_ids("areas"))] = Field(
        min_length=1, description="the areas, each with an id and a title")
    questions: Annotated[Items[Question], AfterValidator(unique_ids("questions"))] = Field(
        min_length=1, description="the questions, each with id, area, weight, question, options and follow_up")
    example: Annotated[Example, AfterValidator(_as_positions)] = Field(
        default_factory=lambda: _as_positions(Example()), description="vendor, tool and answers")

    @field_validator("questions")
    @classmethod
    def _areas_match(cls, questions: tuple[Question, ...], info: ValidationInfo) -> tuple[Question, ...]:
        """Every question is in a known area, and every area has a question."""
        if "areas" not in info.data:
            return questions  # the areas are wrong already, and named
        areas = info.data["areas"]
        known = [area.id for area in areas]
        for question in questions:
            if question.area not in known:
                raise ValueError(f"question {question.id!r} is in area {question.area!r}, which is not one of "
                                 f"{', '.join(known)}; use one of those ids")
        empty = [area.title for area in areas if not any(q.area == area.id for q in questions)]
        if empty:
            raise ValueError(f"the area {', '.join(empty)} has no questions; add one or remove the area")
        return questions

    @field_validator("example")
    @classmethod
    def _example_fits(cls, example: dict, info: ValidationInfo) -> dict:
        if "questions" not in info.data:
            return example
        sizes = {q.id: len(q.options) for q in info.data["questions"]}
        for qid, position in example["answers"].items():
            if qid not in sizes:
                raise ValueError(f"the example answers question {qid!r}, which does not exist; check the spelling")
            if not 0 <= position < sizes[qid]:
                raise ValueError(f"the example answer to {qid!r} is option {position + 1}; give an option number "
                                 f"from 1 to {sizes[qid]}")
        return example

    def in_area(self, area_id: str) -> tuple[Question, ...]:
        """The questions of one area, in order."""
        return tuple(q for q in self.questions if q.area == area_id)


def load_checklist(name: str = "vendor_checklist") -> Checklist:
    """The checklist in ``kit/content/<name>.yaml``, checked.

    Raises
    ------
    kit.workshop.content.ContentError
        Naming the file, the entry at fault and how to fix it.
    """
    return load_valid(name, Checklist)
