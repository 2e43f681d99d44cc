"""The EU AI Act triage: from a use case's answers to a tier, the deployer's duties and their dates.

:func:`read_answers` checks an answers mapping (as in a ``kit triage`` answers
file) against the question and option ids of the content file and refuses an
unknown id or a wrong type with one plain sentence. :func:`triage` applies the
Act's order of questions: a banned practice first (Article 5), then high-risk
(Article 6 with Annex I and Annex III, the Article 6(3) exception and its
profiling override), then the transparency duties of Article 50, else minimal.
The words, articles and dates come from ``kit/content/regulation/eu_ai_act.yaml``.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping
from dataclasses import dataclass

from ._ai_act import CHOICE_QUESTIONS, AiAct, AppliesDate, Obligation, ai_act

__all__ = ["Answers", "Duty", "Triage", "TriageInputError", "read_answers", "triage", "format_triage"]


class TriageInputError(ValueError):
    """An answers file the triage cannot read, with one plain sentence naming the fault and the fix."""


@dataclass(frozen=True)
class Answers:
    """One use case's answers; a question left out counts as "no" or "none"."""

    practices: tuple[str, ...] = ()
    annex_i_safety_component: bool = False
    annex_iii: tuple[str, ...] = ()
    narrow_exception: bool = False
    profiling: bool = False
    transparency: tuple[str, ...] = ()
    public_body_or_public_service: bool = False


@dataclass(frozen=True)
class Duty:
    """A transparency duty that applies, and who carries it."""

    id: str
    article: str
    who: str
    text: str


@dataclass(frozen=True)
class Triage:
    """What the triage found for one use case.

    ``to_dict`` gives the JSON of ``kit triage``; the other attributes carry
    what a page shows: the reasons, the obligations with their articles and
    dates, the transparency duties, the dates with their caveats.
    """

    tier: str
    tier_label: str
    transparency_duties: tuple[str, ...]
    fria_required: bool
    articles: tuple[str, ...]
    reasons: tuple[str, ...]
    obligations: tuple[tuple[Obligation, AppliesDate], ...]
    duties: tuple[Duty, ...]
    dates: tuple[AppliesDate, ...]
    as_of: datetime.date
    not_legal_advice: str
    explanation: str

    def to_dict(self) -> dict:
        """``{"tier", "transparency_duties", "fria_required", "articles", "explanation"}``, as the issue fixes it."""
        return {"tier": self.tier, "transparency_duties": list(self.transparency_duties),
                "fria_required": self.fria_required, "articles": list(self.articles),
                "explanation": self.explanation}


def _ids(key: str, value, valid: tuple[str, ...]) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise TriageInputError(f"'{key}' must be a list of ids in square brackets, such as [\"{valid[0]}\"], "
                               f"not {value!r}.")
    for item in value:
        if item not in valid:
            raise TriageInputError(f"'{item}' is not an id of '{key}'. Valid ids: {', '.join(valid)}.")
    return tuple(option for option in valid if option in value)  # the file's order, each once


def read_answers(raw, content: AiAct | None = None) -> Answers:
    """Check an answers mapping and return :class:`Answers`.

    Parameters
    ----------
    raw : mapping
        Question id to answer: a list of option ids for ``practices``,
        ``annex_iii`` and ``transparency``; ``true`` or ``false`` for the
        others. Questions left out count as "none" or "no".
    content : AiAct, optional
        The triage content; the kit's own file by default.

    Returns
    -------
    Answers

    Raises
    ------
    TriageInputError
        An unknown question or option id (named, with the valid ones), or an
        answer of the wrong type.
    """
    content = content or ai_act()
    valid = content.valid_ids()
    if not isinstance(raw, Mapping):
        raise TriageInputError("The answers must be one JSON object of question ids and answers, such as "
                               '{"annex_iii": ["employment"], "profiling": true}.')
    found = {}
    for key, value in raw.items():
        if key not in valid:
            raise TriageInputError(f"'{key}' is not a question id. Valid ids: {', '.join(valid)}.")
        if key in CHOICE_QUESTIONS:
            found[key] = _ids(key, value, valid[key])
        elif isinstance(value, bool):
            found[key] = value
        else:
            raise TriageInputError(f"'{key}' must be true or false (without quotes), not {value!r}.")
    return Answers(**found)


