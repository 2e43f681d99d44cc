"""Lesson 06 in the browser: the risk register builder, its heatmap, autosave and safe downloads."""

from __future__ import annotations

import csv
import re

import pytest

from kit.risk import Register, register_csv, validate_risk
from tests.browser.voila import chart_alt, image_text, open_app, saved_value, wait_for_download, wait_for_widgets

NOTEBOOK = "06_chatbot_risk_assessment.ipynb"
MARKUP = "<img src=x onerror=alert(1)>"
FORMULA = '=HYPERLINK("http://example.com/steal","Click for refund")'
WAIT = 30_000


@pytest.fixture()
def lesson(page, kit_server):
    page.on("dialog", lambda dialog: pytest.fail(f"a script ran in the page: {dialog.message}"))
    log = open_app(page, kit_server, NOTEBOOK)
    yield page
    assert log.unexpected() == []


def _app(page):
    return page.locator(".kit-risk-register")


def _add_risk(page, title, likelihood="4 (likely)", severity="5 (severe)", owner="Shop manager"):
    app = _app(page)
    app.get_by_label("Risk to edit").select_option(label="Add a new risk")
    app.get_by_label("Risk", exact=True).fill(title)
    app.get_by_label("Likelihood (1-5)", exact=True).select_option(label=likelihood)
    app.get_by_label("Severity (1-5)", exact=True).select_option(label=severity)
    if owner:
        app.get_by_label("Owner", exact=True).fill(owner)
    app.get_by_role("button", name="Add this risk").click()
    added = app.get_by_text(re.compile(r"^Added R\d+ "))
    added.wait_for(timeout=WAIT)
    ref = re.match(r"Added (R\d+)", added.inner_text())[1]
    wait_for_download(app.get_by_role("link", name="Spreadsheet (CSV)"), f"\n{ref},")  # the files are made last


def _row(page, ref: str) -> str:
    return _app(page).locator("table.kit-table tr", has=page.locator(f"td:text-is('{ref}')")).inner_text()


def _heatmap_alt(page) -> str:
    return image_text(_app(page).locator("figure.kit-chart").get_by_role("img"))


def test_markup_in_a_title_is_shown_as_text_and_comes_back_after_reload(lesson, workspace_root):
    page = lesson
    _add_risk(page, MARKUP)
    table = _app(page).locator("table.kit-table")
    table.get_by_text(MARKUP, exact=True).wait_for(timeout=WAIT)
    assert page.locator("img[src='x']").count() == 0  # never became an element
    assert "R5" in _heatmap_alt(page)

    code = page.locator(".kit-code").inner_text(timeout=WAIT).strip()  # adding a risk started a workspace
    saved = saved_value(workspace_root, code, "risk.register")
    assert [risk["title"] for risk in saved["risks"]][-1] == MARKUP

    page.reload()
    wait_for_widgets(page)
    assert _app(page).locator("table.kit-table").get_by_text(MARKUP, exact=True).count() == 0
    page.get_by_label("Your code").fill(code)
    page.get_by_role("button", name="Open my workspace").click()
    _app(page).locator("table.kit-table").get_by_text(MARKUP, exact=True).wait_for(timeout=WAIT)
    _app(page).get_by_text("Your saved register is back: 5 risks.").wait_for(timeout=WAIT)


def test_changing_likelihood_updates_band_and_heatmap(lesson):
    page = lesson
    app = _app(page)
    assert re.search(r"\b15\s+high\b", _row(page, "R1"))
    before = _heatmap_alt(page)
    assert "R1 at likelihood 3 (possible) × severity 5 (severe) = 15, high" in before
    app.get_by_label("Risk to edit").select_option(label="R1 · Data privacy breach")
    app.get_by_text("Editing R1").wait_for(timeout=WAIT)
    app.get_by_label("Likelihood (1-5)", exact=True).select_option(label="5 (almost certain)")
    app.get_by_text("Saved R1: score 25 (critical)").wait_for(timeout=WAIT)
    assert re.search(r"\b25\s+critical\b", _row(page, "R1"))
    after = chart_alt(app, "R1 at likelihood 5 (almost certain) × severity 5 (severe) = 25, critical")
    assert "Before mitigation (1 critical, 2 high, 1 medium, 0 low)" in after
    live_score = app.get_by_role("status").filter(has_text=re.compile(r"Score 25 \(critical\) before mitigation"))
    assert live_score.count() == 1


def test_missing_title_gets_a_plain_error_and_keeps_the_input(lesson):
    page = lesson
    app = _app(page)
    app.get_by_label("Owner", exact=True).fill("Jo Bloggs, customer service")
    app.get_by_label("Likelihood (1-5)", exact=True).select_option(label="2 (unlikely)")
    app.get_by_role("button", name="Add this risk").click()
    alert = app.get_by_role("alert")
    alert.wait_for(timeout=WAIT)
    message = alert.inner_text()
    assert "give the risk a short title" in message and "Severity: choose a value" in message
    assert "Traceback" not in message
    assert app.get_by_label("Owner", exact=True).input_value() == "Jo Bloggs, customer service"
    chosen = app.get_by_label("Likelihood (1-5)", exact=True).locator("option:checked").inner_text()
    assert chosen.replace("\xa0", " ") == "2 (unlikely)"  # ipywidgets draws spaces as no-break spaces


def test_csv_download_neutralises_a_formula_title(lesson):
    page = lesson
    _add_risk(page, FORMULA, likelihood="5 (almost certain)", severity="5 (severe)")
    link = _app(page).get_by_role("link", name="Spreadsheet (CSV)")
    with page.expect_download() as download:
        link.click()
    assert download.value.suggested_filename == "risk-register.csv"
    with open(download.value.path(), encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    titles = [row["Risk"] for row in rows]
    assert rows[0]["Risk"].startswith("'=HYPERLINK(")  # highest score first, neutralised
    assert FORMULA not in titles and "'" + FORMULA in titles
    assert {"Data privacy breach", "Lack of transparency"} <= set(titles)
    for label in ("Markdown", "Web page (HTML)", "Word document"):
        assert _app(page).get_by_role("link", name=label).count() == 1


def test_uploaded_csv_register_replaces_the_one_on_screen(lesson, tmp_path):
    page = lesson
    register = Register(name="Imported")
    register.add(validate_risk({"title": FORMULA, "likelihood": 2, "severity": 3, "owner": "IT lead"}))
    register.add(validate_risk({"title": "Chatbot unusable with a screen reader", "likelihood": 3,
                                "severity": 4, "category": "accessibility"}))
    path = tmp_path / "our-register.csv"
    path.write_text(register_csv(register), encoding="utf-8")
    with page.expect_file_chooser() as chooser:
        _app(page).get_by_role("button", name=re.compile("Upload a CSV register")).click()
    chooser.value.set_files(str(path))
    _app(page).get_by_text("Read our-register.csv: 2 risks.").wait_for(timeout=WAIT)
    table = _app(page).locator("table.kit-table")
    assert table.get_by_text(FORMULA, exact=True).count() == 1  # the apostrophe is gone again
    assert table.get_by_text("Data privacy breach").count() == 0
    assert "1 risk has no owner yet: R2 Chatbot unusable with a screen reader" in _app(page).inner_text()
