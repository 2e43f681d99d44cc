"""The ethics pillars: what each means, why it drives growth, and the scenario sorter.

The content lives in ``kit/content/pillar_scenarios.yaml``. A learner reads a
short scenario and ticks the pillar(s) at stake; :func:`grade` explains every
pillar they ticked or missed. Some pillars are marked "also": fair to tick or
to leave, because real cases are rarely about one thing. No widgets here; the
app is :mod:`kit.ethics.ui._sorter`.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Annotated, Any, Iterable, Mapping

import pandas as pd
from pydantic import AfterValidator, Field, ValidationInfo, field_validator, model_validator

from kit.workshop.content import ContentModel, Items, load_valid, unique_ids
from kit.documents import Section

CONTENT = "pillar_scenarios"

_Key = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$", description="a short key in small letters, digits "
                                                                         "and dashes, different for every entry")]
_Text = Annotated[str, Field(min_length=1), AfterValidator(lambda text: " ".join(text.split()))]
_Why = Annotated[dict[str, _Text], Field(description="pillar key: why, one per line, such as 'privacy: ...'")]


def _said(description: str):
    return Field(min_length=1, description=description)


class Driver(ContentModel):
    """One way that acting ethically helps an organisation grow."""

    key: _Key
    name: str = _said("the driver's name, such as Brand reputation")
    means: str = _said("what it means, in a sentence")


class Pillar(ContentModel):
    """One pillar: what it means, the question it asks, and the growth it drives."""

    key: _Key
    name: str = _said("the pillar's name, such as Privacy")
    means: _Text = _said("what the pillar means, in a short paragraph")
    asks: str = _said("the question the pillar asks, in one sentence")
    growth: _Text = _said("why it drives growth, in a short paragraph")
    drives: Items[str] = Field((), description="the keys of the growth drivers it feeds, in a list")


class Scenario(ContentModel):
    """A short case and, for each pillar, whether and why it is at stake."""

    key: _Key
    setting: str = _said("the setting, such as 'Small business · bakery'")
    title: str = _said("the scenario's title, in a few words")
    text: _Text = _said("the case, in a short paragraph")
    at_stake: _Why = Field(min_length=1)
    also: _Why = {}
    not_at_stake: _Why = {}

    @model_validator(mode="after")
    def _one_group_each(self) -> "Scenario":
        named = [*self.at_stake, *self.also, *self.not_at_stake]
        twice = sorted({k for k in named if named.count(k) > 1})
        if twice:
            raise ValueError(f"{', '.join(twice)} is listed twice; keep each pillar in one of at_stake, also and "
                             "not_at_stake")
        return self


class PillarFile(ContentModel):
    """``pillar_scenarios.yaml``: growth drivers, pillars and scenarios, each naming the others by key."""

    growth_drivers: Annotated[Items[Driver], AfterValidator(unique_ids("growth drivers", "key"))] = Field(
        min_length=1, description="a list of drivers, each with a key, a name and what it means")
    pillars: Annotated[Items[Pillar], AfterValidator(unique_ids("pillars", "key"))] = Field(
        min_length=1, description="a list of pillars, each with a key, name, means, asks, growth and drives")
    scenarios: Annotated[Items[Scenario], AfterValidator(unique_ids("scenarios", "key"))] = Field(
        (), description="a list of scenarios, each with a key, setting, title, text and at_stake")

    @field_validator("pillars")
    @classmethod
    def _pillars(cls, pillars: tuple[Pillar, ...], info: ValidationInfo) -> tuple[Pillar, ...]:
        drivers = [d.key for d in info.data.get("growth_drivers", ())]
        for pillar in pillars if drivers else ():
            unknown = [d for d in pillar.drives if d not in drivers]
            if unknown:
                raise ValueError(f"the pillar {pillar.key!r} drives {', '.join(unknown)}, which is not a growth "
                                 f"driver; use the keys {', '.join(drivers)}")
        return pillars

    @field_validator("scenarios")
    @classmethod
    def _scenarios(cls, scenarios: tuple[Scenario, ...], info: ValidationInfo) -> tuple[Scenario, ...]:
        pillars = [p.key for p in info.data.get("pillars", ())]
        for scenario in scenarios if pillars else ():
            unknown = sorted({*scenario.at_stake, *scenario.also, *scenario.not_at_stake} - set(pillars))
            if unknown:
                raise ValueError(f"the scenario {scenario.key!r} names {', '.join(unknown)}, which is not a pillar; "
                                 f"use the keys {', '.join(pillars)}")
        return scenarios


@dataclass(frozen=True)
class Content:
    pillars: dict[str, Pillar]
    drivers: dict[str, tuple[str, str]]  # key -> (name, what it means)
    scenarios: tuple[Scenario, ...]


@functools.lru_cache(maxsize=1)
def content() -> Content:
    """The pillars, growth drivers and scenarios, checked (names the mistake and the fix)."""
    data = load_valid(CONTENT, PillarFile)
    return Content({p.key: p for p in data.pillars}, {d.key: (d.name, d.means) for d in data.growth_drivers},
                   data.scenarios)


@dataclass(frozen=True)
class PillarFeedback:
    """What one pillar means for the learner's answer: spotted, missed, fair either way, or extra."""

    pillar: str
    verdict: str  # "spotted", "missed", "fair", "extra"
    message: str


