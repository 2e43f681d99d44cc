"""Engaging residents and customers as a method (the innovation lesson): who, when, and what their input changes.

The groups, stages, methods and messages live in ``kit/content/engagement.yaml``.
An attendee's plan for one AI system names the groups to involve, how at each
stage of the system's life, what their input is allowed to change, and how
they will hear what changed. The kit reads the plan against three questions
and rates it:

- **Token consultation** when nobody is involved before launch, or nothing
  is open to change: taking part cannot make a difference.
- **Needs work** when the people the system decides about are missing, no
  trusted partner group is involved, nobody is asked before the decision to
  use AI, or there is no way of reporting back.
- **Meaningful involvement** otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, Field, field_validator

from kit.culture._text import one_line
from kit.documents import Document, Section
from kit.workshop.content import ContentModel, Items, load_valid, unique_ids

FILE = "engagement"
MAX_TEXT = 300
NONE = "none"
#: The problems the kit checks for, by id; the content file words each one.
PROBLEMS = ("none_before_launch", "nothing_open", "decided_missing", "nobody_trusted", "not_early", "no_report_back")
#: Groups that reach people through trust rather than an official letter.
PARTNERS = ("advocates", "community", "disabled")

Id = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_-]*$",
                          description="a short id in small letters, digits, dashes or underscores")]


class Group(ContentModel):
    """A group of people to involve."""

    id: Id
    label: str = Field(min_length=1, description="the group, as the attendee reads it")
    why: str = Field(min_length=1, description="why to involve them, one sentence")
    decided: bool = Field(False, description="true for the people the system decides about (one group)")


class Stage(ContentModel):
    """A point in the system's life at which to involve people."""

    id: Id
    label: str = Field(min_length=1, description="the stage, as the attendee reads it")
    why: str = Field(min_length=1, description="why this stage matters, one sentence")
    before_launch: bool = Field(description="true when the stage comes before the system goes live")


class Option(ContentModel):
    """A method, or a thing input may change."""

    id: Id
    label: str = Field(min_length=1, description="how it reads")


class Problem(ContentModel):
    """The message for one way a plan falls short."""

    id: Id
    level: Literal["token", "work"] = Field(description="token (consultation as a token) or work (needs work)")
    text: str = Field(min_length=1, description="what is wrong and how to fix it, in plain words")


class Levels(ContentModel):
    """How each rating reads."""

    token: str = Field(min_length=1, description="the rating when taking part cannot make a difference")
    work: str = Field(min_length=1, description="the rating when the plan needs work")
    meaningful: str = Field(min_length=1, description="the rating when nothing is missing")


class Example(ContentModel):
    """The lesson's worked example plan."""

    system: str = Field(min_length=1, description="the system the example plans for")
    who: list[str] = Field(default_factory=list, description="group ids")
    when: dict[str, str] = Field(default_factory=dict, description="stage id: method id")
    changes: list[str] = Field(default_factory=list, description="ids of what input may change")
    report_back: str = Field("", description="how people hear what changed")


class EngagementMethod(ContentModel):
    """Everything the engagement plan is built from."""

    title: str = Field(min_length=1, description="the activity's title")
    who: Annotated[Items[Group], AfterValidator(unique_ids("groups"))] = Field(min_length=2)
    stages: Annotated[Items[Stage], AfterValidator(unique_ids("stages"))] = Field(min_length=2)
    methods: Annotated[Items[Option], AfterValidator(unique_ids("methods"))] = Field(min_length=2)
    changes: Annotated[Items[Option], AfterValidator(unique_ids("changes"))] = Field(min_length=2)
    problems: Annotated[Items[Problem], AfterValidator(unique_ids("problems"))]
    levels: Levels
    example: Example

    @field_validator("who")
    @classmethod
    def _one_decided(cls, groups: tuple[Group, ...]) -> tuple[Group, ...]:
        if sum(g.decided for g in groups) != 1:
            raise ValueError("mark exactly one group with decided: true (the people the system decides about)")
        return groups

    @field_validator("methods")
    @classmethod
    def _has_none(cls, methods: tuple[Option, ...]) -> tuple[Option, ...]:
        if NONE not in [m.id for m in methods]:
            raise ValueError(f"add a method with id {NONE!r} (no engagement at that stage)")
        return methods

    @field_validator("problems")
    @classmethod
    def _every_problem(cls, problems: tuple[Problem, ...]) -> tuple[Problem, ...]:
        missing = [p for p in PROBLEMS if p not in [q.id for q in problems]]
        if missing:
            raise ValueError(f"word every problem the kit checks for; missing: {', '.join(missing)}")
        return problems

    def problem(self, problem_id: str) -> Problem:
        return next(p for p in self.problems if p.id == problem_id)


