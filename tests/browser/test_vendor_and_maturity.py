"""Lessons 08 and 10 in the browser: the vendor checklist and the maturity self-assessment."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from docx import Document as WordDocument

from tests.browser.voila import chart_alt, open_app, saved_value, serious_violations, wait_for_download, reopen_workspace

WAIT = 60_000  # ms; generous, because a shared training server can be slow
VENDOR = "<img src=x onerror=alert(1)>"
DATA_USE_WEAK = "Yes, and we cannot opt out, or they did not know."
DATA_USE_FOLLOW_UP = "Please confirm in the contract that our data will not be used to train"


def _open(page, kit_server, notebook):
    page.on("dialog", lambda dialog: pytest.fail(f"a script ran in the page: {dialog.message}"))
    return open_app(page, kit_server, notebook)


@pytest.fixture()
def checklist(page, kit_server):
    log = _open(page, kit_server, "08_implementation_challenges.ipynb")
    yield page.locator(".kit-vendor-checklist")
    assert log.unexpected() == []


@pytest.fixture()
def maturity(page, kit_server):
    log = _open(page, kit_server, "10_culture_and_leadership.ipynb")
    yield page.locator(".kit-maturity")
    assert log.unexpected() == []


def _answer(app, question_id, answer):
    app.locator(f".kit-q-{question_id}").get_by_role("radio", name=answer, exact=True).check()


def _rate(app, statement_id, rating):
    app.locator(f".kit-s-{statement_id}").get_by_role("radio", name=rating, exact=True).check()


def _wait_saved(page, workspace_root, key, check):
    code = page.locator(".kit-code").inner_text(timeout=WAIT).strip()
    return code, saved_value(workspace_root, code, key, lambda saved: bool(saved) and check(saved))


def test_answers_change_the_summary_and_follow_ups_and_come_back(checklist, page, workspace_root):
    app = checklist
    app.get_by_text("No questions answered yet").wait_for(timeout=WAIT)
    # Screen readers hear which question an answer belongs to.
    assert app.get_by_role("radiogroup", name="2. Will the data we put into the tool", exact=False).count() == 1
    supplier = app.get_by_label("Supplier", exact=True)
    supplier.fill(VENDOR)
    supplier.press("Enter")
    _answer(app, "our-data-use", DATA_USE_WEAK)
    app.get_by_text(DATA_USE_FOLLOW_UP, exact=False).wait_for(timeout=WAIT)
    text = app.inner_text()
    assert "Before signing" in text and "1 of 18 questions answered" in text
    assert f"Overall score for {VENDOR}" in text  # the name shows as text, not markup
    assert app.locator("img[src='x']").count() == 0

    weak = app.locator(".kit-q-training-data").get_by_role("radio", name="They would not say", exact=False)
    weak.focus()
    weak.press("Space")  # keyboard only
    app.get_by_text("2 of 18 questions answered", exact=False).wait_for(timeout=WAIT)
    assert "Follow-up questions to send (2)" in app.inner_text()
    alt = chart_alt(app, "Exit not answered yet")
    assert "Data 0% (Serious gaps)" in alt
    assert app.locator(".kit-vega-picture svg").count() == 1  # drawn by the browser, no picture from the kernel
    assert serious_violations(page) == []  # the summary, chart, table and links too

    _answer(app, "our-data-use", "No, unless we opt in in writing; the contract says so.")
    app.get_by_text("Follow-up questions to send (1)").wait_for(timeout=WAIT)
    assert DATA_USE_FOLLOW_UP not in app.inner_text()
    code, saved = _wait_saved(page, workspace_root, "vendor.checklist",
                              lambda s: s["answers"] == {"our-data-use": 0, "training-data": 2})
    assert saved["vendor"] == VENDOR

    reopen_workspace(page, code)
    app.get_by_text("2 of 18 questions answered", exact=False).wait_for(timeout=WAIT)
    assert app.get_by_label("Supplier", exact=True).input_value() == VENDOR
    strong = app.locator(".kit-q-our-data-use").get_by_role("radio", name="No, unless we opt in", exact=False)
    assert strong.is_checked()


def test_checklist_downloads_as_markdown_and_word(checklist, page):
    app = checklist
    app.get_by_label("Tool or service", exact=True).fill("Chat <b>helper</b>")
    app.get_by_label("Tool or service", exact=True).press("Enter")
    _answer(app, "our-data-use", DATA_USE_WEAK)
    app.get_by_text(DATA_USE_FOLLOW_UP, exact=False).wait_for(timeout=WAIT)
    wait_for_download(app.get_by_role("link", name="Download the checklist as Markdown"), DATA_USE_FOLLOW_UP)
    with page.expect_download() as download:
        app.get_by_role("link", name="Download the checklist as Markdown").click()
    assert download.value.suggested_filename == "vendor-due-diligence.md"
    text = Path(download.value.path()).read_text(encoding="utf-8")
    assert "## Follow-up questions to send" in text and DATA_USE_FOLLOW_UP in text
    assert "Chat \\<b\\>helper\\</b\\>" in text  # escaped, so it cannot add markup
    with page.expect_download() as download:
        app.get_by_role("link", name="Download the checklist as Word").click()
    word = WordDocument(io.BytesIO(Path(download.value.path()).read_bytes()))
    assert any("Chat <b>helper</b>" in p.text for p in word.paragraphs)
    assert word.tables[0].rows[1].cells[0].text == "Data"


def test_a_too_long_supplier_name_gets_a_plain_message(checklist):
    app = checklist
    name = "A" * 130
    app.get_by_label("Supplier", exact=True).fill(name)
    app.get_by_label("Supplier", exact=True).press("Enter")
    alert = app.get_by_role("alert")
    alert.wait_for(timeout=WAIT)
    assert "shorten it to 120 characters" in alert.inner_text()
    assert app.get_by_label("Supplier", exact=True).input_value() == name  # nothing typed is lost


def test_ratings_change_levels_and_plan_and_come_back(maturity, page, workspace_root):
    app = maturity
    app.get_by_text("No statements rated yet").wait_for(timeout=WAIT)
    for statement in ("strategy-problems", "strategy-pilots", "strategy-budget"):
        _rate(app, statement, "Fully in place")
    _rate(app, "strategy-review", "Started")
    # 10 points of 12 is 83%: Advanced, and the only rated dimension, so the plan keeps it there.
    app.get_by_text("Strategy: Advanced (83%)").wait_for(timeout=WAIT)
    assert "Review the AI plan every year" in app.inner_text()

    _rate(app, "ethics-principles", "Not in place")
    _rate(app, "ethics-impact", "Started")
    app.get_by_text("Ethics: Fundamentals (16%)").wait_for(timeout=WAIT)
    text = app.inner_text()
    assert "Strategy: Advanced" not in text  # the plan moved to the weakest dimension
    assert "Agree a short set of AI principles" in text
    alt = chart_alt(app, "Ethics 16% (Fundamentals)")
    assert "Strategy 83% (Advanced)" in alt and "Ethics 16% (Fundamentals)" in alt and "Weakest: Ethics" in alt
    app.locator(".kit-vega-picture svg").wait_for(timeout=WAIT)  # drawn by the browser, no picture from the kernel
    assert app.locator(".kit-vega-picture svg").count() == 1 and app.locator("figure img").count() == 0
    assert serious_violations(page) == []

    _rate(app, "ethics-principles", "Fully in place")  # 4 of 6 points: 66%, Intermediate
    app.get_by_text("Ethics: Intermediate (66%)").wait_for(timeout=WAIT)
    code, saved = _wait_saved(page, workspace_root, "culture.maturity",
                              lambda s: s["ratings"].get("ethics-principles") == 3)
    assert saved["ratings"]["strategy-review"] == 1 and len(saved["ratings"]) == 6

    reopen_workspace(page, code)
    app.get_by_text("Ethics: Intermediate (66%)").wait_for(timeout=WAIT)
    assert app.locator(".kit-s-strategy-review").get_by_role("radio", name="Started", exact=True).is_checked()


def test_action_plan_downloads_as_word_and_web_page(maturity, page):
    app = maturity
    app.get_by_label("Organisation or team (optional)").fill("Adult services <i>east</i>")
    app.get_by_label("Organisation or team (optional)").press("Enter")
    _rate(app, "measurement-kpis", "Not in place")
    _rate(app, "culture-training", "Mostly in place")
    app.get_by_text("Measurement: Fundamentals (0%)").wait_for(timeout=WAIT)
    wait_for_download(app.get_by_role("link", name="Download the action plan as a web page (HTML)"),
                      "Choose two or three ethical measures to track")
    with page.expect_download() as download:
        app.get_by_role("link", name="Download the action plan as Word").click()
    assert download.value.suggested_filename == "ai-maturity-action-plan.docx"
    word = WordDocument(io.BytesIO(Path(download.value.path()).read_bytes()))
    paragraphs = [p.text for p in word.paragraphs]
    assert "AI ethics maturity and action plan for Adult services <i>east</i>" in paragraphs
    assert "Next steps: Measurement (Fundamentals, 0%)" in paragraphs
    assert "Choose two or three ethical measures to track (lesson 09)." in paragraphs
    with page.expect_download() as download:
        app.get_by_role("link", name="Download the action plan as a web page (HTML)").click()
    html = Path(download.value.path()).read_text(encoding="utf-8")
    assert "Adult services &lt;i&gt;east&lt;/i&gt;" in html and "<i>east</i>" not in html
