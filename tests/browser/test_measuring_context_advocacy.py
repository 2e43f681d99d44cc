"""Lessons 09, 11 and 12 in the browser: the KPI dashboard, the case explorer, the statement builder."""

from __future__ import annotations

from pathlib import Path

import pytest

from kit.workshop import Store
from tests.browser.voila import open_app, saved_value, wait_for_widgets

TIMEOUT = 60_000  # generous: several engineers share two cores
SCRIPT = "<script>alert(1)</script>"
AWARENESS = "Staff awareness of the ethical AI guidelines"


@pytest.fixture()
def watched(page):
    """The page, failing the test if any script the attendee typed ever runs."""
    page.on("dialog", lambda dialog: pytest.fail(f"a script ran in the page: {dialog.message}"))
    return page


def _reopen(page, code: str) -> None:
    page.reload()
    wait_for_widgets(page)
    page.get_by_label("Your code").fill(code)
    page.get_by_role("button", name="Open my workspace").click()
    page.get_by_text("Welcome back").wait_for(timeout=TIMEOUT)


def test_kpi_target_changes_the_status_and_the_drift_alert_shows(watched, kit_server, workspace_root):
    page = watched
    log = open_app(page, kit_server, "09_measuring_what_matters.ipynb")
    app = page.locator(".kit-kpi-dashboard")
    alert = app.get_by_text("Drift alert", exact=False)
    alert.wait_for(timeout=TIMEOUT)
    assert "Disability: yes" in alert.inner_text() and "September" in alert.inner_text()
    row = app.locator("tr", has_text=AWARENESS)
    assert "✔ on target" in row.inner_text()

    app.get_by_label("KPI", exact=True).select_option(label=AWARENESS)
    target = app.get_by_label("Your target", exact=True)
    page.wait_for_function("() => [...document.querySelectorAll('.kit-kpi-dashboard input')]"
                           ".some(e => e.value === '80')", timeout=TIMEOUT)
    target.fill("ninety")
    target.press("Enter")
    app.get_by_role("button", name="Set target").click()
    app.get_by_role("alert").filter(has_text="as a number").wait_for(timeout=TIMEOUT)
    assert target.input_value() == "ninety"  # what was typed stays

    target.fill("90")
    target.press("Enter")
    app.get_by_role("button", name="Set target").click()
    app.locator("tr", has_text=AWARENESS).filter(has_text="✘ off target").wait_for(timeout=TIMEOUT)
    assert "at least 90.0%" in app.locator("tr", has_text=AWARENESS).inner_text()
    code = page.locator(".kit-code").inner_text(timeout=TIMEOUT).strip()
    assert saved_value(workspace_root, code, "kpis.targets", lambda v: v == {"staff_awareness": 90.0})

    app.get_by_label("Compare applicants by").select_option(label="Ethnicity")
    app.get_by_text("No drift", exact=False).wait_for(timeout=TIMEOUT)

    _reopen(page, code)
    page.locator(".kit-kpi-dashboard tr", has_text=AWARENESS).filter(has_text="✘ off target").wait_for(timeout=TIMEOUT)
    assert log.unexpected() == []


