"""The case-study explorer of the context lesson: pick a case, take roles, decide, see what followed, compare.

A group works through five steps on one page: it picks a case and reads it,
hands out the role cards (typing who plays whom), chooses the regional
setting it decides in, records its decision and reasons, and then sees what
happened six months later and how the decision reads under the other
profiles. Decisions are saved to the workspace (``cases.decisions``) and
come back, with the case last decided on, when the workspace is reopened.
"""

from __future__ import annotations

import ipywidgets as widgets
import pandas as pd

from kit.culture._case_decisions import MAX_PLAYER, decisions_section, latest_case_id, record_decision
from kit.culture._cases import Case, Choice, scan_cases
from kit.toolkit import choice as choice_of
from kit.toolkit import error_box, escape, guarded, notice, table_html
from kit.workshop import parts
from kit.workshop.ui import SavedPart

_WIDE = widgets.Layout(width="min(640px, 95%)")
_STYLE = {"description_width": "initial"}
_GRID = 'class="kit-cards" style="grid-template-columns:repeat(auto-fit,minmax(min(100%,260px),1fr))"'


def case_html(case: Case) -> str:
    """The case card: sector, scenario, who has a stake in it and the decision to take."""
    people = "".join(f"<li><strong>{escape(name)}</strong>: {escape(interest)}</li>"
                     for name, interest in case.stakeholders)
    return (f'<div class="kit-card"><h3>{escape(case.title)}</h3>'
            f'<p class="kit-meta">{escape(case.sector)} · Source: {escape(case.source)}</p>'
            f"<p>{escape(case.scenario)}</p><p><strong>Who has a stake</strong></p><ul>{people}</ul>"
            f"<p><strong>The decision:</strong> {escape(case.decision)}</p></div>")


def roles_html(case: Case) -> str:
    """The case's role cards, each with the role's goal and worry."""
    cards = "".join(f'<section class="kit-card kit-role"><h4>{escape(role.role)}</h4>'
                    f"<p><strong>Goal:</strong> {escape(role.goal)}</p>"
                    f"<p><strong>Worry:</strong> {escape(role.worry)}</p></section>" for role in case.roles)
    return f"<div {_GRID}>{cards}</div>"


def consequence_html(case: Case, choice: Choice) -> str:
    """What happened six months after ``choice``, and what it meant for each stakeholder."""
    means = pd.DataFrame(list(choice.means), columns=["stakeholder", "what your decision means for them"])
    return (f'<section class="kit-card kit-consequence"><h3>Six months later</h3>'
            f"<p><strong>You chose:</strong> {escape(choice.label)}</p><p>{escape(choice.consequence)}</p>"
            f"{table_html(means, caption='What your decision meant for each stakeholder')}</section>")


def lens_summary(case: Case, lens_id: str, choice_id: str) -> str:
    """One sentence: whether your setting, and how many of the others, lean to the option you chose."""
    own = case.lens(lens_id)
    others = [lens for lens in case.lenses if lens.id != lens_id]
    agree = sum(lens.leans_to == choice_id for lens in others)
    yours = "your option" if own.leans_to == choice_id else \
        f"another option ({case.choice(own.leans_to).label.rstrip('.')})"
    return (f"Read as {own.name}, the case leans to {yours}. Of the other {len(others)} profiles, {agree} "
            f"lean{'s' if agree == 1 else ''} to your option and {len(others) - agree} to another.")


def lenses_html(case: Case, lens_id: str, choice_id: str) -> str:
    """How the decision reads under every regional profile, yours first, with the option each leans to."""
    ordered = sorted(case.lenses, key=lambda lens: lens.id != lens_id)
    cards = []
    for lens in ordered:
        mark = " (your setting)" if lens.id == lens_id else ""
        leans = case.choice(lens.leans_to).label + (" This is your decision." if lens.leans_to == choice_id else "")
        safeguards = "".join(f"<li>{escape(item)}</li>" for item in lens.safeguards)
        cards.append(f'<section class="kit-card kit-lens"><h4>{escape(lens.name)}{mark}</h4>'
                     f'<p class="kit-meta">Values: {escape(", ".join(lens.values))}. '
                     f'AI priorities: {escape(", ".join(lens.priorities))}.</p>'
                     f"<p><strong>How it reads:</strong> {escape(lens.reads)}</p>"
                     f"<p><strong>Why:</strong> {escape(lens.why)}</p>"
                     f"<p><strong>Leans to:</strong> {escape(leans)}</p>"
                     f"<p><strong>Safeguards it would insist on</strong></p><ul>{safeguards}</ul></section>")
    return (f"<h3>Compare with the other lenses</h3><p>{escape(lens_summary(case, lens_id, choice_id))}</p>"
            f"<div {_GRID}>{''.join(cards)}</div>")


def others_html(case: Case, choice_id: str) -> str:
    """The other options' consequences, folded away."""
    items = "".join(f"<li><strong>{escape(c.label)}</strong> {escape(c.consequence)}</li>"
                    for c in case.choices if c.id != choice_id)
    return f"<details><summary>What the other options led to</summary><ul>{items}</ul></details>"


def debrief_html(case: Case) -> str:
    """The trainer's debrief and the seed facts the case draws on, folded away."""
    facts = "".join(f"<li><strong>{escape(seed)}</strong>: {escape(fact)}</li>" for seed, fact in case.draws_on)
    return (f"<details><summary>Debrief, for the trainer</summary><p>{escape(case.debrief)}</p>"
            f"<p><strong>What the case draws on</strong></p><ul>{facts}</ul></details>")


