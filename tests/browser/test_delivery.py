"""The knowledge check before and after, the evaluation form and the certificate, in the browser."""

from __future__ import annotations

import re

import pypdf
import pytest
from playwright.sync_api import expect

from kit.delivery import check_questions
from kit.workshop import Store, lesson
from tests.browser.voila import (WIDGET_TIMEOUT_MS, assert_clean, open_app, saved_value, wait_for_download,
                                 wait_for_widgets)

START, PLAN = "00_start_here.ipynb", "13_your_action_plan.ipynb"
WAIT = 30_000
QUESTIONS = check_questions()
TOTAL = len(QUESTIONS)


def _option(item, right: bool) -> str:
    """The text of a right (or a wrong) option of a check question, from the quiz itself."""
    return next(option.text for option in item.question.options if option.correct is right)


def _answer(app, right: int, wrong: int) -> dict[str, bool]:
    """Answer the first ``right`` questions right and the next ``wrong`` wrong, by clicking as an attendee does."""
    chosen = {}
    for number, item in enumerate(QUESTIONS[:right + wrong]):
        is_right = number < right
        app.get_by_role("radio", name=_option(item, is_right), exact=True).check()
        chosen[item.key] = is_right
    return chosen


def _open_code(page, code: str) -> None:
    page.get_by_label("Your code").fill(code)
    page.get_by_role("button", name="Open my workspace").click()
    page.get_by_text("Welcome back").wait_for(timeout=WAIT)


def test_the_before_check_in_00_and_the_after_check_in_13_show_the_attendees_change(page, kit_server,
                                                                                        workspace_root):
    log = open_app(page, kit_server, START)
    before = page.locator(".kit-before-check")
    before.wait_for(timeout=WIDGET_TIMEOUT_MS)
    page.get_by_role("button", name="Start a new workspace").click()
    code = page.locator(".kit-code").inner_text(timeout=WAIT).strip()
    _answer(before, right=3, wrong=TOTAL - 3)
    before.get_by_text(f"You have answered {TOTAL} of {TOTAL}.").wait_for(timeout=WAIT)
    assert "Not right" not in before.inner_text()  # the start gives no answers away
    saved_value(workspace_root, code, "check.before", lambda v: v and len(v["answers"]) == TOTAL)
    assert log.unexpected() == []

    log = open_app(page, kit_server, PLAN)
    after = page.locator(".kit-after-check")
    after.get_by_text("Open your workspace with your code (above) first").wait_for(timeout=WIDGET_TIMEOUT_MS)
    _open_code(page, code)
    after.get_by_text(f"Before the workshop 3 of {TOTAL} right.").wait_for(timeout=WAIT)
    _answer(after, right=7, wrong=TOTAL - 7)
    change = after.get_by_text(f"Before the workshop 3 of {TOTAL} right; now 7 of {TOTAL}.")
    change.wait_for(timeout=WAIT)
    assert "4 questions you did not get right at the start are right now." in change.inner_text()
    table = after.locator("table.kit-table")
    expect(table.locator("tbody tr")).to_have_count(TOTAL)
    expect(table.locator("tbody tr").nth(3)).to_contain_text("Not right")  # wrong at the start ...
    expect(table.locator("tbody tr").nth(3).locator("td").nth(2)).to_have_text("Right")  # ... right now
    saved_value(workspace_root, code, "check.after", lambda v: v and len(v["answers"]) == TOTAL)
    assert_clean(page)
    assert log.unexpected() == []


def test_the_after_check_says_plainly_when_no_before_was_saved(page, kit_server):
    open_app(page, kit_server, PLAN)
    after = page.locator(".kit-after-check")
    after.wait_for(timeout=WIDGET_TIMEOUT_MS)
    page.get_by_role("button", name="Start a new workspace").click()
    _answer(after, right=2, wrong=0)
    after.get_by_text(re.compile(r'there is no "before" to compare with\. Now: 2 of \d+ right\.')).wait_for(timeout=WAIT)


