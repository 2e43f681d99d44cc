"""Starting registers kept as data files a trainer can edit (``kit/content/risk_templates/*.yaml``).

Each file has a ``title``, a ``summary`` of the scenario, its ``source``, an
``order`` in the app's list, and ``risks``: a list of risks with the fields of
:data:`kit.risk.FIELDS`. Each file is read against :class:`Template`, and a
mistake is reported with the file, the risk and the fix, so a trainer can
correct it without reading code.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, model_validator

from kit.workshop.content import ContentModel, Items, load_valid, unique_ids
from kit.paths import CONTENT_DIR

from ._model import CATEGORIES, STATUSES, Risk
from ._register import Register
from ._scoring import SCALE_MAX, SCALE_MIN
from ._validate import MAX_TEXT, MAX_TITLE, RiskInputError, validate_risk

TEMPLATE_FOLDER = "risk_templates"
#: The template the lesson and the app start from: the four risks of the source table.
DEFAULT_TEMPLATE = "customer_service_chatbot"
#: The templates the coding exercise joins into its practice register.
PRACTICE_TEMPLATES = ("customer_service_chatbot", "generative_ai_chatbot")

_POINT = f"a whole number from {SCALE_MIN} to {SCALE_MAX}"


def _text(description: str):
    return Field("", max_length=MAX_TEXT, description=description)


def _point(description: str, default=...):
    return Field(default, ge=SCALE_MIN, le=SCALE_MAX, description=f"{_POINT}: {description}")


class TemplateRisk(ContentModel):
    """One risk of a template, as a trainer writes it; :func:`kit.risk.validate_risk` makes it a :class:`Risk`."""

    title: str = Field(min_length=1, max_length=MAX_TITLE, description="a short title, such as 'Data privacy breach'")
    category: Literal[CATEGORIES] = Field("other", description=f"one of {', '.join(CATEGORIES)}")
    description: str = _text("what could go wrong, in a sentence or two")
    affected: str = _text("who is affected")
    impact: str = _text("what the harm would be")
    likelihood: int = _point("1 rare to 5 almost certain")
    severity: int = _point("1 negligible to 5 severe")
    mitigation: str = _text("what is done about it")
    owner: str = _text("who is responsible for it")
    due: dt.date | None = Field(None, description="a date written year-month-day, such as 2026-03-31")
    status: Literal[STATUSES] = Field("open", description=f"one of {', '.join(STATUSES)}")
    residual_likelihood: int | None = _point("the likelihood once mitigated (blank keeps the one before)", None)
    residual_severity: int | None = _point("the severity once mitigated (blank keeps the one before)", None)

    @model_validator(mode="after")
    def _checked(self) -> "TemplateRisk":
        self.risk()  # the register's own rules: a mitigation never makes a risk worse
        return self

    def risk(self) -> Risk:
        """The risk, checked by the register's rules."""
        try:
            return validate_risk(self.model_dump())
        except RiskInputError as problem:
            raise ValueError(" ".join(problem.problems.values()).rstrip(".")) from None


class Template(ContentModel):
    """A starting register: its scenario in words, and its risks."""

    title: str = Field(min_length=1, description="the AI system the register is about, in a few words")
    summary: str = Field("", description="the scenario, in a short paragraph")
    source: str = Field("", description="where the risks come from")
    order: float = Field(99, description="a number: where the template sits in the app's list, such as 2")
    risks: Annotated[Items[TemplateRisk], AfterValidator(unique_ids("risks", "title", any_case=True))] = Field(
        min_length=1, description="a list of risks, each with at least a title, a likelihood and a severity")


def _template(name: str) -> Template:
    return load_valid(f"{TEMPLATE_FOLDER}/{name}", Template)


def template_names() -> list[str]:
    """Every template's name (the file name without .yaml), in the order the app lists them."""
    names = [path.stem for path in (CONTENT_DIR / TEMPLATE_FOLDER).glob("*.yaml")]
    return sorted(names, key=lambda name: (_template(name).order, name))


def template_info(name: str) -> dict[str, str]:
    """A template's ``title``, ``summary`` and ``source``, for the app's description of it."""
    template = _template(name)
    return {"title": template.title, "summary": template.summary, "source": template.source}


def load_template(name: str) -> Register:
    """A new register holding the risks of template ``name``.

    Raises
    ------
    kit.workshop.content.ContentError
        When the file is missing, or a risk in it breaks the register's rules
        (the message names the file, the risk and the fix).
    """
    template = _template(name)
    register = Register(name=template.title, source=name)
    register.extend(risk.risk() for risk in template.risks)
    return register


def practice_register() -> Register:
    """The register of the coding exercise: the source table's chatbot risks and the generative-AI ones."""
    register = Register(name="Customer-service chatbot (practice register)", source="practice")
    for name in PRACTICE_TEMPLATES:
        register.extend(load_template(name).risks)
    return register
