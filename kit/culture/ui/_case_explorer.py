"""The case-study explorer of the context lesson: one case, two lenses side by side, and the team's decision."""

from __future__ import annotations

import ipywidgets as widgets
import pandas as pd

from kit.workshop import parts
from kit.culture._cases import Case, Lens, decisions_section, latest_case_id, load_regions, record_decision, scan_cases
from kit.toolkit import table_html
from kit.toolkit import error_box, escape, guarded, notice
from kit.workshop.ui import SavedPart

_WIDE = widgets.Layout(width="min(640px, 95%)")


def case_html(case: Case) -> str:
    """The case card: sector, scenario, the decision to take and who has a stake in it."""
    people = "".join(f"<li><strong>{escape(name)}</strong>: {escape(interest)}</li>"
                     for name, interest in case.stakeholders)
    return (f'<div class="kit-card"><h3>{escape(case.title)}</h3>'
            f'<p class="kit-meta">{escape(case.sector)} · Source: {escape(case.source)}</p>'
            f"<p>{escape(case.scenario)}</p><p><strong>The decision:</strong> {escape(case.decision)}</p>"
            f"<p><strong>Who has a stake</strong></p><ul>{people}</ul></div>")


def lens_html(lens: Lens) -> str:
    """One lens as a column: for a region its values first, then priorities and safeguards."""
    intro = ""
    if lens.kind == "region":
        region = {r.id: r for r in load_regions()}[lens.id]
        intro = (f'<p class="kit-meta">Values: {escape(", ".join(region.values))}. '
                 f'AI priorities: {escape(", ".join(region.priorities))}.</p>')
    lists = "".join(f"<p><strong>{title}</strong></p><ul>{''.join(f'<li>{escape(i)}</li>' for i in items)}</ul>"
                    for title, items in (("Priorities", lens.priorities), ("Recommended safeguards", lens.safeguards)))
    return f'<section class="kit-card kit-lens"><h3>{escape(lens.label)}</h3>{intro}{lists}</section>'


def side_by_side(case: Case, first: str, second: str) -> str:
    """Two lenses of a case in two columns (one column on a narrow screen)."""
    return ('<div class="kit-cards" style="grid-template-columns:repeat(auto-fit,minmax(280px,1fr))">'
            f"{lens_html(case.lens(first))}{lens_html(case.lens(second))}</div>")


def case_explorer() -> widgets.VBox:
    """Pick a case and two lenses, compare them, and record the team's decision and reasoning.

    Decisions are saved to the workspace (``cases.decisions``) and come back,
    with the case last decided on, when the workspace is reopened.
    """
    cases, problems = scan_cases()
    if not cases:
        return widgets.VBox([widgets.HTML(notice("No case could be loaded. " + " ".join(problems), "error"))])
    by_id = {case.id: case for case in cases}
    errors = error_box()
    saved: dict = {}
    pick = widgets.Dropdown(options=[(f"{c.sector}: {c.title}", c.id) for c in cases], value=cases[0].id,
                            description="Case", style={"description_width": "initial"}, layout=_WIDE)
    card, compare, outcome, recorded = widgets.HTML(), widgets.HTML(), widgets.HTML(), widgets.HTML()
    first = widgets.Dropdown(description="Read it as", style={"description_width": "initial"})
    second = widgets.Dropdown(description="Side by side with", style={"description_width": "initial"})
    choice = widgets.RadioButtons(options=[], value=None, description="Our decision",
                                  style={"description_width": "initial"}, layout=widgets.Layout(width="auto"))
    reasoning = widgets.Textarea(description="Why we chose it", placeholder="The priorities we weighed, "
                                 "the safeguards we will insist on, and what would change our mind.",
                                 style={"description_width": "initial"}, layout=widgets.Layout(width="95%", height="6em"))
    record = widgets.Button(description="Record our decision", button_style="primary", layout=widgets.Layout(width="auto"))
    busy = {"now": False}

    def show_recorded():
        section = decisions_section(saved)
        recorded.value = (table_html(pd.DataFrame(section.table[1], columns=section.table[0]),
                                     caption="Decisions your team recorded") if section else "")

    @guarded(errors, "show the lenses")
    def on_lens(_=None):
        if not busy["now"]:
            compare.value = side_by_side(by_id[pick.value], first.value, second.value)

    @guarded(errors, "open that case")
    def on_case(_=None):
        case = by_id[pick.value]
        mine = saved.get(case.id) if isinstance(saved.get(case.id), dict) else {}
        lens_ids = [lens.id for lens in case.lenses]
        wanted = [i for i in mine.get("lens_ids", []) if i in lens_ids]
        stakeholder = next((lens.id for lens in case.lenses if lens.kind == "stakeholder"), lens_ids[-1])
        busy["now"] = True
        try:
            options = [(lens.label, lens.id) for lens in case.lenses]
            first.options, second.options = options, options
            first.value = wanted[0] if wanted else lens_ids[0]
            second.value = wanted[1] if len(wanted) > 1 else stakeholder
            choice.options = list(case.options)
            choice.value = mine.get("decision") if mine.get("decision") in case.options else None
            reasoning.value = str(mine.get("reasoning") or "")
        finally:
            busy["now"] = False
        card.value = case_html(case)
        outcome.value = ""
        on_lens()

    @guarded(errors, "record your decision")
    def on_record(_=None):
        case = by_id[pick.value]
        updated = record_decision(saved, case, choice.value, reasoning.value, [first.value, second.value])
        stored = part.save(updated)
        saved.clear()
        saved.update(stored)
        outcome.value = notice(f"Recorded your decision on '{case.title}'. It is saved to your workspace.", "success")
        show_recorded()

    def restore(loaded: dict, _why: str) -> None:
        saved.clear()
        saved.update(loaded if isinstance(loaded, dict) else {})
        show_recorded()
        latest = latest_case_id(saved)
        if latest in by_id and latest != pick.value:
            pick.value = latest  # on_case runs and fills in the form
        else:
            on_case()

    part = SavedPart(parts.CASES, restore, {})

    pick.observe(on_case, names="value")
    first.observe(on_lens, names="value")
    second.observe(on_lens, names="value")
    record.on_click(on_record)
    on_case()
    warning = widgets.HTML(notice("Some case files could not be read: " + " ".join(problems), "warning")
                           if problems else "")
    box = widgets.VBox([
        warning, pick, card,
        widgets.HTML("<h3>Read the case through two lenses</h3>"),
        widgets.HBox([first, second], layout=widgets.Layout(flex_flow="row wrap")), compare,
        widgets.HTML("<h3>Your team's decision</h3>"), choice, reasoning, widgets.HBox([record]), errors, part.notice, outcome, recorded,
    ])
    box.add_class("kit-case-explorer")
    return box
