"""Lessons and agendas come from the content files, with computed times."""

from __future__ import annotations

import pytest

from kit.workshop import _agenda as agenda_module
from kit.workshop import agenda, agenda_names, lessons
from kit.workshop.content import ContentError
from kit.paths import NOTEBOOKS_DIR


def test_lessons_are_numbered_in_order_and_match_curriculum_files():
    numbers = [lesson.number for lesson in lessons()]
    assert numbers == [f"{i:02d}" for i in range(14)]
    for lesson in lessons():
        assert lesson.file.startswith(lesson.number + "_") and lesson.file.endswith(".ipynb")


def test_every_notebook_on_disk_is_a_listed_lesson():
    listed = {lesson.file for lesson in lessons()}
    assert {path.name for path in NOTEBOOKS_DIR.glob("*.ipynb")} <= listed


@pytest.mark.parametrize("name", agenda_names())
def test_agenda_times_follow_from_lesson_minutes(name):
    slots = agenda(name)
    for before, after in zip(slots, slots[1:]):
        if before.day == after.day:
            assert before.end == after.start
    for slot in slots:
        if slot.lesson is not None:
            start_h, start_m = map(int, slot.start.split(":"))
            end_h, end_m = map(int, slot.end.split(":"))
            assert (end_h * 60 + end_m) - (start_h * 60 + start_m) == slot.lesson.total_minutes


def test_full_day_fits_a_working_day():
    slots = agenda("Full day")
    assert slots[0].start == "09:30" and slots[-1].end <= "17:30"


def test_unknown_agenda_names_the_choices():
    with pytest.raises(ContentError, match="Half day"):
        agenda("Weekend retreat")


def test_bad_agenda_item_is_named(monkeypatch):
    monkeypatch.setattr(agenda_module, "load", lambda name: (
        [{"name": "X", "start": "09:00", "items": ["99"]}] if name == "agenda" else
        [dict(number="00", file="00_a.ipynb", title="A", stage="S", minutes=1, exercise_minutes=1, app="", summary="")]))
    with pytest.raises(ContentError, match="'99'"):
        agenda("X")
