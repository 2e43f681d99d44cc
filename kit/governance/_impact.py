"""Algorithmic impact assessment: weighted questions -> raw score, mitigation score, level I-IV.

Scored in the style of the Government of Canada's Algorithmic Impact
Assessment. Impact questions add up to a *raw impact score*; mitigation
questions add up to a *mitigation score*. If the mitigation score reaches 80 %
of its maximum, the raw score is reduced by 15 %. The (reduced) score as a
share of the maximum raw score gives the level: I up to 25 %, II up to 50 %,
III up to 75 %, IV above. The questions, points, thresholds and the controls
each level requires live in ``kit/content/impact_assessment.yaml``.

Rounding: none before a decision is taken. Points and weights are read as
exact fractions (``1.5`` is 3/2), the reduction multiplies by exactly 17/20,
and "reaches 80 %" and "up to 25 %" are comparisons between fractions, so a
score of exactly 25 % is level I and 25.04 % is level II. Only the display
rounds: scores are shown exactly (whole points times 0.85 never need more
than two decimals) and shares to one decimal, rounded half up, with more
decimals whenever one decimal would put the shown number on the other side
of a threshold than the true one (25.04 % is shown as 25.04 %, not 25.0 %).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Iterable, Mapping

from kit.workshop.content import ContentError, load
from kit.documents import Document, Section

PARTS = ("impact", "mitigation")
WHERE = "impact_assessment.yaml"


@dataclass(frozen=True)
class Option:
    text: str
    points: Fraction


@dataclass(frozen=True)
class Question:
    """One question; ``part`` is "impact" or "mitigation"; points already carry the weight."""

    id: str
    part: str
    topic: str
    question: str
    options: tuple[Option, ...]

    @property
    def max_points(self) -> Fraction:
        return max(option.points for option in self.options)


@dataclass(frozen=True)
class Level:
    """An impact level; ``up_to`` is its upper bound as a share of the maximum (None for the last)."""

    level: str
    name: str
    up_to: Fraction | None
    adds: tuple[str, ...]


@dataclass(frozen=True)
class Questionnaire:
    questions: tuple[Question, ...]
    levels: tuple[Level, ...]
    threshold: Fraction  # share of the maximum mitigation score that earns the reduction
    reduction: Fraction  # share taken off the raw score
    example: dict

    def part(self, name: str) -> tuple[Question, ...]:
        return tuple(q for q in self.questions if q.part == name)

    def maximum(self, name: str) -> Fraction:
        return sum((q.max_points for q in self.part(name)), Fraction(0))

    def controls(self, level: Level) -> tuple[str, ...]:
        """The controls ``level`` requires: its own and those of every lower level."""
        upto = self.levels.index(level) + 1
        return tuple(control for lower in self.levels[:upto] for control in lower.adds)


def _number(value, where: str) -> Fraction:
    try:
        number = Fraction(str(value))
    except (ValueError, ZeroDivisionError):
        raise ContentError(f"{where}: {value!r} is not a number; write points like 2 or 1.5.") from None
    if number < 0:
        raise ContentError(f"{where}: points and weights cannot be negative ({value}).")
    return number


def _question(raw: dict) -> Question:
    if not isinstance(raw, dict) or not raw.get("id"):
        raise ContentError(f"{WHERE}: every question needs an id.")
    where = f"{WHERE}, question {raw['id']}"
    for key in ("part", "topic", "question", "options"):
        if not raw.get(key):
            raise ContentError(f"{where}: '{key}' is missing; add it.")
    if raw["part"] not in PARTS:
        raise ContentError(f"{where}: part must be impact or mitigation, not {raw['part']!r}.")
    weight = _number(raw.get("weight", 1), where)
    if len(raw["options"]) < 2:
        raise ContentError(f"{where}: give at least two options.")
    options = []
    for option in raw["options"]:
        if not isinstance(option, dict) or "text" not in option or "points" not in option:
            raise ContentError(f"{where}: each option needs a text and points, like {{text: 'Yes', points: 2}}.")
        options.append(Option(str(option["text"]), _number(option["points"], where) * weight))
    return Question(str(raw["id"]), raw["part"], str(raw["topic"]), str(raw["question"]), tuple(options))


def _levels(raw: list) -> tuple[Level, ...]:
    if not isinstance(raw, list) or len(raw) < 2:
        raise ContentError(f"{WHERE}: give at least two levels.")
    levels, previous = [], Fraction(0)
    for i, item in enumerate(raw):
        last = i == len(raw) - 1
        if not item.get("level") or not item.get("controls"):
            raise ContentError(f"{WHERE}: each level needs a level name and controls.")
        bound = item.get("up_to_percent")
        if last and bound is not None:
            raise ContentError(f"{WHERE}: the last level ({item['level']}) takes every score above the others; "
                               "remove its up_to_percent.")
        if not last:
            if bound is None:
                raise ContentError(f"{WHERE}: level {item['level']} needs an up_to_percent.")
            bound = _number(bound, f"{WHERE}, level {item['level']}") / 100
            if not previous < bound < 1:
                raise ContentError(f"{WHERE}: up_to_percent must rise from level to level and stay below 100.")
            previous = bound
        levels.append(Level(str(item["level"]), str(item.get("name", "")), bound,
                            tuple(str(c) for c in item["controls"])))
    return tuple(levels)


def parse_questionnaire(raw: dict) -> Questionnaire:
    """Check and build a questionnaire from the parsed YAML; every mistake names the fix."""
    if not isinstance(raw, dict):
        raise ContentError(f"{WHERE} must hold scoring, levels and questions (see the notes at its top).")
    questions = tuple(_question(q) for q in raw.get("questions") or [])
    ids = [q.id for q in questions]
    if len(set(ids)) != len(ids):
        raise ContentError(f"{WHERE}: two questions share an id; give each its own.")
    scoring = raw.get("scoring") or {}
    threshold = _number(scoring.get("mitigation_threshold_percent", 80), WHERE) / 100
    reduction = _number(scoring.get("reduction_percent", 15), WHERE) / 100
    if threshold > 1 or reduction > 1:
        raise ContentError(f"{WHERE}: percentages in scoring must be between 0 and 100.")
    result = Questionnaire(questions, _levels(raw.get("levels")), threshold, reduction, raw.get("example") or {})
    for part in PARTS:
        if result.maximum(part) <= 0:
            raise ContentError(f"{WHERE}: the {part} questions can score nothing; give some options points.")
    for qid, text in (result.example.get("answers") or {}).items():
        if option_index(result, qid, text) is None:
            raise ContentError(f"{WHERE}: the example answer {text!r} for {qid} matches no option of that question.")
    return result


@functools.lru_cache(maxsize=None)
def questionnaire() -> Questionnaire:
    """The questionnaire in ``kit/content/impact_assessment.yaml``, checked."""
    return parse_questionnaire(load("impact_assessment"))


def option_index(form: Questionnaire, qid: str, text: str) -> int | None:
    """Position of the option of question ``qid`` whose text is ``text`` (None if there is none)."""
    for question in form.questions:
        if question.id == qid:
            return next((i for i, option in enumerate(question.options) if option.text == text), None)
    return None


def answers_by_text(texts: Mapping[str, str], form: Questionnaire | None = None) -> dict[str, int]:
    """Answers given as option texts (question id -> text), as option positions for :func:`assess`.

    Raises
    ------
    ValueError
        Naming the question and the text when no option of that question has it.
    """
    form = form or questionnaire()
    positions = {}
    for qid, text in texts.items():
        index = option_index(form, qid, text)
        if index is None:
            raise ValueError(f"Question {qid!r} has no option {text!r}; copy the option's text exactly.")
        positions[qid] = index
    return positions


def example_answers(form: Questionnaire | None = None) -> dict[str, int]:
    """The worked example's answers as option positions, ready for :func:`assess`."""
    form = form or questionnaire()
    return answers_by_text(form.example.get("answers") or {}, form)


