"""The slides of an agenda as one HTML page that prints to a 16:9 PDF: a deck to project when the network fails.

For each agenda: a title slide, the timetable, then for each lesson a section
slide, its objectives, its key ideas, its charts and its discussion prompts, with
a slide for every break. Everything is read from the kit's one source of each
fact (:mod:`kit.delivery._sources`), the charts from the apps' own functions
(:mod:`._slide_charts`), and every text is escaped.

A slide never overflows: text too long for one slide is spread over several
("Key ideas (1 of 2)") by an estimate of the lines it needs, and a chart whose
description does not fit beside it is followed by a slide that says it in words.
The tests check that the PDF has exactly one page per slide.
"""

from __future__ import annotations

import math
import re
import textwrap
from dataclasses import dataclass
from typing import Sequence

from kit.delivery._pdf import page
from kit.delivery._sources import LessonSheet, agenda_slots, agenda_summary, lesson_sheets
from kit.delivery.handouts._paper import inline
from kit.delivery.handouts._slide_charts import SlideChart, lesson_charts
from kit.documents import escape
from kit.workshop import Slot

#: Millimetres per point.
PT = 25.4 / 72
#: The slide: a 16:9 page 254 mm wide (10 inches), and its margins (top, right, bottom, left) in mm.
WIDTH, HEIGHT, MARGINS = 254.0, 142.875, (9.0, 13.0, 14.0, 13.0)
#: The width and height left for a slide's content, in mm.
BOX_W, BOX_H = WIDTH - MARGINS[1] - MARGINS[3], HEIGHT - MARGINS[0] - MARGINS[2]
#: Type sizes in points: body text at least 20pt, so the back of the room can read it.
BODY, WORDS, HEADING, KICKER = 22, 20, 30, 14
#: Line height, and the average width of a character of DejaVu Sans in em (0.505 in the kit's texts; 5% spare),
#: and of DejaVu Sans Bold in the headings.
LEADING, CHAR_EM, BOLD_EM = 1.3, 0.53, 0.62
#: Height left for the body of a text slide under a kicker of one line and its heading, in mm.
TEXT_H = BOX_H - (KICKER * 1.25 + 2 + HEADING * 1.2 + 5) * PT - 4
#: A chart slide's heading size; the caption sizes tried, largest first (a description fitting none gets a
#: slide of its own, in :data:`WORDS` points), and the widths tried for a caption column beside the chart (mm).
CHART_HEADING, CAPTION_SIZES, CAPTION_COLUMNS = 22, (18, 16), (70.0, 85.0, 100.0)
#: The gap between a chart and its caption, the smallest chart worth drawing, and the note pointing to the words.
GAP, MIN_FIGURE_AREA, MIN_FIGURE_H, NOTE, NOTE_W = 6.0, 110.0 * 60.0, 55.0, 16, 45.0
#: The timetable's type size, and the width of its column of clock times (mm).
TIMETABLE, TIME_W = 20, 44.0

