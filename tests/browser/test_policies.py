"""Lesson 07 in the browser: the policy builder, the impact assessment and the decision tree."""

from __future__ import annotations

import re

import pytest
from docx import Document as WordDocument
from playwright.sync_api import expect

from tests.browser.voila import WIDGET_TIMEOUT_MS, assert_clean, open_app, saved_value, wait_for_widgets

NOTEBOOK = "07_policies_and_governance.ipynb"
NAME = '<b>Acme</b> & "Co"'
ORGANISATION = "What is your organisation called?"
REVIEW = "How often will you review this policy, your suppliers and your audits?"
WAIT = 30_000


@pytest.fixture()
def lesson(page, kit_server):
    page.on("dialog", lambda dialog: pytest.fail(f"a script ran in the page: {dialog.message}"))
    log = open_app(page, kit_server, NOTEBOOK)
    _wait_for_apps(page)
    yield page
    assert log.unexpected() == []
    assert_clean(page)


def _wait_for_apps(page) -> None:
    """The page draws its widgets one output at a time; wait until the three apps are all there."""
    for selector in (".kit-policy-builder .kit-doc-preview", ".kit-impact-assessment .kit-aia-role",
                     ".kit-decision-tree .kit-walk-live"):
        page.locator(selector).wait_for(timeout=WIDGET_TIMEOUT_MS)


def _reopen(page) -> str:
    """Reload the page and open the workspace the test has been saving to; return its code."""
    code = page.locator(".kit-code").inner_text(timeout=WAIT).strip()
    page.reload()
    wait_for_widgets(page)
    _wait_for_apps(page)
    page.get_by_label("Your code").fill(code)
    page.get_by_role("button", name="Open my workspace").click()
    page.locator(".kit-code").wait_for(timeout=WAIT)
    return code


def test_policy_builder_drafts_escapes_downloads_and_restores(lesson, workspace_root):
    page = lesson
    app = page.locator(".kit-policy-builder")
    preview = app.locator(".kit-doc-preview")
    expect(preview.locator("h3")).to_have_text("AI policy for [to decide: the organisation's name]", timeout=WAIT)

    app.get_by_label(ORGANISATION).fill(NAME)
    app.get_by_label(ORGANISATION).press("Tab")
    expect(preview.locator("h3")).to_have_text(f"AI policy for {NAME}", timeout=WAIT)  # shown as text
    assert preview.locator("b").count() == 0
    app.get_by_label(REVIEW).select_option("once a year")
    expect(preview).to_contain_text("We review it once a year", timeout=WAIT)
    status = app.locator(".kit-notice.kit-warning")
    expect(status).to_contain_text(re.compile(r"13 of 15 questions are still open"), timeout=WAIT)
    assert "who is accountable for AI" in status.inner_text()

    app.get_by_role("checkbox", name="Accessibility").uncheck()
    expect(preview.locator("h4", has_text="Accessibility")).to_have_count(0, timeout=WAIT)

    with page.expect_download() as download:
        app.get_by_role("link", name="Download the policy as Word").click()
    assert download.value.suggested_filename == "ai-policy-b-acme-b-co.docx"
    word = WordDocument(download.value.path())
    text = "\n".join(p.text for p in word.paragraphs)
    assert f"AI policy for {NAME}" in text and "We review it once a year" in text
    assert "Accessibility" not in [p.text for p in word.paragraphs if p.style.name.startswith("Heading")]

    code = _reopen(page)
    saved = saved_value(workspace_root, code, "policy.answers")
    assert saved["answers"]["organisation"] == NAME and "accessibility" not in saved["areas"]
    app = page.locator(".kit-policy-builder")
    expect(app.get_by_label(ORGANISATION)).to_have_value(NAME, timeout=WAIT)
    expect(app.get_by_label(REVIEW)).to_have_value("once a year")
    expect(app.get_by_role("checkbox", name="Accessibility")).not_to_be_checked()
    expect(app.locator(".kit-doc-preview h3")).to_have_text(f"AI policy for {NAME}")


def _pick(app, question_id: str, option: str) -> None:
    app.locator(f".kit-aia-{question_id}").get_by_role("radio", name=option, exact=True).check()


