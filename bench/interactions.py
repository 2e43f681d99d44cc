"""The main control of each app, and how to tell that the page answered it.

Each entry says what the interaction is, a CSS selector that shows the app has
rendered (``ready``), steps that set it up and are not timed (``prepare``), the
one timed action (``act``) and a JavaScript predicate polled in the page
(``done``, the app's answer in words). Latency runs from the action to
``done`` first being true: the round trip to the kernel, the callback and the
redraw. Apps send the words of an answer first and then draw the chart and
write the download files, so ``run_sync`` also reports when the page last
changed ("settled"). Every step is a single Playwright call, so the same entry
drives sync and async pages; ``run_sync`` and ``run_async`` do the driving.
"""

from __future__ import annotations

import inspect
import time
from dataclasses import dataclass, field
from typing import Callable

from protocol import Control, KernelAction, Latency

Step = Callable[[object], object]


SALES_CASE = "Small-business sales: AI lead scoring and automated outreach for a small sales team"

@dataclass(frozen=True)
class Interaction:
    what: str
    ready: str
    act: Step
    done: str
    kernel: KernelAction
    prepare: tuple[Step, ...] = field(default_factory=tuple)


def _text_has(selector: str, text: str) -> str:
    return f"() => (document.querySelector({selector!r})?.innerText || '').includes({text!r})"


def _in(selector: str, step: Callable[[object], object]) -> Step:
    return lambda page: step(page.locator(selector))