def _article_number(article: str) -> str | None:
    match = re.match(r"^(\d+)", article)
    return match[1] if match else None


def _by_number(articles) -> tuple[str, ...]:
    return tuple(sorted({a for a in articles if a}, key=int))


def _day(date: datetime.date) -> str:
    return f"{date.day} {date:%B %Y}"


def triage(answers: Answers | Mapping, content: AiAct | None = None) -> Triage:
    """Triage one use case under the EU AI Act.

    The order is the Act's: a prohibited practice (Article 5) ends the
    triage; otherwise the system is high-risk when it is a safety component of
    an Annex I product (Article 6(1)), or used in an Annex III area unless one
    of the Article 6(3) conditions holds and the system does not profile
    people (profiling overrides the exception); otherwise an Article 50 duty
    gives the transparency tier, and nothing gives minimal. Transparency
    duties are listed with every tier. The fundamental-rights impact
    assessment (Article 27) is required for a high-risk Annex III system
    (never for critical infrastructure) when the area requires it of every
    deployer (credit scoring, life and health insurance) or the deployer is a
    public body or provides a public service.

    Parameters
    ----------
    answers : Answers or mapping
        The use case's answers (a mapping is read with :func:`read_answers`).
    content : AiAct, optional
        The triage content; the kit's own file by default.

    Returns
    -------
    Triage
    """
    content = content or ai_act()
    if not isinstance(answers, Answers):
        answers = read_answers(answers, content)
    annex_iii = content.question("annex_iii")
    areas = [o for o in annex_iii.options if o.id in answers.annex_iii]
    annex_iii_high = bool(areas) and (answers.profiling or not answers.narrow_exception)
    exception = bool(areas) and not annex_iii_high
    if answers.practices:
        tier = "prohibited"
    elif answers.annex_i_safety_component or annex_iii_high:
        tier = "high_risk"
    else:
        tier = "transparency" if answers.transparency else "minimal"
    high = tier == "high_risk"
    fria = high and annex_iii_high and any(
        o.fria == "always" or (o.fria == "public_service" and answers.public_body_or_public_service) for o in areas)
    conditions = {
        "always": True, "prohibited": tier == "prohibited", "high_risk": high, "annex_iii": high and annex_iii_high,
        "workplace": high and annex_iii_high and "employment" in answers.annex_iii,
        "public_body": high and answers.public_body_or_public_service, "fria": fria,
        "exception": tier != "prohibited" and exception,
    }
    # An Annex I system's duties apply from the Annex I date unless Annex III also makes it high-risk.
    route_date = annex_iii.applies_from if annex_iii_high else content.question("annex_i_safety_component").applies_from
    obligations = []
    for obligation in content.obligations:
        if conditions[obligation.when]:
            date_id = route_date if high and obligation.applies_from == annex_iii.applies_from else obligation.applies_from
            obligations.append((obligation, content.date(date_id)))
    transparency = content.question("transparency")
    duties = tuple(Duty(o.id, o.article, o.who, o.duty) for o in transparency.options if o.id in answers.transparency)
    tier_entry = content.tier(tier)
    tier_date = content.date(route_date if high else tier_entry.applies_from)
    reasons = _reasons(answers, content, tier, areas, annex_iii_high, fria)
    articles = [_article_number(tier_entry.article)] + [_article_number(o.article) for o, _ in obligations]
    articles += ["5"] * bool(answers.practices) + ["6"] * bool(areas or answers.annex_i_safety_component)
    articles += [_article_number(d.article) for d in duties]
    dates = {tier_date.id: tier_date} | {d.id: d for _, d in obligations}
    if duties:
        dates.setdefault(transparency.applies_from, content.date(transparency.applies_from))
    shown_dates = tuple(sorted(dates.values(), key=lambda d: (d.date, d.id)))
    result = dict(tier=tier, tier_label=tier_entry.label,
                  transparency_duties=tuple(d.id for d in duties), fria_required=fria,
                  articles=_by_number(articles), reasons=reasons, obligations=tuple(obligations), duties=duties,
                  dates=shown_dates, as_of=content.as_of, not_legal_advice=content.not_legal_advice)
    return Triage(**result, explanation=_explain(result, tier_entry.summary, tier_date))


