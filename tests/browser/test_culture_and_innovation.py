"""Lessons 10 and 12's new activities, on a phone: bias checks at every stage, five advanced moves, the engagement plan.

Each is driven as an attendee drives it on a 390 px screen, saved to the
workspace, brought back after a reload, and found in the action plan; the
page stays usable at phone size while the attendee works
(:func:`tests.browser.phone.layout_problems`).
"""

from __future__ import annotations

import pytest

from kit.workshop import Store, build_plan
from tests.browser.phone import PHONE, axe_findings, layout_problems
from tests.browser.voila import assert_clean, open_app, reopen_workspace, saved_value

TIMEOUT = 60_000  # generous: several engineers share two cores
SCRIPT = "<script>alert(1)</script>"


@pytest.fixture()
def phone(browser):
    """A page in a phone-sized context, failing the test if any script the attendee typed ever runs."""
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, device_scale_factor=2)
    page = context.new_page()
    page.on("dialog", lambda dialog: pytest.fail(f"a script ran in the page: {dialog.message}"))
    yield page
    page.close(run_before_unload=True)
    context.close()


def _start(page) -> str:
    page.get_by_role("button", name="Start a new workspace").click()
    return page.locator(".kit-code").inner_text(timeout=TIMEOUT).strip()


def _reopen(page, code: str) -> None:
    reopen_workspace(page, code)
    page.get_by_text("Welcome back").wait_for(timeout=TIMEOUT)


def _headings(workspace_root, code: str) -> list[str]:
    return [section.heading for section in build_plan(Store(workspace_root).open(code)).document.sections]


def test_bias_checks_at_every_stage_on_a_phone(phone, kit_server, workspace_root):
    page = phone
    log = open_app(page, kit_server, "10_culture_and_leadership.ipynb")
    app = page.locator(".kit-bias-checks")
    app.get_by_text("Rate each check to see where the gaps are").wait_for(timeout=TIMEOUT)
    code = _start(page)

    system = app.get_by_label("The AI system you are checking")
    system.fill(f"Enquiry triage {SCRIPT}")
    system.press("Tab")
    app.get_by_role("button", name="Start from the example").click()
    app.get_by_text("The first stage with a gap is “Deciding to use AI”", exact=False).wait_for(timeout=TIMEOUT)
    # The one gap of the first stage is closed: the plan now starts at the data.
    asked = app.get_by_role("radiogroup", name="People from the groups affected", exact=False)
    asked.get_by_role("radio", name="Done").check()
    app.get_by_text("The first stage with a gap is “Choosing the data”", exact=False).wait_for(timeout=TIMEOUT)
    app.get_by_role("table", name="Your checks, stage by stage").wait_for(timeout=TIMEOUT)
    assert layout_problems(page) == []

    saved = saved_value(workspace_root, code, "culture.bias_checks",
                        lambda v: bool(v) and v["answers"].get("ask-early") == "done")
    assert saved["answers"]["data-coverage"] == "planned" and saved["system"].startswith("Enquiry triage")
    assert "Bias checks at every stage" in _headings(workspace_root, code)

    _reopen(page, code)
    app = page.locator(".kit-bias-checks")
    app.get_by_text("The first stage with a gap is “Choosing the data”", exact=False).wait_for(timeout=TIMEOUT)
    asked = app.get_by_role("radiogroup", name="People from the groups affected", exact=False)
    assert asked.get_by_role("radio", name="Done").is_checked()
    assert_clean(page)
    assert layout_problems(page) == [] and axe_findings(page) == []
    assert log.unexpected() == []


def test_advanced_moves_and_the_engagement_plan_on_a_phone(phone, kit_server, workspace_root):
    page = phone
    log = open_app(page, kit_server, "12_ethical_innovation_and_advocacy.ipynb")
    moves = page.locator(".kit-advanced-moves")
    moves.get_by_text("Choose a move for each of the 5 dimensions").wait_for(timeout=TIMEOUT)
    code = _start(page)

    # An earlier-stage move is named as such; an Advanced one is confirmed.
    moves.get_by_role("radio", name="Wait for complaints about the chatbot", exact=False).check()
    moves.get_by_text("Not yet Advanced: fixing what people complain about", exact=False).wait_for(timeout=TIMEOUT)
    moves.get_by_text("Look again at Proactive ethical innovation", exact=False).wait_for(timeout=TIMEOUT)
    moves.get_by_role("radio", name="Before the next AI project is approved", exact=False).check()
    moves.get_by_text("Advanced: values shape the design", exact=False).wait_for(timeout=TIMEOUT)
    step = moves.get_by_label("Your first step (who does what, by when)").first
    step.fill(f"Design session in March {SCRIPT}")
    step.press("Tab")
    moves.get_by_label("When will you start?").first.select_option(label="This quarter")
    moves.get_by_text("1 of 5 dimensions have an Advanced move; 1 start this quarter.").wait_for(timeout=TIMEOUT)
    assert f"Design session in March {SCRIPT}" in moves.get_by_role("table", name="Your five moves").inner_text()

    # The engagement plan: the example needs work; asking before the decision and reporting back fix it.
    plan = page.locator(".kit-engagement")
    plan.get_by_role("button", name="Start from the example").click()
    plan.get_by_text("Needs work.").wait_for(timeout=TIMEOUT)
    plan.get_by_label("Before you decide to use AI").select_option(
        label="A workshop or conversation with a partner group")
    report = plan.get_by_label("How they will hear what changed because of them")
    report.fill("A 'you said, we did' page after each review")
    report.press("Tab")
    plan.get_by_text("Meaningful involvement.").wait_for(timeout=TIMEOUT)
    assert layout_problems(page) == []

    saved = saved_value(workspace_root, code, "innovation.engagement",
                        lambda v: bool(v) and v.get("report_back", "").startswith("A 'you said"))
    assert saved["when"]["before"] == "conversation" and "decided" in saved["who"]
    chosen = saved_value(workspace_root, code, "innovation.advanced_moves",
                         lambda v: bool(v) and v["moves"].get("innovation", {}).get("when") == "quarter")
    assert chosen["moves"]["innovation"]["move"] == "design-review"
    headings = _headings(workspace_root, code)
    assert "Five advanced moves" in headings and any(h.startswith("Involving residents and customers")
                                                    for h in headings)

    _reopen(page, code)
    moves = page.locator(".kit-advanced-moves")
    moves.get_by_text("1 of 5 dimensions have an Advanced move", exact=False).wait_for(timeout=TIMEOUT)
    assert moves.get_by_role("radio", name="Before the next AI project is approved", exact=False).is_checked()
    assert moves.get_by_label("Your first step (who does what, by when)").first.input_value() == (
        f"Design session in March {SCRIPT}")
    page.locator(".kit-engagement").get_by_text("Meaningful involvement.").wait_for(timeout=TIMEOUT)
    assert page.locator("script:has-text('alert(1)')").count() == 0
    assert_clean(page)
    assert layout_problems(page) == [] and axe_findings(page) == []
    assert log.unexpected() == []
