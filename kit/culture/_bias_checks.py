"""Bias checks at every stage of an AI system's life (the culture lesson): the checklist, its scoring, its plan.

The stages and checks live in ``kit/content/bias_checks.yaml``. The attendee
names one system and rates each check *done*, *planned* or *not yet*. The
kit counts each stage's checks, lists the gaps in the order of the system's
life, and names the **first stage with a gap**: a check missed early (whose
data, who was asked) is costly to make up for later, so the plan starts there.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, Field, field_validator, ValidationInfo

from kit.culture._text import one_line
from kit.documents import Document, Section
from kit.workshop.content import ContentModel, Items, load_valid, unique_ids

FILE = "bias_checks"
#: What an attendee says of a check, in the order the app offers them.
STATES: tuple[tuple[str, str], ...] = (("done", "Done"), ("planned", "Planned"), ("not_yet", "Not yet"))
STATE_LABELS = dict(STATES)
#: The longest system name kept.
MAX_SYSTEM = 120

Id = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$",
                          description="a short id in small letters, digits and dashes, such as data-sources")]
State = Literal["done", "planned", "not_yet"]


class Check(ContentModel):
    """One check: a statement a careful organisation can make, and why it matters."""

    id: Id
    text: str = Field(min_length=1, description="the statement the attendee rates, one sentence")
    why: str = Field(min_length=1, description="why the check matters, one sentence")


class Stage(ContentModel):
    """One stage of an AI system's life and the checks that belong to it."""

    id: Id
    name: str = Field(min_length=1, description="the stage's name, such as Choosing the data")
    when: str = Field(min_length=1, description="when the stage happens, in a few words")
    checks: Items[Check] = Field(min_length=2, description="two or more checks, each with an id, a text and a why")


class Example(ContentModel):
    """The lesson's worked example: a system and some of its checks rated."""

    system: str = Field(min_length=1, description="the system the example checks")
    answers: dict[str, State] = Field(default_factory=dict,
                                      description="check id: done, planned or not_yet")


class BiasChecklist(ContentModel):
    """The stages in the order of a system's life, and the worked example."""

    title: str = Field(min_length=1, description="the checklist's title")
    stages: Annotated[Items[Stage], AfterValidator(unique_ids("stages"))] = Field(
        min_length=3, description="three or more stages, each with an id, a name, when and checks")
    example: Example = Field(description="a system, and answers by check id")

    @field_validator("stages")
    @classmethod
    def _unique_checks(cls, stages: tuple[Stage, ...]) -> tuple[Stage, ...]:
        unique_ids("checks")([check for stage in stages for check in stage.checks])
        return stages

    @field_validator("example")
    @classmethod
    def _known_checks(cls, example: Example, info: ValidationInfo) -> Example:
        known = [check.id for stage in info.data.get("stages", ()) for check in stage.checks]
        unknown = [cid for cid in example.answers if cid not in known]
        if unknown and known:
            raise ValueError(f"the example rates {', '.join(map(repr, unknown))}, which no stage has; use a check id "
                             f"such as {known[0]}, or check the spelling")
        return example

    @property
    def checks(self) -> tuple[Check, ...]:
        return tuple(check for stage in self.stages for check in stage.checks)


def load_checklist(name: str = FILE) -> BiasChecklist:
    """The checklist in ``kit/content/<name>.yaml``, checked (a ContentError names any fault and its fix)."""
    return load_valid(name, BiasChecklist)


def clean_answers(checklist: BiasChecklist, answers: Any) -> dict[str, str]:
    """Only the answers the checklist knows, with a known state (a saved value may come from an older file)."""
    known = {check.id for check in checklist.checks}
    if not isinstance(answers, dict):
        return {}
    return {cid: state for cid, state in answers.items() if cid in known and state in STATE_LABELS}


def clean_system(text: Any) -> str:
    """The system's name as typed, one line; a plain error naming the fix when it is too long."""
    return one_line(text, MAX_SYSTEM, "The system's name", " (describe it in your notes instead)")


@dataclass(frozen=True)
class StageResult:
    """Where one stage stands: how many checks are done, planned or not yet (or not rated)."""

    stage: Stage
    done: int
    planned: int
    not_yet: int
    unrated: int
    gaps: tuple[Check, ...]  # every check not done, planned or not, in the file's order

    @property
    def total(self) -> int:
        return len(self.stage.checks)


