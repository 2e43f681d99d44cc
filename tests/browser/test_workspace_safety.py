"""What a room relies on: a new workspace starts clean, two tabs lose nothing, uploads fail plainly."""

from __future__ import annotations

import re

import pytest

from kit.workshop import Store
from tests.browser.voila import open_app, saved_value

REGISTER = "06_chatbot_risk_assessment.ipynb"
BIAS = "03_bias_in_hiring.ipynb"
PLAN = "13_your_action_plan.ipynb"
WAIT = 30_000


def _register(page):
    return page.locator(".kit-risk-register")


def _add_risk(page, title):
    app = _register(page)
    app.get_by_label("Risk to edit").select_option(label="Add a new risk")
    app.get_by_label("Risk", exact=True).fill(title)
    app.get_by_label("Likelihood (1-5)", exact=True).select_option(label="4 (likely)")
    app.get_by_label("Severity (1-5)", exact=True).select_option(label="3 (moderate)")
    app.get_by_role("button", name="Add this risk").click()
    app.get_by_text(re.compile(rf"^Added R\d+ {re.escape(title)}")).wait_for(timeout=WAIT)


def _code(page) -> str:
    return page.locator(".kit-code").inner_text(timeout=WAIT).strip()


def _open_code(page, code):
    page.get_by_label("Your code").fill(code)
    page.get_by_role("button", name="Open my workspace").click()


def _titles(saved) -> list[str]:
    return [risk["title"] for risk in saved["risks"]]


def test_a_new_workspace_on_a_used_page_starts_from_the_lesson_default(page, kit_server, workspace_root):
    log = open_app(page, kit_server, REGISTER)
    _add_risk(page, "Attendee one's private risk")
    first = _code(page)
    saved_value(workspace_root, first, "risk.register", lambda v: v and "Attendee one's private risk" in _titles(v))

    page.get_by_role("button", name="Start a new workspace").click()
    page.locator(".kit-code").filter(has_not_text=first).wait_for(timeout=WAIT)
    second = _code(page)
    app = _register(page)
    app.get_by_text("A new workspace starts from the lesson's template").wait_for(timeout=WAIT)
    assert "Attendee one's private risk" not in app.inner_text()
    assert Store(workspace_root).open(second).keys() == []  # nothing carried over

    _add_risk(page, "Attendee two's risk")
    mine = saved_value(workspace_root, second, "risk.register", lambda v: v and "Attendee two's risk" in _titles(v))
    assert "Attendee one's private risk" not in _titles(mine)
    assert "Attendee one's private risk" in _titles(Store(workspace_root).open(first).load("risk.register"))
    assert "Attendee two's risk" not in _titles(Store(workspace_root).open(first).load("risk.register"))
    assert log.unexpected() == []


def test_two_tabs_on_one_code_each_add_a_risk_and_both_are_kept(page, kit_server, workspace_root):
    tab_a = page
    log_a = open_app(tab_a, kit_server, REGISTER)
    _add_risk(tab_a, "Seen in tab A first")
    code = _code(tab_a)

    tab_b = page.context.new_page()
    log_b = open_app(tab_b, kit_server, REGISTER)
    _open_code(tab_b, code)
    _register(tab_b).get_by_text("Your saved register is back: 5 risks.").wait_for(timeout=WAIT)

    _add_risk(tab_a, "Added in tab A")  # R6 in tab A
    saved_value(workspace_root, code, "risk.register", lambda v: v and "Added in tab A" in _titles(v))
    _add_risk(tab_b, "Added in tab B")  # also R6 in tab B, which has not seen tab A's
    saved = saved_value(workspace_root, code, "risk.register", lambda v: v and "Added in tab B" in _titles(v))
    assert {"Seen in tab A first", "Added in tab A", "Added in tab B"} <= set(_titles(saved))
    assert len({risk["ref"] for risk in saved["risks"]}) == len(saved["risks"]) == 7

    told = _register(tab_b).get_by_text(re.compile("Another tab or window saved changes here too"))
    told.wait_for(timeout=WAIT)
    assert "R6 (yours is now R7)" in told.inner_text()
    table = _register(tab_b).locator("table.kit-table")
    table.get_by_text("Added in tab A", exact=True).wait_for(timeout=WAIT)
    assert table.get_by_text("Added in tab B", exact=True).count() == 1
    assert log_a.unexpected() == [] and log_b.unexpected() == []


