"""The scales and templates of the triage matrix, read from ``kit/content`` and checked."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from kit.workshop.content import ContentError, load
from kit.paths import CONTENT_DIR
from kit.strategy._usecase import LABELS, MONEY, SCORES, UseCase, add, use_case

TEMPLATE_DIR = "use_case_templates"
SCALES_FILE = "use_case_scales"


@dataclass(frozen=True)
class Level:
    """One step of a scale: a short label and what it means."""

    label: str
    means: str


@dataclass(frozen=True)
class Scale:
    """A 1-to-5 score explained in plain words (value, effort or ethical risk)."""

    name: str
    question: str
    levels: dict[int, Level]

    def describe(self, score: int) -> str:
        """``"2 · Low: little or no personal data..."`` for a score."""
        level = self.levels[score]
        return f"{score} · {level.label}: {level.means}"


@dataclass(frozen=True)
class Template:
    """A ready-made list of use cases for one kind of organisation."""

    key: str
    name: str
    description: str
    use_cases: tuple[UseCase, ...]


def scales() -> dict[str, Scale]:
    """The three scales of ``use_case_scales.yaml``, keyed ``value``, ``effort``, ``risk``."""
    raw = load(SCALES_FILE) or {}
    result = {}
    for key in SCORES:
        entry = raw.get(key)
        where = f"{SCALES_FILE}.yaml, scale '{key}'"
        if not isinstance(entry, dict) or not {"name", "question", "levels"} <= entry.keys():
            raise ContentError(f"{where}: needs a name, a question and levels 1 to 5.")
        levels = entry["levels"] or {}
        if sorted(levels) != [1, 2, 3, 4, 5]:
            raise ContentError(f"{where}: give exactly the levels 1, 2, 3, 4 and 5.")
        try:
            parsed = {int(n): Level(str(levels[n]["label"]), str(levels[n]["means"])) for n in levels}
        except (KeyError, TypeError):
            raise ContentError(f"{where}: every level needs a 'label' and a 'means'.") from None
        result[key] = Scale(str(entry["name"]), str(entry["question"]), parsed)
    return result


def template_keys() -> list[str]:
    """The templates available, by file name (``retailer``, ``sales_team``, ...), sorted."""
    return sorted(path.stem for path in (CONTENT_DIR / TEMPLATE_DIR).glob("*.yaml"))


def load_template(key: str) -> Template:
    """The template ``kit/content/use_case_templates/<key>.yaml``, every use case checked."""
    if key not in template_keys():
        raise ValueError(f"There is no template called {key!r}; choose one of {', '.join(template_keys())}.")
    raw = load(f"{TEMPLATE_DIR}/{key}") or {}
    where = f"{TEMPLATE_DIR}/{key}.yaml"
    if not isinstance(raw, dict) or not raw.get("name") or not raw.get("use_cases"):
        raise ContentError(f"{where}: needs a 'name' and a list of 'use_cases'.")
    cases: list[UseCase] = []
    for number, item in enumerate(raw["use_cases"], start=1):
        try:
            cases = add(cases, use_case(item))
        except (ValueError, AttributeError) as problem:
            raise ContentError(f"{where}, use case {number}: {problem}") from None
    return Template(key, str(raw["name"]), str(raw.get("description", "")), tuple(cases))


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
