"""The decision explainer's chart: how much each input raised or lowered one applicant's score.

The app's chart is drawn by the attendee's browser (:func:`contributions_spec`, Vega-Lite), so
explaining an applicant costs the kernel no drawing and lesson 04's page never loads matplotlib;
:func:`contributions_figure` draws the same bars for documents.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kit.toolkit import FLAG_COLOUR, PASS_COLOUR, Bar, Line, bar_spec
from kit.transparency import Explanation

if TYPE_CHECKING:
    from kit.toolkit._plots import Figure


#: The value axis's title, one line each: which way is which, in words.
X_TITLE = ["Effect against the average applicant (log-odds)", "left: lowered the score · right: raised it"]
#: Colour of each direction, in the legend's words.
EFFECT_COLOURS = {"raised the score": PASS_COLOUR, "lowered the score": FLAG_COLOUR}


def contributions_spec(explanation: Explanation) -> dict:
    """The bars of :func:`contributions_figure` as a Vega-Lite specification, each with its signed effect."""
    bars = [Bar(f"{r.name} ({r.code})", r.effect, "raised the score" if r.raised else "lowered the score",
                f"{r.effect:+.2f}") for r in explanation.reasons]
    low, high = min([0.0, *(b.value for b in bars)]), max([0.0, *(b.value for b in bars)])
    room = 0.2 * (max(high, -low) or 1.0)  # for the numbers past the longest bars
    domain = (low - room if low < 0 else 0.0, high + room if high > 0 or low == 0 else 0.0)
    return bar_spec(bars, EFFECT_COLOURS, X_TITLE, domain=domain, lines=[Line(0, dashed=False)])


def contributions_figure(explanation: Explanation) -> Figure:
    """Horizontal bars, one per input: right raised the score, left (hatched) lowered it.

    matplotlib loads here, for a picture only, so the lesson's page and its live chart never need it.
    """
    from kit.toolkit._plots import new_figure

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
    axes.set_xlabel("\n".join(X_TITLE))
    axes.spines[["top", "right"]].set_visible(False)
    return figure


def contributions_alt(explanation: Explanation) -> str:
    """The chart in words: every input, which way it pushed, and how far."""
    parts = [f"{r.name} {'raised' if r.raised else 'lowered'} it by {abs(r.effect):.2f}"
             for r in explanation.reasons]
    return (f"Bar chart of how each input moved the score of applicant {explanation.applicant_id} "
            f"against the average applicant, in log-odds: {'; '.join(parts)}.")
