"""Three attendees answer in a trainer's room and the trainer page shows the room's answers by itself.

Each attendee has their own browser context (their own cookies and pages), joins the
room in lesson 00, answers its quiz, writes a goal (one shares it, one does not) and
changes a risk's likelihood in lesson 06's register. The trainer page, open all along,
draws the counts and the room heatmap without a click, holds back a question fewer than
3 attendees answered, shows only the shared note, and opens for nobody without the
trainer code. The figures are computed here from what the attendees entered.
"""

from __future__ import annotations

import os
import re
import statistics

from axe_playwright_python.sync_playwright import Axe

from kit.risk import LIKELIHOOD_LABELS, band_of, scale_label, score
from kit.room import WAITING, RoomStore
from kit.workshop import lesson_label
from tests.browser.voila import assert_clean, open_app, reopen_workspace, saved_value, visible_text

START, RISK, TRAINER = "00_start_here.ipynb", "06_chatbot_risk_assessment.ipynb", "trainer_room.ipynb"
RISK_LABEL = lesson_label("risk")
NAME = "Leeds council, 4 Dec"
JOINED = f"You are in the room '{NAME}'"
SHARE = "Share this note with the room (without your name)"
GOAL = "What you want to take away today"
SHARED_NOTE = "Ask who checks the chatbot's refund answers"
PRIVATE_NOTE = "Private: our vendor contract ends in March"
WAIT = 60_000  # generous: the 2-core machine running these tests is often busy with other work
#: The room's answers arrive by themselves: the page asks every 2 s; the ceiling is for a busy 2-core machine.
LIVE = 60_000
#: Each attendee: whether they answer quiz question 1 (reload) right and question 2 (privacy) at all; R1's likelihood.
ATTENDEES = ({"right": True, "privacy": True, "likelihood": 5},
             {"right": True, "privacy": True, "likelihood": 4},
             {"right": False, "privacy": False, "likelihood": 2})
R1_SEVERITY = 5  # the template's severity for R1 (Data privacy breach), which nobody changes here


def _attendee(browser, context_options, kit_server, workspace_root, room_code: str, n: int, answers: dict):
    """One attendee's whole visit in one page: lesson 00 (join, goal, quiz), then lesson 06 (a score)."""
    context = browser.new_context(**context_options)
    page = context.new_page()
    log = open_app(page, kit_server, START)
    page.get_by_role("button", name="Start a new workspace").click()
    code = page.locator(".kit-code").inner_text(timeout=WAIT).strip()
    page.get_by_label("Room code").fill(room_code)
    page.get_by_role("button", name="Join the room").click()
    page.get_by_text(JOINED).first.wait_for(timeout=WAIT)

    if n < 2:  # the first shares a goal with the room, the second keeps theirs
        note = (SHARED_NOTE, PRIVATE_NOTE)[n]
        goal = page.get_by_label(GOAL)
        goal.fill(note)
        goal.blur()
        saved_value(workspace_root, code, "profile.goal", lambda value: value == note)
        if n == 0:
            page.get_by_label(SHARE).nth(1).check()  # the goal's box: the organisation's comes first

    quiz = page.locator(".kit-quiz")
    reload_answer = "Enter your workspace code" if answers["right"] else "Type them again."
    quiz.get_by_role("radio", name=reload_answer, exact=False).check()
    quiz.get_by_role("button", name="Check my answer").first.click()
    if answers["privacy"]:
        quiz.get_by_role("radio", name="Only someone who has your workspace code.").check()
        quiz.get_by_role("button", name="Check my answer").nth(1).click()
    saved_value(workspace_root, code, "quiz.00_start_here",
                lambda value: bool(value) and ("privacy" in value["answers"]) == answers["privacy"])
    assert log.unexpected() == []

    log = open_app(page, kit_server, RISK)
    reopen_workspace(page, code)
    page.get_by_text(re.compile(r"You are in the room")).first.wait_for(timeout=WAIT)
    register = page.locator(".kit-risk-register")
    register.get_by_label("Risk to edit").select_option(label="R1 · Data privacy breach")
    register.get_by_text("Editing R1").wait_for(timeout=WAIT)
    likelihood = answers["likelihood"]
    register.get_by_label("Likelihood (1-5)", exact=True).select_option(label=scale_label(likelihood,
                                                                                          LIKELIHOOD_LABELS))
    register.get_by_text(re.compile(r"Saved R1: score")).wait_for(timeout=WAIT)
    saved_value(workspace_root, code, "risk.register",
                lambda value: bool(value) and value["risks"][0]["likelihood"] == likelihood)
    assert_clean(page)
    assert log.unexpected() == []
    return context, page, code


def _trainer_view(page):
    return page.locator(".kit-room-view")


def _panel(page, panel_id: str):
    return _trainer_view(page).locator(f'section[data-panel="{panel_id}"]')


def _waiting_list(page) -> str:
    """The list of lessons with nothing to show yet, as the "Every lesson" view shows it ("" when there is none)."""
    found = _trainer_view(page).locator("ul")
    return found.inner_text().replace("\xa0", " ").lower() if found.count() else ""


def _violations(page) -> list[str]:
    """Every axe-core violation, whatever its impact."""
    return [f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:5]}"
            for v in Axe().run(page).response["violations"]]


