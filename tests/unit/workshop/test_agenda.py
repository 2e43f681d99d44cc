"""Lessons and agendas come from the content files, with computed times."""

from __future__ import annotations

import pytest

from kit.workshop import agenda, agenda_format, agenda_names, content, lesson, lesson_label, lessons
from kit.workshop.content import ContentError
from kit.paths import NOTEBOOKS_DIR


def test_lessons_are_numbered_in_order_and_match_curriculum_files():
    numbers = [lesson.number for lesson in lessons()]
    assert numbers == [f"{i:02d}" for i in range(14)]
    for item in lessons():
        assert item.file.startswith(item.number + "_") and item.file.endswith(".ipynb")


def test_every_notebook_on_disk_is_a_listed_lesson():
    from kit.room import TRAINER_PAGE  # the trainer's room view: a page outside the numbered lessons

    listed = {lesson.file for lesson in lessons()} | {TRAINER_PAGE}
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


@pytest.mark.parametrize(("name", "must_reach"), [
    ("SMB leadership half day", {"policy", "risk", "action_plan"}),
    ("SMB full day", {"bias", "risk", "policy", "measure"}),
    ("Public-service full day", {"culture", "context", "innovation", "transparency", "privacy"}),
    ("Sales team half day", {"privacy", "implementation", "risk"}),
    ("Two days", {item.id for item in lessons()}),
])
def test_each_audience_gets_the_lessons_it_needs_within_its_day(name, must_reach):
    slots = agenda(name)
    reached = {slot.lesson.id for slot in slots if slot.lesson}
    assert must_reach <= reached, must_reach - reached
    assert slots[0].lesson.id == "start" and slots[-1].lesson.id == "action_plan"
    half = "half day" in name
    for day in {slot.day for slot in slots}:
        times = [slot for slot in slots if slot.day == day]
        assert times[-1].end <= ("13:00" if half else "17:30")
    assert agenda_format(name).why and agenda_format(name).audience


def test_full_day_fits_a_working_day():
    slots = agenda("SMB full day")
    assert slots[0].start == "09:30" and slots[-1].end <= "17:30"


def test_unknown_agenda_names_the_choices():
    with pytest.raises(ContentError, match="SMB leadership half day"):
        agenda("Weekend retreat")


def _fake(monkeypatch, files: dict) -> None:
    real = content.load
    monkeypatch.setattr(content, "load", lambda name: files[name] if name in files else real(name))


_ONE = [dict(id="a", file="00_a.ipynb", title="A", stage="S", minutes=1, exercise_minutes=1, app="x", summary="y")]


def test_bad_agenda_item_is_named(monkeypatch):
    _fake(monkeypatch, {"agenda": [{"name": "X", "audience": "A", "start": "09:00", "items": ["99"], "why": "W"}],
                        "lessons": _ONE})
    with pytest.raises(ContentError, match=r"agenda.yaml: entry 1 \('X'\), 'items': '99' is not a lesson id.*use a "
                                           r"lesson id from lessons.yaml \(a\)"):
        agenda("X")


@pytest.mark.parametrize(("lessons_file", "message"), [
    ([{**_ONE[0], "minutes": "ten"}], r"entry 1 \('a'\), 'minutes': should be a valid integer.*expected teaching time"),
    ([{**_ONE[0], "id": "Bias"}], r"'id': 'Bias' is not written the way the kit reads it; expected a short id in lower case"),
    ([_ONE[0], {**_ONE[0], "file": "01_b.ipynb"}], "two lessons share the id a; give each its own"),
    ([{**_ONE[0], "minuts": 3}], "'minuts': this key is not one the kit reads"),
    ([{**_ONE[0], "number": "00"}], "'number': this key is not one the kit reads"),
], ids=["not-a-number", "capital-id", "same-id", "misspelt-key", "number-is-derived"])
def test_a_broken_lesson_registry_names_the_entry_and_the_fix(monkeypatch, lessons_file, message):
    _fake(monkeypatch, {"lessons": lessons_file})
    with pytest.raises(ContentError, match="^lessons.yaml: .*" + message):
        lessons()


def test_a_lesson_is_found_by_id_number_or_file_and_labelled_from_its_position():
    assert lesson("risk") == lesson("06") == lesson("06_chatbot_risk_assessment.ipynb")
    assert lesson_label("risk") == "lesson 06, Chatbot risk assessment"
    with pytest.raises(ContentError, match="no lesson 'nope' in lessons.yaml; use one of start, strategy"):
        lesson("nope")


def test_facilitator_notes_for_an_unknown_lesson_are_named(tmp_path, monkeypatch):
    from kit.workshop import _facilitator

    (tmp_path / "facilitator").mkdir()
    (tmp_path / "facilitator" / "bais.yaml").write_text("room: x\n", encoding="utf-8")
    monkeypatch.setattr(_facilitator, "content_path", lambda name: tmp_path / f"{name}.yaml")
    with pytest.raises(ContentError, match=r"facilitator/bais.yaml is named for no lesson; name each file after a "
                                           r"lesson id in lessons.yaml \(action_plan, bias"):
        _facilitator.every_lesson_notes()


def test_content_names_lessons_by_id_and_reads_their_numbers(monkeypatch):
    _fake(monkeypatch, {})
    real = content._read
    monkeypatch.setattr(content, "_read", lambda name: (
        {"text": "Build it in {lesson:risk}; {Lesson:bias} shows how.", "n": [1, "{lesson:start}"]}
        if name == "sample" else real(name)))
    assert content.load("sample") == {"text": "Build it in lesson 06; Lesson 03 shows how.", "n": [1, "lesson 00"]}


def test_content_naming_an_unknown_lesson_is_refused_with_the_ids(monkeypatch):
    real = content._read
    monkeypatch.setattr(content, "_read", lambda name: ["see {lesson:bais}"] if name == "sample" else real(name))
    with pytest.raises(ContentError, match=r"sample.yaml names \{lesson:bais\}, which is no lesson id in "
                                           r"lessons.yaml; use one of start, strategy"):
        content.load("sample")
