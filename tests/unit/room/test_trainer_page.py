"""The trainer page at widget level: the code gate, the panels, the downloads and redrawing on a new revision."""

from __future__ import annotations

import asyncio

import pytest

from kit.room import contribution_for, reset_room_store, room_store
from kit.room.ui import TrainerPage, panels_html
from kit.room import Contribution, room_panels
from tests.unit.own_loop import run_on_own_loop

QUIZ = "quiz.00_start_here"


@pytest.fixture(autouse=True)
def workspace(tmp_path, monkeypatch):
    monkeypatch.setenv("KIT_WORKSPACE", str(tmp_path))
    monkeypatch.delenv("KIT_DATABASE_URL", raising=False)
    reset_room_store()
    yield
    reset_room_store()


@pytest.fixture()
def room():
    made = room_store().create("Leeds council")
    for n in range(3):
        member = room_store().join(made.code)
        room_store().contribute(member, QUIZ, contribution_for(QUIZ, {"answers": {"reload": [1], "privacy": [n % 2]}}))
    return made


def opened(room, trainer_code: str) -> TrainerPage:
    page = TrainerPage(poll=0)
    page.room_code.value, page.trainer_code.value = room.code, trainer_code
    page.open_button.click()
    return page


def test_a_wrong_trainer_code_shows_nothing_of_the_room(room):
    page = opened(room, "AAAA-BBBB-CCCC" if room.trainer_code != "AAAA-BBBB-CCCC" else "CCCC-BBBB-AAAA")
    assert "not right" in page.gate_status.value
    assert page.view.value == "" and page.downloads.names == [] and page.status.value == ""
    assert page.room_box.layout.display == "none" and page.room is None
    assert "Leeds" not in page.gate_status.value and not page.check()


def test_a_wrong_room_code_gets_the_same_refusal(room):
    page = TrainerPage(poll=0)
    page.room_code.value, page.trainer_code.value = "ZZZ-ZZZ", room.trainer_code
    page.open_button.click()
    refusal = page.gate_status.value
    wrong_trainer = opened(room, "AAAA-BBBB-CCCC").gate_status.value
    assert refusal == wrong_trainer and page.view.value == ""


def test_the_right_codes_show_the_panels_and_the_downloads(room):
    page = opened(room, room.trainer_code)
    assert page.room is not None and page.room_box.layout.display is None
    assert page.trainer_code.value == ""  # not left in the box on a projector
    assert "(3 of 3 right)" in page.view.value and "3 attendees contributed" in page.status.value
    assert page.downloads.names == ["room-summary.html", "room-summary.csv"]
    assert "3 attendees" in page.downloads.file("room-summary.html").decode()
    assert 'alt="Bar chart of the share of the room answering each question right' in page.view.value


def test_the_lesson_picker_shows_one_lesson(room):
    page = opened(room, room.trainer_code)
    page.lesson.value = "risk"
    assert "Self-check quiz, lesson 06" in page.view.value and "lesson 00" not in page.view.value
    assert "waiting for 3 answers" in page.view.value


def test_a_new_answer_is_drawn_when_the_revision_changes(room):
    page = opened(room, room.trainer_code)
    assert not page.check()  # nothing changed
    member = room_store().join(room.code)
    room_store().contribute(member, QUIZ, contribution_for(QUIZ, {"answers": {"reload": [0]}}))
    assert page.check() and "(3 of 4 right)" in page.view.value


def test_the_watch_task_redraws_by_itself(room):
    async def scenario() -> tuple[bool, str, object]:
        page = TrainerPage(poll=0.01)
        page.room_code.value, page.trainer_code.value = room.code, room.trainer_code
        page.open_button.click()
        assert page.task is not None
        member = room_store().join(room.code)
        room_store().contribute(member, QUIZ, contribution_for(QUIZ, {"answers": {"reload": [0]}}))
        for _ in range(300):
            await asyncio.sleep(0.01)
            if "(3 of 4 right)" in page.view.value:
                break
        redrawn = "(3 of 4 right)" in page.view.value
        page.close_view()
        return redrawn, page.view.value, page.task

    assert run_on_own_loop(scenario) == (True, "", None)


def test_a_closed_room_disappears_from_an_open_page(room):
    page = opened(room, room.trainer_code)
    room_store().close(room.code)
    assert page.check()
    assert page.view.value == "" and page.room is None and page.room_box.layout.display == "none"
    assert f"The room {room.code} was closed or has expired" in page.gate_status.value


def test_the_create_form_shows_both_codes_once_and_fills_the_room_code():
    page = TrainerPage(poll=0)
    page.name.value = "Leeds, 4 Dec"
    page.create_button.click()
    assert page.room_code.value in page.created.value and "trainer code" in page.created.value
    assert room_store().room(page.room_code.value).name == "Leeds, 4 Dec"
    page.name.value = " "
    page.create_button.click()
    assert page.errors.value  # a room needs a name: said in plain words


def test_the_panels_escape_shared_notes():
    contributions = [Contribution("a", "note:risk.notes", {"text": "<img src=x onerror=alert(1)>"}, 1.0)]
    html = panels_html(room_panels(contributions, "risk"))
    assert "<img src=x" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html


def test_the_attendees_gallery_does_not_link_the_trainer_page_and_the_guide_says_how_to_open_it():
    from kit.room import TRAINER_PAGE
    from kit.workshop import render_guide
    from kit.workshop.ui import gallery_html

    assert TRAINER_PAGE not in gallery_html(skip=())
    guide = render_guide()
    assert f"/voila/render/{TRAINER_PAGE}" in guide and "kit room new" in guide and "kit room close" in guide


def test_the_every_lesson_view_lists_lessons_still_waiting_in_one_place(room):
    page = opened(room, room.trainer_code)
    view = page.view.value
    assert "Self-check quiz, lesson 00" in view  # 3 answers: drawn
    assert "Lessons with nothing to show yet" in view and "<li>Lesson 06, Chatbot risk assessment</li>" in view
    assert 'data-panel="risk.heatmap"' not in view
    page.lesson.value = "risk"  # picked: every panel of it, each saying it waits
    assert 'data-panel="risk.heatmap"' in page.view.value and "Lessons with nothing" not in page.view.value


def test_a_question_s_options_share_one_row_header_and_the_panel_title_is_not_shown_twice(room):
    html = opened(room, room.trainer_code).view.value
    assert html.count("You reload the page") == 1  # one header cell spans its two options
    assert '<th scope="rowgroup" rowspan="2">1. You reload the page' in html
    assert '<caption class="kit-sr-only">Self-check quiz, lesson 00' in html  # still named for screen readers
    assert "<figcaption>" not in html


def test_the_radar_leaves_a_dimension_without_enough_ratings_out_instead_of_drawing_zero():
    from kit.room.ui._charts import _radar, _whole_ticks

    figure = _radar({"dimensions": [{"title": "A", "median": 50, "lowest": 25, "highest": 75},
                                    {"title": "B", "median": None}, {"title": "C", "median": 40, "lowest": 30,
                                                                     "highest": 60}]})
    median = next(line for line in figure.axes[0].get_lines() if line.get_label() == "median")
    assert str(list(median.get_ydata())[1]) == "nan"
    assert _whole_ticks(3) == [0, 1, 2, 3] and _whole_ticks(200)[:3] == [0, 25, 50]
