"""Regulation in practice, in the browser: triage a lesson-01 use case in lesson 07, find it in the action plan
(with the "what this covers" table), and download the NYC Local Law 144 summary in lesson 03."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from kit.data import load_hiring
from kit.hiring import decisions_at
from kit.regulation import ll144_csv, ll144_summary
from kit.workshop import Store, parts
from tests.browser.voila import (WIDGET_TIMEOUT_MS, assert_clean, open_app, reopen_workspace, saved_value,
                                 serious_violations, visible_text, wait_for_download)

USE_CASE = "Screen CVs for the <warehouse>"
WAIT = 30_000


def _violations(page, selector: str) -> list[str]:
    """Every axe finding inside ``selector``, at any impact level."""
    found = Axe().run(page, context={"include": [[selector]]}).response["violations"]
    return [f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}" for v in found]


def _seed(workspace_root) -> str:
    """A workspace with the use cases an attendee saved in lesson 01 (through the store, for speed)."""
    workspace = Store(workspace_root).create()
    workspace.save(parts.USE_CASES.key, [{"title": USE_CASE, "value": 4, "effort": 2, "risk": 4},
                                         {"title": "Draft replies to customer emails", "value": 3, "effort": 1,
                                          "risk": 2}])
    return workspace.code


def _triage_result(page):
    return page.locator(".kit-triage-app .kit-triage-result")


def test_a_lesson_01_use_case_is_triaged_saved_and_reaches_the_action_plan(watched, kit_server, workspace_root):
    page = watched
    code = _seed(workspace_root)
    log = open_app(page, kit_server, "07_policies_and_governance.ipynb")
    app = page.locator(".kit-triage-app")
    app.wait_for(timeout=WIDGET_TIMEOUT_MS)
    page.get_by_label("Your code").fill(code)
    page.get_by_role("button", name="Open my workspace").click()
    picker = app.get_by_label("Which AI use are you triaging?")
    expect(picker.locator("option:checked")).to_have_text(f"Your use case: {USE_CASE}", timeout=WAIT)
    expect(app).not_to_contain_text("No use cases from")

    app.get_by_role("checkbox", name=re.compile(r"^Employment")).check()
    app.locator(".kit-triage-profiling").get_by_role("radio", name="Yes").check()
    result = _triage_result(page)
    expect(result.locator(".kit-level")).to_have_text(f"{USE_CASE}: High-risk", timeout=WAIT)  # shown as text
    text = result.inner_text()
    for expected in ("Tell the workers first", "26(7)", "Explain decisions on request", "86",
                     "Fundamental-rights impact assessment (Article 27): not required", "2 August 2026",
                     "2 February 2025", "digital omnibus", "As of 19 November 2025", "not legal advice"):
        assert expected in text, expected
    saved = saved_value(workspace_root, code, parts.TRIAGE.key,
                        lambda v: bool(v) and v.get(f"use_case:{USE_CASE}", {}).get("tier") == "high_risk")
    assert saved[f"use_case:{USE_CASE}"]["answers"]["annex_iii"] == ["employment"]
    assert_clean(page)
    assert serious_violations(page) == []
    assert _violations(page, ".kit-triage-app") == []
    assert log.unexpected() == []

    reopen_workspace(page, code)  # a reload: the triage comes back
    expect(_triage_result(page).locator(".kit-level")).to_have_text(f"{USE_CASE}: High-risk", timeout=WAIT)
    expect(app.get_by_role("checkbox", name=re.compile(r"^Employment"))).to_be_checked()

    log = open_app(page, kit_server, "13_your_action_plan.ipynb")
    page.get_by_label("Your code").fill(code)
    page.get_by_role("button", name="Open my workspace").click()
    plan = page.locator(".kit-action-plan")
    plan.get_by_text("EU AI Act triage of our AI uses").wait_for(timeout=WAIT)
    text = plan.inner_text()
    assert f"{USE_CASE}: High-risk" in text and "Tell the workers first" in text
    assert "What this covers: NIST AI RMF and ISO/IEC 42001" in text and "GOVERN 1.1" in text
    html = wait_for_download(plan.get_by_role("link", name="Download your action plan as a web page (HTML)"),
                             "What this covers")
    assert "Screen CVs for the &lt;warehouse&gt;" in html and "<warehouse>" not in html
    assert "ISO/IEC 42001:2023" in html and "not an official crosswalk" in html
    assert_clean(page)
    assert log.unexpected() == []


def test_a_bad_name_gets_a_plain_message(watched, kit_server):
    page = watched
    open_app(page, kit_server, "07_policies_and_governance.ipynb")
    app = page.locator(".kit-triage-app")
    app.wait_for(timeout=WIDGET_TIMEOUT_MS)
    app.get_by_role("button", name="Add it to the list").click()
    alert = app.get_by_role("alert")
    expect(alert).to_contain_text("Type the name of the AI use first", timeout=WAIT)
    assert_clean(page)


def test_the_bias_explorer_downloads_the_ll144_summary(watched, kit_server):
    page = watched
    log = open_app(page, kit_server, "03_bias_in_hiring.ipynb")
    explorer = page.locator(".kit-bias-explorer")
    web = explorer.get_by_role("link", name="Download the NYC Local Law 144 summary (web page)")
    web.wait_for(timeout=WIDGET_TIMEOUT_MS)
    with page.expect_download() as download:
        web.click()
    assert download.value.suggested_filename == "nyc-ll144-summary-cutoff-50.html"
    html = Path(download.value.path()).read_text(encoding="utf-8")
    pool = load_hiring()
    summary = ll144_summary(pool.assign(shortlisted=decisions_at(pool, 0.5)), "gender", "ethnicity",
                            outcome="shortlisted")
    for name in ("Sex", "Race/ethnicity", "Sex and race/ethnicity"):
        assert f"<caption>{name}</caption>" in html
    row = summary.tables["intersectional"][0]
    assert f'<th scope="row">{row.category}</th><td>{row.n}</td><td>{row.selected}</td>' in html
    assert "independent auditor" in html and "It is not the bias audit the law requires" in html

    spreadsheet = explorer.get_by_role("link", name="Download the NYC Local Law 144 summary as a spreadsheet (CSV)")
    with page.expect_download() as download:
        spreadsheet.click()
    data = Path(download.value.path()).read_bytes().decode("utf-8")  # as saved, CRLF kept
    assert data == ll144_csv(summary)
    rows = list(csv.reader(io.StringIO(data)))
    assert rows[0][:4] == ["Table", "Category", "People", "Selected"] and len(rows) == 1 + 3 + 4 + 12 + 2

    handle = page.get_by_role("slider", name="Shortlist when the model score is at least")
    handle.focus()
    handle.press("ArrowRight")  # the download follows the cut-off
    expect(web).to_have_attribute("download", "nyc-ll144-summary-cutoff-55.html", timeout=WAIT)

    lesson = visible_text(page)
    for expected in ("What the law requires", "An independent auditor", "Notice to candidates",
                     "What the kit's summary is not", "As of 19 November 2025"):
        assert expected in lesson, expected
    proxies = page.locator("table", has=page.locator("caption", has_text="Columns ranked by how closely"))
    headers = proxies.locator("th").all_inner_texts()
    assert "Rows compared" in headers and "n_used" not in headers and "n_missing" not in headers
    assert_clean(page)
    assert serious_violations(page) == []
    assert _violations(page, ".kit-bias-explorer") == []
    assert log.unexpected() == []
