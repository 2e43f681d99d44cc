"""Read and check ``kit/content/maturity.yaml``, naming any mistake and its fix."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kit.workshop.content import ContentError, load

FILE = "maturity.yaml"
#: The ratings a learner gives each statement, lowest first.
RATINGS: tuple[tuple[int, str], ...] = ((0, "Not in place"), (1, "Started"), (2, "Mostly in place"),
                                        (3, "Fully in place"))
#: The three stages of the framework, lowest first.
LEVEL_NAMES = ("Fundamentals", "Intermediate", "Advanced")
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


@dataclass(frozen=True)
class Statement:
    """Something a mature organisation can say about itself."""

    id: str
    text: str


@dataclass(frozen=True)
class Dimension:
    """One dimension of the framework, its statements, and the next steps at each level."""

    id: str
    title: str
    about: str
    statements: tuple[Statement, ...]
    next_steps: dict[str, tuple[str, ...]]


@dataclass(frozen=True)
class MaturityModel:
    """The dimensions in the order the app shows them, and the worked example."""

    dimensions: tuple[Dimension, ...]
    example: dict

    @property
    def statements(self) -> tuple[Statement, ...]:
        return tuple(s for d in self.dimensions for s in d.statements)


def _check_id(value, where: str) -> str:
    text = str(value or "")
    if not _ID.match(text):
        raise ContentError(f"{FILE}, {where}: an id uses only small letters, digits and dashes (found {value!r}).")
    return text


def _dimension(raw: dict, number: int) -> Dimension:
    if not isinstance(raw, dict):
        raise ContentError(f"{FILE}, dimension {number}: expected 'name: value' lines; check the indentation.")
    did = _check_id(raw.get("id"), f"dimension {number}")
    for key in ("title", "statements", "next_steps"):
        if not raw.get(key):
            raise ContentError(f"{FILE}, dimension '{did}': '{key}' is missing or empty; add it.")
    statements = []
    for row in raw["statements"]:
        if not isinstance(row, dict) or not row.get("text"):
            raise ContentError(f"{FILE}, dimension '{did}': every statement needs an id and a text.")
        statements.append(Statement(_check_id(row.get("id"), f"dimension '{did}', a statement"), str(row["text"])))
    steps = raw["next_steps"]
    if not isinstance(steps, dict):
        raise ContentError(f"{FILE}, dimension '{did}': next_steps needs one list per level.")
    missing = [level for level in LEVEL_NAMES if not steps.get(level)]
    if missing:
        raise ContentError(f"{FILE}, dimension '{did}': next_steps has no steps for {', '.join(missing)}; "
                           f"add at least one for each of {', '.join(LEVEL_NAMES)}.")
    unknown = [level for level in steps if level not in LEVEL_NAMES]
    if unknown:
        raise ContentError(f"{FILE}, dimension '{did}': next_steps level {', '.join(map(str, unknown))} is not one "
                           f"of {', '.join(LEVEL_NAMES)}; check the spelling.")
    return Dimension(did, str(raw["title"]), str(raw.get("about", "")), tuple(statements),
                     {level: tuple(str(s) for s in steps[level]) for level in LEVEL_NAMES})


def _example(raw: dict | None, statement_ids: set[str]) -> dict:
    raw = raw or {}
    ratings = {}
    valid = [value for value, _ in RATINGS]
    for sid, value in (raw.get("ratings") or {}).items():
        if sid not in statement_ids:
            raise ContentError(f"{FILE}, example: there is no statement '{sid}'; check the spelling.")
        if value not in valid or isinstance(value, bool):
            raise ContentError(f"{FILE}, example, '{sid}': a rating is 0, 1, 2 or 3, not {value!r}.")
        ratings[sid] = int(value)
    return {"name": str(raw.get("name", "")), "ratings": ratings}


def load_model(name: str = "maturity") -> MaturityModel:
    """The maturity model in ``kit/content/<name>.yaml``, checked.

    Raises
    ------
    kit.workshop.content.ContentError
        Naming the mistake in the file and how to fix it.
    """
    raw = load(name)
    if not isinstance(raw, dict) or not raw.get("dimensions"):
        raise ContentError(f"{FILE} needs a 'dimensions' list.")
    dimensions = tuple(_dimension(d, i) for i, d in enumerate(raw["dimensions"], start=1))
    if len({d.id for d in dimensions}) != len(dimensions):
        raise ContentError(f"{FILE}: two dimensions share an id; give each its own.")
    ids = [s.id for d in dimensions for s in d.statements]
    if len(set(ids)) != len(ids):
        raise ContentError(f"{FILE}: two statements share an id; give each its own.")
    return MaturityModel(dimensions, _example(raw.get("example"), set(ids)))
