"""The decision explainer's chart: how much each input raised or lowered one applicant's score."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kit.transparency import Explanation

if TYPE_CHECKING:
    from kit.toolkit._plots import Figure


def contributions_figure(explanation: Explanation) -> Figure:
    """Horizontal bars, one per input: right raised the score, left (hatched) lowered it.

    matplotlib loads here, on the first chart, so the lesson's page opens without it.
    """
    from kit.toolkit._plots import FLAG_COLOUR, PASS_COLOUR, new_figure

    reasons = list(explanation.reasons)
    figure = new_figure(6.4, 0.45 * len(reasons) + 1.4)
    axes = figure.add_subplot()
    effects = [r.effect for r in reasons]
    bars = axes.barh(range(len(reasons)), effects,
                     color=[PASS_COLOUR if e > 0 else FLAG_COLOUR for e in effects])
    for bar, effect in zip(bars, effects):
        if effect <= 0:
            bar.set_hatch("//")
    axes.set_yticks(range(len(reasons)), [f"{r.name} ({r.code})" for r in reasons])
    axes.invert_yaxis()
    axes.axvline(0, color="#222222", linewidth=1)
    axes.set_xlabel("Effect against the average applicant (log-odds)\nleft: lowered the score · right: raised it")
    axes.spines[["top", "right"]].set_visible(False)
    return figure


def contributions_alt(explanation: Explanation) -> str:
    """The chart in words: every input, which way it pushed, and how far."""
    parts = [f"{r.name} {'raised' if r.raised else 'lowered'} it by {abs(r.effect):.2f}"
             for r in explanation.reasons]
    return (f"Bar chart of how each input moved the score of applicant {explanation.applicant_id} "
            f"against the average applicant, in log-odds: {'; '.join(parts)}.")
