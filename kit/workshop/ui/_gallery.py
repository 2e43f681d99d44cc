"""The start page's gallery of lessons and its timed agenda, as HTML."""

from __future__ import annotations

from kit.workshop._agenda import agenda, agenda_format
from kit.workshop._lessons import Lesson, lessons
from kit.toolkit import escape


def _card(lesson: Lesson) -> str:
    minutes = f"{lesson.minutes} min teaching, {lesson.exercise_minutes} min hands-on"
    if lesson.available:
        link = f'<a href="{escape(lesson.file)}">Open lesson {escape(lesson.number)}</a>'
        css = "kit-card"
    else:
        link = '<span class="kit-meta">Coming in a later release of the kit</span>'
        css = "kit-card kit-soon"
    return (
        f'<li class="{css}"><h3>{escape(lesson.number)} · {escape(lesson.title)}</h3>'
        f'<div class="kit-meta">{escape(lesson.stage)} · {escape(minutes)}</div>'
        f"<p>{escape(lesson.summary)}</p><p><strong>App:</strong> {escape(lesson.app)}</p>{link}</li>"
    )


def gallery_html(skip: tuple[str, ...] = ("start",)) -> str:
    """Cards for every lesson but those whose ids are in ``skip`` (link when written, a plain note when not)."""
    cards = "".join(_card(lesson) for lesson in lessons() if lesson.id not in skip)
    return f'<nav aria-label="Lessons"><ul class="kit-cards" style="list-style:none;padding:0">{cards}</ul></nav>'


def agenda_html(name: str) -> str:
    """One workshop format: who it is for, why these lessons, and a table of clock times."""
    slots, chosen = agenda(name), agenda_format(name)
    days = len({slot.day for slot in slots})
    head = ("<th scope='col'>Day</th>" if days > 1 else "") + (
        "<th scope='col'>Start</th><th scope='col'>End</th><th scope='col'>Session</th>"
    )
    rows = "".join(
        "<tr>" + (f"<td>{slot.day}</td>" if days > 1 else "")
        + f"<td>{slot.start}</td><td>{slot.end}</td><td>{escape(slot.what)}</td></tr>"
        for slot in slots
    )
    return (f'<section class="kit-agenda" aria-label="{escape(name)}"><h3>{escape(name)}</h3>'
            f'<p><strong>For:</strong> {escape(chosen.audience)}. {escape(chosen.why)}</p>'
            f'<table class="kit-table"><caption>{escape(name)}: clock times</caption><thead><tr>{head}</tr></thead>'
            f'<tbody>{rows}</tbody></table></section>')
