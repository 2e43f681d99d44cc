"""Lesson 03 in the browser: the bias explorer and the audit of an uploaded CSV."""

from __future__ import annotations

import re

import pytest

from tests.browser.voila import chart_alt, open_app, saved_value, wait_for_widgets

NOTEBOOK = "03_bias_in_hiring.ipynb"
SLIDER = "Shortlist when the model score is at least"


@pytest.fixture()
def lesson(page, kit_server):
    page.on("dialog", lambda dialog: pytest.fail(f"a script ran in the page: {dialog.message}"))
    log = open_app(page, kit_server, NOTEBOOK)
    yield page
    assert log.unexpected() == []


def _explorer_text(page) -> str:
    return page.locator(".kit-bias-explorer").inner_text()


def _lowest_ratio(text: str) -> str:
    return re.search(r"lowest impact ratio (?:is )?(\d\.\d\d)", text)[1]


def test_threshold_slider_changes_the_impact_ratio(lesson, workspace_root):
    page = lesson
    before = _explorer_text(page)
    assert "Shortlisted at a score of 0.50 or more" in before
    handle = page.get_by_role("slider", name=SLIDER)
    handle.focus()
    for _ in range(3):
        handle.press("ArrowRight")
    page.locator(".kit-bias-explorer").get_by_text("Shortlisted at a score of 0.65 or more").wait_for(timeout=30_000)
    after = _explorer_text(page)
    assert _lowest_ratio(after) != _lowest_ratio(before)
    alt = chart_alt(page.locator(".kit-bias-explorer"), "Bar chart of selection rate by gender:")
    assert "The dashed line marks four-fifths of the highest judged rate" in alt
    assert page.locator(".kit-bias-explorer .kit-vega-picture svg").count() == 1  # drawn by the browser

    page.locator(".kit-bias-explorer").get_by_text("Age band").click()  # tick a second attribute
    page.locator(".kit-bias-explorer").get_by_text("Shortlisted, by", exact=False).count()
    page.wait_for_function("() => document.querySelector('.kit-bias-explorer').innerText.includes('55+')",
                           timeout=30_000)
    assert "woman / 55+" in chart_alt(page.locator(".kit-bias-explorer"), "by gender and age band")
    code = page.locator(".kit-code").inner_text(timeout=30_000).strip()  # moving the slider started a workspace
    # the page redraws before the save lands: wait for the save of the last change
    saved = saved_value(workspace_root, code, "bias.explorer", lambda v: bool(v) and len(v.get("groups", [])) == 2)
    assert saved["threshold"] == pytest.approx(0.65) and saved["groups"] == ["gender", "age_band"]

    page.reload()
    wait_for_widgets(page)
    page.get_by_label("Your code").fill(code)
    page.get_by_role("button", name="Open my workspace").click()
    page.locator(".kit-bias-explorer").get_by_text("Shortlisted at a score of 0.65 or more").wait_for(timeout=30_000)


def _upload(page, path):
    with page.expect_file_chooser() as chooser:
        page.locator(".kit-csv-audit").get_by_role("button", name=re.compile("Upload a CSV file")).click()
    chooser.value.set_files(str(path))


def _run_audit(page, outcome, positive, groups):
    panel = page.locator(".kit-csv-audit")
    panel.get_by_label("Decision column").select_option(outcome)
    panel.get_by_label("Value meaning selected").select_option(positive)
    for group in groups:
        panel.get_by_role("checkbox", name=group).check()
    panel.get_by_role("button", name="Run the audit").click()


def test_uploaded_csv_is_audited_with_markup_shown_as_text(lesson, tmp_path):
    page = lesson
    rows = ["hired,team,gender"]
    rows += [f"{'yes' if i < 30 else 'no'},sales,<script>alert(1)</script>" for i in range(100)]
    rows += [f"{'yes' if i < 60 else 'no'},sales,man" for i in range(100)]
    path = tmp_path / "decisions.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    _upload(page, path)
    page.locator(".kit-csv-audit").get_by_text("Read decisions.csv: 200 rows and 3 columns").wait_for(timeout=30_000)
    _run_audit(page, "hired", "yes", ["gender"])
    panel = page.locator(".kit-csv-audit")
    panel.get_by_text("Fails the four-fifths rule").wait_for(timeout=30_000)
    text = panel.inner_text()
    assert "<script>alert(1)</script>" in text  # shown as text, not run
    assert "0.50" in text  # 30% against 60%
    assert page.locator("script:has-text('alert(1)')").count() == 0
    assert panel.get_by_role("link", name=re.compile("Download this audit")).count() == 1


def test_semicolon_csv_gets_a_plain_error(lesson, tmp_path):
    page = lesson
    path = tmp_path / "export.csv"
    path.write_text("hired;gender\nyes;woman\nno;man\n", encoding="utf-8")
    _upload(page, path)
    alert = page.locator(".kit-csv-audit").get_by_role("alert")
    alert.wait_for(timeout=30_000)
    message = alert.inner_text()
    assert "comma" in message.lower() and "Traceback" not in message


def test_running_without_a_group_asks_for_one(lesson, tmp_path):
    page = lesson
    path = tmp_path / "ok.csv"
    path.write_text("hired,gender\n" + "yes,woman\nno,man\n" * 20, encoding="utf-8")
    _upload(page, path)
    page.locator(".kit-csv-audit").get_by_text("Read ok.csv").wait_for(timeout=30_000)
    page.locator(".kit-csv-audit").get_by_role("button", name="Run the audit").click()
    alert = page.locator(".kit-csv-audit").get_by_role("alert")
    alert.wait_for(timeout=30_000)
    assert "Tick at least one group column" in alert.inner_text()


def test_mitigation_comparison_shows_the_trade_off(lesson):
    page = lesson
    page.get_by_role("button", name="Compare mitigations").click()
    table = page.get_by_role("table", name=re.compile("Mitigations compared for age band"))
    table.wait_for(timeout=60_000)
    text = table.inner_text()
    for approach in ("No mitigation", "Reweighing", "Threshold optimizer", "Drop the proxy"):
        assert approach in text
    assert "narrows the gap" in page.locator("body").inner_text() or "widens the gap" in page.locator("body").inner_text()