CSS = f"""
@page {{ size: {WIDTH}mm {HEIGHT}mm; margin: {MARGINS[0]}mm {MARGINS[1]}mm {MARGINS[2]}mm {MARGINS[3]}mm;
        @bottom-left {{ content: string(doc-title); font-size: 12pt; color: #3d4451; vertical-align: middle; }}
        @bottom-center {{ content: none; }}
        @bottom-right {{ content: "slide " counter(page) " of " counter(pages); font-size: 12pt; color: #3d4451;
                        vertical-align: middle; }} }}
@page dark {{ background: #12325c;
             @bottom-left {{ color: #ffffff; }} @bottom-right {{ color: #ffffff; }} }}
html {{ font-size: {BODY}pt; line-height: {LEADING}; color: #111111; font-variant-ligatures: none; }}
.slide {{ break-before: page; }}
.slide:first-child {{ break-before: auto; }}
.dark {{ page: dark; color: #ffffff; padding-top: 16mm; }}
.kicker {{ font-size: {KICKER}pt; line-height: 1.25; color: #3d4451; margin: 0 0 2mm; font-weight: bold; }}
.dark .kicker {{ color: #ffffff; font-size: 18pt; }}
h1 {{ font-size: 40pt; line-height: 1.15; color: #ffffff; margin: 0 0 6mm; }}
h2 {{ font-size: {HEADING}pt; line-height: 1.2; color: #12325c; border: none; margin: 0 0 5mm; padding: 0; }}
.dark h2 {{ color: #ffffff; font-size: 38pt; }}
.chart h2, .words h2 {{ font-size: {CHART_HEADING}pt; line-height: 1.15; margin-bottom: 3mm; }}
.dark p {{ font-size: 24pt; margin: 0 0 3mm; }}
ul, ol {{ margin: 0; padding-left: 9mm; }}
li {{ margin: 0 0 0.35em; }}
.lead {{ margin: 0 0 3mm; }}
code {{ font-family: "DejaVu Sans Mono", monospace; font-size: 0.9em; }}
.words p {{ font-size: {WORDS}pt; margin: 0 0 2.5mm; }}
table.timetable {{ font-size: {TIMETABLE}pt; line-height: 1.2; width: 100%; margin: 0; table-layout: fixed; }}
table.timetable th.time {{ width: {TIME_W}mm; }}
table.timetable td:first-child {{ white-space: nowrap; }}
table.timetable th, table.timetable td {{ border: 0.75pt solid #5b6475; padding: 1.6mm 3mm; }}
table.timetable th {{ background: #dfe7f3; color: #111111; }}
table.timetable tr.pause td {{ background: #f1f1f1; font-style: italic; }}
figure.slide-figure {{ margin: 0; }}
figure.slide-figure.side {{ display: flex; align-items: flex-start; gap: {GAP}mm; }}
figure.slide-figure img {{ display: block; flex: none; }}
figure.slide-figure.below img {{ margin: 0 auto 3mm; }}
figure.slide-figure figcaption {{ color: #111111; line-height: 1.3; flex: 1; font-size: 16pt; }}
"""


def _e(value: object) -> str:
    return escape(value)


def _lines(text: str, size: float, width: float, em: float = CHAR_EM) -> int:
    """How many lines ``text`` needs at ``size`` points in ``width`` mm (an estimate on the safe side)."""
    per_line = max(8, int(width / (size * PT * em)))
    return max(1, len(textwrap.wrap(text, per_line)))


def _fits(items: Sequence[str], size: float, width: float, height: float, gap: float = 0.35) -> bool:
    """Whether the paragraphs ``items`` fit a box, each followed by ``gap`` em of space."""
    line = size * LEADING * PT
    return sum(_lines(item, size, width) * line + gap * size * PT for item in items) <= height


def _pages(items: Sequence[str], size: float, width: float, height: float) -> list[list[str]]:
    """``items`` in order, spread over as few boxes as they fit (an item too long for a box gets one alone)."""
    pages: list[list[str]] = [[]]
    for item in items:
        if pages[-1] and not _fits(pages[-1] + [item], size, width, height):
            pages.append([])
        pages[-1].append(item)
    return [chunk for chunk in pages if chunk]


def _numbered(title: str, index: int, count: int) -> str:
    return title if count == 1 else f"{title} ({index} of {count})"


def _slide(body: str, kind: str = "text") -> str:
    return f'<section class="slide {kind}">{body}</section>'


def _kicker(text: str) -> str:
    return f'<p class="kicker">{_e(text)}</p>'


def _list_slides(kicker: str, title: str, items: Sequence[str], lead: str = "") -> list[str]:
    """One or more slides listing ``items`` in large type, numbered ``(1 of 2)`` when they spread."""
    height = TEXT_H - (_lines(kicker, KICKER, BOX_W, BOLD_EM) - 1) * KICKER * 1.25 * PT
    height -= _lines(lead, BODY, BOX_W) * BODY * LEADING * PT + 3 if lead else 0
    chunks = _pages(list(items), BODY, BOX_W - 9, height)
    lead_html = f'<p class="lead">{_e(lead)}</p>' if lead else ""
    return [_slide(_kicker(kicker) + f"<h2>{_e(_numbered(title, i, len(chunks)))}</h2>" + lead_html
                   + "<ul>" + "".join(f"<li>{inline(item)}</li>" for item in chunk) + "</ul>")
            for i, chunk in enumerate(chunks, start=1)]