def test_three_attendees_answer_and_the_trainer_page_shows_the_room(browser, context_options, page, kit_server,
                                                                      workspace_root):
    room = RoomStore(workspace_root).create(NAME)  # the same rooms file as `kit serve`'s
    trainer = page
    log = open_app(trainer, kit_server, TRAINER)
    trainer.get_by_label("Room code").fill(room.code)
    trainer.get_by_label("Trainer code").fill(room.trainer_code)
    trainer.get_by_role("button", name="Open the room view").click()
    trainer.get_by_text(f"Room '{NAME}' ({room.code}) is open below").wait_for(timeout=WAIT)
    assert trainer.get_by_label("Trainer code").input_value() == ""  # not left on the projector
    trainer.get_by_text("Lessons with nothing to show yet").wait_for(timeout=WAIT)
    heatmap = _panel(trainer, "risk.heatmap")

    visits = []
    for n, answers in enumerate(ATTENDEES):
        if visits:  # one attendee's pages at a time beside the trainer's (a 2-core machine)
            visits[-1][0].close()
        visits.append(_attendee(trainer.context.browser, context_options, kit_server, workspace_root,
                                room.code, n, answers))
        if n == 1:  # two registers: lesson 06 still waits, named in one list; picked, each panel says so
            trainer.get_by_text("2 attendees contributed").wait_for(timeout=LIVE)
            assert RISK_LABEL.lower() in _waiting_list(trainer)
            trainer.get_by_label("Lesson").select_option(label=RISK_LABEL)
            heatmap.get_by_text(f"Nothing to show yet: {WAITING}.").wait_for(timeout=WAIT)
            assert heatmap.get_by_role("img").count() == 0 and heatmap.locator("table").count() == 0
            trainer.get_by_label("Lesson").select_option(label="Every lesson")
            trainer.get_by_text("Lessons with nothing to show yet").wait_for(timeout=WAIT)

    # The last answer was the third register; the page redraws by itself, no click.
    image = heatmap.get_by_role("img", name=re.compile("A 5 by 5 risk grid"))
    image.wait_for(timeout=LIVE)
    assert "3 attendees contributed" in trainer.locator(".kit-trainer-room").inner_text()
    assert RISK_LABEL.lower() not in _waiting_list(trainer)
    median = statistics.median(a["likelihood"] for a in ATTENDEES)
    cell = score(median, R1_SEVERITY)
    expected = (f"R1 Data privacy breach: median likelihood {median}, median severity {R1_SEVERITY}, placed at "
                f"{median} × {R1_SEVERITY} = {cell} {band_of(cell).name}")
    assert expected in image.get_attribute("alt")
    grid = heatmap.locator("table").inner_text()
    assert f"{cell} {band_of(cell).name}: R1" in grid

    quiz = _panel(trainer, "quiz.00_start_here")
    right = sum(a["right"] for a in ATTENDEES)
    quiz_text = quiz.inner_text()
    assert "3 attendees answered this quiz" in quiz_text
    assert f"({right} of 3 right)" in quiz_text
    rows = quiz.locator("tbody tr")
    privacy = rows.filter(has_text="Who can see the work saved in your workspace?")
    assert privacy.count() == 1 and WAITING in privacy.inner_text()  # 2 answers: nothing shown
    assert "Only someone who has your workspace code" not in quiz_text
    assert quiz.get_by_role("img", name=re.compile(r"question 1: \d+% right")).count() == 1

    notes = _panel(trainer, "note:profile.goal")
    assert SHARED_NOTE in notes.inner_text()
    text = visible_text(trainer)
    assert PRIVATE_NOTE not in text
    for _, _, code in visits:
        assert code not in text  # no workspace code reaches the room
    for image in _trainer_view(trainer).get_by_role("img").all():
        assert len(image.get_attribute("alt") or "") > 40, "every chart has a text alternative"
    for kind in ("web page, HTML", "CSV, for a spreadsheet"):
        assert trainer.get_by_role("link", name=f"Download the room's summary ({kind})").count() == 1

    if os.environ.get("KIT_SCREENSHOT"):  # a picture to look at: KIT_SCREENSHOT=/tmp/trainer-room.png
        # Voilà scrolls inside the page, so a "full page" picture would stop at the window: make the window tall.
        height = trainer.evaluate("() => Math.max(...[...document.querySelectorAll('*')].map(e => e.scrollHeight))")
        trainer.set_viewport_size({"width": 1280, "height": min(height + 40, 16_000)})
        trainer.screenshot(path=os.environ["KIT_SCREENSHOT"])
        trainer.set_viewport_size({"width": 1280, "height": 900})
    assert_clean(trainer)
    assert _violations(trainer) == []
    assert log.unexpected() == []

    # An attendee who finds the page, with the room code but not the trainer code, sees nothing of the room.
    context, attendee, code = visits[-1]
    log = open_app(attendee, kit_server, TRAINER)
    attendee.get_by_label("Room code").fill(room.code)
    attendee.get_by_label("Trainer code").fill(code)  # their own workspace code looks like one
    attendee.get_by_role("button", name="Open the room view").click()
    attendee.get_by_role("alert").filter(has_text="not right").wait_for(timeout=WAIT)
    text = visible_text(attendee)
    for shown in (NAME, SHARED_NOTE, "attendees contributed", "Self-check quiz", "risk grid"):
        assert shown not in text
    assert _trainer_view(attendee).count() == 0 or not _trainer_view(attendee).is_visible()
    assert attendee.get_by_role("img").count() == 0
    assert attendee.get_by_role("link", name=re.compile("Download the room's summary")).count() == 0
    assert _violations(attendee) == []
    assert log.unexpected() == []
    context.close()
