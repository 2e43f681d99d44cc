"""Sector case studies read through the regional profiles (the *Cultural and sector context* lesson).

The three regional profiles live in ``kit/content/cultural_regions.yaml`` and
each case in its own file under ``kit/content/cases/``: a trainer adds a case
by adding a file, and the explorer lists it. Every file is read against its
schema (:class:`Region` here, :class:`kit.culture._case_schema.CaseFile`),
and a broken one gets a message naming the file, the case, the field and the
fix, while the other cases still load. The team's decisions are recorded by
:mod:`kit.culture._case_decisions`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

import pandas as pd
from pydantic import AfterValidator, Field

from kit.culture._case_schema import CaseFile
from kit.workshop.content import ContentError, ContentModel, Items, load, load_valid, unique_ids, validate
from kit.paths import CONTENT_DIR

CASES_DIR = CONTENT_DIR / "cases"

_Line = Annotated[str, Field(min_length=1)]


def _texts(minimum: int, what: str):
    """A list of at least ``minimum`` lines, each written after a '- '."""
    return Field(min_length=minimum, description=f"a list of at least {minimum} {what}, one per line starting "
                                                 "with '- ', with text after each '- '")


class Region(ContentModel):
    """One regional profile: dominant values, AI ethical priorities, strategic implications."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$", description="a short id in small letters, such as western "
                                                              "(the case files name their lenses with it)")
    name: str = Field(min_length=1, description="the region's name, such as Western cultures")
    examples: str = Field(min_length=1, description="where it applies, such as North America, Europe")
    values: Items[_Line] = _texts(1, "dominant values")
    priorities: Items[_Line] = _texts(1, "AI ethical priorities")
    implications: Items[_Line] = _texts(1, "strategic implications")


Regions = Annotated[Items[Region], Field(min_length=1), AfterValidator(unique_ids("profiles"))]


@dataclass(frozen=True)
class Lens:
    """How one case's decision reads under one regional profile, and why."""

    id: str
    name: str
    examples: str
    values: tuple[str, ...]
    priorities: tuple[str, ...]
    reads: str
    why: str
    leans_to: str  # an option id
    safeguards: tuple[str, ...]
    kind: str = "region"

    @property
    def label(self) -> str:
        return f"Region: {self.name}"


@dataclass(frozen=True)
class Choice:
    """One option: its label, what it means for each stakeholder (by name) and what happened six months later."""

    id: str
    label: str
    means: tuple[tuple[str, str], ...]
    consequence: str


@dataclass(frozen=True)
class RoleCard:
    """A role for the group's role-play."""

    role: str
    goal: str
    worry: str


@dataclass(frozen=True)
class Case:
    """A scenario, its stakeholders, the decision and its options, the regional readings, roles and debrief."""

    id: str
    title: str
    sector: str
    source: str
    scenario: str
    decision: str
    options: tuple[str, ...]  # the choices' labels, as saved decisions hold them
    stakeholders: tuple[tuple[str, str], ...]  # (name, interest)
    lenses: tuple[Lens, ...]
    choices: tuple[Choice, ...] = ()
    roles: tuple[RoleCard, ...] = ()
    draws_on: tuple[tuple[str, str], ...] = ()  # (seed, fact)
    debrief: str = ""
    order: float = 100

    def lens(self, lens_id: str) -> Lens:
        """The lens with this id, or a plain error listing the lenses there are."""
        for lens in self.lenses:
            if lens.id == lens_id:
                return lens
        raise ValueError(f"The case '{self.title}' has no lens {lens_id!r}; its lenses are "
                         f"{', '.join(lens.id for lens in self.lenses)}.")

    def choice(self, key: str | None) -> Choice:
        """The option with this id or label, or a plain error asking for one."""
        for choice in self.choices:
            if key in (choice.id, choice.label):
                return choice
        raise ValueError("Choose one of the options for your team's decision first.")


def load_regions() -> tuple[Region, ...]:
    """The regional profiles of ``cultural_regions.yaml``, checked."""
    return load_valid("cultural_regions", Regions)


def regions_frame() -> pd.DataFrame:
    """The regional profiles as the framework's table: region, values, priorities, implications."""
    return pd.DataFrame([{"cultural region": f"{r.name} (e.g. {r.examples})",
                          "dominant ethical values": ", ".join(r.values),
                          "AI ethical priorities": ", ".join(r.priorities),
                          "strategic implications": "; ".join(r.implications)} for r in load_regions()])


