"""The return estimate of one use case, worked through as a table of steps (the strategy lesson's example)."""

from __future__ import annotations

from kit.strategy import UseCase, estimate_steps
from kit.toolkit import escape


def estimate_html(case: UseCase) -> str:
    """Each step of the rough return of ``case`` as a row: what is worked out, the sum, the answer.

    A table rather than a line of text: each sum sits on its own row and the
    answers line up on the right, and on a phone the table scrolls in its own
    box instead of running off the page.
    """
    steps = estimate_steps(case)
    if not steps:
        return f"<p>{escape(case.title)}: no figures given, so no estimate.</p>"
    rows = "".join(f'<tr><th scope="row">{escape(what)}</th><td>{escape(working)}</td><td>{escape(answer)}</td></tr>'
                   for what, working, answer in steps)
    return (f'<div class="kit-scroll"><table class="kit-table kit-steps"><caption>The rough return of '
            f'“{escape(case.title)}”, step by step (per month, in your own currency)</caption>'
            '<thead><tr><th scope="col">Step</th><th scope="col">Working</th><th scope="col">Result</th></tr></thead>'
            f"<tbody>{rows}</tbody></table></div>")
