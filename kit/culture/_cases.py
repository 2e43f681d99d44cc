"""Sector case studies read through regional and stakeholder lenses (the *Cultural and sector context* lesson).

The three regional profiles live in ``kit/content/cultural_regions.yaml`` and
each case in its own file under ``kit/content/cases/``: a trainer adds a case
by adding a file, and the explorer lists it. Every file is read against its
schema (:class:`Region`, :class:`CaseFile`), and a broken one gets a message
naming the file, the entry and the fix, while the other cases still load. The
team's decisions are saved to the workspace as ``{case id: {"decision",
"reasoning", "lenses", "title"}}`` under :data:`kit.workshop.parts.CASES`, and
:func:`decisions_section` puts them in the action plan.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

import pandas as pd
from pydantic import AfterValidator, Field, ValidationInfo, field_validator

from kit.workshop.content import ContentError, ContentModel, Items, load, load_valid, unique_ids, validate
from kit.documents import Section
from kit.paths import CONTENT_DIR

CASES_DIR = CONTENT_DIR / "cases"
MAX_REASONING = 2000

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
    """One way of reading a case: a region's or a stakeholder's priorities and safeguards."""

    id: str
    name: str
    kind: str  # "region" or "stakeholder"
    priorities: tuple[str, ...]
    safeguards: tuple[str, ...]

    @property
    def label(self) -> str:
        return f"{'Region' if self.kind == 'region' else 'Stakeholder'}: {self.name}"


@dataclass(frozen=True)
class Case:
    """A short scenario, the decision to take, its options, the stakeholders and the lenses."""

    id: str
    title: str
    sector: str
    source: str
    scenario: str
    decision: str
    options: tuple[str, ...]
    stakeholders: tuple[tuple[str, str], ...]
    lenses: tuple[Lens, ...]
    order: float = 100

    def lens(self, lens_id: str) -> Lens:
        """The lens with this id, or a plain error listing the lenses there are."""
        for lens in self.lenses:
            if lens.id == lens_id:
                return lens
        raise ValueError(f"The case '{self.title}' has no lens {lens_id!r}; its lenses are "
                         f"{', '.join(lens.id for lens in self.lenses)}.")


class Stakeholder(ContentModel):
    """Someone the case's decision affects, and what they want from it."""

    name: str = Field(min_length=1, description="who they are, such as Patients")
    interest: str = Field(min_length=1, description="one sentence on what they want from the decision")


class LensText(ContentModel):
    """A lens as a case file writes it, under its id."""

    name: str = Field("", description="the stakeholder's name, such as Patients (a region lens takes its name "
                                      "from cultural_regions.yaml)")
    priorities: Items[_Line] = _texts(1, "priorities")
    safeguards: Items[_Line] = _texts(1, "safeguards")


class CaseFile(ContentModel):
    """What a trainer writes in ``cases/<id>.yaml`` (see the comments at the top of ``healthcare.yaml``)."""

    order: float = Field(100, description="a number: where the case sits in the list, such as 6")
    title: str = Field(min_length=1, description="the case's title, in a few words")
    sector: str = Field(min_length=1, description="the sector, such as Healthcare")
    source: str = Field(min_length=1, description="where the case comes from")
    scenario: str = Field(min_length=1, description="the situation, in a short paragraph")
    decision: str = Field(min_length=1, description="the question the team decides, ending with '?'")
    options: Items[_Line] = _texts(2, "options to choose from")
    stakeholders: Items[Stakeholder] = Field(min_length=1, description="a list of stakeholders, each with a name "
                                                                       "and an interest")
    lenses: dict[str, LensText] = Field(min_length=2, description="at least two lenses to compare, each under "
                                                                  "its own id, with priorities and safeguards")

    @field_validator("lenses")
    @classmethod
    def _named(cls, lenses: dict[str, LensText], info: ValidationInfo) -> dict[str, LensText]:
        regions = (info.context or {}).get("regions") or {}
        for lens_id, lens in lenses.items():
            if lens_id not in regions and not lens.name:
                raise ValueError(f"the lens {lens_id!r} is a stakeholder lens and needs a name (or use a region "
                                 f"id from cultural_regions.yaml: {', '.join(regions)})")
        return lenses


def load_regions() -> tuple[Region, ...]:
    """The regional profiles of ``cultural_regions.yaml``, checked."""
    return load_valid("cultural_regions", Regions)


def regions_frame() -> pd.DataFrame:
    """The regional profiles as the framework's table: region, values, priorities, implications."""
    return pd.DataFrame([{"cultural region": f"{r.name} (e.g. {r.examples})",
                          "dominant ethical values": ", ".join(r.values),
                          "AI ethical priorities": ", ".join(r.priorities),
                          "strategic implications": "; ".join(r.implications)} for r in load_regions()])