def test_the_evaluation_saves_and_comes_back_after_a_reload(page, kit_server, workspace_root):
    log = open_app(page, kit_server, PLAN)
    form = page.locator(".kit-evaluation")
    form.wait_for(timeout=WIDGET_TIMEOUT_MS)
    page.get_by_role("button", name="Start a new workspace").click()
    code = page.locator(".kit-code").inner_text(timeout=WAIT).strip()
    form.locator(".kit-eval-relevance").get_by_role("radio", name="4", exact=True).check()
    form.locator(".kit-eval-confidence").get_by_role("radio", name="2", exact=True).check()
    first = form.get_by_label("The first thing you will do")
    first.fill("Ask our supplier for <b>their</b> audit")
    first.press("Tab")  # the text is saved when the box is left, as every saved text box is
    improve = form.get_by_label("What would make this workshop better")
    improve.fill("More time for the risk register")
    improve.press("Tab")
    saved = saved_value(workspace_root, code, "evaluation.form", lambda v: v and v.get("improve"))
    assert saved == {"relevance": 4, "confidence": 2, "first_step": "Ask our supplier for <b>their</b> audit",
                     "improve": "More time for the risk register"}

    page.reload()
    wait_for_widgets(page)
    form = page.locator(".kit-evaluation")
    form.wait_for(timeout=WIDGET_TIMEOUT_MS)
    assert form.get_by_label("The first thing you will do").input_value() == ""
    _open_code(page, code)
    form.get_by_text("Your evaluation is back").wait_for(timeout=WAIT)
    expect(form.locator(".kit-eval-relevance").get_by_role("radio", name="4", exact=True)).to_be_checked()
    expect(form.locator(".kit-eval-confidence").get_by_role("radio", name="2", exact=True)).to_be_checked()
    assert form.get_by_label("The first thing you will do").input_value() == "Ask our supplier for <b>their</b> audit"
    assert form.get_by_label("What would make this workshop better").input_value() == "More time for the risk register"
    assert log.unexpected() == []


def test_the_certificate_downloads_and_names_the_lessons_done(page, kit_server, workspace_root):
    workspace = Store(workspace_root).create()
    workspace.save("profile.goal", "Check our screening supplier")
    workspace.save("quiz.03_bias_in_hiring", {"answers": {"proxy": [1]}})
    workspace.save("risk.notes", "Ask the DPO")
    done = [lesson("start"), lesson("bias"), lesson("risk")]
    page.on("dialog", lambda dialog: pytest.fail(f"a script ran in the page: {dialog.message}"))
    log = open_app(page, kit_server, PLAN)
    app = page.locator(".kit-certificate")
    app.wait_for(timeout=WIDGET_TIMEOUT_MS)
    _open_code(page, workspace.code)

    app.get_by_role("button", name="Make my certificate").click()
    app.get_by_role("alert").filter(has_text="the box is empty").wait_for(timeout=WAIT)
    name = app.get_by_label("Your name, as it should appear on the certificate")
    name.fill('Ana <script>alert("x")</script> Ruiz')
    name.press("Tab")
    app.get_by_role("button", name="Make my certificate").focus()
    page.keyboard.press("Enter")  # the keyboard alone makes it
    web = wait_for_download(app.get_by_role("link", name="Download the certificate as a web page (HTML)"),
                            "Certificate of attendance")
    assert "Ana &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Ruiz" in web and "<script>" not in web
    for item in done:
        assert item.title in web
    assert lesson("privacy").title not in web
    summary = app.locator(".kit-certificate-summary")
    for item in done:
        expect(summary).to_contain_text(item.label)

    pdf_link = app.get_by_role("link", name="Download the certificate as a PDF")
    pdf_link.wait_for(timeout=WAIT)
    with page.expect_download(timeout=WIDGET_TIMEOUT_MS) as download:
        pdf_link.press("Enter")  # the keyboard alone downloads it; the kernel makes the PDF now
    assert download.value.suggested_filename == "certificate-of-attendance.pdf"
    reader = pypdf.PdfReader(download.value.path())
    text = " ".join(reader.pages[0].extract_text().split())
    assert len(reader.pages) == 1 and 'Ana <script>alert("x")</script> Ruiz' in text
    assert all(item.title in text for item in done)
    assert_clean(page)
    assert log.unexpected() == []
