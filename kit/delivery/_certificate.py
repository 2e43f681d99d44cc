"""The certificate of attendance: the attendee's name, the date, the organiser and the lessons they worked through.

The lessons are read from the attendee's saved work, never typed: a lesson
counts when any part it makes (:data:`kit.workshop.parts.ALL`) holds work. With
none, the certificate states only that they attended on that date. The name is
escaped and wraps, so no name can add markup or push the certificate onto a
second page.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import date
from typing import Any

from pydantic import Field

from kit.delivery._pdf import page, pdf_bytes
from kit.documents import escape
from kit.workshop import Lesson, SavedWorkError, Workspace, lesson, lessons, parts, read_part
from kit.workshop.content import ContentError, ContentModel, load_valid

#: The environment variable a trainer sets to name the organiser; it wins over ``event.yaml``.
ORGANISER_VARIABLE = "KIT_ORGANISER"
#: The longest name the certificate takes: longer still could not fit one page.
MAX_NAME = 300
_NAME_PT, _SMALLEST_PT, _FITS_AT_FULL_SIZE = 30, 12, 36  # the name's type size falls as it grows


class Event(ContentModel):
    """``kit/content/event.yaml``: the workshop as the certificate names it."""

    organiser: str | None = Field(None, description="the organisation running the workshop, such as Riverside "
                                                    "Council Learning Team, or nothing for a neutral wording")
    workshop: str = Field("Ethical AI Leadership workshop", min_length=1,
                          description="the workshop's name, such as Ethical AI Leadership workshop")


def event() -> Event:
    """The workshop's details from ``event.yaml`` (a broken edit is named with its fix)."""
    return load_valid("event", Event)


def organiser_name() -> str:
    """The organiser as the trainer set it: ``KIT_ORGANISER``, else ``event.yaml``, else "" (no organiser named)."""
    return " ".join((os.environ.get(ORGANISER_VARIABLE) or event().organiser or "").split())


def _holds_work(value: Any) -> bool:
    """Whether a saved value holds anything the attendee did: a non-blank text, a number, a choice."""
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, dict):
        return any(_holds_work(item) for item in value.values())
    if isinstance(value, (list, tuple)):
        return any(_holds_work(item) for item in value)
    return value is not None


def _saved(workspace: Workspace, part) -> dict[str, Any]:
    """``{key: value}`` of one part; a value the kit cannot read still counts, as it was saved."""
    try:
        value = read_part(workspace, part)
    except SavedWorkError:
        return {key: workspace.load_item(key).value for key in part.keys_in(workspace.keys())}
    return dict(value or {}) if part.family else {part.key: value}


def _lesson_of(part, key: str) -> str:
    """The lesson a key belongs to: a family key names its lesson (``quiz.03_bias_in_hiring``)."""
    if part.family:
        try:
            return lesson(key.removeprefix(part.key)).id
        except ContentError:
            pass
    return part.lesson


def lessons_done(workspace: Workspace | None) -> list[Lesson]:
    """The lessons in which ``workspace`` holds saved work, in teaching order (none without a workspace)."""
    if workspace is None:
        return []
    done = {_lesson_of(part, key) for part in parts.ALL
            for key, value in _saved(workspace, part).items() if _holds_work(value)}
    return [item for item in lessons() if item.id in done]


def clean_name(name: str) -> str:
    """The name as it goes on the certificate (spaces tidied); a plain ValueError if empty or too long."""
    cleaned = " ".join(str(name or "").split())
    if not cleaned:
        raise ValueError("Type your name as you want it on the certificate; the box is empty.")
    if len(cleaned) > MAX_NAME:
        raise ValueError(f"A name on the certificate can be up to {MAX_NAME} characters; this one has "
                         f"{len(cleaned)}. Shorten it, then make the certificate again.")
    return cleaned


def long_date(day: date) -> str:
    """``4 December 2025``: the same in every locale."""
    months = ("January February March April May June July August September October November December").split()
    return f"{day.day} {months[day.month - 1]} {day.year}"


def name_size(name: str) -> float:
    """The name's type size in points: full size up to a short line, then smaller so a long name stays on the page."""
    size = _NAME_PT * (_FITS_AT_FULL_SIZE / max(len(name), _FITS_AT_FULL_SIZE)) ** 0.5
    return round(max(size, _SMALLEST_PT), 1)


CERTIFICATE_CSS = """
@page { size: A4 landscape; margin: 12mm; @bottom-center { content: none; } }
body { margin: 0; }
.certificate { border: 4pt double #1d4f91; padding: 14mm 16mm 10mm; min-height: 176mm; box-sizing: border-box;
               text-align: center; }
.day { white-space: nowrap; }
.kicker { font-size: 13pt; letter-spacing: 0.2em; text-transform: uppercase; color: #3d4451; margin: 4mm 0 2mm; }
.certificate h1 { font-size: 24pt; margin: 0 0 8mm; }
.name { font-weight: bold; color: #1a1a1a; margin: 2mm 0 4mm; line-height: 1.25;
        overflow-wrap: anywhere; word-break: break-word; }
.statement { font-size: 13pt; margin: 2mm 0; }
ul.lessons { columns: 2; column-gap: 10mm; text-align: left; list-style: none; padding: 0; margin: 4mm 12mm;
             font-size: 10.5pt; }
ul.lessons li { break-inside: avoid; margin: 0 0 1.5mm; }
.signature { margin: 10mm auto 0; width: 90mm; border-top: 0.75pt solid #1a1a1a; padding-top: 1.5mm;
             font-size: 9.5pt; color: #3d4451; }
"""


def certificate_html(name: str, organiser: str, day: date, lessons: Sequence[Lesson]) -> str:
    """The certificate as one printable HTML page (A4 landscape), every value escaped.

    Parameters
    ----------
    name : the attendee's name as they typed it; refused with a plain message if empty.
    organiser : the organisation running the workshop ("" names none: see :func:`organiser_name`).
    day : the date of attendance.
    lessons : the lessons worked through (:func:`lessons_done`); none lists none and claims none.
    """
    name, organiser = clean_name(name), " ".join(str(organiser or "").split())
    workshop = event().workshop
    run_by = f" run by {escape(organiser)}" if organiser else ""
    attended = f'attended the {escape(workshop)}{run_by} on <span class="day">{escape(long_date(day))}</span>'
    if lessons:
        items = "".join(f"<li>{escape(item.number)} · {escape(item.title)}</li>" for item in lessons)
        worked = (f'<p class="statement">{attended}, and worked through these lessons:</p>'
                  f'<ul class="lessons">{items}</ul>')
    else:
        worked = f'<p class="statement">{attended}.</p>'
    body = (f'<main class="certificate"><p class="kicker">Certificate of attendance</p>'
            f"<h1>{escape(workshop)}</h1><p class=\"statement\">This certifies that</p>"
            f'<p class="name" style="font-size:{name_size(name)}pt">{escape(name)}</p>{worked}'
            f'<p class="signature">{escape("Signed for " + organiser if organiser else "Signature of the trainer")}'
            "</p></main>")
    return page(f"Certificate of attendance: {name}", body, CERTIFICATE_CSS)


def certificate_pdf(name: str, organiser: str, day: date, lessons: Sequence[Lesson]) -> bytes:
    """The certificate as a one-page PDF; raises :class:`kit.delivery.PdfUnavailable` without WeasyPrint."""
    return pdf_bytes(certificate_html(name, organiser, day, lessons))