def parse_case(case_id: str, raw, regions: tuple[Region, ...] | None = None) -> Case:
    """Check one case's data (as read from ``cases/<case_id>.yaml``) and return it.

    Parameters
    ----------
    case_id : str
        The file name without ``.yaml``; named in every error message.
    raw : object
        The parsed YAML.
    regions : tuple of Region, optional
        The regional profiles (read from their file when not given).

    Raises
    ------
    kit.workshop.content.ContentError
        Naming the file, the entry at fault and the fix.
    """
    by_id = {r.id: r for r in (regions or load_regions())}
    case = validate(raw, CaseFile, where=f"cases/{case_id}.yaml", context={"regions": by_id})
    lenses = tuple(Lens(lens_id, by_id[lens_id].name if lens_id in by_id else lens.name,
                        "region" if lens_id in by_id else "stakeholder", lens.priorities, lens.safeguards)
                   for lens_id, lens in case.lenses.items())
    return Case(case_id, case.title, case.sector, case.source, " ".join(case.scenario.split()), case.decision,
                case.options, tuple((s.name, s.interest) for s in case.stakeholders), lenses, case.order)


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


def cases_frame(cases: list[Case] | None = None) -> pd.DataFrame:
    """The cases as a table: sector, title, the decision to take, and the lenses it offers."""
    return pd.DataFrame([{"sector": c.sector, "case": c.title, "the decision": c.decision,
                          "lenses": ", ".join(lens.name for lens in c.lenses)}
                         for c in (load_cases() if cases is None else cases)])


def lens_table(case: Case, lens_ids: list[str]) -> pd.DataFrame:
    """Priorities and safeguards of several lenses side by side, one column per lens."""
    lenses = [case.lens(i) for i in lens_ids]
    rows = []
    for part in ("priorities", "safeguards"):
        for n in range(max(len(getattr(lens, part)) for lens in lenses)):
            row = {"part": part if n == 0 else ""}
            for lens in lenses:
                items = getattr(lens, part)
                row[lens.label] = items[n] if n < len(items) else ""
            rows.append(row)
    return pd.DataFrame(rows)


def record_decision(saved, case: Case, decision: str | None, reasoning: str, lenses: list[str]) -> dict:
    """A new saved value with the team's decision on ``case`` (earlier decisions kept).

    Parameters
    ----------
    saved : dict or None
        The value saved so far under :data:`kit.workshop.parts.CASES` (anything else counts as empty).
    case : Case
        The case decided on.
    decision : str or None
        One of ``case.options``.
    reasoning : str
        Why; stripped, at most :data:`MAX_REASONING` characters.
    lenses : list of str
        Ids of the lenses the team read it through.

    Returns
    -------
    dict
        Case id to ``{"title", "decision", "reasoning", "lenses", "lens_ids",
        "number"}``; ``number`` counts up, so the latest decision is known.

    Raises
    ------
    ValueError
        When no option is chosen, the reasoning is empty or too long, or a lens
        is not one of the case's.
    """
    if decision not in case.options:
        raise ValueError("Choose one of the options for your team's decision first.")
    reasoning = (reasoning or "").strip()
    if not reasoning:
        raise ValueError("Write a sentence or two on why your team chose this, then record it.")
    if len(reasoning) > MAX_REASONING:
        raise ValueError(f"Keep the reasoning under {MAX_REASONING} characters (it has {len(reasoning)}).")
    ids = list(dict.fromkeys(lenses))
    earlier = {k: v for k, v in saved.items() if k != case.id} if isinstance(saved, dict) else {}
    record = {"title": case.title, "decision": decision, "reasoning": reasoning,
              "lenses": [case.lens(lens_id).name for lens_id in ids], "lens_ids": ids,
              "number": 1 + max((_number(r) for r in earlier.values()), default=0)}
    return {**earlier, case.id: record}


def _number(record) -> int:
    """The order in which a saved decision was recorded (0 when unknown)."""
    try:
        return int(record.get("number", 0)) if isinstance(record, dict) else 0
    except (TypeError, ValueError):
        return 0


def latest_case_id(saved) -> str | None:
    """The case whose decision was recorded last, or None."""
    records = saved.items() if isinstance(saved, dict) else []
    return max(records, key=lambda item: _number(item[1]), default=(None, None))[0]


def decisions_section(saved) -> Section | None:
    """The team's decisions (workspace ``cases.decisions``) as a section of the action plan; None before any."""
    rows = []
    for case_id, record in sorted(saved.items() if isinstance(saved, dict) else [], key=lambda i: _number(i[1])):
        if isinstance(record, dict) and record.get("decision"):
            lenses = record.get("lenses") or []
            rows.append([str(record.get("title") or case_id), str(record["decision"]),
                         ", ".join(map(str, lenses)) if isinstance(lenses, list) else str(lenses),
                         str(record.get("reasoning") or "")])
    if not rows:
        return None
    return Section("Case decisions",
                   paragraphs=[f"Your team recorded {len(rows)} decision{'s' if len(rows) != 1 else ''} on "
                               "the sector cases, after reading them through different lenses."],
                   table=(["Case", "Decision", "Lenses weighed", "Reasoning"], rows))