INTERACTIONS: dict[str, Interaction] = {
    "00_start_here.ipynb": Interaction(
        "start a workspace", "button:has-text('Start a new workspace')",
        lambda page: page.get_by_role("button", name="Start a new workspace").click(),
        "() => !!document.querySelector('.kit-code')",
        kernel=KernelAction(Control("ButtonModel", "Start a new workspace"), answer="kit-code"),
    ),
    "01_strategy_and_use_cases.ipynb": Interaction(
        "add a use case", ".kit-use-case-matrix figure.kit-chart",
        _in(".kit-use-case-matrix", lambda app: app.get_by_role("button", name="Add to my list").click()),
        _text_has(".kit-use-case-matrix", "Added 'Bench case'"),
        kernel=KernelAction(Control("ButtonModel", "Add to my list"), (Control("TextModel", "Title", value="Bench case"),),
                            answer="Bench case"),
        prepare=(_in(".kit-use-case-matrix", lambda app: app.get_by_label("Title", exact=True).fill("Bench case")),),
    ),
    "02_ethics_pillars.ipynb": Interaction(
        "check a sorted scenario", ".kit-pillar-sorter",
        _in(".kit-pillar-sorter", lambda app: app.get_by_role("button", name="Check my answer").click()),
        _text_has(".kit-pillar-sorter", "You found 1 of 2 pillars"),
        kernel=KernelAction(Control("ButtonModel", "Check my answer"), (Control("CheckboxModel", "Privacy", value=True),),
                            answer="You found 1 of 2 pillars"),
        prepare=(_in(".kit-pillar-sorter", lambda app: app.get_by_role("checkbox", name="Privacy").check()),),
    ),
    "03_bias_in_hiring.ipynb": Interaction(
        "threshold slider one step", ".kit-bias-explorer",
        lambda page: page.get_by_role("slider", name="Shortlist when the model score is at least").press("ArrowRight"),
        "() => document.querySelector('.kit-bias-explorer table')?.innerText !== window.kitTableBefore",
        kernel=KernelAction(Control("FloatSliderModel", "Shortlist when the model score is at least", value=0.55),
                            answer="<table"),
        prepare=(lambda page: page.evaluate(
            "() => { window.kitTableBefore = document.querySelector('.kit-bias-explorer table').innerText; }"),),
    ),
    "04_transparency_and_explainability.ipynb": Interaction(
        "explain a typed applicant", ".kit-decision-explainer",
        _in(".kit-decision-explainer", lambda app: app.get_by_role("button", name="Explain").click()),
        _text_has(".kit-decision-explainer", "Applicant A00042"),
        kernel=KernelAction(Control("ButtonModel", "Explain"), (Control("TextModel", "Or type an applicant id", value="A00042"),),
                            answer="Applicant A00042"),
        prepare=(_in(".kit-decision-explainer",
                     lambda app: app.get_by_label("Or type an applicant id").fill("A00042")),),
    ),
    "05_privacy_and_data_governance.ipynb": Interaction(
        "untick a column (k recomputed)", ".kit-minimisation",
        _in(".kit-minimisation", lambda app: app.get_by_role("checkbox", name="postcode_area", exact=True).uncheck()),
        _text_has(".kit-minimisation", "(k = 5)"),
        kernel=KernelAction(Control("CheckboxModel", "postcode_area", value=False), answer="(k = 5)"),
        prepare=tuple(_in(".kit-minimisation", lambda app, c=column: app.get_by_role("checkbox", name=c, exact=True)
                          .uncheck()) for column in ("ethnicity", "disability")),
    ),
    "06_chatbot_risk_assessment.ipynb": Interaction(
        "re-score a risk", ".kit-risk-register figure.kit-chart",
        _in(".kit-risk-register", lambda app: app.get_by_label("Likelihood (1-5)", exact=True)
            .select_option(label="5 (almost certain)")),
        _text_has(".kit-risk-register", "Saved R1: score 25 (critical)"),
        kernel=KernelAction(Control("DropdownModel", "Likelihood (1-5)", option="5 (almost certain)", value=True),
                            (Control("DropdownModel", "Risk to edit", option="R1 · Data privacy breach", value=True),),
                            answer="Saved R1: score 25 (critical)"),
        prepare=(_in(".kit-risk-register", lambda app: app.get_by_label("Risk to edit")
                     .select_option(label="R1 · Data privacy breach")),
                 _in(".kit-risk-register", lambda app: app.get_by_text("Editing R1").wait_for())),
    ),
    "07_policies_and_governance.ipynb": Interaction(
        "change the review cycle", ".kit-policy-builder .kit-doc-preview",
        _in(".kit-policy-builder", lambda app: app.get_by_label("How often will you review this policy, your suppliers and your audits?")
            .select_option("once a year")),
        _text_has(".kit-policy-builder .kit-doc-preview", "We review it once a year"),
        kernel=KernelAction(Control("DropdownModel", option="once a year", value=True),
                            answer="We review it once a year"),
    ),
    "08_implementation_challenges.ipynb": Interaction(
        "answer a vendor question", ".kit-vendor-checklist",
        _in(".kit-q-our-data-use", lambda group: group.get_by_role(
            "radio", name="Yes, and we cannot opt out, or they did not know.", exact=True).check()),
        _text_has(".kit-vendor-checklist", "1 of 18 questions answered"),
        kernel=KernelAction(Control("RadioButtonsModel", css_class="kit-q-our-data-use",
                                    option="Yes, and we cannot opt out, or they did not know.", value=True),
                            answer="1 of 18 questions answered"),
    ),
    "09_measuring_what_matters.ipynb": Interaction(
        "compare applicants by ethnicity", ".kit-kpi-dashboard",
        _in(".kit-kpi-dashboard", lambda app: app.get_by_label("Compare applicants by").select_option(label="Ethnicity")),
        _text_has(".kit-kpi-dashboard", "No drift"),
        kernel=KernelAction(Control("DropdownModel", "Compare applicants by", option="Ethnicity", value=True),
                            answer="No drift"),
    ),
    "10_culture_and_leadership.ipynb": Interaction(
        "rate a statement", ".kit-maturity",
        _in(".kit-s-strategy-problems", lambda group: group.get_by_role("radio", name="Fully in place", exact=True)
            .check()),
        _text_has(".kit-maturity", "Strategy: Advanced (100%)"),
        kernel=KernelAction(Control("RadioButtonsModel", css_class="kit-s-strategy-problems", option="Fully in place", value=True),
                            answer="Strategy: Advanced (100%)"),
    ),
    "11_cultural_and_sector_context.ipynb": Interaction(
        "pick the sales case", ".kit-case-explorer",
        _in(".kit-case-explorer", lambda app: app.get_by_label("Case", exact=True)
            .select_option(label=SALES_CASE)),
        _text_has(".kit-case-explorer", "Brightdesk"),
        kernel=KernelAction(Control("DropdownModel", "Case", option=SALES_CASE, value=True), answer="Brightdesk"),
    ),
    "12_ethical_innovation_and_advocacy.ipynb": Interaction(
        "start from the example statement", ".kit-statement-builder",
        _in(".kit-statement-builder", lambda app: app.get_by_role("button", name="Start from the example").click()),
        _text_has(".kit-statement-builder", "Every section of the public tier has an answer"),
        kernel=KernelAction(Control("ButtonModel", "Start from the example"),
                            answer="Every section of the public tier has an answer"),
    ),
    "13_your_action_plan.ipynb": Interaction(
        "build the action plan", ".kit-action-plan",
        _in(".kit-action-plan", lambda app: app.get_by_role("button", name="Build my action plan").click()),
        _text_has(".kit-action-plan", "Ethical AI action plan"),
        kernel=KernelAction(Control("ButtonModel", "Build my action plan"), (Control("ButtonModel", "Start a new workspace"),),
                            answer="Ethical AI action plan"),
        prepare=(lambda page: page.get_by_role("button", name="Start a new workspace").click(),
                 lambda page: page.locator(".kit-code").wait_for()),
    ),
}