def _label(sheet_or_slot) -> str:
    lesson = sheet_or_slot.lesson
    return f"Lesson {lesson.number} · {lesson.title}"


def _clock(slot: Slot) -> str:
    return f"Day {slot.day} · {slot.start}–{slot.end}"


def _days(slots: Sequence[Slot]) -> list[int]:
    return sorted({slot.day for slot in slots})


def title_slide(agenda_name: str, slots: Sequence[Slot]) -> str:
    """The agenda's name (it also names every slide's footer), who it is for and its hours."""
    audience, _why = agenda_summary(agenda_name)
    days = {day: [slot for slot in slots if slot.day == day] for day in _days(slots)}
    hours = " · ".join((f"Day {day}: " if len(days) > 1 else "") + f"{rows[0].start}–{rows[-1].end}"
                       for day, rows in days.items())
    lessons = sum(slot.lesson is not None for slot in slots)
    return _slide(_kicker("Ethical AI Leadership Kit") + f"<h1>{_e(agenda_name)}</h1>"
                  + f"<p>{_e(audience)}</p><p>{_e(hours)}</p><p>{lessons} lessons</p>", "dark title")


def _row_h(slot: Slot) -> float:
    """The height in mm of a timetable row: its words may take two lines."""
    what = _label(slot) if slot.lesson else _pause(slot)
    return _lines(what, TIMETABLE, BOX_W - TIME_W - 6) * TIMETABLE * 1.2 * PT + 3.2 + 0.3


def _timetable_pages(rows: Sequence[Slot]) -> list[list[Slot]]:
    """The rows of a day over as few slides as they fit, as evenly filled as they fit."""
    room = BOX_H - (HEADING * 1.2 + TIMETABLE * 1.2) * PT - 5 - 3.5 - 4
    greedy: list[list[Slot]] = [[]]
    for row in rows:
        if greedy[-1] and sum(map(_row_h, greedy[-1] + [row])) > room:
            greedy.append([])
        greedy[-1].append(row)
    size = math.ceil(len(rows) / len(greedy))
    even = [list(rows[i:i + size]) for i in range(0, len(rows), size)]
    return even if len(even) == len(greedy) and all(sum(map(_row_h, c)) <= room for c in even) else greedy


def timetable_slides(slots: Sequence[Slot]) -> list[str]:
    """The timetable, a table of clock times with the breaks, a day at a time and split when long."""
    days = _days(slots)
    out = []
    for day in days:
        chunks = _timetable_pages([slot for slot in slots if slot.day == day])
        for index, chunk in enumerate(chunks, start=1):
            title = "Timetable" + (f", day {day}" if len(days) > 1 else "")
            body = "".join(
                (f"<tr><td>{_e(slot.start)}–{_e(slot.end)}</td><td>{_e(_label(slot))}</td></tr>" if slot.lesson else
                 f'<tr class="pause"><td>{_e(slot.start)}–{_e(slot.end)}</td><td>{_e(_pause(slot))}</td></tr>')
                for slot in chunk)
            out.append(_slide(f"<h2>{_e(_numbered(title, index, len(chunks)))}</h2>"
                              '<table class="timetable"><thead><tr><th scope="col" class="time">Time</th>'
                              f'<th scope="col">What</th></tr></thead><tbody>{body}</tbody></table>',
                              "timetable"))
    return out


def _minutes(slot: Slot) -> int:
    start, end = (int(t[:2]) * 60 + int(t[3:]) for t in (slot.start, slot.end))
    return end - start


def _pause(slot: Slot) -> str:
    return f"{slot.what}, {_minutes(slot)} minutes"


