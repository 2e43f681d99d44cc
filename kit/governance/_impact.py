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
from typing import Annotated, Any, Iterable, Literal, Mapping

from pydantic import AfterValidator, Field, PlainValidator, ValidationInfo, field_validator

from kit.documents import Document, Section
from kit.workshop.content import ContentModel, Items, load_valid, unique_ids, validate

PARTS = ("impact", "mitigation")
WHERE = "impact_assessment.yaml"


def _exact(value: Any) -> Fraction:
    """A number read exactly as written (``1.5`` is 3/2, ``0.1`` is 1/10); never negative."""
    try:
        if isinstance(value, bool):
            raise ValueError(value)
        number = Fraction(str(value))
    except (ValueError, ZeroDivisionError):
        raise ValueError(f"{value!r} is not a number; write it like 2 or 1.5") from None
    if number < 0:
        raise ValueError(f"{value} is below zero; points, weights and percentages are 0 or more")
    return number


Number = Annotated[Fraction, PlainValidator(_exact)]
Percent = Annotated[Fraction, PlainValidator(_exact), Field(le=100)]


class Option(ContentModel):
    """One answer; its ``points`` carry the question's weight."""

    text: str = Field(min_length=1, description="the answer as the attendee reads it, in quotes")
    points: Number = Field(description="the points this answer scores, such as 2 or 1.5")


class Question(ContentModel):
    """One question; ``part`` is "impact" or "mitigation"."""

    id: str = Field(min_length=1, description="a short name of its own, such as role; saved answers use it")
    part: Literal[PARTS] = Field(description="impact or mitigation")
    topic: str = Field(min_length=1, description="the heading the question is shown under, such as The decision")
    question: str = Field(min_length=1, description="the question the attendee answers")
    weight: Number = Field(Fraction(1), description="a number multiplying the points of every option (1 if left out)")
    options: Items[Option] = Field(min_length=2, description="at least two answers, each like {text: 'Yes', points: 2}")

    @field_validator("options")
    @classmethod
    def _weighted(cls, options: tuple[Option, ...], info: ValidationInfo) -> tuple[Option, ...]:
        """The weight is multiplied into each option's points once, here."""
        weight = info.data.get("weight", 1)
        return tuple(option.model_copy(update={"points": option.points * weight}) for option in options)

    @property
    def max_points(self) -> Fraction:
        return max(option.points for option in self.options)


class Level(ContentModel):
    """An impact level and the controls it adds to the levels below it."""

    level: str = Field(min_length=1, description="the level's short name, such as I or II")
    name: str = Field("", description="what the level means, such as moderate impact")
    up_to_percent: Percent | None = Field(None, description="the highest score this level covers, as a percentage "
                                                             "of the maximum below 100 (left out on the last level)")
    controls: Items[str] = Field(min_length=1, description="the controls this level adds, one bullet each")

    @property
    def up_to(self) -> Fraction | None:
        """The upper bound as a share of the maximum (None for the last level)."""
        return None if self.up_to_percent is None else self.up_to_percent / 100

    @property
    def adds(self) -> tuple[str, ...]:
        return self.controls


def _bounds(levels: tuple[Level, ...]) -> tuple[Level, ...]:
    """Every level but the last has an upper bound, rising from level to level and below 100 %."""
    *lower, last = levels
    if last.up_to_percent is not None:
        raise ValueError(f"the last level ({last.level}) takes every score above the others; "
                         "remove its up_to_percent")
    previous = Fraction(0)
    for level in lower:
        if level.up_to_percent is None:
            raise ValueError(f"level {level.level} needs an up_to_percent (only the last level goes without)")
        if not previous < level.up_to_percent < 100:
            raise ValueError(f"level {level.level} has up_to_percent {level.up_to_percent}; up_to_percent must "
                             "rise from level to level and stay below 100")
        previous = level.up_to_percent
    return levels


