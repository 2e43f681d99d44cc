"""The slides: every agenda's lessons, objectives, prompts and charts on 16:9 pages, one page a slide, escaped."""

from __future__ import annotations

import dataclasses
import io
import re
from html import unescape

import pypdf
import pytest

from kit.delivery import lesson_sheets, pdf_bytes
from kit.delivery.handouts import _slides, slides_html
from kit.delivery.handouts._slide_charts import SlideChart, lesson_charts
from kit.documents import escape
from kit.hiring import DEFAULT_THRESHOLD, audit_at
from kit.toolkit import selection_rates_alt
from kit.workshop import agenda, agenda_format, agenda_names
from kit.workshop.content import ContentError

SCRIPT = "<script>alert(\"x\")</script>"
#: 254 mm × 142.875 mm in PDF points.
SIZE = (720, 405)


def _plain(text: str) -> str:
    """Text as the PDF shows it: inline Markdown marks gone, a line broken after a hyphen joined, case folded."""
    text = re.sub(r"\*\*|(?<!\w)\*|\*(?!\w)|`", "", text)
    return re.sub(r"-\s+", "-", " ".join(text.split())).casefold()


def _images(page) -> int:
    """How many images the page draws (WeasyPrint shares one resource list between pages)."""
    return len(re.findall(rb"/\S+ Do\b", page.get_contents().get_data()))


@pytest.fixture(scope="module", params=agenda_names())
def deck(request):
    """One agenda's slides: its name, HTML, the text of each PDF page, and the pages themselves."""
    html = slides_html(request.param)
    reader = pypdf.PdfReader(io.BytesIO(pdf_bytes(html)))
    return request.param, html, [_plain(page.extract_text()) for page in reader.pages], reader.pages


def test_one_landscape_page_a_slide_each_with_the_agenda_and_its_number(deck):
    """No slide overflows onto a second page; the footer names the agenda and counts the slides."""
    name, html, texts, pages = deck
    assert len(pages) == _slides.slide_count(html) == html.count("<section ")
    for number, (text, page) in enumerate(zip(texts, pages), start=1):
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == SIZE
        assert _plain(f"slide {number} of {len(pages)}") in text and _plain(name) in text, number


def test_the_title_timetable_and_breaks_come_from_the_agenda(deck):
    name, _, texts, _ = deck
    slots = agenda(name)
    assert _plain(name) in texts[0] and _plain(agenda_format(name).audience) in texts[0]
    timetable = " ".join(text for text in texts if text.startswith("timetable"))
    for slot in slots:
        assert _plain(f"{slot.start}–{slot.end}") in timetable
    pauses = [slot for slot in slots if slot.lesson is None]
    shown = [text for text in texts if re.search(r"(break|lunch) \d+ minutes · back at", text)]
    assert len(shown) == len(pauses)
    for slot, text in zip(pauses, shown):
        assert _plain(f"{slot.what} ") in text and _plain(f"back at {slot.end}") in text


def test_every_lesson_its_objectives_key_ideas_and_prompts_are_shown(deck):
    name, _, texts, _ = deck
    text = " ".join(texts)
    sheets = lesson_sheets(name)
    assert len(texts) > 4 * len(sheets)  # a section, objectives and key ideas at least, for each lesson
    for sheet in sheets:
        lesson = sheet.lesson
        slot = sheet.slot
        section = _plain(f"Day {slot.day} · {slot.start}–{slot.end} Lesson {lesson.number} · {lesson.title}")
        assert sum(page.startswith(section) for page in texts) == 1, lesson.id
        assert _plain(f"{lesson.total_minutes} minutes: {lesson.minutes} teaching") in text
        for objective in (part.strip().rstrip(".") for part in sheet.objectives.split(";") if part.strip()):
            assert _plain(objective) in text, (lesson.id, objective)
        for idea in sheet.key_ideas or [lesson.summary]:
            assert _plain(idea) in text, (lesson.id, idea)
        for prompt in sheet.prompts:
            assert _plain(prompt) in text, (lesson.id, prompt)