def _upload(page, path):
    with page.expect_file_chooser() as chooser:
        page.locator(".kit-csv-audit").get_by_role("button", name=re.compile("Upload a CSV file")).click()
    chooser.value.set_files(str(path))


def test_a_file_over_the_limit_is_refused_before_it_is_sent_and_the_page_stays_usable(page, kit_server, tmp_path):
    log = open_app(page, kit_server, BIAS)
    panel = page.locator(".kit-csv-audit")
    button = panel.get_by_role("button", name=re.compile("Upload a CSV file, up to 10 MB"))
    assert button.count() == 1  # the limit is in the label before anyone tries
    big = tmp_path / "all-applicants.csv"
    row = "yes,woman,North,some notes to make the row longer\n"
    big.write_text("hired,gender,region,notes\n" + row * (20_000_000 // len(row)), encoding="utf-8")
    _upload(page, big)
    refusal = panel.locator(".kit-upload-refused")
    refusal.wait_for(timeout=WAIT)
    text = refusal.inner_text()
    assert "all-applicants.csv is 20.0 MB" in text and "up to 10 MB" in text and "a million rows" in text
    assert refusal.get_attribute("role") == "alert"

    small = tmp_path / "ok.csv"
    small.write_text("hired,gender\n" + "yes,woman\nno,man\n" * 20, encoding="utf-8")
    _upload(page, small)  # the connection survived: the next file goes through
    panel.get_by_text("Read ok.csv: 40 rows").wait_for(timeout=WAIT)
    assert not refusal.is_visible()
    assert log.unexpected() == []


def test_a_failed_upload_clears_the_previous_result(page, kit_server, tmp_path):
    log = open_app(page, kit_server, BIAS)
    panel = page.locator(".kit-csv-audit")
    good = tmp_path / "good.csv"
    good.write_text("hired,gender\n" + "yes,woman\nno,man\n" * 100, encoding="utf-8")
    _upload(page, good)
    panel.get_by_text("Read good.csv: 200 rows").wait_for(timeout=WAIT)
    run = panel.get_by_role("button", name="Run the audit")
    assert run.is_enabled()

    bad = tmp_path / "bad.csv"
    bad.write_text("hired;gender\nyes;woman\n", encoding="utf-8")
    _upload(page, bad)
    panel.get_by_role("alert").wait_for(timeout=WAIT)
    assert "comma" in panel.get_by_role("alert").inner_text().lower()
    assert panel.get_by_text("Read good.csv").count() == 0
    assert run.is_disabled()
    assert log.unexpected() == []


def test_a_code_that_does_not_open_replaces_the_ready_message(page, kit_server):
    log = open_app(page, kit_server, PLAN)
    page.get_by_role("button", name="Start a new workspace").click()
    page.get_by_text("Your new workspace is ready.").wait_for(timeout=WAIT)
    code = _code(page)
    _open_code(page, "ACDE-FGHJ-KM30")  # 0 is never used in a code
    page.get_by_role("alert").filter(has_text="not valid").wait_for(timeout=WAIT)
    assert page.get_by_text("Your new workspace is ready.").count() == 0
    assert page.get_by_text(f"Still open: workspace {code}").count() == 1
    assert log.unexpected() == []


@pytest.fixture(autouse=True)
def _no_dialogs(page):
    page.on("dialog", lambda dialog: pytest.fail(f"a script ran in the page: {dialog.message}"))
