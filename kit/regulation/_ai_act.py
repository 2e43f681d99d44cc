"""The schema of ``kit/content/regulation/eu_ai_act.yaml``: questions, tiers, obligations, dates and sources.

The answer ids of ``kit triage`` are a contract (:data:`CONTRACT`): a trainer
may reword every text, move dates and add options, but the file must keep the
questions and options the answer files and lessons use. Every statement names
its ``source``; every ``applies_from`` names one of the file's ``dates``. A
broken edit is named with the file, the entry and the fix when it loads.
"""

from __future__ import annotations

import datetime
import functools
from typing import Annotated, Literal

from pydantic import Field, model_validator

from kit.workshop.content import ContentModel, Items, load, load_valid, unique_ids, validate

NAME = "regulation/eu_ai_act"

#: The questions and option ids that answer files rely on: kept in the content, never removed.
CONTRACT: dict[str, tuple[str, ...]] = {
    "practices": ("subliminal_manipulation", "exploit_vulnerabilities", "social_scoring",
                  "predictive_policing_profiling", "untargeted_face_scraping",
                  "emotion_recognition_work_education", "biometric_categorisation_sensitive",
                  "realtime_remote_biometric_id_law_enforcement"),
    "annex_i_safety_component": (),
    "annex_iii": ("biometrics", "critical_infrastructure", "education", "employment", "public_benefits",
                  "creditworthiness", "life_health_insurance", "emergency_calls", "law_enforcement",
                  "migration", "justice_democracy"),
    "narrow_exception": (),
    "profiling": (),
    "transparency": ("interacts_with_people", "synthetic_content", "emotion_or_biometric_categorisation",
                     "deepfake", "public_interest_text"),
    "public_body_or_public_service": (),
}
#: Questions answered with a list of option ids; the others are yes/no.
CHOICE_QUESTIONS = ("practices", "annex_iii", "transparency")
TIERS = ("prohibited", "high_risk", "transparency", "minimal")
#: When an obligation applies (see the comment in the content file).
WHEN = Literal["always", "prohibited", "high_risk", "annex_iii", "workplace", "public_body", "fria", "exception"]

Id = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$",
                          description="a short id in small letters, digits and underscores, such as social_scoring")]
Text = Annotated[str, Field(min_length=1)]
Source = Annotated[str, Field(min_length=3, description="where the statement comes from, such as "
                                                        "'Regulation (EU) 2024/1689, Article 26(1)'")]
Article = Annotated[str, Field(pattern=r"^(\d+[a-z]?(\(\d+\))?(\([a-z]\))?|Annex [IVX]+, point \d+(\([a-d]\))?)$",
                               description="an article such as 26(1) or 5(1)(c), or 'Annex III, point 4'")]


class SourceDoc(ContentModel):
    """A document the statements come from."""

    id: Id
    title: Text = Field(description="the document's full title and date")
    url: str = Field("", description="a web address for the document, if it has one")


class AppliesDate(ContentModel):
    """A date from which part of the Act applies."""

    id: Id
    date: datetime.date = Field(description="a date written as 2026-08-02")
    covers: Text = Field(description="what applies from this date, in one sentence")
    source: Source
    note: str = Field("", description="a caveat about this date, such as a proposed postponement")
    note_source: str = Field("", description="where the note comes from; needed when there is a note")

    @model_validator(mode="after")
    def _note_has_source(self) -> "AppliesDate":
        if self.note and not self.note_source:
            raise ValueError(f"the date {self.id} has a note but no note_source; say where the note comes from")
        return self


class Option(ContentModel):
    """One answer a choice question offers."""

    id: Id
    label: Text = Field(description="the option as the learner reads it")
    article: Article
    source: Source
    fria: Literal["always", "public_service", "never"] | None = Field(
        None, description="Annex III areas only: always, public_service or never")
    who: Literal["provider", "deployer"] | None = Field(None, description="transparency only: provider or deployer")
    duty: str = Field("", description="transparency only: the duty in one plain sentence")


class Question(ContentModel):
    """One triage question."""

    id: Id
    kind: Literal["choices", "yes_no"] = Field(description="choices (a list of options) or yes_no")
    text: Text = Field(description="the question as the learner reads it")
    help: str = Field("", description="one line of help under the question")
    source: Source
    applies_from: Id | None = Field(None, description="the id of a date, for the Annex I and Annex III questions")
    options: Items[Option] = Field((), description="the options of a choices question")

    @model_validator(mode="after")
    def _options_fit(self) -> "Question":
        if (self.kind == "choices") != bool(self.options):
            raise ValueError(f"the question {self.id} is {self.kind}: a choices question lists options, "
                             "a yes_no question has none")
        unique_ids(f"options of {self.id}")(self.options)
        for option in self.options:
            if self.id == "annex_iii" and option.fria is None:
                raise ValueError(f"the Annex III option {option.id} needs fria: always, public_service or never")
            if self.id == "transparency" and (option.who is None or not option.duty):
                raise ValueError(f"the transparency option {option.id} needs who (provider or deployer) and a duty")
        return self


class Tier(ContentModel):
    """One outcome of the triage."""

    id: Literal["prohibited", "high_risk", "transparency", "minimal"] = Field(
        description="one of prohibited, high_risk, transparency, minimal")
    label: Text
    article: Article
    summary: Text = Field(description="what the tier means for the organisation, in one or two sentences")
    source: Source
    applies_from: Id