#: Notes the time of every change to the page from now on.
WATCH_CHANGES = """() => {
  window.kitLast = performance.now();
  window.kitWatch?.disconnect();
  window.kitWatch = new MutationObserver(() => { window.kitLast = performance.now(); });
  window.kitWatch.observe(document.body, {subtree: true, childList: true, attributes: true, characterData: true});
}"""
#: True once the page has not changed for half a second.
QUIET = "() => performance.now() - window.kitLast > 500"


def run_sync(interaction: Interaction, page, timeout_ms: float = 60_000) -> Latency:
    """Drive ``interaction`` on a sync Playwright page; return when it answered (``done``) and when the page
    last changed ("settled": the redrawn chart and the new download files included)."""
    page.locator(interaction.ready).first.wait_for(timeout=timeout_ms)
    for step in interaction.prepare:
        step(page)
    page.evaluate(WATCH_CHANGES)
    page.wait_for_function(QUIET, timeout=timeout_ms, polling=50)  # the set-up steps have finished drawing
    page.evaluate("() => { window.kitStart = window.kitLast = performance.now(); }")
    start = time.perf_counter()
    interaction.act(page)
    page.wait_for_function(interaction.done, timeout=timeout_ms, polling=10)
    answer = time.perf_counter() - start
    page.wait_for_function(QUIET, timeout=timeout_ms, polling=50)
    settled = page.evaluate("() => (window.kitLast - window.kitStart) / 1000")
    return Latency(answer, max(settled, answer))


async def run_async(interaction: Interaction, page, timeout_ms: float = 60_000) -> Latency:
    """``run_sync`` on an async Playwright page (the load test's ``--browser`` mode)."""
    await page.locator(interaction.ready).first.wait_for(timeout=timeout_ms)
    for step in interaction.prepare:
        await _settle(step(page))
    await page.evaluate(WATCH_CHANGES)
    await page.wait_for_function(QUIET, timeout=timeout_ms, polling=50)
    await page.evaluate("() => { window.kitStart = window.kitLast = performance.now(); }")
    start = time.perf_counter()
    await _settle(interaction.act(page))
    await page.wait_for_function(interaction.done, timeout=timeout_ms, polling=10)
    answer = time.perf_counter() - start
    await page.wait_for_function(QUIET, timeout=timeout_ms, polling=50)
    settled = await page.evaluate("() => (window.kitLast - window.kitStart) / 1000")
    return Latency(answer, max(settled, answer))


async def _settle(result):
    return await result if inspect.isawaitable(result) else result