class Scoring(ContentModel):
    """When mitigation earns a reduction of the raw score, and how large it is."""

    mitigation_threshold_percent: Percent = Field(Fraction(80), description="a percentage from 0 to 100: the share of "
                                                  "the most mitigation points that earns the reduction, such as 80")
    reduction_percent: Percent = Field(Fraction(15), description="a percentage from 0 to 100 taken off the raw "
                                                                 "score, such as 15")


class Example(ContentModel):
    """The worked example: a system and one answer (an option's text) per question."""

    system: str = Field("", description="the system the example assesses")
    answers: dict[str, str] = Field({}, description="question id: the chosen option's text, copied exactly")


def _scores_both_parts(questions: tuple[Question, ...]) -> tuple[Question, ...]:
    for part in PARTS:
        if not any(q.max_points > 0 for q in questions if q.part == part):
            raise ValueError(f"the {part} questions can score nothing; add one, or give some of its options points")
    return questions


class Questionnaire(ContentModel):
    """The whole assessment: scoring rule, levels (lowest first), questions and the worked example.

    ``example`` is kept as a plain dict (``form.example["system"]``).
    """

    scoring: Scoring = Field(Scoring(), description="mitigation_threshold_percent and reduction_percent")
    levels: Annotated[Items[Level], AfterValidator(_bounds)] = Field(
        min_length=2, description="at least two levels, lowest first, each with level, name and controls")
    questions: Annotated[Items[Question], AfterValidator(unique_ids("questions")),
                         AfterValidator(_scores_both_parts)] = Field(
        min_length=1, description="the questions, each with id, part, topic, question and options")
    example: Annotated[Example, AfterValidator(dict)] = Field(
        default_factory=dict, description="a system and, for each question id, the text of the chosen option")

    @field_validator("example")
    @classmethod
    def _example_fits(cls, example: dict, info: ValidationInfo) -> dict:
        if "questions" not in info.data:
            return example  # the questions are wrong already, and named
        options = {q.id: {o.text for o in q.options} for q in info.data["questions"]}
        for qid, text in (example.get("answers") or {}).items():
            if text not in options.get(qid, ()):
                raise ValueError(f"the example answer {text!r} for {qid} matches no option of that question; "
                                 "copy an option's text exactly")
        return example

    @property
    def threshold(self) -> Fraction:
        """The share of the maximum mitigation score that earns the reduction."""
        return self.scoring.mitigation_threshold_percent / 100

    @property
    def reduction(self) -> Fraction:
        """The share taken off the raw score."""
        return self.scoring.reduction_percent / 100

    def part(self, name: str) -> tuple[Question, ...]:
        return tuple(q for q in self.questions if q.part == name)

    def maximum(self, name: str) -> Fraction:
        return sum((q.max_points for q in self.part(name)), Fraction(0))

    def controls(self, level: Level) -> tuple[str, ...]:
        """The controls ``level`` requires: its own and those of every lower level."""
        upto = self.levels.index(level) + 1
        return tuple(control for lower in self.levels[:upto] for control in lower.adds)


def parse_questionnaire(raw: Any) -> Questionnaire:
    """The questionnaire in ``raw`` (parsed YAML), checked; a :class:`ContentError` names the entry and the fix."""
    return validate(raw, Questionnaire, where=WHERE)


@functools.lru_cache(maxsize=None)
def questionnaire() -> Questionnaire:
    """The questionnaire in ``kit/content/impact_assessment.yaml``, checked."""
    return load_valid("impact_assessment", Questionnaire)


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


def impact_section(saved: Mapping | None) -> Section | None:
    """The saved assessment as one section of the action plan (summary, level, controls); None if unanswered."""
    if not saved or not saved.get("answers"):
        return None
    return _result_section(saved.get("system"), saved["answers"])


def _result_section(system: Any, answers: Mapping) -> Section:
    form = questionnaire()
    result = assess(answers, form)
    system = str(system or "").strip() or "the system assessed"
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
                    sections=[_result_section(system, answers),
                              Section("Your answers", table=(["Part", "Topic", "Question", "Answer", "Points",
                                                              "Most points"], rows))])