def clean_answers(answers: Mapping | None, form: Questionnaire | None = None) -> dict[str, int]:
    """Keep the answers that name a known question and a valid option position.

    Saved answers outlive edits to the questions, so anything else is dropped
    (the question shows as unanswered) rather than raising.
    """
    form = form or questionnaire()
    sizes = {q.id: len(q.options) for q in form.questions}
    clean = {}
    for qid, index in (answers or {}).items():
        if qid in sizes and isinstance(index, int) and not isinstance(index, bool) and 0 <= index < sizes[qid]:
            clean[qid] = index
    return clean


@dataclass(frozen=True)
class Assessment:
    """The scores and the level, every number exact."""

    raw: Fraction
    max_raw: Fraction
    mitigation: Fraction
    max_mitigation: Fraction
    reduced: bool
    score: Fraction
    level: Level
    controls: tuple[str, ...]
    unanswered: tuple[Question, ...]

    @property
    def share(self) -> Fraction:
        """The (reduced) score as a share of the maximum raw score."""
        return self.score / self.max_raw

    @property
    def complete(self) -> bool:
        return not self.unanswered


def level_for(share: Fraction, levels: Iterable[Level]) -> Level:
    """The first level whose upper bound is at or above ``share`` (the last level otherwise)."""
    levels = tuple(levels)
    return next((lv for lv in levels if lv.up_to is not None and share <= lv.up_to), levels[-1])


def assess(answers: Mapping | None, form: Questionnaire | None = None) -> Assessment:
    """Score the answers (question id -> option position); unanswered questions count 0.

    Returns
    -------
    Assessment
        Raw and mitigation scores with their maxima; ``reduced`` is True when the
        mitigation score reaches the threshold share of its maximum; ``score`` is
        the raw score after any reduction; the level and its required controls.
    """
    form = form or questionnaire()
    answers = clean_answers(answers, form)
    total = {part: sum((q.options[answers[q.id]].points for q in form.part(part) if q.id in answers), Fraction(0))
             for part in PARTS}
    max_raw, max_mitigation = form.maximum("impact"), form.maximum("mitigation")
    reduced = total["mitigation"] >= form.threshold * max_mitigation
    score = total["impact"] * (1 - form.reduction) if reduced else total["impact"]
    level = level_for(score / max_raw, form.levels)
    return Assessment(total["impact"], max_raw, total["mitigation"], max_mitigation, reduced, score, level,
                      form.controls(level), tuple(q for q in form.questions if q.id not in answers))


