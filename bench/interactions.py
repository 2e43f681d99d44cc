"""The main control of each app, and how to tell that the page answered it.

Each entry: notebook -> (description, act(page), done), where ``done`` is a
JavaScript predicate polled in the page. Latency is the time from the action
to ``done`` first being true. ``act`` works with Playwright's sync and async
pages alike: it returns what the last call returns (awaited by async callers).
"""

from __future__ import annotations


def _slider_step(page):
    return page.get_by_role("slider", name="Shortlist when the model score is at least").press("ArrowRight")


INTERACTIONS = {
    "00_start_here.ipynb": (
        "start a workspace",
        lambda page: page.get_by_role("button", name="Start a new workspace").click(),
        "() => !!document.querySelector('.kit-code')",
    ),
    "03_bias_in_hiring.ipynb": (
        "threshold slider one step",
        _slider_step,
        "() => document.querySelector('.kit-bias-explorer').innerText.includes('score of 0.55 or more')",
    ),
}
