"""The parts of a lesson page drawn from the registry and the facilitator notes: its heading and its discussion."""

from __future__ import annotations

from IPython.display import HTML

from kit.documents import escape, inline_markdown
from kit.workshop._facilitator import lesson_notes
from kit.workshop._lessons import lesson, lessons


def lesson_header_html(lesson_id: str) -> str:
    """The lesson's title with its number (its place in ``lessons.yaml``), its stage and its minutes.

    A ``div``, not a ``header``: inside the page's main landmark a ``header``
    would be read as a second banner (axe: landmark-banner-is-top-level).
    """
    item = lesson(lesson_id)
    first = item.id == lessons()[0].id
    title = item.title if first else f"{item.number} · {item.title}"
    meta = (f"{item.stage} · {item.minutes} minutes of teaching, {item.exercise_minutes} minutes hands-on"
            + ("" if first else f" · lesson {int(item.number)} of {len(lessons()) - 1}"))
    return (f'<div class="kit-lesson-header"><h1 style="color:#1d4f91;margin:0.2em 0">{escape(title)}</h1>'
            f'<p style="color:#3d4451;margin:0">{escape(meta)}</p></div>')


def lesson_header(lesson_id: str) -> HTML:
    """:func:`lesson_header_html`, for the first cell of a lesson."""
    return HTML(lesson_header_html(lesson_id))


def discussion_html(lesson_id: str) -> str:
    """The lesson's discussion prompts, each with a model answer folded away for those studying alone."""
    notes = lesson_notes(lesson(lesson_id))
    if notes is None:
        return ""
    items = "".join(
        f"<li><p>{inline_markdown(prompt.prompt)}</p><details><summary>One way to answer (open it after you have "
        f"talked it through)</summary><p>{escape(prompt.model_answer)}</p></details></li>"
        for prompt in notes.discuss)
    return f'<ol class="kit-discussion">{items}</ol>'


def discussion(lesson_id: str) -> HTML:
    """:func:`discussion_html`, for the lesson's Discuss section."""
    return HTML(discussion_html(lesson_id))