def format_points(value: Fraction) -> str:
    """A score as text: exact when it has at most two decimals, else two decimals rounded half up."""
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    shown = exact.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    if Fraction(shown) == value:
        shown = shown.normalize()
    return format(shown, "f")


def format_percent(share: Fraction, thresholds: Iterable[Fraction] = ()) -> str:
    """``share`` as a percentage, one decimal rounded half up, more if a threshold needs it.

    The shown number always sits on the same side of each threshold (above,
    below, or exactly on it) as the true value, so the words and the number agree.
    """
    percent = share * 100
    if percent.denominator == 1:
        return f"{percent.numerator} %"
    for places in range(1, 7):
        step = Decimal(1).scaleb(-places)
        shown = (Decimal(percent.numerator) / Decimal(percent.denominator)).quantize(step, rounding=ROUND_HALF_UP)
        if all((Fraction(shown) > t * 100) - (Fraction(shown) < t * 100) == (percent > t * 100) - (percent < t * 100)
               for t in thresholds):
            break
    return f"{shown} %"


def summary(result: Assessment, form: Questionnaire | None = None) -> str:
    """The result in one plain paragraph, every number computed."""
    form = form or questionnaire()
    bounds = [lv.up_to for lv in form.levels if lv.up_to is not None]
    mitigation_share = result.mitigation / result.max_mitigation
    threshold = format_percent(form.threshold)
    mitigation = (f"The mitigation score is {format_points(result.mitigation)} of "
                  f"{format_points(result.max_mitigation)} ({format_percent(mitigation_share, [form.threshold])}), ")
    if result.reduced:
        mitigation += (f"which reaches {threshold}, so the raw score is reduced by {format_percent(form.reduction)} "
                       f"to {format_points(result.score)}.")
    else:
        mitigation += f"below the {threshold} needed to reduce the raw score, so it stays as it is."
    text = (f"Raw impact score: {format_points(result.raw)} of {format_points(result.max_raw)}. {mitigation} "
            f"That is {format_percent(result.share, bounds)} of the maximum: level {result.level.level}, "
            f"{result.level.name}.")
    if result.unanswered:
        count = "1 question is" if len(result.unanswered) == 1 else f"{len(result.unanswered)} questions are"
        text += (f" This level is provisional: {count} unanswered and count as zero, so the level can still rise.")
    return text


def saved_value(system: str, answers: Mapping | None, form: Questionnaire | None = None) -> dict:
    """What the app saves under ``policy.impact_assessment``: the answers and a snapshot of the result."""
    form = form or questionnaire()
    answers = clean_answers(answers, form)
    result = assess(answers, form)
    return {"system": str(system or "").strip(), "answers": answers, "level": result.level.level,
            "level_name": result.level.name, "raw": format_points(result.raw), "max_raw": format_points(result.max_raw),
            "mitigation": format_points(result.mitigation), "max_mitigation": format_points(result.max_mitigation),
            "score": format_points(result.score), "reduced": result.reduced, "complete": result.complete}


def impact_section(saved: Mapping | None) -> Section:
    """The saved assessment as one section of the action plan (lesson 13): summary, level, controls."""
    if not saved or not saved.get("answers"):
        return Section("Algorithmic impact assessment",
                       ["No impact assessment yet: answer the questionnaire in lesson 07."])
    form = questionnaire()
    result = assess(saved["answers"], form)
    system = str(saved.get("system") or "").strip() or "the system assessed"
    return Section(f"Algorithmic impact assessment: level {result.level.level}",
                   [f"System assessed: {system}.", summary(result, form),
                    f"Controls required at level {result.level.level}:"],
                   list(result.controls))


def assessment_document(saved: Mapping | None) -> Document:
    """The saved assessment as a document to take home: result, controls, and every answer with its points."""
    form = questionnaire()
    answers = clean_answers((saved or {}).get("answers"), form)
    rows = [[q.part, q.topic, q.question,
             q.options[answers[q.id]].text if q.id in answers else "(not answered)",
             format_points(q.options[answers[q.id]].points) if q.id in answers else "0",
             format_points(q.max_points)] for q in form.questions]
    system = str((saved or {}).get("system") or "").strip()
    return Document(title="Algorithmic impact assessment" + (f": {system}" if system else ""),
                    subtitle="Scored in the style of the Government of Canada's Algorithmic Impact Assessment.",
                    sections=[impact_section({"system": system, "answers": answers}),
                              Section("Your answers", table=(["Part", "Topic", "Question", "Answer", "Points",
                                                              "Most points"], rows))])
