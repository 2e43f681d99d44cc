"""Lesson 11 in the browser: a group picks a case, takes roles, decides, sees what followed and the other lenses.

The server is ``kit serve`` as a trainer starts it (XSRF protection on, the
same options), from ``conftest.py``. The decision is saved to the workspace,
comes back after a reload, and appears in the action plan of lesson 13.
"""

from __future__ import annotations


from tests.browser.voila import assert_clean, open_app, saved_value, serious_violations, reopen_workspace

TIMEOUT = 60_000  # generous: several engineers share two cores
SCRIPT = "<script>alert(1)</script>"
SALES = "Small-business sales: AI lead scoring and automated outreach for a small sales team"
CONSENT = "Launch only to contacts who agreed to hear from us"
LATER = "Six months later, the campaign has reached 3,000 contacts"


def _reopen(page, code: str) -> None:
    reopen_workspace(page, code)
    page.get_by_text("Welcome back").wait_for(timeout=TIMEOUT)


def test_a_group_decides_a_case_sees_what_followed_and_finds_it_saved(watched, kit_server, workspace_root):
    page = watched
    log = open_app(page, kit_server, "11_cultural_and_sector_context.ipynb")
    app = page.locator(".kit-case-explorer")
    app.get_by_text("Riverside Health", exact=False).first.wait_for(timeout=TIMEOUT)

    # 1. Pick a case.
    app.get_by_label("Case", exact=True).select_option(label=SALES)
    app.get_by_text("Brightdesk", exact=False).first.wait_for(timeout=TIMEOUT)
    assert "Riverside Health" not in app.inner_text()

    # 2. Take roles: the case's own cards, each with a goal and a worry, and who plays them.
    app.get_by_role("heading", name="Office manager (data protection)").wait_for(timeout=TIMEOUT)
    assert "Proof of consent for every contact" in app.inner_text()
    sales_lead = app.get_by_label("Who plays the Sales lead?")
    sales_lead.fill("Sam")
    sales_lead.press("Tab")
    owner = app.get_by_label("Who plays the Owner (Dana)?")
    owner.fill(f"Dana {SCRIPT}")
    owner.press("Tab")

    # 3. Decide, under one setting; a missing reason is named, and what was chosen stays.
    app.get_by_role("radio", name="Developing economies", exact=False).check()
    app.get_by_role("radio", name=CONSENT, exact=False).check()
    app.get_by_role("button", name="Record our decision").click()
    app.get_by_role("alert").filter(has_text="Write a sentence or two").wait_for(timeout=TIMEOUT)
    assert app.get_by_role("radio", name=CONSENT, exact=False).is_checked()
    assert "Six months later" not in app.inner_text()
    reasoning = app.get_by_label("Why we chose it")
    reasoning.fill(f"Consent first {SCRIPT}")
    reasoning.press("Tab")
    record = app.get_by_role("button", name="Record our decision")
    record.focus()
    page.keyboard.press("Enter")  # the keyboard is enough
    app.get_by_text("Recorded your decision", exact=False).wait_for(timeout=TIMEOUT)

    # 4. What followed, and 5. the other lenses.
    app.get_by_role("heading", name="Six months later").wait_for(timeout=TIMEOUT)
    text = app.inner_text()
    assert LATER in text and "What your decision meant for each stakeholder" in text
    app.get_by_role("heading", name="Developing economies (your setting)").wait_for(timeout=TIMEOUT)
    for other in ("Western cultures", "Eastern cultures"):
        app.get_by_role("heading", name=other, exact=True).wait_for(timeout=TIMEOUT)
    assert "Read as Developing economies, the case leans to your option" in text
    app.get_by_text("What the other options led to").click()
    app.get_by_text("Six months later, Brightdesk has won eleven new accounts", exact=False).wait_for(
        timeout=TIMEOUT)
    table = app.locator("table", has_text="Decisions your team recorded")
    assert f"Consent first {SCRIPT}" in table.inner_text()  # shown as text, never run
    assert page.locator("script:has-text('alert(1)')").count() == 0
    assert_clean(page)
    assert serious_violations(page) == []

    code = page.locator(".kit-code").inner_text(timeout=TIMEOUT).strip()
    saved = saved_value(workspace_root, code, "cases.decisions", lambda v: bool(v) and "sales" in v)["sales"]
    assert saved["decision"].startswith(CONSENT) and saved["option"] == "consent_only"
    assert saved["lens"] == "developing" and saved["reasoning"] == f"Consent first {SCRIPT}"
    assert saved["roles"] == {"Owner (Dana)": f"Dana {SCRIPT}", "Sales lead": "Sam"}

    # Reload: the case decided last is open again, with the roles, the decision and what followed.
    _reopen(page, code)
    app = page.locator(".kit-case-explorer")
    app.get_by_text(LATER, exact=False).wait_for(timeout=TIMEOUT)
    assert app.get_by_label("Why we chose it").input_value() == f"Consent first {SCRIPT}"
    assert app.get_by_label("Who plays the Sales lead?").input_value() == "Sam"
    assert app.get_by_role("radio", name=CONSENT, exact=False).is_checked()
    assert app.get_by_role("radio", name="Developing economies", exact=False).is_checked()
    app.get_by_role("heading", name="Developing economies (your setting)").wait_for(timeout=TIMEOUT)
    assert log.unexpected() == []

    # The decision flows into the action plan.
    open_app(page, kit_server, "13_your_action_plan.ipynb")
    page.get_by_label("Your code").fill(code)
    page.get_by_role("button", name="Open my workspace").click()
    plan = page.locator(".kit-action-plan")
    plan.get_by_text("Case decisions", exact=False).first.wait_for(timeout=TIMEOUT)
    assert f"Consent first {SCRIPT}" in plan.inner_text() and LATER in plan.inner_text()