def pause_slide(slot: Slot, following: Slot | None) -> str:
    """A break or lunch: how long, when to be back, and what comes next."""
    after = f"<p>Next: {_e(_label(following))}</p>" if following is not None and following.lesson else ""
    return _slide(_kicker(_clock(slot)) + f"<h2>{_e(slot.what)}</h2>"
                  f"<p>{_minutes(slot)} minutes · back at {_e(slot.end)}</p>{after}", "dark pause")


def day_slide(day: int, slot: Slot) -> str:
    """The start of a new day of a longer course."""
    return _slide(_kicker("Ethical AI Leadership Kit") + f"<h2>Day {day}</h2><p>Starts at {_e(slot.start)}</p>",
                  "dark day")


def section_slide(sheet: LessonSheet) -> str:
    """A lesson opens: its number and title, its clock times and minutes, and its app."""
    lesson = sheet.lesson
    return _slide(_kicker(_clock(sheet.slot)) + f"<h2>{_e(_label(sheet))}</h2>"
                  f"<p>{lesson.total_minutes} minutes: {lesson.minutes} teaching, {lesson.exercise_minutes} hands-on</p>"
                  f"<p>App: {_e(lesson.app)}</p>", "dark section")


def _clauses(text: str) -> list[str]:
    """An objectives sentence (``a; b; c.``) as its parts, each one a bullet."""
    parts = [part.strip().rstrip(".") for part in text.split(";")]
    return [part[:1].upper() + part[1:] for part in parts if part]


def _paragraphs(pieces: Sequence[str]) -> list[str]:
    """Clauses back into sentences: the pieces of one sentence (split at ``;``) share a paragraph."""
    paragraphs, current = [], []
    for piece in pieces:
        current.append(piece)
        if piece.endswith("."):
            paragraphs.append(" ".join(current))
            current = []
    return paragraphs + ([" ".join(current)] if current else [])


def _words_slides(chart: SlideChart) -> list[str]:
    """A chart's description on slides of its own, a sentence a paragraph, a long sentence split at ``;``."""
    pieces = [piece for piece in re.split(r"(?<=[.;])\s+", chart.alt.strip()) if piece]
    title = "The chart in words"
    height = BOX_H - _head_h(chart.title, f"{title} (1 of 2)") - 3
    chunks: list[list[str]] = [[]]
    for piece in pieces:
        if chunks[-1] and not _fits(_paragraphs(chunks[-1] + [piece]), WORDS, BOX_W, height):
            chunks.append([])
        chunks[-1].append(piece)
    return [_slide(_kicker(chart.title) + f"<h2>{_e(_numbered(title, index, len(chunks)))}</h2>"
                   + "".join(f"<p>{_e(text)}</p>" for text in _paragraphs(chunk)), "words")
            for index, chunk in enumerate(chunks, start=1)]


def _head_h(kicker: str, title: str) -> float:
    """The height in mm of a chart slide's kicker and heading, each as many lines as it needs."""
    kicker_lines = _lines(kicker, KICKER, BOX_W, BOLD_EM)
    title_lines = _lines(title, CHART_HEADING, BOX_W, BOLD_EM)
    return (kicker_lines * KICKER * 1.25 + 2 + title_lines * CHART_HEADING * 1.15 + 3) * PT + 5


@dataclass(frozen=True)
class Layout:
    """Where a chart's caption goes (``side``, ``below`` or ``next`` slide), its size, and the image's box."""

    where: str
    size: float
    width: float
    height: float


def _fit(chart: SlideChart, width: float, height: float) -> tuple[float, float]:
    """The chart's width and height in mm, as large as ``width`` × ``height`` allows, keeping its shape."""
    scale = min(width / chart.width, height / chart.height)
    return chart.width * scale, chart.height * scale