@dataclass(frozen=True)
class ChecksResult:
    """The whole checklist for one system."""

    system: str
    stages: tuple[StageResult, ...]

    @property
    def rated(self) -> int:
        return sum(s.total - s.unrated for s in self.stages)

    @property
    def done(self) -> int:
        return sum(s.done for s in self.stages)

    @property
    def total(self) -> int:
        return sum(s.total for s in self.stages)

    @property
    def first_gap(self) -> StageResult | None:
        """The earliest stage with a rated check that is not done (unrated checks are not yet gaps)."""
        return next((s for s in self.stages if s.planned or s.not_yet), None)

    def summary(self) -> str:
        """One paragraph: how many checks are done, and where the plan starts."""
        name = f"{self.system}: " if self.system else ""
        if not self.rated:
            return f"{name}Rate each check to see where the gaps are."
        text = (f"{name}{self.done} of {self.total} checks done, across {len(self.stages)} stages "
                f"({self.rated} rated so far).")
        gap = self.first_gap
        if gap is None:
            return text + " Every rated check is done: keep the review date, and rate the rest."
        return (text + f" The first stage with a gap is “{gap.stage.name}” ({gap.stage.when}): start there, "
                "because a check missed early is the hardest to make up for later.")


def assess_checks(checklist: BiasChecklist, answers: dict[str, str], system: str = "") -> ChecksResult:
    """Count each stage's checks by state and collect its gaps."""
    answers = clean_answers(checklist, answers)
    results = []
    for stage in checklist.stages:
        states = [answers.get(check.id) for check in stage.checks]
        gaps = tuple(check for check, state in zip(stage.checks, states) if state in ("planned", "not_yet"))
        results.append(StageResult(stage, states.count("done"), states.count("planned"), states.count("not_yet"),
                                   states.count(None), gaps))
    return ChecksResult(system, tuple(results))


def stage_table(result: ChecksResult) -> tuple[list[str], list[list]]:
    """One row per stage: its name, when, and its checks done, planned, not yet and not rated."""
    header = ["Stage", "When", "Done", "Planned", "Not yet", "Not rated"]
    rows = [[s.stage.name, s.stage.when, f"{s.done} of {s.total}", s.planned, s.not_yet, s.unrated]
            for s in result.stages]
    return header, rows


def gap_lines(result: ChecksResult, answers: dict[str, str]) -> list[str]:
    """Each gap as one line, stage by stage: the stage, the check, whether it is planned, and why it matters."""
    return [f"{s.stage.name}: {check.text} ({STATE_LABELS[answers[check.id]].lower()}; {check.why})"
            for s in result.stages for check in s.gaps]


def checks_document(checklist: BiasChecklist, answers: dict[str, str], system: str = "") -> Document:
    """The checklist and its gaps as a document (Markdown, web page, Word)."""
    answers = clean_answers(checklist, answers)
    result = assess_checks(checklist, answers, system)
    sections = [Section("Where the system stands", paragraphs=[result.summary()], table=stage_table(result))]
    gaps = gap_lines(result, answers)
    if gaps:
        sections.append(Section("The gaps, in the order of the system's life", bullets=gaps))
    for stage in checklist.stages:
        sections.append(Section(f"{stage.name} ({stage.when})", table=(
            ["Check", "Your answer", "Why it matters"],
            [[c.text, STATE_LABELS.get(answers.get(c.id, ""), "Not rated"), c.why] for c in stage.checks])))
    return Document(checklist.title, sections, subtitle=system or "")


def bias_checks_section(saved: dict | None, checklist: BiasChecklist | None = None) -> Section | None:
    """The saved checklist (workspace key ``culture.bias_checks``) as a section of the action plan; None if unrated."""
    saved = saved or {}
    checklist = checklist or load_checklist()
    answers = clean_answers(checklist, saved.get("answers"))
    result = assess_checks(checklist, answers, str(saved.get("system") or ""))
    if not result.rated:
        return None
    return Section("Bias checks at every stage", paragraphs=[result.summary()], bullets=gap_lines(result, answers),
                   table=stage_table(result))
