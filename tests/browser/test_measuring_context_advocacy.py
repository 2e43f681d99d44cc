"""Lessons 09 and 12 in the browser: the KPI dashboard and the statement builder (lesson 11: test_case_studies.py)."""

from __future__ import annotations

from pathlib import Path


from kit.workshop import Store
from tests.browser.voila import chart_alt, open_app, saved_value, reopen_workspace, wait_for_widgets, watch

TIMEOUT = 60_000  # generous: several engineers share two cores
SCRIPT = "<script>alert(1)</script>"
AWARENESS = "Staff awareness of the ethical AI guidelines"


def _reopen(page, code: str) -> None:
    reopen_workspace(page, code)
    page.get_by_text("Welcome back").wait_for(timeout=TIMEOUT)


def test_kpi_target_changes_the_status_and_the_drift_alert_shows(watched, kit_server, workspace_root):
    page = watched
    fetched = []  # the charts' code, which the page fetches from kit serve
    page.on("request", lambda request: fetched.append(request.url) if request.url.endswith("/vega_chart.js") else None)
    framing = []  # the kernel websocket's framing, which bench/protocol.py copies
    devtools = page.context.new_cdp_session(page)
    devtools.send("Network.enable")
    devtools.on("Network.webSocketHandshakeResponseReceived", lambda event: framing.append(
        {k.lower(): v for k, v in event["response"]["headers"].items()}.get("sec-websocket-protocol", "legacy")))
    log = open_app(page, kit_server, "09_measuring_what_matters.ipynb")
    app = page.locator(".kit-kpi-dashboard")
    alert = app.get_by_text("Drift alert", exact=False)
    alert.wait_for(timeout=TIMEOUT)
    assert "Disability: yes" in alert.inner_text() and "September" in alert.inner_text()
    row = app.locator("tr", has_text=AWARENESS)
    assert "✔ on target" in row.inner_text()
    drift = chart_alt(app, "monthly selection rate by disability", timeout=TIMEOUT)
    assert "below four-fifths in September, October, November, December" in drift
    app.locator(".kit-vega-picture svg").nth(1).wait_for(timeout=TIMEOUT)  # both charts drawn by the browser,
    assert app.locator(".kit-vega-picture svg").count() == 2 and app.locator("figure img").count() == 0  # no PNG
    assert fetched[-1:] == [f"{kit_server}/voila/labextensions/vega_chart.js"]  # fetched for both charts...
    assert len(fetched) <= len(framing)  # ...once per page, not per chart (a reloaded page fetches again)
    assert framing and set(framing) == {"v1.kernel.websocket.jupyter.org"}  # as the load test's attendees ask for

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
    assert "Staff awareness" in chart_alt(app, "target at least 90.0%", timeout=TIMEOUT)  # the trend follows
    code = page.locator(".kit-code").inner_text(timeout=TIMEOUT).strip()
    assert saved_value(workspace_root, code, "kpis.targets", lambda v: v == {"staff_awareness": 90.0})

    app.get_by_label("Compare applicants by").select_option(label="Ethnicity")
    app.get_by_text("No drift", exact=False).wait_for(timeout=TIMEOUT)
    assert "Asian from" in chart_alt(app, "monthly selection rate by ethnicity", timeout=TIMEOUT)

    _reopen(page, code)
    page.locator(".kit-kpi-dashboard tr", has_text=AWARENESS).filter(has_text="✘ off target").wait_for(timeout=TIMEOUT)
    assert log.unexpected() == []


def test_a_chart_whose_code_cannot_be_fetched_says_so_in_words(page, kit_server):
    watch(page)
    page.route("**/vega_chart.js", lambda route: route.abort())  # after watch's route, so it wins
    page.goto(f"{kit_server}/voila/render/09_measuring_what_matters.ipynb", timeout=TIMEOUT)
    wait_for_widgets(page)
    app = page.locator(".kit-kpi-dashboard")
    problems = app.get_by_role("alert").filter(has_text="This chart could not be drawn")
    problems.nth(1).wait_for(timeout=TIMEOUT)  # both charts, each with what it shows and the way out
    assert "monthly selection rate by disability" in problems.all_inner_texts()[1].lower()
    assert all("Reload the page" in text for text in problems.all_inner_texts())
    assert app.get_by_text("Drift alert", exact=False).count() == 1  # the rest of the app works


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