def test_case_explorer_compares_lenses_and_records_a_decision_as_text(watched, kit_server, workspace_root):
    page = watched
    log = open_app(page, kit_server, "11_cultural_and_sector_context.ipynb")
    app = page.locator(".kit-case-explorer")
    app.get_by_role("heading", name="Stakeholder: Patients").wait_for(timeout=TIMEOUT)
    assert "Keep a phone and walk-in route" not in app.inner_text()
    app.get_by_label("Side by side with").select_option(label="Region: Developing economies")
    app.get_by_text("Keep a phone and walk-in route", exact=False).wait_for(timeout=TIMEOUT)

    app.get_by_label("Case", exact=True).select_option(label="Small-business sales: AI lead scoring and automated "
                                                             "outreach for a small sales team")
    app.get_by_text("Cap the number of follow-ups", exact=False).wait_for(timeout=TIMEOUT)
    assert "Keep a phone and walk-in route" not in app.inner_text()

    app.get_by_role("button", name="Record our decision").click()
    app.get_by_role("alert").filter(has_text="Choose one of the options").wait_for(timeout=TIMEOUT)
    app.get_by_role("radio", name="Launch only to contacts who agreed", exact=False).check()
    reasoning = app.get_by_label("Why we chose it")
    reasoning.fill(f"Consent first {SCRIPT}")
    reasoning.blur()
    app.get_by_role("button", name="Record our decision").click()
    app.get_by_text("Recorded your decision", exact=False).wait_for(timeout=TIMEOUT)
    table = app.locator("table", has_text="Decisions your team recorded")
    assert f"Consent first {SCRIPT}" in table.inner_text()  # shown as text, never run
    assert page.locator("script:has-text('alert(1)')").count() == 0
    code = page.locator(".kit-code").inner_text(timeout=TIMEOUT).strip()
    saved = saved_value(workspace_root, code, "cases.decisions", lambda v: bool(v))
    assert saved["sales"]["reasoning"] == f"Consent first {SCRIPT}"

    _reopen(page, code)
    app = page.locator(".kit-case-explorer")
    app.get_by_text("Cap the number of follow-ups", exact=False).wait_for(timeout=TIMEOUT)  # the case decided last
    assert app.get_by_label("Why we chose it").input_value() == f"Consent first {SCRIPT}"
    assert app.get_by_role("radio", name="Launch only to contacts who agreed", exact=False).is_checked()
    assert log.unexpected() == []


def test_statement_builder_uses_saved_work_and_downloads_the_draft(watched, kit_server, workspace_root):
    page = watched
    workspace = Store(workspace_root).create()  # saved work from earlier lessons
    workspace.save("profile.organisation", "Harbourside <b>Homes</b>")
    workspace.save("bias.explorer", {"groups": ["age_band"], "threshold": 0.5, "four_fifths_pass": False,
                                     "flagged": ["55+"], "impact_ratio_min": 0.62})
    log = open_app(page, kit_server, "12_ethical_innovation_and_advocacy.ipynb")
    page.get_by_label("Your code").fill(workspace.code)
    page.get_by_role("button", name="Open my workspace").click()
    page.get_by_text("Welcome back").wait_for(timeout=TIMEOUT)

    app = page.locator(".kit-statement-builder")
    app.get_by_role("button", name="Fill in from my saved work").click()
    app.get_by_text("Used your organisation (lesson 00, Start here", exact=False).wait_for(timeout=TIMEOUT)
    assert app.get_by_label("Your organisation", exact=True).input_value() == "Harbourside <b>Homes</b>"
    assert "below four-fifths of the highest rate: 55+" in app.get_by_label("How you check it is fair").input_value()
    name = app.get_by_label("Name of the AI system")
    name.fill(f"Repairs chatbot {SCRIPT}")
    name.press("Enter")
    app.get_by_role("button", name="Start from the example").click()
    app.get_by_text("Every section of the public tier has an answer").wait_for(timeout=TIMEOUT)
    assert f"Repairs chatbot {SCRIPT}" in app.locator(".kit-statement").inner_text()

    with page.expect_download() as markdown:
        app.get_by_role("link", name="Download the statement as Markdown").click()
    assert markdown.value.suggested_filename == "transparency-statement.md"
    text = Path(markdown.value.path()).read_text(encoding="utf-8")
    assert text.startswith("# How Harbourside \\<b\\>Homes\\</b\\> uses AI: Repairs chatbot")
    assert "## How to challenge a decision" in text and "below four-fifths of the highest rate: 55+" in text
    with page.expect_download() as web:
        app.get_by_role("link", name="Download the statement as a web page (HTML)").click()
    html = Path(web.value.path()).read_text(encoding="utf-8")
    assert "Repairs chatbot &lt;script&gt;alert(1)&lt;/script&gt;" in html and SCRIPT not in html
    saved = saved_value(workspace_root, workspace.code, "transparency.statement",
                   lambda v: bool(v) and v["answers"].get("name") == f"Repairs chatbot {SCRIPT}")
    assert saved["answers"]["organisation"] == "Harbourside <b>Homes</b>"

    _reopen(page, workspace.code)
    app = page.locator(".kit-statement-builder")
    page.wait_for_function("() => [...document.querySelectorAll('.kit-statement-builder input')]"
                           ".some(e => e.value.startsWith('Repairs chatbot'))", timeout=TIMEOUT)
    assert app.get_by_label("Your organisation", exact=True).input_value() == "Harbourside <b>Homes</b>"
    assert log.unexpected() == []
