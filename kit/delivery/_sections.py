"""Sections of the action plan for the knowledge check and the evaluation (see :mod:`kit.workshop.parts`).

Each returns None when the saved value holds nothing to show.
"""

from __future__ import annotations

from kit.delivery._knowledge_check import change_summary
from kit.documents import Section


def before_check_section(saved: dict) -> Section | None:
    """The score of the check at the start of the workshop."""
    change = change_summary(saved.get("answers"), None)
    if change.before is None:
        return None
    return Section("Knowledge check at the start",
                   paragraphs=[f"Before the workshop {change.before} of {change.total} right."])


def after_check_section(saved: dict) -> Section | None:
    """The change between the start and the end, in words and per question, as the attendee saw it."""
    change = change_summary(saved.get("before"), saved.get("answers"))
    if not change.answered_now:
        return None
    return Section("Knowledge check: before and after the workshop", paragraphs=[change.words()],
                   table=change.table())


def _rating(value: int | None) -> str:
    return "not given" if value is None else f"{value} of 5"


def evaluation_section(saved: dict) -> Section | None:
    """The first step the attendee will take, and how they rated the workshop."""
    first, improve = (" ".join(str(saved.get(name) or "").split()) for name in ("first_step", "improve"))
    relevance, confidence = saved.get("relevance"), saved.get("confidence")
    if not (first or improve) and relevance is None and confidence is None:
        return None
    bullets = [f"Relevance of the workshop to our work: {_rating(relevance)}",
               f"Confidence to act on what we learned: {_rating(confidence)}"]
    if improve:
        bullets.append(f"What would improve the workshop: {improve}")
    return Section("Our first step, and feedback on the workshop",
                   paragraphs=[f"The first thing we will do: {first}"] if first else [], bullets=bullets)