def test_impact_assessment_shows_the_level_and_restores(lesson, workspace_root):
    page = lesson
    app = page.locator(".kit-impact-assessment")
    expect(app).to_contain_text("Answer the questions to see the scores and the impact level.", timeout=WAIT)
    _pick(app, "role", "It decides on its own")
    expect(app.locator(".kit-level")).to_have_text(re.compile(r"Impact level I \(provisional\)"), timeout=WAIT)
    expect(app).to_contain_text("1 of 28 questions answered")

    app.get_by_role("button", name="Fill in the worked example").click()
    expect(app.locator(".kit-level")).to_have_text("Impact level II: moderate impact", timeout=WAIT)
    expect(app).to_contain_text("Raw impact score: 16 of 43.")
    _pick(app, "area", "Health, social care, housing, benefits or safeguarding")
    _pick(app, "vulnerable", "Yes, many are")
    expect(app.locator(".kit-level")).to_have_text("Impact level III: high impact", timeout=WAIT)
    expect(app).to_contain_text("Raw impact score: 22 of 43.")
    expect(app).to_contain_text("A person reviews every decision that goes against someone")

    code = _reopen(page)
    saved = saved_value(workspace_root, code, "policy.impact_assessment")
    assert saved["level"] == "III" and saved["system"].startswith("Lead-scoring tool")
    app = page.locator(".kit-impact-assessment")
    expect(app.locator(".kit-level")).to_have_text("Impact level III: high impact", timeout=WAIT)
    expect(app.locator(".kit-aia-vulnerable").get_by_role("radio", name="Yes, many are")).to_be_checked()


def test_decision_tree_walks_to_a_recommendation_and_back(lesson, workspace_root):
    page = lesson
    app = page.locator(".kit-decision-tree")
    app.get_by_label("Which decision are you checking?").fill("Ranking <i>sales</i> leads")
    app.get_by_label("Which decision are you checking?").press("Tab")
    step = app.locator(".kit-walk-live")
    expect(step).to_contain_text("Question 1 of at most 6", timeout=WAIT)

    app.get_by_role("button", name="Next").click()  # no answer chosen yet
    expect(app.get_by_role("alert")).to_contain_text("Choose an answer first", timeout=WAIT)

    # keyboard only: select with Space, press Next with Enter
    app.get_by_role("radio", name="Yes", exact=True).focus()
    page.keyboard.press("Space")
    app.get_by_role("button", name="Next").focus()
    page.keyboard.press("Enter")
    expect(step).to_contain_text("Does a law, a regulator or your own rules", timeout=WAIT)
    for answer in ["No", "Yes", "No", "Yes", "Yes"]:
        expect(app.locator("input[type=radio]:checked")).to_have_count(0, timeout=WAIT)  # the new question is ready
        app.get_by_role("radio", name=answer, exact=True).check()
        before = step.inner_text()
        app.get_by_role("button", name="Next").click()
        expect(step).not_to_have_text(before, timeout=WAIT)
    expect(step).to_contain_text("Recommendation: A person must review each result before it takes effect")
    expect(step).to_contain_text("Trained staff can genuinely review and override each result.")
    expect(app.get_by_role("button", name="Next")).to_be_hidden()

    app.get_by_role("button", name="Back").click()
    expect(step).to_contain_text("Do trained staff have the time and the authority", timeout=WAIT)
    expect(app.get_by_role("radio", name="Yes", exact=True)).to_be_checked()
    app.get_by_role("radio", name="No", exact=True).check()
    app.get_by_role("button", name="Next").click()
    expect(step).to_contain_text("Give staff real authority to override before going live", timeout=WAIT)

    code = _reopen(page)
    saved = saved_value(workspace_root, code, "policy.human_in_the_loop")
    assert saved["outcome"] == "fix_oversight" and saved["decision"] == "Ranking <i>sales</i> leads"
    app = page.locator(".kit-decision-tree")
    expect(app.locator(".kit-walk-live")).to_contain_text("Give staff real authority", timeout=WAIT)
    expect(app.get_by_label("Which decision are you checking?")).to_have_value("Ranking <i>sales</i> leads")

    app.get_by_role("button", name="Start again").click()
    expect(app.locator(".kit-walk-live")).to_contain_text("Question 1 of at most 6", timeout=WAIT)
    expect(app.get_by_role("button", name="Back")).to_be_disabled()
