"""Drafting the policy: the attendee's answers + the templates -> one plain-language document.

Unanswered questions do not stop the draft. Each gap shows in the text as
``[to decide: who is accountable for AI]`` and is listed, by question, in a
"Decisions still open" section and in :func:`open_message`, so a team can
print the draft and settle the gaps in a meeting. (Refusing to draft until
every box is filled would hide the shape of the policy from the people who
have to agree it.)
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from typing import Iterable, Mapping

from kit.documents import Document, Section
from kit.governance._policy_placeholders import MAX_ANSWER, clean_answer, filler
from kit.governance._policy_templates import FramePart, PolicyArea, PolicyQuestion, areas, frame, questions


def _short() -> dict[str, str]:
    return {q.id: q.short for q in questions()}


def normalise_answers(raw: Mapping | None, limit: int | None = MAX_ANSWER) -> dict[str, str]:
    """Keep the answers to known questions, cleaned; a choice must be one of its options.

    Saved answers outlive edits to the questions file: an answer to a question
    that was removed, or a choice no longer offered, is dropped (and so shows
    as still to decide) instead of breaking the draft. Answers are cut to
    ``limit`` characters (``None``: kept whole, as the workspace stores them).
    """
    raw = raw or {}
    answers = {}
    for question in questions():
        value = clean_answer(raw.get(question.id), limit)
        if value and (question.kind != "choice" or value in question.options):
            answers[question.id] = value
    return answers


def open_questions(answers: Mapping[str, str]) -> list[PolicyQuestion]:
    """The questions not answered yet, in the order they are asked."""
    answers = normalise_answers(answers)
    return [q for q in questions() if q.id not in answers]


def too_long(answers: Mapping[str, str] | None) -> list[PolicyQuestion]:
    """The questions whose answer is longer than the draft takes (:data:`MAX_ANSWER` characters)."""
    whole = normalise_answers(answers, limit=None)
    return [q for q in questions() if len(whole.get(q.id, "")) > MAX_ANSWER]


def open_message(answers: Mapping[str, str]) -> str:
    """A plain sentence naming the unanswered questions, or saying the draft is complete."""
    missing = open_questions(answers)
    if not missing:
        return " ".join(["Every question is answered: the draft has no gaps left.", *_long_lines(answers)])
    names = "; ".join(q.short for q in missing)
    count = "1 question is" if len(missing) == 1 else f"{len(missing)} of {len(questions())} questions are"
    message = (f"{count} still open, marked [to decide: ...] in the draft: {names}. "
               "You can download the draft as it is and settle the gaps with your team.")
    return message + "".join(f" {line}" for line in _long_lines(answers))


def _long_lines(answers: Mapping[str, str]) -> list[str]:
    return [f"Your answer to “{q.question}” is longer than {MAX_ANSWER} characters, so the draft shows the "
            "first part only; shorten it to keep every word." for q in too_long(answers)]


def choose_areas(area_ids: Iterable[str] | None) -> list[PolicyArea]:
    """The areas to include, in policy order; ``None`` means all of them.

    Raises
    ------
    ValueError
        When no known area is chosen, with the fix.
    """
    everything = areas()
    if area_ids is None:
        return list(everything)
    wanted = set(area_ids)
    chosen = [area for area in everything if area.id in wanted]
    if not chosen:
        raise ValueError("Tick at least one policy area to include in the draft.")
    return chosen


def draft_policy(answers: Mapping[str, str] | None, area_ids: Iterable[str] | None = None,
                 generated: date | None = None) -> Document:
    """Draft the policy from the answers and the chosen areas.

    Parameters
    ----------
    answers : mapping
        Question id to answer, as typed; cleaned here.
    area_ids : iterable of str, optional
        Ids (template file names) of the areas to include; all when omitted.
    generated : date, optional
        The date printed on the document; today when omitted.

    Returns
    -------
    kit.documents._export.Document
        Ready for :func:`kit.documents._export.to_markdown`, ``to_html`` or ``to_docx``,
        which escape the text for each format.
    """
    answers = normalise_answers(answers)
    fill = filler(answers, _short())
    outline = frame()

    def section(part: FramePart, bullets: list[str] | None = None) -> Section:
        return Section(fill(part.heading), [fill(p) for p in part.paragraphs], bullets or [])

    sections = [section(outline.introduction)]
    sections += [Section(fill(area.title), [fill(area.purpose)], [fill(rule) for rule in area.rules])
                 for area in choose_areas(area_ids)]
    missing = open_questions(answers)
    if missing:
        sections.append(section(outline.open_questions, [f"{q.question} (to decide: {q.short})" for q in missing]))
    sections.append(section(outline.closing))
    return Document(title=fill(outline.title), subtitle=fill(outline.subtitle), sections=sections,
                    generated=generated or date.today())


def policy_filename(answers: Mapping[str, str] | None, extension: str = "") -> str:
    """A safe file name such as ``ai-policy-acme-co.docx`` (ASCII letters, digits and dashes).

    Without an extension, the name without one (``ai-policy-acme-co``).
    """
    name = normalise_answers(answers).get("organisation", "")
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    slug = re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:40].strip("-")
    return f"ai-policy{'-' + slug if slug else ''}{'.' + extension if extension else ''}"


def saved_value(answers: Mapping[str, str] | None, area_ids: Iterable[str] | None) -> dict:
    """What the app saves under ``policy.answers``: the cleaned answers and the chosen area ids."""
    chosen = [area.id for area in areas()] if area_ids is None else [a.id for a in areas() if a.id in set(area_ids)]
    return {"answers": normalise_answers(answers, limit=None), "areas": chosen}


def _saved_areas(saved: Mapping) -> list[str] | None:
    """The saved area ids, or ``None`` (all areas) when none of them exists any more."""
    chosen = saved.get("areas")
    if chosen is not None and not {area.id for area in areas()} & set(chosen):
        return None
    return chosen


def draft_from_saved(saved: Mapping | None, generated: date | None = None) -> Document:
    """The full policy drafted from a saved ``policy.answers`` value (all areas if none saved)."""
    saved = saved or {}
    return draft_policy(saved.get("answers"), _saved_areas(saved), generated)


def policy_section(saved: Mapping | None) -> Section | None:
    """One section summarising the saved policy draft, for the action plan; None while nothing is answered.

    It names the areas covered, who is accountable, the review cycle and the
    decisions still open; the full text is :func:`draft_from_saved`.
    """
    if not saved or not saved.get("answers"):
        return None
    answers = normalise_answers(saved.get("answers"))
    fill = filler(answers, _short())
    included = [area.title for area in choose_areas(_saved_areas(saved))]
    paragraphs = [f"{fill(frame().title)}: a draft covering {len(included)} policy areas.",
                  fill("Accountable for AI: {{ accountable }}. Approved by {{ approver }}. "
                       "Reviewed {{ review_frequency }}.")]
    missing = open_questions(answers)
    if missing:
        paragraphs.append("Still to decide: " + "; ".join(q.short for q in missing) + ".")
    return Section("AI policy", paragraphs, included)


def notes_section(saved: str | None) -> Section | None:
    """The policy discussion notes as a section of the action plan; None when no note is saved."""
    paragraphs = [clean_answer(line, limit=None) for line in str(saved or "").splitlines()]
    paragraphs = [p for p in paragraphs if p]
    return Section("Notes on policies and governance", paragraphs) if paragraphs else None