def _where(case_id: str, raw) -> str:
    """``cases/<id>.yaml (case 'Its title')``: the file and the case, for every message about it."""
    title = raw.get("title") if isinstance(raw, dict) else None
    return f"cases/{case_id}.yaml" + (f" (case '{title}')" if isinstance(title, str) and title.strip() else "")


def parse_case(case_id: str, raw, regions: tuple[Region, ...] | None = None) -> Case:
    """Check one case's data (as read from ``cases/<case_id>.yaml``) and return it.

    Parameters
    ----------
    case_id : str
        The file name without ``.yaml``; named in every error message.
    raw : object
        The parsed YAML.
    regions : tuple of Region, optional
        The regional profiles (read from their file when not given); a case
        must read its decision under every one of them.

    Raises
    ------
    kit.workshop.content.ContentError
        Naming the file, the case, the field at fault and the fix.
    """
    by_id = {r.id: r for r in (regions or load_regions())}
    case = validate(raw, CaseFile, where=_where(case_id, raw), context={"regions": by_id})
    names = {s.id: s.name for s in case.stakeholders}
    choices = tuple(Choice(o.id, o.label, tuple((names[s.id], o.means[s.id]) for s in case.stakeholders),
                           " ".join(o.consequence.split())) for o in case.options)
    lenses = tuple(Lens(region, by_id[region].name, by_id[region].examples, by_id[region].values,
                        by_id[region].priorities, " ".join(r.reads.split()), " ".join(r.why.split()), r.leans_to,
                        r.safeguards) for region, r in case.lenses.items())
    return Case(case_id, case.title, case.sector, case.source, " ".join(case.scenario.split()), case.decision,
                tuple(c.label for c in choices), tuple((s.name, s.interest) for s in case.stakeholders), lenses,
                choices, tuple(RoleCard(r.role, r.goal, r.worry) for r in case.roles),
                tuple((f.seed, f.fact) for f in case.draws_on), " ".join(case.debrief.split()), case.order)


def scan_cases() -> tuple[list[Case], list[str]]:
    """Every case that loads, in teaching order, and a plain message for each file that does not."""
    regions = load_regions()
    cases, problems = [], []
    for path in sorted(CASES_DIR.glob("*.yaml")):
        try:
            cases.append(parse_case(path.stem, load(f"cases/{path.stem}"), regions))
        except ContentError as problem:
            problems.append(str(problem))
    cases.sort(key=lambda case: (case.order, case.title))
    return cases, problems


def load_cases() -> list[Case]:
    """Every case, in teaching order; a ContentError if any file is broken (for tests and trainers)."""
    cases, problems = scan_cases()
    if problems:
        raise ContentError(" ".join(problems))
    return cases


def find_case(case_id: str) -> Case:
    """The case with this id (its file name), or a ContentError naming the cases there are."""
    cases = {case.id: case for case in load_cases()}
    if case_id not in cases:
        raise ContentError(f"There is no case {case_id!r}; the cases are {', '.join(cases)}.")
    return cases[case_id]


def cases_frame(cases: list[Case] | None = None) -> pd.DataFrame:
    """The cases as a table: sector, title, the decision to take, and how many options and roles it offers."""
    return pd.DataFrame([{"sector": c.sector, "case": c.title, "the decision": c.decision,
                          "options": len(c.choices), "roles": len(c.roles)}
                         for c in (load_cases() if cases is None else cases)])


def lens_table(case: Case, lens_ids: list[str] | None = None) -> pd.DataFrame:
    """How the decision reads under each lens: one row per lens, with why and the option it leans to."""
    lenses = [case.lens(i) for i in lens_ids] if lens_ids else list(case.lenses)
    return pd.DataFrame([{"lens": lens.name, "how the decision reads": lens.reads, "why": lens.why,
                          "leans to": case.choice(lens.leans_to).label} for lens in lenses])


def options_frame(case: Case) -> pd.DataFrame:
    """What each option means for each stakeholder: one row per option, one column per stakeholder."""
    return pd.DataFrame([{"option": choice.label, **dict(choice.means)} for choice in case.choices])