def _reasons(answers: Answers, content: AiAct, tier: str, areas, annex_iii_high: bool, fria: bool) -> tuple[str, ...]:
    """Why the triage reached its tier and its answer on the impact assessment, one sentence each."""
    options = {o.id: o for q in content.questions for o in q.options}
    reasons = []
    for practice in answers.practices:
        reasons.append(f"Banned practice (Article {options[practice].article}): {options[practice].label}.")
    if answers.annex_i_safety_component:
        reasons.append("It is a safety component of a product under the EU laws in Annex I (Article 6(1)).")
    for area in areas:
        reasons.append(f"It is used in an Annex III area ({area.article}): {area.label}.")
    if areas and answers.narrow_exception and answers.profiling:
        reasons.append("An Article 6(3) condition holds, but the system profiles people, so it stays high-risk.")
    elif areas and not annex_iii_high:
        reasons.append("An Article 6(3) condition holds and it does not profile people, so the Annex III area "
                       "alone does not make it high-risk.")
    if tier == "high_risk" and annex_iii_high:
        if fria:
            why = ("the area requires it of every deployer" if any(a.fria == "always" for a in areas)
                   else "the deployer is a public body or provides a public service")
            reasons.append(f"A fundamental-rights impact assessment is required (Article 27): {why}.")
        elif all(a.fria == "never" for a in areas):
            reasons.append("No fundamental-rights impact assessment: Article 27 leaves out critical infrastructure.")
        else:
            reasons.append("No fundamental-rights impact assessment: Article 27 asks it of public bodies, providers "
                           "of public services, and deployers of credit-scoring or life and health insurance systems.")
    return tuple(reasons)


def _explain(result: dict, summary: str, tier_date: AppliesDate) -> str:
    """One paragraph in plain words: tier, reasons, duties with articles and dates, the caveats."""
    parts = [f"{result['tier_label']}: {summary}", *result["reasons"]]
    parts.append(f"The rules for this tier apply from {_day(tier_date.date)}.")
    for obligation, date in result["obligations"]:
        parts.append(f"{obligation.title} (Article {obligation.article}, from {_day(date.date)}): {obligation.text}")
    for duty in result["duties"]:
        parts.append(f"Transparency duty of the {duty.who} (Article {duty.article}): {duty.text}")
    parts += [date.note for date in result["dates"] if date.note]
    parts.append(f"Dates and rules as of {_day(result['as_of'])}. {result['not_legal_advice']}")
    return " ".join(" ".join(part.split()) for part in parts)


def format_triage(result: Triage) -> str:
    """The triage as plain text for a terminal: tier, reasons, duties, dates and the caveats."""
    lines = [f"EU AI Act triage - tier: {result.tier_label} ({result.tier})", ""]
    lines += ["Why:"] + [f"  - {reason}" for reason in result.reasons or ("No answer places it in a higher tier.",)]
    lines += ["", "What you must do as the deployer:"]
    for obligation, date in result.obligations:
        lines.append(f"  - Article {obligation.article}, from {_day(date.date)}: {obligation.title}. {obligation.text}")
    if result.duties:
        lines += ["", "Transparency duties (Article 50):"]
        lines += [f"  - {duty.id} (Article {duty.article}, {duty.who}): {duty.text}" for duty in result.duties]
    lines += ["", f"Fundamental-rights impact assessment (Article 27): "
                  f"{'required' if result.fria_required else 'not required'}", "", "Dates:"]
    for date in result.dates:
        lines.append(f"  - {_day(date.date)}: {date.covers}")
        if date.note:
            lines.append(f"    Note: {' '.join(date.note.split())}")
    lines += ["", f"Articles: {', '.join(result.articles)}",
              f"As of {_day(result.as_of)}. {' '.join(result.not_legal_advice.split())}"]
    return "\n".join(lines) + "\n"
