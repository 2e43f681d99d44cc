"""The room's self-check answers: counts per option of every quiz question, and the knowledge check before and after.

A question's figures appear once :data:`MIN_ANSWERS` attendees have answered
it; right answers are judged by :func:`kit.workshop.grade`, as the attendee's
own quiz judges them.
"""

from __future__ import annotations

from typing import Any

from kit.room._aggregates import WAITING, Panel, Table, percent, plural, waiting
from kit.room._contributions import MIN_ANSWERS
from kit.workshop import Question, grade, lesson, load_quiz, parts

RIGHT = "right answer"
_HEADER = ("Question", "Option", "Right answer?", "Chosen by", "Share of those who answered (%)")


def _answers(values: dict[str, Any], question_key: str) -> list[frozenset[int]]:
    found = []
    for value in values.values():
        chosen = (value.get("answers") or {}).get(question_key) if isinstance(value, dict) else None
        if chosen:
            found.append(frozenset(chosen))
    return found


def question_counts(question: Question, answers: list[frozenset[int]]) -> dict:
    """How the room answered one question: answered, right, and the count of every option."""
    return {"question": question.question, "answered": len(answers),
            "right": sum(grade(question, chosen).correct for chosen in answers),
            "options": [{"text": option.text, "correct": option.correct,
                         "count": sum(i in chosen for chosen in answers)} for i, option in enumerate(question.options)]}


def quiz_panel(stem: str, values: dict[str, Any]) -> Panel:
    """Lesson ``stem``'s quiz: each question's answer counts, the right option marked.

    Parameters
    ----------
    stem : str
        The quiz's name (the lesson's file name without ``.ipynb``).
    values : dict
        Participant → their reduced ``quiz.<stem>`` contribution.
    """
    owner = lesson(stem)
    title = f"Self-check quiz, {owner.label}"
    panel_id = f"{parts.QUIZZES.key}{stem}"
    if len(values) < MIN_ANSWERS:
        return waiting(panel_id, owner.id, title, len(values))
    rows, questions, alt = [], [], []
    for number, question in enumerate(load_quiz(stem), start=1):
        answers = _answers(values, question.id)
        if len(answers) < MIN_ANSWERS:
            rows.append((f"{number}. {question.question}", "", "", WAITING, ""))
            questions.append({"id": question.id, "question": question.question, "answered": None})
            continue
        counts = question_counts(question, answers)
        questions.append({"id": question.id, **counts})
        heading = f"{number}. {question.question} ({counts['right']} of {counts['answered']} right)"
        for option in counts["options"]:
            rows.append((heading, option["text"], RIGHT if option["correct"] else "", option["count"],
                         percent(option["count"], counts["answered"])))
        alt.append(f"question {number}: {percent(counts['right'], counts['answered'])}% right "
                   f"({counts['right']} of {counts['answered']})")
    answered = [q for q in questions if q["answered"] is not None]
    lines = (f"{plural(len(values), 'attendee')} answered this quiz; {len(answered)} of {len(questions)} questions "
             f"have {MIN_ANSWERS} answers or more.",)
    alt_text = ("Bar chart of the share of the room answering each question right: " + "; ".join(alt) + "."
                if alt else "")
    return Panel(panel_id, owner.id, title, len(values), lines, (Table(title, _HEADER, tuple(rows)),),
                 "quiz" if answered else "", {"questions": questions}, alt_text)


def _check_side(questions, values: dict[str, Any]) -> list[dict | None]:
    side = []
    for item in questions:
        answers = _answers(values, item.key)
        side.append(question_counts(item.question, answers) if len(answers) >= MIN_ANSWERS else None)
    return side


def _cells(counts: dict | None) -> tuple:
    if counts is None:
        return WAITING, ""
    return f"{counts['right']} of {counts['answered']}", percent(counts["right"], counts["answered"])


def check_panels(before: dict[str, Any], after: dict[str, Any]) -> tuple[Panel, Panel]:
    """The knowledge check: the start's answers (its lesson's panel) and the start against the end (the capstone's).

    Parameters
    ----------
    before, after : dict
        Participant → their reduced ``check.before`` / ``check.after`` contribution.
    """
    from kit.delivery import check_questions

    questions = check_questions()
    start_lesson, end_lesson = parts.BEFORE_CHECK.lesson, parts.AFTER_CHECK.lesson
    first_title = "Knowledge check at the start"
    both_title = "Knowledge check: the start and the end"
    start = _check_side(questions, before) if len(before) >= MIN_ANSWERS else None
    end = _check_side(questions, after) if len(after) >= MIN_ANSWERS else None
    if start is None:
        first = waiting(f"{parts.BEFORE_CHECK.key}", start_lesson, first_title, len(before))
    else:
        rows = tuple((n, item.question.question, *_cells(counts))
                     for n, (item, counts) in enumerate(zip(questions, start), start=1))
        first = Panel(parts.BEFORE_CHECK.key, start_lesson, first_title, len(before),
                      (f"{plural(len(before), 'attendee')} answered the check at the start.",),
                      (Table(first_title, ("No.", "Question", "Right at the start", "%"), rows),),
                      data={"before": start})
    if start is None and end is None:
        both = waiting(f"{parts.AFTER_CHECK.key}", end_lesson, both_title, max(len(before), len(after)))
        return first, both
    start = start or [None] * len(questions)
    end = end or [None] * len(questions)
    rows = tuple((n, item.question.question, *_cells(a), *_cells(b))
                 for n, (item, a, b) in enumerate(zip(questions, start, end), start=1))
    alt = "; ".join(f"question {n}: " + ", ".join(f"{when} {percent(c['right'], c['answered'])}% right"
                                                  for when, c in (("start", a), ("end", b)) if c)
                    for n, (a, b) in enumerate(zip(start, end), start=1) if a or b)
    lines = (f"{plural(len(before), 'attendee')} answered at the start and {len(after)} at the end; "
             "each column counts those who answered that question then.",)
    table = Table(both_title, ("No.", "Question", "Right at the start", "% at the start", "Right at the end",
                               "% at the end"), rows)
    both = Panel(parts.AFTER_CHECK.key, end_lesson, both_title, max(len(before), len(after)), lines, (table,),
                 "check", {"before": start, "after": end},
                 f"Paired bar chart of the share of the room right on each question, at the start and at the end: "
                 f"{alt}.")
    return first, both
