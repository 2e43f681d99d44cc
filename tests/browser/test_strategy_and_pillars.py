"""Lessons 01 and 02 in the browser: the use-case triage matrix and the scenario sorter."""

from __future__ import annotations

import pytest

from tests.browser.voila import chart_alt, open_app, saved_value, reopen_workspace

STRATEGY = "01_strategy_and_use_cases.ipynb"
PILLARS = "02_ethics_pillars.ipynb"
MATRIX = ".kit-use-case-matrix"
SORTER = ".kit-pillar-sorter"
TIMEOUT = 30_000


def _open(page, kit_server, notebook):
    page.on("dialog", lambda dialog: pytest.fail(f"a script ran in the page: {dialog.message}"))
    return open_app(page, kit_server, notebook)


@pytest.fixture()
def strategy(page, kit_server):
    log = _open(page, kit_server, STRATEGY)
    yield page
    assert log.unexpected() == []


@pytest.fixture()
def pillars(page, kit_server):
    log = _open(page, kit_server, PILLARS)
    yield page
    assert log.unexpected() == []


def _matrix_alt(page, waiting_for: str = "") -> str:
    """The chart's text alternative (the browser-drawn picture's aria-label), once it contains ``waiting_for``."""
    return chart_alt(page.locator(MATRIX), waiting_for, timeout=TIMEOUT)


def _add(page, title, value="3 · Clear help", risk="3 · Medium"):
    app = page.locator(MATRIX)
    app.get_by_label("Title", exact=True).fill(title)
    app.get_by_label("Value (1 to 5)").select_option(label=value)
    app.get_by_label("Ethical risk (1 to 5)").select_option(label=risk)
    app.get_by_role("button", name="Add to my list").click()


def test_adding_a_use_case_moves_the_matrix_and_the_pilot(strategy, workspace_root):
    page = strategy
    app = page.locator(MATRIX)
    app.get_by_text("Recommended first pilot: Forecast weekly stock orders.").wait_for(timeout=TIMEOUT)
    before = _matrix_alt(page)
    assert "Matrix of 6 use cases" in before and "Recommended first pilot: 1 Forecast weekly stock orders" in before
    app.locator("figure.kit-vega-chart .kit-vega-picture svg").wait_for(timeout=TIMEOUT)  # drawn by the browser
    assert app.locator("figure.kit-chart img").count() == 0

    _add(page, "Answer stock questions by email", value="5 · Game changer", risk="1 · Very low")
    app.get_by_text("Recommended first pilot: Answer stock questions by email.").wait_for(timeout=TIMEOUT)
    after = _matrix_alt(page, "Matrix of 7 use cases")
    assert "7 Answer stock questions by email (value 5, risk 1)" in after
    assert "Recommended first pilot: 7 Answer stock questions by email" in after
    code = page.locator(".kit-code").inner_text(timeout=TIMEOUT).strip()  # adding started a workspace
    titles = [c["title"] for c in saved_value(workspace_root, code, "strategy.use_cases", lambda v: v is not None and len(v) == 7)]
    assert titles[-1] == "Answer stock questions by email" and len(titles) == 7
    assert app.get_by_role("link", name="Download the list (CSV, for a spreadsheet)").count() == 1
    assert app.get_by_role("link", name="Download the triage as Word").count() == 1


def test_markup_in_a_title_is_shown_as_text_and_comes_back_after_reload(strategy):
    page = strategy
    app = page.locator(MATRIX)
    _add(page, "<script>alert(1)</script>", value="4 · Big help", risk="2 · Low")
    app.get_by_text("Added '<script>alert(1)</script>'").wait_for(timeout=TIMEOUT)
    assert "<script>alert(1)</script>" in app.inner_text()
    assert page.locator("script:has-text('alert(1)')").count() == 0
    assert "7 <script>alert(1)</script> (value 4, risk 2)" in _matrix_alt(page, "Matrix of 7 use cases")
    code = page.locator(".kit-code").inner_text(timeout=TIMEOUT).strip()

    reopen_workspace(page, code)
    app.get_by_text("Restored your 7 saved use cases.").wait_for(timeout=TIMEOUT)
    assert "<script>alert(1)</script>" in app.locator("table.kit-table").last.inner_text()
    assert app.get_by_label("Use case to edit").locator("option").count() == 8  # "A new use case" + 7


def test_an_empty_title_gives_a_plain_message_and_keeps_the_other_fields(strategy):
    page = strategy
    app = page.locator(MATRIX)
    app.get_by_label("Problem it solves").fill("Queues at the till on Saturdays")
    app.get_by_label("Hours saved per month").fill("12")
    app.get_by_role("button", name="Add to my list").click()
    alert = app.get_by_role("alert")
    alert.wait_for(timeout=TIMEOUT)
    message = alert.inner_text()
    assert "Title box is empty" in message and "Traceback" not in message
    assert app.get_by_label("Problem it solves").input_value() == "Queues at the till on Saturdays"
    assert app.get_by_label("Hours saved per month").input_value() == "12"
    assert "Matrix of 6 use cases" in _matrix_alt(page)


def test_sorting_a_scenario_gives_feedback_and_is_restored(pillars, workspace_root):
    page = pillars
    sorter = page.locator(SORTER)
    sorter.get_by_role("heading", name="The loyalty app").wait_for(timeout=TIMEOUT)
    sorter.get_by_role("checkbox", name="Privacy").check()
    sorter.get_by_role("button", name="Check my answer").click()
    sorter.get_by_text("You found 1 of 2 pillars at stake").wait_for(timeout=TIMEOUT)
    # the score line is a separate widget: it may update a moment after the feedback
    sorter.get_by_text("Your score: 0 of 10 scenarios sorted right (1 answered so far)").wait_for(timeout=TIMEOUT)
    text = sorter.inner_text()
    assert "Right: Privacy." in text and "Missed: Transparency and explainability." in text

    sorter.get_by_role("checkbox", name="Transparency and explainability").check()
    sorter.get_by_role("button", name="Check my answer").click()
    sorter.get_by_text("Well sorted: you found every pillar at stake.").wait_for(timeout=TIMEOUT)
    sorter.get_by_role("button", name="Next scenario").click()
    sorter.get_by_role("heading", name="Ranking CVs").wait_for(timeout=TIMEOUT)
    assert not sorter.get_by_role("checkbox", name="Privacy").is_checked()

    code = page.locator(".kit-code").inner_text(timeout=TIMEOUT).strip()
    expected = {"answers": {"loyalty-app": ["privacy", "transparency"]}, "score": [1, 1, 10]}
    assert saved_value(workspace_root, code, "pillars.sorter", lambda saved: saved == expected) == expected
    reopen_workspace(page, code)
    sorter.get_by_text("Your score: 1 of 10 scenarios sorted right").wait_for(timeout=TIMEOUT)
    assert sorter.get_by_role("checkbox", name="Privacy").is_checked()


def test_checking_with_nothing_ticked_asks_for_a_pillar(pillars):
    sorter = pillars.locator(SORTER)
    sorter.get_by_role("button", name="Check my answer").click()
    alert = sorter.get_by_role("alert")
    alert.wait_for(timeout=TIMEOUT)
    assert "Tick at least one pillar" in alert.inner_text()