class Obligation(ContentModel):
    """Something the deployer must do, with its article."""

    id: Id
    when: WHEN = Field(description="always, prohibited, high_risk, annex_iii, workplace, public_body, fria or "
                                   "exception")
    article: Article
    title: Text = Field(description="a short imperative title, such as 'Keep the logs'")
    text: Text = Field(description="the duty in one or two plain sentences")
    source: Source
    applies_from: Id


class Example(ContentModel):
    """A worked example a lesson can offer."""

    id: Id
    lesson: Id = Field(description="the id of the lesson the example belongs to, as in lessons.yaml")
    title: Text
    answers: dict = Field(description="answers as in a kit triage answers file")


class AiAct(ContentModel):
    """The whole triage file."""

    as_of: datetime.date = Field(description="the date the content was last checked, written as 2025-11-19")
    title: Text
    regulation: Text
    not_legal_advice: Text = Field(description="the notice that the triage is not legal advice")
    sources: Items[SourceDoc] = Field(min_length=1, description="the documents the statements come from")
    dates: Items[AppliesDate] = Field(min_length=1, description="the application dates, each with id and date")
    questions: Items[Question] = Field(description="the triage questions, each with an id")
    tiers: Items[Tier] = Field(description="the four tiers: prohibited, high_risk, transparency, minimal")
    obligations: Items[Obligation] = Field(min_length=1, description="the deployer's obligations")
    examples: Items[Example] = Field((), description="worked examples with their answers")

    @model_validator(mode="after")
    def _consistent(self) -> "AiAct":
        for what, entries in (("sources", self.sources), ("dates", self.dates), ("questions", self.questions),
                              ("tiers", self.tiers), ("obligations", self.obligations),
                              ("examples", self.examples)):
            unique_ids(what)(entries)
        questions = {q.id: q for q in self.questions}
        for qid, options in CONTRACT.items():
            if qid not in questions:
                raise ValueError(f"the question {qid} is missing; answer files use it, so keep it")
            kind = "choices" if qid in CHOICE_QUESTIONS else "yes_no"
            if questions[qid].kind != kind:
                raise ValueError(f"the question {qid} must be of kind {kind}")
            missing = [o for o in options if o not in {option.id for option in questions[qid].options}]
            if missing:
                raise ValueError(f"the question {qid} lacks the option(s) {', '.join(missing)}; "
                                 "answer files use them, so keep them")
        extra = sorted(set(questions) - set(CONTRACT))
        if extra:
            raise ValueError(f"the question(s) {', '.join(extra)} are not read by the triage rules; remove them")
        if sorted(t.id for t in self.tiers) != sorted(TIERS):
            raise ValueError(f"list each tier once: {', '.join(TIERS)}")
        dates = {d.id for d in self.dates}
        named = [(f"tier {t.id}", t.applies_from) for t in self.tiers]
        named += [(f"obligation {o.id}", o.applies_from) for o in self.obligations]
        named += [(f"question {q.id}", q.applies_from) for q in self.questions if q.applies_from]
        for who, date_id in named:
            if date_id not in dates:
                raise ValueError(f"the {who} applies from {date_id!r}, which is not one of the dates "
                                 f"({', '.join(sorted(dates))}); fix the spelling or add the date")
        lessons = lesson_ids()
        for example in self.examples:
            if example.lesson not in lessons:
                raise ValueError(f"the example {example.id} names the lesson {example.lesson!r}, which is not in "
                                 f"lessons.yaml; use one of {', '.join(sorted(lessons))}")
        for qid in ("annex_i_safety_component", "annex_iii"):
            if not questions[qid].applies_from:
                raise ValueError(f"the question {qid} needs applies_from: the date its high-risk rules apply from")
        return self

    def question(self, question_id: str) -> Question:
        return next(q for q in self.questions if q.id == question_id)

    def tier(self, tier_id: str) -> Tier:
        return next(t for t in self.tiers if t.id == tier_id)

    def date(self, date_id: str) -> AppliesDate:
        return next(d for d in self.dates if d.id == date_id)

    def valid_ids(self) -> dict[str, tuple[str, ...]]:
        """Each question's id and, for choice questions, its option ids in the file's order."""
        return {q.id: tuple(o.id for o in q.options) for q in self.questions}


def lesson_ids() -> set[str]:
    """The lesson ids of ``lessons.yaml`` (read here, not through ``kit.workshop``, which may one day read us)."""
    entries = load("lessons")
    return {str(entry.get("id")) for entry in entries if isinstance(entry, dict)} if isinstance(entries, list) else set()


def parse_ai_act(raw) -> AiAct:
    """Read parsed YAML as the triage file; a :class:`kit.workshop.content.ContentError` names any fault."""
    return validate(raw, AiAct, where=f"{NAME}.yaml")


@functools.lru_cache(maxsize=None)
def ai_act() -> AiAct:
    """The triage content as the kit ships it (read once)."""
    return load_valid(NAME, AiAct)


def raw_ai_act():
    """The parsed YAML of the triage file, a fresh copy (for tests and trainers' checks)."""
    return load(NAME)
