"""Read and check ``kit/content/vendor_checklist.yaml``, naming any mistake and its fix.

Trainers edit the checklist without touching code, so every rule the scoring
relies on is checked here once, with a message that says what to change.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kit.workshop.content import ContentError, load

FILE = "vendor_checklist.yaml"
SCORES = (0, 1, 2)
WEIGHTS = (1, 2, 3)
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


@dataclass(frozen=True)
class Area:
    """One area of the checklist, such as Data or Exit."""

    id: str
    title: str
    about: str


@dataclass(frozen=True)
class Option:
    """An answer the supplier might give, scored 2 (strong), 1 (partial) or 0 (weak)."""

    text: str
    score: int


@dataclass(frozen=True)
class Question:
    """One question to ask the supplier."""

    id: str
    area: str
    weight: int
    question: str
    options: tuple[Option, ...]
    follow_up: str
    why: str = ""
    critical: bool = False


@dataclass(frozen=True)
class Checklist:
    """The areas and questions, in the order the app shows them, and the worked example."""

    areas: tuple[Area, ...]
    questions: tuple[Question, ...]
    example: dict

    def in_area(self, area_id: str) -> tuple[Question, ...]:
        """The questions of one area, in order."""
        return tuple(q for q in self.questions if q.area == area_id)


def _need(raw: dict, keys: tuple[str, ...], where: str) -> None:
    if not isinstance(raw, dict):
        raise ContentError(f"{FILE}, {where}: expected a block of 'name: value' lines; check the indentation.")
    for key in keys:
        if raw.get(key) in (None, ""):
            raise ContentError(f"{FILE}, {where}: '{key}' is missing or empty; add it.")


def _area(raw: dict, number: int) -> Area:
    _need(raw, ("id", "title"), f"area {number}")
    return Area(str(raw["id"]), str(raw["title"]), str(raw.get("about", "")))


def _question(raw: dict, number: int, area_ids: set[str]) -> Question:
    _need(raw, ("id", "area", "weight", "question", "options", "follow_up"), f"question {number}")
    qid = str(raw["id"])
    where = f"question '{qid}'"
    if not _ID.match(qid):
        raise ContentError(f"{FILE}, {where}: an id uses only small letters, digits and dashes.")
    if raw["area"] not in area_ids:
        raise ContentError(f"{FILE}, {where}: area '{raw['area']}' is not one of {', '.join(sorted(area_ids))}.")
    if raw["weight"] not in WEIGHTS or isinstance(raw["weight"], bool):
        raise ContentError(f"{FILE}, {where}: weight must be 1, 2 or 3, not {raw['weight']!r}.")
    options = []
    for option in raw["options"]:
        _need(option, ("text",), f"{where}, an option")
        if option.get("score") not in SCORES or isinstance(option.get("score"), bool):
            raise ContentError(f"{FILE}, {where}: each option needs a score of 0, 1 or 2 "
                               f"(found {option.get('score')!r} for '{option['text']}').")
        options.append(Option(str(option["text"]), int(option["score"])))
    if len(options) < 2 or max(o.score for o in options) != max(SCORES):
        raise ContentError(f"{FILE}, {where}: needs at least two options, one of them a strong answer (score 2).")
    return Question(qid, str(raw["area"]), int(raw["weight"]), str(raw["question"]), tuple(options),
                    str(raw["follow_up"]), str(raw.get("why", "")), bool(raw.get("critical", False)))


def _example(raw: dict | None, questions: tuple[Question, ...]) -> dict:
    raw = raw or {}
    known = {q.id: q for q in questions}
    answers = {}
    for qid, position in (raw.get("answers") or {}).items():
        question = known.get(qid)
        if question is None:
            raise ContentError(f"{FILE}, example: there is no question '{qid}'; check the spelling.")
        if not isinstance(position, int) or not 1 <= position <= len(question.options):
            raise ContentError(f"{FILE}, example, '{qid}': give an option number from 1 to "
                               f"{len(question.options)}, not {position!r}.")
        answers[qid] = position - 1
    return {"vendor": str(raw.get("vendor", "")), "tool": str(raw.get("tool", "")), "answers": answers}


def load_checklist(name: str = "vendor_checklist") -> Checklist:
    """The checklist in ``kit/content/<name>.yaml``, checked.

    Raises
    ------
    kit.workshop.content.ContentError
        Naming the mistake in the file and how to fix it.
    """
    raw = load(name)
    if not isinstance(raw, dict) or not raw.get("areas") or not raw.get("questions"):
        raise ContentError(f"{FILE} needs an 'areas' list and a 'questions' list.")
    areas = tuple(_area(a, i) for i, a in enumerate(raw["areas"], start=1))
    ids = [a.id for a in areas]
    if len(set(ids)) != len(ids):
        raise ContentError(f"{FILE}: two areas share an id; give each its own.")
    questions = tuple(_question(q, i, set(ids)) for i, q in enumerate(raw["questions"], start=1))
    qids = [q.id for q in questions]
    if len(set(qids)) != len(qids):
        raise ContentError(f"{FILE}: two questions share an id; give each its own.")
    empty = [a.title for a in areas if not any(q.area == a.id for q in questions)]
    if empty:
        raise ContentError(f"{FILE}: the area {', '.join(empty)} has no questions; add one or remove the area.")
    return Checklist(areas, questions, _example(raw.get("example"), questions))