def load_method(name: str = FILE) -> EngagementMethod:
    """The method in ``kit/content/<name>.yaml``, checked (a ContentError names any fault and its fix)."""
    return load_valid(name, EngagementMethod)


def clean_text(text: Any, what: str) -> str:
    """Text as typed, on one line; a plain error naming the fix when it is too long."""
    return one_line(text, MAX_TEXT, what)


def clean_plan(method: EngagementMethod, saved: Any) -> dict:
    """A saved plan with only what the method still knows (a trainer may have edited the file since)."""
    saved = saved if isinstance(saved, dict) else {}
    groups = [g.id for g in method.who]
    stages = [s.id for s in method.stages]
    methods = [m.id for m in method.methods]
    changes = [c.id for c in method.changes]
    when = saved.get("when") if isinstance(saved.get("when"), dict) else {}
    return {"system": " ".join(str(saved.get("system") or "").split())[:MAX_TEXT],
            "who": [g for g in groups if g in (saved.get("who") or [])],
            "when": {s: when[s] for s in stages if when.get(s) in methods},
            "changes": [c for c in changes if c in (saved.get("changes") or [])],
            "report_back": " ".join(str(saved.get("report_back") or "").split())[:MAX_TEXT]}


def is_empty(plan: dict) -> bool:
    """True before the attendee has chosen anyone, any stage, anything open to change or a way to report back."""
    return not (plan.get("who") or plan.get("when") or plan.get("changes") or plan.get("report_back"))


@dataclass(frozen=True)
class PlanReading:
    """A plan read against the method: its rating and what is missing, most serious first."""

    level: str  # token, work or meaningful
    label: str
    problems: tuple[str, ...]  # the messages, in the order of the content file
    engaged: tuple[str, ...]  # the stages with a method, in the system's order

    def summary(self) -> str:
        if self.level == "meaningful":
            return (f"{self.label}: the people affected take part early, their input can change the system, "
                    "and they hear what changed.")
        return f"{self.label}: " + " ".join(self.problems)


def read_plan(method: EngagementMethod, saved: Any) -> PlanReading:
    """Rate a plan (see the module's description) and name what is missing."""
    plan = clean_plan(method, saved)
    engaged = tuple(s.id for s in method.stages if plan["when"].get(s.id, NONE) != NONE)
    before = {s.id for s in method.stages if s.before_launch}
    decided = next(g.id for g in method.who if g.decided)
    found = {
        "none_before_launch": not (set(engaged) & before),
        "nothing_open": not plan["changes"],
        "decided_missing": decided not in plan["who"],
        "nobody_trusted": not set(plan["who"]) & set(PARTNERS),
        "not_early": method.stages[0].id not in engaged,
        "no_report_back": not plan["report_back"],
    }
    if found["none_before_launch"]:
        found["not_early"] = False  # said already: nobody is involved before launch at all
    problems = [p for p in method.problems if found.get(p.id)]
    level = "token" if any(p.level == "token" for p in problems) else "work" if problems else "meaningful"
    return PlanReading(level, getattr(method.levels, level), tuple(p.text for p in problems), engaged)


def plan_table(method: EngagementMethod, saved: Any) -> tuple[list[str], list[list]]:
    """One row per stage: when, how, and why the stage matters."""
    plan = clean_plan(method, saved)
    methods = {m.id: m.label for m in method.methods}
    rows = [[s.label, methods.get(plan["when"].get(s.id, NONE), ""), s.why] for s in method.stages]
    return ["When", "How", "Why then"], rows


def _lines(method: EngagementMethod, plan: dict) -> list[str]:
    groups = {g.id: g.label for g in method.who}
    changes = {c.id: c.label for c in method.changes}
    return [f"Who: {'; '.join(groups[g] for g in plan['who']) or 'nobody named yet'}.",
            f"What their input can change: {'; '.join(changes[c] for c in plan['changes']) or 'nothing yet'}.",
            f"How they hear what changed: {plan['report_back'] or 'not said yet'}."]


def engagement_document(method: EngagementMethod, saved: Any) -> Document:
    """The plan as a document (Markdown, web page, Word)."""
    plan = clean_plan(method, saved)
    reading = read_plan(method, plan)
    return Document(method.title, [Section("Your plan", paragraphs=[reading.summary()], bullets=_lines(method, plan),
                                           table=plan_table(method, plan))], subtitle=plan["system"])


def engagement_section(saved: Any, method: EngagementMethod | None = None) -> Section | None:
    """The saved plan (workspace key ``innovation.engagement``) as a section of the action plan; None if empty."""
    method = method or load_method()
    plan = clean_plan(method, saved)
    if is_empty(plan):
        return None
    heading = "Involving residents and customers" + (f": {plan['system']}" if plan["system"] else "")
    return Section(heading, paragraphs=[read_plan(method, plan).summary()], bullets=_lines(method, plan),
                   table=plan_table(method, plan))