@dataclass(frozen=True)
class SortResult:
    """The verdict on one scenario: right or not, a headline, and the feedback per pillar."""

    correct: bool
    headline: str
    feedback: tuple[PillarFeedback, ...]


def grade(scenario: Scenario, chosen: Iterable[str]) -> SortResult:
    """Grade the pillars a learner ticked for ``scenario``.

    Right means every pillar at stake is ticked and nothing that is not the
    main issue; "also" pillars count either way. Every pillar ticked or at
    stake gets a line saying why; "also" pillars always do.

    Raises
    ------
    ValueError
        If nothing is ticked, or a pillar is unknown.
    """
    pillars = content().pillars
    chosen = set(chosen)
    if not chosen:
        raise ValueError("Tick at least one pillar that you think is at stake, then press Check my answer.")
    unknown = chosen - set(pillars)
    if unknown:
        raise ValueError(f"{', '.join(sorted(unknown))} is not one of the pillars.")
    lines = []
    for key, pillar in pillars.items():
        name = pillar.name
        if key in scenario.at_stake:
            verdict, why = ("spotted", "Right") if key in chosen else ("missed", "Missed")
            lines.append(PillarFeedback(key, verdict, f"{why}: {name}. {scenario.at_stake[key]}"))
        elif key in scenario.also:
            lead = "Fair to tick" if key in chosen else "Also worth a thought"
            lines.append(PillarFeedback(key, "fair", f"{lead}: {name}. {scenario.also[key]}"))
        elif key in chosen:
            why = scenario.not_at_stake.get(key) or f"Nothing in this case turns on it. {name} asks: {pillar.asks}"
            lines.append(PillarFeedback(key, "extra", f"Not the main issue here: {name}. {why}"))
    found = sum(line.verdict == "spotted" for line in lines)
    extra = sum(line.verdict == "extra" for line in lines)
    correct = found == len(scenario.at_stake) and not extra
    if correct:
        headline = "Well sorted: you found every pillar at stake."
    else:
        needed = len(scenario.at_stake)
        headline = f"You found {found} of {needed} pillar{'s' if needed != 1 else ''} at stake"
        headline += (f", but also ticked {extra} that {'is' if extra == 1 else 'are'} not the main issue."
                     if extra else ". Read why below, then try again.")
    return SortResult(correct, headline, tuple(lines))


def answers_from_saved(saved: Any) -> dict[str, list[str]]:
    """The ticks per scenario from a saved ``"pillars.sorter"`` value; unknown or damaged entries are dropped."""
    answers = saved.get("answers") if isinstance(saved, Mapping) else None
    if not isinstance(answers, Mapping):
        return {}
    data = content()
    known = {s.key for s in data.scenarios}
    cleaned = {k: [p for p in v if p in data.pillars] for k, v in answers.items()
               if k in known and isinstance(v, list)}
    return {k: v for k, v in cleaned.items() if v}


def score(answers: Mapping[str, Iterable[str]]) -> tuple[int, int, int]:
    """Scenarios sorted right, scenarios answered, and scenarios in all."""
    scenarios = {s.key: s for s in content().scenarios}
    answered = {k: set(v) for k, v in answers.items() if k in scenarios and v}
    right = sum(grade(scenarios[k], v).correct for k, v in answered.items())
    return right, len(answered), len(scenarios)


def saved_value(answers: Mapping[str, Iterable[str]]) -> dict:
    """What the sorter saves under ``"pillars.sorter"``: the ticks per scenario and the score."""
    clean = {k: sorted(set(v)) for k, v in answers.items() if v}
    return {"answers": clean, "score": list(score(clean))}


def growth_table() -> pd.DataFrame:
    """One row per pillar: what it asks, the growth it drives, and why."""
    data = content()
    return pd.DataFrame([{"Pillar": p.name, "The question it asks": p.asks,
                          "Drives": ", ".join(data.drivers[d][0].lower() for d in p.drives),
                          "Why": p.growth} for p in data.pillars.values()])


def drivers_table() -> pd.DataFrame:
    """One row per growth driver, with the pillars that feed it (computed from the pillars' ``drives``)."""
    data = content()
    return pd.DataFrame([{"Growth driver": name, "What it means": means,
                          "Fed by": ", ".join(p.name for p in data.pillars.values() if key in p.drives)}
                         for key, (name, means) in data.drivers.items()])


def sorter_section(saved: Any) -> Section | None:
    """The saved value of ``"pillars.sorter"`` as a document section (for the action plan); None if nothing sorted."""
    data = content()
    answers = answers_from_saved(saved)
    heading = "The ethics pillars: scenario sorter"
    if not answers:
        return None
    right, answered, total = score(answers)
    names = {k: p.name for k, p in data.pillars.items()}
    rows = []
    for scenario in data.scenarios:
        if scenario.key in answers:
            result = grade(scenario, answers[scenario.key])
            rows.append([scenario.title, ", ".join(names[k] for k in names if k in answers[scenario.key]),
                         ", ".join(names[k] for k in names if k in scenario.at_stake),
                         "right" if result.correct else "not quite"])
    summary = f"Sorted {answered} of {total} scenarios; {right} fully right."
    return Section(heading, [summary], [],
                   (["Scenario", "You ticked", "At stake", "Result"], rows))


def notes_section(saved: Any) -> Section | None:
    """The saved value of ``"pillars.notes"`` (the pillar to work on first) as a section; None if empty."""
    text = " ".join(str(saved or "").split())
    return Section("The pillar to work on first: notes", [text]) if text else None
