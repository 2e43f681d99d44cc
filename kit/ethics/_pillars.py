"""The ethics pillars (lesson 02): what each means, why it drives growth, and the scenario sorter.

The content lives in ``kit/content/pillar_scenarios.yaml``. A learner reads a
short scenario and ticks the pillar(s) at stake; :func:`grade` explains every
pillar they ticked or missed. Some pillars are marked "also": fair to tick or
to leave, because real cases are rarely about one thing. No widgets here; the
app is :mod:`kit.ethics.ui._sorter`.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any, Iterable, Mapping

import pandas as pd

from kit.workshop.content import ContentError, load
from kit.documents import Section

CONTENT = "pillar_scenarios"


@dataclass(frozen=True)
class Pillar:
    """One pillar: what it means, the question it asks, and the growth it drives."""

    key: str
    name: str
    means: str
    asks: str
    growth: str
    drives: tuple[str, ...]


@dataclass(frozen=True)
class Scenario:
    """A short case and, for each pillar, whether and why it is at stake."""

    key: str
    setting: str
    title: str
    text: str
    at_stake: dict[str, str]
    also: dict[str, str]
    not_at_stake: dict[str, str]


@dataclass(frozen=True)
class Content:
    pillars: dict[str, Pillar]
    drivers: dict[str, tuple[str, str]]  # key -> (name, what it means)
    scenarios: tuple[Scenario, ...]


def _scenario(raw: Mapping, pillars: dict[str, Pillar], where: str) -> Scenario:
    for field in ("key", "setting", "title", "text", "at_stake"):
        if not raw.get(field):
            raise ContentError(f"{where}: a scenario has no '{field}'; add it.")
    groups = {name: {str(k): " ".join(str(v).split()) for k, v in (raw.get(name) or {}).items()}
              for name in ("at_stake", "also", "not_at_stake")}
    named = [k for group in groups.values() for k in group]
    unknown = sorted(set(named) - set(pillars))
    if unknown:
        raise ContentError(f"{where}, scenario {raw['key']}: {', '.join(unknown)} is not a pillar; "
                           f"use {', '.join(pillars)}.")
    if len(named) != len(set(named)):
        raise ContentError(f"{where}, scenario {raw['key']}: a pillar is listed twice; keep it in one group.")
    return Scenario(str(raw["key"]), str(raw["setting"]), str(raw["title"]), " ".join(str(raw["text"]).split()),
                    **groups)


@functools.lru_cache(maxsize=1)
def content() -> Content:
    """The pillars, growth drivers and scenarios, checked (names the mistake and the fix)."""
    raw = load(CONTENT) or {}
    where = f"{CONTENT}.yaml"
    drivers = {str(d["key"]): (str(d["name"]), str(d["means"])) for d in raw.get("growth_drivers", [])}
    pillars = {}
    for item in raw.get("pillars", []):
        drives = tuple(str(d) for d in item.get("drives", []))
        if not set(drives) <= set(drivers):
            raise ContentError(f"{where}, pillar {item.get('key')}: drives must be among {', '.join(drivers)}.")
        pillars[str(item["key"])] = Pillar(str(item["key"]), str(item["name"]), " ".join(str(item["means"]).split()),
                                           str(item["asks"]), " ".join(str(item["growth"]).split()), drives)
    if not pillars or not drivers:
        raise ContentError(f"{where}: needs 'pillars' and 'growth_drivers'.")
    scenarios = tuple(_scenario(s, pillars, where) for s in raw.get("scenarios", []))
    keys = [s.key for s in scenarios]
    if len(keys) != len(set(keys)):
        raise ContentError(f"{where}: two scenarios share a key; give each its own.")
    return Content(pillars, drivers, scenarios)


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


def sorter_section(saved: Any) -> Section:
    """The saved value of ``"pillars.sorter"`` as a document section (for the action plan)."""
    data = content()
    answers = answers_from_saved(saved)
    heading = "The ethics pillars: scenario sorter"
    if not answers:
        return Section(heading, ["No scenarios sorted yet: try the sorter in lesson 02, The ethics pillars."])
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


def notes_section(saved: Any) -> Section:
    """The saved value of ``"pillars.notes"`` (the pillar to work on first) as a section."""
    text = " ".join(str(saved or "").split())
    return Section("The pillar to work on first: notes",
                   [text or "No notes saved yet: write them at the end of lesson 02, The ethics pillars."])
