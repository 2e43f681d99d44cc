"""kit handouts writes the three PDFs of every agenda, and each names every lesson, its objectives and prompts."""

from __future__ import annotations

import io
import re
import unicodedata

import pytest
from pypdf import PdfReader

from kit.cli import main
from kit.delivery import lesson_sheets
from kit.delivery.handouts import HANDOUTS
from kit.delivery.handouts._write import folder_name
from kit.workshop import agenda_names, lessons
from kit.workshop._facilitator import every_lesson_notes


def _words(text: str) -> str:
    """Text with ligatures undone, Markdown marks, spacing, full stops and hyphens dropped, in lower case:
    wrapping (a word broken at its hyphen) cannot hide a match."""
    text = unicodedata.normalize("NFKC", text)
    return re.sub(r"[\s*`.\-]+", "", text).lower()


def _body(page_text: str) -> str:
    """A page's text without its footer and the list markers, so a sentence running over a page break is whole."""
    page_text = re.sub(r"\S[^\n]* · (page|slide) \d+ of \d+", "", page_text)
    return "\n".join(line for line in page_text.split("\n") if not re.fullmatch(r"\s*([•◦]|\d+\.)?\s*", line))


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    out = tmp_path_factory.mktemp("handouts")
    assert main(["handouts", "--out", str(out)]) == 0
    return out


def test_every_agenda_gets_its_three_files(written):
    for name in agenda_names():
        assert sorted(p.name for p in (written / folder_name(name)).iterdir()) == sorted(HANDOUTS)


@pytest.mark.parametrize("name", agenda_names())
@pytest.mark.parametrize("file_name", sorted(HANDOUTS))
def test_each_handout_names_every_lesson_its_objectives_and_its_prompts(written, name, file_name):
    reader = PdfReader(io.BytesIO((written / folder_name(name) / file_name).read_bytes()))
    text = _words(" ".join(_body(page.extract_text()) for page in reader.pages))
    for sheet in lesson_sheets(name):
        assert _words(sheet.lesson.title) in text, (file_name, sheet.lesson.title)
        for clause in sheet.objectives.split(";"):  # slides and workbook list each clause as a point
            assert _words(clause)[:60] in text, (file_name, sheet.lesson.id, clause)
        for prompt in sheet.prompts:
            assert _words(prompt)[:60] in text, (file_name, prompt)


def test_every_lesson_has_a_run_sheet_with_answers_and_three_questions():
    notes = every_lesson_notes()
    assert set(notes) == {item.id for item in lessons()} and None not in notes.values()
    for item in lessons():
        lesson = notes[item.id]
        assert lesson.minutes == item.total_minutes
        assert len(lesson.questions) >= 3 and all(p.model_answer and p.debrief for p in lesson.discuss)
