"""The capstone: a workspace with saved work from several lessons becomes one downloadable plan."""

from __future__ import annotations

from pathlib import Path

from kit.hiring import audit_at, findings
from kit.risk import practice_register, risk_section
from kit.workshop import Store
from tests.browser.voila import open_app, wait_for_download


def _seed(workspace_root) -> str:
    workspace = Store(workspace_root).create()
    workspace.save("profile.organisation", "Harbourside <b>Homes</b>")
    workspace.save("profile.goal", "Check our screening supplier before renewal")
    workspace.save("bias.explorer", findings(audit_at(("gender", "ethnicity"), 0.5), 0.5))
    workspace.save("quiz.03_bias_in_hiring", {"answers": {"proxy": [1]}, "score": [1, 5]})
    workspace.save("risk.register", practice_register().to_dict())
    return workspace.code


def test_capstone_gathers_saved_work_into_the_download(page, kit_server, workspace_root):
    code = _seed(workspace_root)
    log = open_app(page, kit_server, "13_your_action_plan.ipynb")
    page.get_by_label("Your code").fill(code)
    page.get_by_role("button", name="Open my workspace").click()
    app = page.locator(".kit-action-plan")
    app.get_by_text("Ethical AI action plan: Harbourside <b>Homes</b>").wait_for(timeout=30_000)
    text = app.inner_text()
    assert "Bias audit of a screening tool (practice data)" in text
    assert "Below four-fifths: woman / Black" in text
    assert "Bias audit of your own data: lesson 03" in text  # missing part, with its lesson
    wait_for_download(app.get_by_role("link", name="Download your action plan as a web page (HTML)"),
                      "Check our screening supplier before renewal")
    with page.expect_download() as download:
        app.get_by_role("link", name="Download your action plan as a web page (HTML)").click()
    html = Path(download.value.path()).read_text(encoding="utf-8")
    assert "Harbourside &lt;b&gt;Homes&lt;/b&gt;" in html and "<b>Homes</b>" not in html
    assert "Check our screening supplier before renewal" in html and "Self-check results" in html
    register = risk_section(practice_register().to_dict())
    assert register.heading in html and "Data privacy breach" in html
    with page.expect_download() as word:
        app.get_by_role("link", name="Download your action plan as Word").click()
    assert word.value.suggested_filename == "ethical-ai-action-plan.docx"
    assert log.unexpected() == []


def test_building_without_a_workspace_says_what_to_do(page, kit_server):
    open_app(page, kit_server, "13_your_action_plan.ipynb")
    page.get_by_role("button", name="Build my action plan").click()
    alert = page.locator(".kit-action-plan").get_by_role("alert")
    alert.wait_for(timeout=30_000)
    assert "Open your workspace first" in alert.inner_text()
