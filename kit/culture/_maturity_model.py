"""The schema of ``kit/content/maturity.yaml``: dimensions, their statements and next steps, and the worked example.

A trainer's mistake is named with the file, the entry and the fix when the
file loads (:func:`kit.workshop.content.load_valid`).
"""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, ConfigDict, Field, ValidationInfo, field_validator, with_config
from typing_extensions import TypedDict

from kit.workshop.content import ContentModel, Items, load_valid, unique_ids

FILE = "maturity.yaml"
#: The ratings a learner gives each statement, lowest first.
RATINGS: tuple[tuple[int, str], ...] = ((0, "Not in place"), (1, "Started"), (2, "Mostly in place"),
                                        (3, "Fully in place"))

Id = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$",
                          description="a short id in small letters, digits and dashes, such as strategy-pilots")]
Steps = Items[Annotated[str, Field(min_length=1)]]
Rating = Annotated[int, Field(strict=True, ge=RATINGS[0][0], le=RATINGS[-1][0],
                              description="a rating: 0, 1, 2 or 3")]


def _steps():
    return Field(min_length=1, description="a list of next steps, one per line starting with '- '")


class Statement(ContentModel):
    """Something a mature organisation can say about itself."""

    id: Id
    text: str = Field(min_length=1, description="the statement, one sentence the learner rates")


class NextSteps(ContentModel):
    """The next steps for an organisation at each level of one dimension."""

    Fundamentals: Steps = _steps()
    Intermediate: Steps = _steps()
    Advanced: Steps = _steps()

    def __getitem__(self, level: str) -> tuple[str, ...]:
        return getattr(self, level)


#: The three stages of the framework, lowest first.
LEVEL_NAMES = tuple(NextSteps.model_fields)


class Dimension(ContentModel):
    """One dimension of the framework, its statements, and the next steps at each level."""

    id: Id
    title: str = Field(min_length=1, description="the dimension's name, as the learner sees it")
    about: str = Field("", description="one line on what the dimension covers")
    statements: Items[Statement] = Field(min_length=1, description="a list of statements, each with an id and a text")
    next_steps: NextSteps = Field(description="the next steps under Fundamentals, Intermediate and Advanced")


@with_config(ConfigDict(extra="forbid"))
class Example(TypedDict, total=False):
    """The worked example: an organisation's name and its ratings by statement id."""

    name: str
    ratings: dict[str, Rating]


class MaturityModel(ContentModel):
    """The dimensions in the order the app shows them, and the worked example."""

    dimensions: Annotated[Items[Dimension], AfterValidator(unique_ids("dimensions"))] = Field(
        min_length=1, description="a list of dimensions, each with an id, a title, statements and next_steps")
    example: Example = Field(default_factory=dict, description="a name, and ratings from 0 to 3 by statement id")

    @property
    def statements(self) -> tuple[Statement, ...]:
        return tuple(s for d in self.dimensions for s in d.statements)

    @field_validator("dimensions")
    @classmethod
    def _unique_statements(cls, dimensions: tuple[Dimension, ...]) -> tuple[Dimension, ...]:
        unique_ids("statements")([s for d in dimensions for s in d.statements])  # across the dimensions too
        return dimensions

    @field_validator("example")
    @classmethod
    def _known_statements(cls, example: Example, info: ValidationInfo) -> Example:
        known = [s.id for d in info.data.get("dimensions", ()) for s in d.statements]
        unknown = [sid for sid in example.get("ratings", {}) if sid not in known]
        if unknown and known:
            raise ValueError(f"the example rates {', '.join(map(repr, unknown))}, which no dimension has; "
                             f"use a statement id such as {known[0]}, or check the spelling")
        return {"name": example.get("name", ""), "ratings": dict(example.get("ratings", {}))}


def load_model(name: str = "maturity") -> MaturityModel:
    """The maturity model in ``kit/content/<name>.yaml``, checked.

    Raises
    ------
    kit.workshop.content.ContentError
        Naming the file, the entry at fault and how to fix it.
    """
    return load_valid(name, MaturityModel)