def chart_layout(chart: SlideChart, kicker: str = "") -> Layout:
    """The layout showing the chart largest with its whole description legible beside or below it.

    When the description fits neither beside nor below the chart at
    :data:`CAPTION_SIZES`, the chart fills the slide and the words follow on
    a slide of their own.
    """
    room = BOX_H - _head_h(kicker, chart.title) - 2
    options = []
    for size in CAPTION_SIZES:
        line = size * 1.3 * PT
        for column in CAPTION_COLUMNS:
            if _fits([chart.alt], size, column, room, gap=0):
                options.append(Layout("side", size, *_fit(chart, BOX_W - column - GAP, room)))
        below = _lines(chart.alt, size, BOX_W) * line + 3
        if room - below >= MIN_FIGURE_H:
            options.append(Layout("below", size, *_fit(chart, BOX_W, room - below)))
    options = [option for option in options if option.width * option.height >= MIN_FIGURE_AREA]
    if options:
        return max(options, key=lambda option: (round(option.width * option.height, -2), option.size))
    width, height = _fit(chart, BOX_W, room)
    if BOX_W - width - GAP >= NOTE_W:
        return Layout("next", NOTE, width, height)
    return Layout("next", NOTE, *_fit(chart, BOX_W, room - NOTE * 1.3 * PT - 3))


def _image(chart: SlideChart, layout: Layout) -> str:
    """The PNG at the layout's size, its whole description as ``alt``."""
    return (f'<img src="data:image/png;base64,{chart.png}" alt="{_e(chart.alt)}" '
            f'style="width:{layout.width:.1f}mm;height:{layout.height:.1f}mm">')


def chart_slides(kicker: str, chart: SlideChart) -> list[str]:
    """A chart with its description printed as its caption, beside or below it, or on the next slide(s)."""
    layout = chart_layout(chart, kicker)
    head = _kicker(kicker) + f"<h2>{_e(chart.title)}</h2>"
    text = chart.alt if layout.where != "next" else "The chart in words is on the next slide."
    caption = f'<figcaption style="font-size:{layout.size}pt">{_e(text)}</figcaption>'
    side = layout.where == "side" or (layout.where == "next" and BOX_W - layout.width - GAP >= NOTE_W)
    figure = f'<figure class="slide-figure {"side" if side else "below"}">{_image(chart, layout)}{caption}</figure>'
    slides = [_slide(head + figure, "chart")]
    return slides + (_words_slides(chart) if layout.where == "next" else [])


def lesson_slides(sheet: LessonSheet) -> list[str]:
    """A lesson: its section slide, objectives, key ideas, charts and discussion prompts."""
    kicker = _label(sheet)
    slides = [section_slide(sheet)]
    slides += _list_slides(kicker, "Objectives", _clauses(sheet.objectives), lead="By the end of this lesson you can:")
    slides += _list_slides(kicker, "Key ideas", sheet.key_ideas or [sheet.lesson.summary])
    for chart in lesson_charts(sheet.lesson.id):
        slides += chart_slides(kicker, chart)
    if sheet.prompts:
        slides += _list_slides(kicker, "Discuss", sheet.prompts)
    return slides


def deck(agenda_name: str) -> list[str]:
    """Every slide of the agenda, in the order they are shown."""
    slots = agenda_slots(agenda_name)
    sheets = iter(lesson_sheets(agenda_name))
    slides = [title_slide(agenda_name, slots)] + timetable_slides(slots)
    day = slots[0].day if slots else 1
    for index, slot in enumerate(slots):
        if slot.day != day:
            day = slot.day
            slides.append(day_slide(day, slot))
        if slot.lesson is not None:
            slides += lesson_slides(next(sheets))
        else:
            slides.append(pause_slide(slot, slots[index + 1] if index + 1 < len(slots) else None))
    return slides


def slides_html(agenda_name: str) -> str:
    """The slides of the agenda called ``agenda_name`` as a page for :func:`kit.delivery.pdf_bytes`.

    Landscape 16:9 pages in large, high-contrast type, one slide a page, each
    with the agenda's name and its number at the foot. Raises
    :class:`kit.workshop.content.ContentError` for an agenda that does not exist.
    """
    return page(f"Slides: {agenda_name}", "".join(deck(agenda_name)), CSS)


def slide_count(html: str) -> int:
    """How many slides a page made by :func:`slides_html` holds (the PDF has one page for each)."""
    return html.count('<section class="slide ')
