"""The scales and templates of the triage matrix, read from ``kit/content`` and checked."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

import pandas as pd
from pydantic import AfterValidator, Field, field_validator, model_validator

from kit.workshop.content import ContentModel, Items, load_valid, unique_ids
from kit.paths import CONTENT_DIR
from kit.strategy._usecase import (LABELS, MAX_AMOUNT, MAX_TEXT, MAX_TITLE, MAX_USE_CASES, MONEY, SCORES, UseCase,
                                   use_case)

TEMPLATE_DIR = "use_case_templates"
SCALES_FILE = "use_case_scales"
_POINTS = (1, 2, 3, 4, 5)


class Level(ContentModel):
    """One step of a scale: a short label and what it means."""

    label: str = Field(min_length=1, description="a short label, such as Low")
    means: str = Field(min_length=1, description="what the score means, in a sentence")


class Scale(ContentModel):
    """A 1-to-5 score explained in plain words (value, effort or ethical risk)."""

    name: str = Field(min_length=1, description="the score's name, such as Ethical risk")
    question: str = Field(min_length=1, description="the question the score answers")
    levels: dict[int, Level] = Field(description="the levels 1 to 5, each with a label and a means")

    @field_validator("levels")
    @classmethod
    def _every_level(cls, levels: dict[int, Level]) -> dict[int, Level]:
        if sorted(levels) != list(_POINTS):
            raise ValueError(f"the levels are {', '.join(map(str, sorted(levels))) or 'none'}; give exactly the "
                             "levels 1, 2, 3, 4 and 5")
        return dict(sorted(levels.items()))

    def describe(self, score: int) -> str:
        """``"2 · Low: little or no personal data..."`` for a score."""
        level = self.levels[score]
        return f"{score} · {level.label}: {level.means}"


_SCALE = "a block with a name, a question and the levels 1 to 5"


class Scales(ContentModel):
    """``use_case_scales.yaml``: the three scores of the matrix."""

    value: Scale = Field(description=_SCALE)
    effort: Scale = Field(description=_SCALE)
    risk: Scale = Field(description=_SCALE)


def _score():
    return Field(ge=_POINTS[0], le=_POINTS[-1], description="a whole number from 1 to 5 (see use_case_scales.yaml)")


def _money(name: str):
    return Field(None, ge=0, le=MAX_AMOUNT, description=f"{LABELS[name].lower()}: a number such as 12 or 7.5, "
                                                        "or leave it out")


class TemplateUseCase(ContentModel):
    """One use case as a template writes it; :func:`kit.strategy.use_case` makes it a :class:`UseCase`."""

    title: str = Field(min_length=1, max_length=MAX_TITLE, description=f"a title of up to {MAX_TITLE} characters")
    problem: str = Field("", max_length=MAX_TEXT, description="the problem it solves, in a sentence")
    notes: str = Field("", max_length=MAX_TEXT, description="its safeguards, in a sentence or two")
    value: int = _score()
    effort: int = _score()
    risk: int = _score()
    hours_saved: float | None = _money("hours_saved")
    hourly_cost: float | None = _money("hourly_cost")
    other_gain: float | None = _money("other_gain")
    setup_cost: float | None = _money("setup_cost")
    monthly_cost: float | None = _money("monthly_cost")

    @model_validator(mode="after")
    def _checked(self) -> "TemplateUseCase":
        self.use_case()  # the app's own rules: an estimate has a benefit and both costs, or nothing
        return self

    def use_case(self) -> UseCase:
        """The use case, checked by the app's rules."""
        return use_case(self.model_dump())


class TemplateFile(ContentModel):
    """What a trainer writes in ``use_case_templates/<key>.yaml``."""

    name: str = Field(min_length=1, description="the kind of organisation, such as Independent retailer")
    description: str = Field("", description="the organisation in a sentence")
    use_cases: Annotated[Items[TemplateUseCase], AfterValidator(unique_ids("use cases", "title", any_case=True))] = (
        Field(min_length=1, max_length=MAX_USE_CASES, description=f"a list of 1 to {MAX_USE_CASES} use cases, "
                                                                  "each with a title and a value, effort and risk score"))



@dataclass(frozen=True)
class Template:
    """A ready-made list of use cases for one kind of organisation."""

    key: str
    name: str
    description: str
    use_cases: tuple[UseCase, ...]


def scales() -> dict[str, Scale]:
    """The three scales of ``use_case_scales.yaml``, keyed ``value``, ``effort``, ``risk``."""
    words = load_valid(SCALES_FILE, Scales)
    return {key: getattr(words, key) for key in SCORES}


def template_keys() -> list[str]:
    """The templates available, by file name (``retailer``, ``sales_team``, ...), sorted."""
    return sorted(path.stem for path in (CONTENT_DIR / TEMPLATE_DIR).glob("*.yaml"))


def load_template(key: str) -> Template:
    """The template ``kit/content/use_case_templates/<key>.yaml``, every use case checked."""
    if key not in template_keys():
        raise ValueError(f"There is no template called {key!r}; choose one of {', '.join(template_keys())}.")
    raw = load_valid(f"{TEMPLATE_DIR}/{key}", TemplateFile)
    return Template(key, raw.name, raw.description, tuple(case.use_case() for case in raw.use_cases))


def templates_frame() -> pd.DataFrame:
    """Every template's use cases in one table, for the pandas exercise.

    One row per use case: the template's key, the title, the three scores and
    the money fields (NaN where a template gives no figure).
    """
    rows = [{"template": key, **case.to_dict()} for key in template_keys()
            for case in load_template(key).use_cases]
    columns = ["template", "title", *SCORES, *MONEY]
    return pd.DataFrame(rows, columns=columns).astype({name: float for name in MONEY})


def scales_frame() -> pd.DataFrame:
    """The three scales side by side: one row per score from 1 to 5, "label: meaning" in each cell."""
    words = scales()
    rows = [{"Score": n, **{scale.name: f"{scale.levels[n].label}: {scale.levels[n].means}"
                            for scale in words.values()}} for n in range(1, 6)]
    return pd.DataFrame(rows)


def problems_frame(key: str) -> pd.DataFrame:
    """A template's use cases with the problem each solves and its safeguards, for reading."""
    return pd.DataFrame([{LABELS["title"]: c.title, LABELS["problem"]: c.problem, LABELS["notes"]: c.notes}
                         for c in load_template(key).use_cases])