def after_html(case: Case, record: dict) -> str:
    """Everything a group sees once it has recorded ``record`` on ``case``: consequence, lenses, the rest."""
    choice = case.choice(record.get("option") or record.get("decision"))
    lens_id = record.get("lens") or case.lenses[0].id
    lens_id = lens_id if lens_id in {lens.id for lens in case.lenses} else case.lenses[0].id
    return (consequence_html(case, choice) + lenses_html(case, lens_id, choice.id) + others_html(case, choice.id)
            + debrief_html(case))


def _record_of(saved: dict, case: Case) -> dict:
    record = saved.get(case.id)
    return record if isinstance(record, dict) else {}


def case_explorer() -> widgets.VBox:
    """Pick a case, take roles, record the team's decision and reasons, see what followed and compare lenses.

    Decisions are saved to the workspace (``cases.decisions``) and come back,
    with the case last decided on, when the workspace is reopened.
    """
    cases, problems = scan_cases()
    if not cases:
        return widgets.VBox([widgets.HTML(notice("No case could be loaded. " + " ".join(problems), "error"))])
    by_id = {case.id: case for case in cases}
    errors = error_box()
    saved: dict = {}
    players: dict[str, widgets.Text] = {}
    pick = widgets.Dropdown(options=[(f"{c.sector}: {c.title}", c.id) for c in cases], value=cases[0].id,
                            description="Case", style=_STYLE, layout=_WIDE)
    card, roles, after, recorded, outcome = (widgets.HTML() for _ in range(5))
    cast = widgets.VBox()
    lens = choice_of("We decide as an organisation in", [], "kit-case-setting",
                     note="The regional profile whose priorities your group takes on for this decision.")
    choice = choice_of("Our decision", [], "kit-case-decision")
    reasoning = widgets.Textarea(description="Why we chose it", placeholder="The priorities we weighed, who loses "
                                 "out, the safeguards we insist on, and what would change our mind.",
                                 style=_STYLE, layout=widgets.Layout(width="95%", height="6em"))
    record = widgets.Button(description="Record our decision", button_style="primary",
                            layout=widgets.Layout(width="auto"))

    def show_recorded():
        section = decisions_section(saved)
        recorded.value = "" if section is None else table_html(
            pd.DataFrame([row[:4] for row in section.table[1]], columns=section.table[0][:4]),
            caption="Decisions your team recorded")

    def fill(case: Case) -> None:
        """Put the case, and anything the team saved on it, into the form."""
        mine = _record_of(saved, case)
        card.value, roles.value = case_html(case), roles_html(case)
        players.clear()
        named = mine.get("roles") if isinstance(mine.get("roles"), dict) else {}
        for role in case.roles:
            players[role.role] = widgets.Text(value=str(named.get(role.role) or ""),
                                              description=f"Who plays the {role.role}?", style=_STYLE,
                                              placeholder="A first name", layout=_WIDE)
        cast.children = tuple(players.values())
        lens.options = [(f"{l.name} (e.g. {l.examples})", l.id) for l in case.lenses]
        ids = [l.id for l in case.lenses]
        lens.value = mine.get("lens") if mine.get("lens") in ids else ids[0]
        choice.options = [(c.label, c.id) for c in case.choices]
        option = mine.get("option") or next((c.id for c in case.choices if c.label == mine.get("decision")), None)
        choice.value = option if option in {c.id for c in case.choices} else None
        reasoning.value = str(mine.get("reasoning") or "")
        after.value = after_html(case, mine) if choice.value else ""
        outcome.value = ""

    @guarded(errors, "open that case")
    def on_case(_=None):
        fill(by_id[pick.value])

    @guarded(errors, "record your decision")
    def on_record(_=None):
        case = by_id[pick.value]
        updated = record_decision(saved, case, choice.value, reasoning.value, lens.value,
                                  {role: box.value for role, box in players.items()})
        stored = part.save(updated)
        saved.clear()
        saved.update(stored)
        outcome.value = notice(f"Recorded your decision on '{case.title}'. It is saved to your workspace; "
                               "read on to see what happened next.", "success")
        after.value = after_html(case, _record_of(saved, case))
        show_recorded()

    def restore(loaded: dict, _why: str) -> None:
        saved.clear()
        saved.update(loaded if isinstance(loaded, dict) else {})
        show_recorded()
        latest = latest_case_id(saved)
        target = latest if latest in by_id else cases[0].id
        if target != pick.value:
            pick.value = target  # on_case runs and fills in the form
        else:
            on_case()

    part = SavedPart(parts.CASES, restore, {})

    pick.observe(on_case, names="value")
    record.on_click(on_record)
    on_case()
    warning = widgets.HTML(notice("Some case files could not be read: " + " ".join(problems), "warning")
                           if problems else "")
    heading = lambda text: widgets.HTML(f"<h3>{escape(text)}</h3>")  # noqa: E731
    box = widgets.VBox([
        warning, heading("1. Pick a case"), pick, card,
        heading("2. Take roles"),
        widgets.HTML("<p>Give each person a role card and type who plays it. Argue from your card's goal and "
                     f"worry. Names are optional, at most {MAX_PLAYER} characters, and saved with the decision.</p>"),
        roles, cast,
        heading("3. Decide"), lens, choice, reasoning, widgets.HBox([record]), errors, part.notice, outcome,
        after, recorded,
    ])
    box.add_class("kit-case-explorer")
    return box