def test_each_chart_is_an_image_with_its_description_as_alt_and_caption(deck):
    name, html, texts, pages = deck
    charts = [chart for sheet in lesson_sheets(name) for chart in lesson_charts(sheet.lesson.id)]
    assert html.count("<img ") == len(charts)
    text = " ".join(texts)
    for chart in charts:
        assert f'alt="{escape(chart.alt)}"' in html
        for clause in re.split(r"(?<=[.;])\s+", chart.alt):  # a long description may go on over two slides
            assert _plain(clause) in text, (chart.title, clause)
    drawn = [number for number, page in enumerate(pages) if _images(page)]
    assert len(drawn) == len(charts) and all(_images(pages[number]) == 1 for number in drawn)
    for number, chart in zip(drawn, charts):  # each picture on its own slide, under its title
        assert _plain(chart.title) in texts[number]


def test_the_bias_chart_is_the_explorers_opening_audit():
    """Lesson 03's first chart: the sample pool audited by gender at the vendor's threshold, as the app opens."""
    first = lesson_charts("bias")[0]
    assert first.alt == selection_rates_alt(audit_at(("gender",), DEFAULT_THRESHOLD))
    assert f"{DEFAULT_THRESHOLD:.2f}" in first.title


def test_a_long_description_moves_to_a_slide_of_its_own():
    long = SlideChart("A chart", lesson_charts("risk")[0].png, "; ".join(["A point of the chart"] * 60) + ".", 8, 4)
    slides = _slides.chart_slides("Lesson 06 · Risk", long)
    assert len(slides) >= 2 and "The chart in words is on the next slide." in slides[0]
    assert unescape(" ".join(re.sub(r"<[^>]+>", " ", slide) for slide in slides[1:])).count("A point") == 60
    short = dataclasses.replace(long, alt="Two bars: 40% and 30%.")
    assert len(_slides.chart_slides("Lesson 06 · Risk", short)) == 1


def _evil_sheet(sheet, notes: bool = True):
    lesson = dataclasses.replace(sheet.lesson, title=SCRIPT, app=SCRIPT, summary=SCRIPT)
    slot = dataclasses.replace(sheet.slot, lesson=lesson)
    said = (sheet.notes.model_copy(update={"say": [SCRIPT], "discuss": [
        sheet.notes.discuss[0].model_copy(update={"prompt": SCRIPT})]}) if notes and sheet.notes else None)
    return dataclasses.replace(sheet, lesson=lesson, slot=slot, objectives=SCRIPT, notes=said)


def test_every_text_is_escaped(monkeypatch):
    name = agenda_names()[0]
    sheets = [_evil_sheet(sheet) for sheet in lesson_sheets(name)]
    by_id = {sheet.lesson.id: sheet for sheet in sheets}
    slots = [dataclasses.replace(slot, lesson=by_id[slot.lesson.id].lesson, what=SCRIPT) if slot.lesson else slot
             for slot in agenda(name)]
    monkeypatch.setattr(_slides, "lesson_sheets", lambda _name: sheets)
    monkeypatch.setattr(_slides, "agenda_slots", lambda _name: slots)
    monkeypatch.setattr(_slides, "agenda_summary", lambda _name: (SCRIPT, SCRIPT))
    monkeypatch.setattr(_slides, "lesson_charts", lambda _id: (SlideChart(SCRIPT, "iVBOR", SCRIPT, 6, 3),))
    html = slides_html(name)
    assert "<script" not in html and escape(SCRIPT) in html
    assert f'alt="{escape(SCRIPT)}"' in html  # the quotes too: the description cannot leave its attribute
    assert html.count(escape(SCRIPT)) > 5 * len(sheets)


def test_a_lesson_without_notes_shows_its_summary_and_no_discussion(monkeypatch):
    name = agenda_names()[0]
    sheets = [dataclasses.replace(sheet, notes=None) for sheet in lesson_sheets(name)]
    monkeypatch.setattr(_slides, "lesson_sheets", lambda _name: sheets)
    html = slides_html(name)
    assert "Discuss" not in html and "Key ideas" in html
    for sheet in sheets:
        assert escape(sheet.lesson.summary) in html


def test_an_unknown_agenda_is_named():
    with pytest.raises(ContentError, match="no agenda called"):
        slides_html("Three weeks")
