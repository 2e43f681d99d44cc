"""The policy builder's content: questions, the frame of the policy, and one template per area.

Everything a trainer may reword lives in ``kit/content/policy_builder.yaml``
and ``kit/content/policy_templates/*.yaml``; the schemas here check it, down
to every ``{{ placeholder }}``, naming the file, the entry and the fix, so a
typo is caught when the app opens rather than printed into an attendee's policy.
"""

from __future__ import annotations

import functools
from typing import Annotated, Any, Iterable, Literal

from pydantic import AfterValidator, Field, ValidationInfo, field_validator, model_validator

from kit.governance._policy_placeholders import check_template
from kit.paths import CONTENT_DIR
from kit.workshop.content import ContentError, ContentModel, Items, load, load_valid, unique_ids, validate

KINDS = ("text", "long", "choice")
GROUPS = {"core": "the framework's five policy areas", "sales": "the sales-governance guidance"}
TEMPLATE_DIR = "policy_templates"
_PLACEHOLDER_ID = r"^[a-z][a-z0-9_]*$"


def _check_placeholders(texts: dict[str, str], known: Iterable[str]) -> None:
    """Raise a ValueError naming the first bad placeholder in ``texts`` (where -> text), and how many more."""
    problems = [p.removeprefix(": ").rstrip(".") for where, text in texts.items()
                for p in check_template(text, known, where)]
    if problems:
        more = f" ({len(problems) - 1} more like it in the same file)" if len(problems) > 1 else ""
        raise ValueError(problems[0] + more)


class PolicyQuestion(ContentModel):
    """One question about the organisation; its ``id`` is the placeholder name."""

    id: str = Field(pattern=_PLACEHOLDER_ID, description="a short name in lower-case letters, digits and _, "
                                                         "used as the placeholder {{ id }}, such as organisation")
    question: str = Field(min_length=1, description="what the attendee is asked")
    short: str = Field(min_length=1, description="what the question decides, in a few words")
    kind: Literal[KINDS] = Field(description="text (one line), long (several lines) or choice (one of options)")
    options: Items[str] = Field((), description="for choice: the answers, one bullet each, in quotes")
    example: str = Field("", description="for text and long: an example shown in the empty box")

    @model_validator(mode="after")
    def _choices(self) -> "PolicyQuestion":
        if self.kind == "choice" and len(self.options) < 2:
            raise ValueError(f"question {self.id!r} is a choice, so it needs at least two options; list them "
                             "under options")
        return self


class FramePart(ContentModel):
    """A heading and its paragraphs."""

    heading: str = Field(min_length=1, description="the heading of this part of the policy")
    paragraphs: Items[str] = Field(min_length=1, description="the paragraphs, one bullet each")


class Frame(ContentModel):
    """The title, introduction, open-questions note and closing around the areas."""

    title: str = Field(min_length=1, description="the policy's title, for example 'AI policy for {{ organisation }}'")
    subtitle: str = Field("", description="one line under the title")
    introduction: FramePart = Field(description="a heading and paragraphs that open the policy")
    open_questions: FramePart = Field(description="a heading and paragraphs above the decisions still open")
    closing: FramePart = Field(description="a heading and paragraphs that close the policy")

    @property
    def parts(self) -> dict[str, dict]:
        """name -> {"heading": str, "paragraphs": [str]}, for the three parts."""
        return {name: {"heading": part.heading, "paragraphs": list(part.paragraphs)}
                for name, part in self._named().items()}

    def _named(self) -> dict[str, FramePart]:
        return {"introduction": self.introduction, "open_questions": self.open_questions, "closing": self.closing}

    def texts(self) -> dict[str, str]:
        """Every text that may hold a placeholder, by where it is."""
        found = {"the title": self.title, "the subtitle": self.subtitle}
        for name, part in self._named().items():
            found[f"the {name} heading"] = part.heading
            found |= {f"the {name}, paragraph {i}": text for i, text in enumerate(part.paragraphs, start=1)}
        return found


class PolicyBuilder(ContentModel):
    """``policy_builder.yaml``: the questions, and the frame whose placeholders name them."""

    questions: Annotated[Items[PolicyQuestion], AfterValidator(unique_ids("questions"))] = Field(
        min_length=1, description="the questions, at least the organisation's name, each with id, question, "
                                  "short and kind")
    frame: Frame = Field(description="title, subtitle, introduction, open_questions and closing")

    @field_validator("frame")
    @classmethod
    def _known_placeholders(cls, frame: Frame, info: ValidationInfo) -> Frame:
        if "questions" in info.data:
            _check_placeholders(frame.texts(), [q.id for q in info.data["questions"]])
        return frame


class PolicyArea(ContentModel):
    """One part of the policy, as written in its template file; its ``id`` is the file's name."""

    id: str
    title: str = Field(min_length=1, description="the heading of this part of the policy")
    order: int = Field(strict=True, description="a whole number: where it comes in the policy, smaller first")
    group: Literal[tuple(GROUPS)] = Field(description=" or ".join(GROUPS))
    summary: str = Field(min_length=1, description="one line shown next to the tick box that includes this area")
    purpose: str = Field(min_length=1, description="one paragraph on why the area matters")
    rules: Items[str] = Field(min_length=1, description="what the organisation commits to, one bullet each")

    @field_validator("title", "summary", "purpose", "rules")
    @classmethod
    def _known_placeholders(cls, value: str | tuple[str, ...], info: ValidationInfo) -> Any:
        """Placeholders name a question of ``policy_builder.yaml`` (given as ``context["questions"]``)."""
        known = (info.context or {}).get("questions")
        if known is None:
            return value
        if isinstance(value, tuple):
            _check_placeholders({f"rule {i}": rule for i, rule in enumerate(value, start=1)}, known)
        else:
            _check_placeholders({"": value}, known)
        return value


@functools.lru_cache(maxsize=None)
def _builder() -> PolicyBuilder:
    return load_valid("policy_builder", PolicyBuilder)


def questions() -> tuple[PolicyQuestion, ...]:
    """The questions of ``policy_builder.yaml``, checked (ids unique and usable as placeholders)."""
    return _builder().questions


def frame() -> Frame:
    """The frame of the policy, its placeholders checked."""
    return _builder().frame


def _area(name: str) -> PolicyArea:
    raw = load(f"{TEMPLATE_DIR}/{name}")
    return validate({**raw, "id": name} if isinstance(raw, dict) else raw, PolicyArea,
                    where=f"{TEMPLATE_DIR}/{name}.yaml", context={"questions": [q.id for q in questions()]})


@functools.lru_cache(maxsize=None)
def areas() -> tuple[PolicyArea, ...]:
    """Every policy area under ``policy_templates/``, in their ``order``."""
    names = sorted(path.stem for path in (CONTENT_DIR / TEMPLATE_DIR).glob("*.yaml"))
    if not names:
        raise ContentError(f"No policy templates found in {CONTENT_DIR / TEMPLATE_DIR}.")
    return tuple(sorted((_area(name) for name in names), key=lambda a: (a.order, a.id)))


def clear_cache() -> None:
    """Forget the loaded content (after a trainer edits a file, and in tests)."""
    for cached in (_builder, areas):
        cached.cache_clear()
