"""The scenario sorter of the ethics lesson, and the pillar cards the lesson shows.

The learner reads one scenario at a time, ticks the pillar(s) at stake and
gets feedback on every pillar ticked or missed. Their ticks and score are
saved to the workspace (``"pillars.sorter"``) and come back when they reopen it.
"""

from __future__ import annotations

import ipywidgets as widgets

from kit.workshop import parts
from kit.ethics._pillars import Scenario, answers_from_saved, content, grade, saved_value, score
from kit.toolkit import error_box, escape, guarded, notice
from kit.workshop.ui import SavedPart

_ICON = {"spotted": "✔", "missed": "✘", "fair": "◆", "extra": "✘"}


def pillar_cards_html() -> str:
    """One card per pillar: what it means and the question it asks."""
    cards = "".join(
        f'<li class="kit-card"><h3>{escape(p.name)}</h3><p>{escape(p.means)}</p>'
        f'<p class="kit-meta"><strong>Ask:</strong> {escape(p.asks)}</p></li>'
        for p in content().pillars.values()
    )
    return f'<ul class="kit-cards" aria-label="The five pillars" style="list-style:none;padding:0">{cards}</ul>'


def _card(scenario: Scenario, number: int, total: int) -> str:
    return (f'<div class="kit-card" style="max-width:48em"><p class="kit-meta">Scenario {number} of {total} · '
            f"{escape(scenario.setting)}</p><h3>{escape(scenario.title)}</h3><p>{escape(scenario.text)}</p></div>")


def _feedback_html(scenario: Scenario, chosen: list[str]) -> str:
    result = grade(scenario, chosen)
    items = "".join(f"<li><span aria-hidden='true'>{_ICON[line.verdict]}</span> {escape(line.message)}</li>"
                    for line in result.feedback)
    return notice(result.headline, "success" if result.correct else "warning") + f"<ul>{items}</ul>"


def pillar_sorter() -> widgets.VBox:
    """Scenarios one at a time: tick the pillars at stake, check, read why; the score is saved."""
    data = content()
    scenarios, pillars = data.scenarios, data.pillars
    errors, card, feedback, total = error_box(), widgets.HTML(), widgets.HTML(), widgets.HTML()
    answers: dict[str, list[str]] = {}
    pick = widgets.Dropdown(options=[(f"{n}. {s.title}", n - 1) for n, s in enumerate(scenarios, start=1)],
                            value=0, description="Scenario", style={"description_width": "initial"})
    previous = widgets.Button(description="Previous scenario", layout=widgets.Layout(width="auto"))
    following = widgets.Button(description="Next scenario", layout=widgets.Layout(width="auto"))
    boxes = {key: widgets.Checkbox(value=False, description=p.name, indent=False,
                                   layout=widgets.Layout(width="auto", margin="0 1.5em 0.3em 0"))
             for key, p in pillars.items()}
    check = widgets.Button(description="Check my answer", button_style="primary",
                           layout=widgets.Layout(width="auto"))

    def show_score() -> None:
        right, answered, count = score(answers)
        total.value = notice(f"Your score: {right} of {count} scenarios sorted right "
                             f"({answered} answered so far).") if answers else ""

    @guarded(errors, "show that scenario")
    def show(_=None) -> None:
        index = pick.value
        scenario = scenarios[index]
        card.value = _card(scenario, index + 1, len(scenarios))
        chosen = answers.get(scenario.key, [])
        for key, box in boxes.items():
            box.value = key in chosen
        feedback.value = _feedback_html(scenario, chosen) if chosen else ""
        previous.disabled, following.disabled = index == 0, index == len(scenarios) - 1

    @guarded(errors, "check your answer")
    def on_check(_):
        scenario = scenarios[pick.value]
        chosen = [key for key, box in boxes.items() if box.value]
        feedback.value = _feedback_html(scenario, chosen)  # a plain error if nothing is ticked
        answers[scenario.key] = chosen
        show_score()
        part.save(saved_value(answers))

    @guarded(errors, "move to another scenario")
    def step(offset: int) -> None:
        pick.value = min(max(pick.value + offset, 0), len(scenarios) - 1)

    def restore(saved: dict, why: str) -> None:
        answers.clear()
        answers.update(answers_from_saved(saved))
        show()
        show_score()
        if why == "merged":  # the score saved with the merged ticks is recounted
            part.save(saved_value(answers))

    part = SavedPart(parts.PILLARS, guarded(errors, "restore your answers")(restore), saved_value({}))

    pick.observe(show, names="value")
    previous.on_click(lambda _: step(-1))
    following.on_click(lambda _: step(1))
    check.on_click(on_check)
    show()
    box = widgets.VBox([
        widgets.HBox([pick, previous, following], layout=widgets.Layout(flex_flow="row wrap")),
        card,
        widgets.HTML("<p><strong>Which pillars are at stake?</strong> Tick every one that applies.</p>"),
        widgets.HBox(list(boxes.values()), layout=widgets.Layout(flex_flow="row wrap")),
        widgets.HBox([check]), errors, part.notice, feedback, total,
    ])
    box.add_class("kit-pillar-sorter")
    return box
