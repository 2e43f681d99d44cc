"""The bias explorer app of the bias lesson: pick groups, move the threshold, see the audit change."""

from __future__ import annotations

import ipywidgets as widgets

from kit.workshop import parts
from kit.fairness import find_proxies
from kit.hiring._lab import DEFAULT_THRESHOLD, PROTECTED, audit_at, findings
from kit.hiring._mitigation_lab import mitigation_table
from kit.hiring.ui._audit_view import AUDIT_CSS, audit_view_parts
from kit.hiring.ui._ll144 import ll144_downloads
from kit.toolkit import AnswerView
from kit.toolkit import table_html
from kit.toolkit import accessible_slider, error_box, guarded, notice
from kit.workshop.ui import SavedPart

#: The proxy table's columns in plain words (the audit library's names are for code).
PROXY_HEADERS = {"feature": "Column", "measure": "How the link is measured", "strength": "Strength (0 to 1)",
                 "reading": "What it means", "n_used": "Rows compared", "n_missing": "Rows left out (blank)"}


def bias_explorer() -> widgets.VBox:
    """Checkboxes for the groups, a threshold slider, and the live audit below them.

    The chosen settings and what they show are saved to the attendee's
    workspace as they change, and restored when the workspace is reopened.
    """
    errors = error_box()
    boxes = {column: widgets.Checkbox(value=column == "gender", description=label, indent=False,
                                      layout=widgets.Layout(width="auto"))
             for column, label in PROTECTED.items()}
    threshold = accessible_slider("Shortlist when the model score is at least", value=DEFAULT_THRESHOLD,
                                  min=0.2, max=0.8, step=0.05, readout_format=".2f",
                                  layout=widgets.Layout(width="min(560px, 95%)"))
    view = AnswerView()
    view.add_class("kit-audit")
    ll144 = widgets.HTML()
    ll144.add_class("kit-ll144")
    restoring = {"now": False}

    def chosen() -> tuple[str, ...]:
        return tuple(column for column, box in boxes.items() if box.value)

    @guarded(errors, "update the audit")
    def refresh(change=None):
        if restoring["now"]:
            return
        result = audit_at(chosen(), threshold.value)
        if change is not None:  # the attendee moved something: save what it shows
            part.save(findings(result, threshold.value))
        view.show(audit_view_parts(result, caption=f"Shortlisted at a score of {threshold.value:.2f} or more"))
        ll144.value = ll144_downloads(threshold.value)  # the files last, once the audit can be read

    def show(saved: dict, _why: str) -> None:
        restoring["now"] = True
        try:
            for column, box in boxes.items():
                box.value = column in saved["groups"]
            threshold.value = saved["threshold"]
        finally:
            restoring["now"] = False
        refresh()

    part = SavedPart(parts.BIAS_EXPLORER, show, {"groups": list(chosen()), "threshold": threshold.value}, whole=True)

    for box in boxes.values():
        box.observe(refresh, names="value")
    threshold.observe(refresh, names="value")
    refresh()
    picker = widgets.HBox(list(boxes.values()), layout=widgets.Layout(flex_flow="row wrap"))
    box = widgets.VBox([
        widgets.HTML(AUDIT_CSS + "<strong>Compare applicants by</strong> (tick two or more to see intersectional "
                     "groups):"),
        picker, threshold, errors, view, ll144,
    ])
    box.add_class("kit-bias-explorer")
    return box


def proxy_finder() -> widgets.VBox:
    """Choose a protected attribute; see which other columns could stand in for it."""
    errors = error_box()
    attribute = widgets.Dropdown(options=[(label, column) for column, label in PROTECTED.items()],
                                 value="ethnicity", description="Protected attribute",
                                 style={"description_width": "initial"})
    view = widgets.HTML()

    @guarded(errors, "rank the columns")
    def refresh(_=None):
        from kit.data import load_hiring

        others = [c for c in PROTECTED if c != attribute.value]
        ranking = find_proxies(load_hiring(), attribute.value, exclude=others + ["applicant_id"])
        shown = ranking[list(PROXY_HEADERS)].rename(columns=PROXY_HEADERS)
        view.value = table_html(shown, caption=f"Columns ranked by how closely they track {attribute.label.lower()}")

    attribute.observe(refresh, names="value")
    refresh()
    return widgets.VBox([attribute, errors, view])


def mitigation_panel() -> widgets.VBox:
    """Compare mitigations for one attribute and show the trade-off in a table and in words."""
    errors = error_box()
    attribute = widgets.Dropdown(options=[(label, column) for column, label in PROTECTED.items()],
                                 value="age_band", description="Protect",
                                 style={"description_width": "initial"})
    run = widgets.Button(description="Compare mitigations", button_style="primary",
                         layout=widgets.Layout(width="auto"))
    view = widgets.HTML(notice("Choose a group and press Compare mitigations (it takes a few seconds)."))

    @guarded(errors, "compare the mitigations")
    def compare(_=None):
        view.value = notice("Training four screening models...")
        run.disabled = True
        try:
            table, summary = mitigation_table(attribute.value)
        finally:
            run.disabled = False
        view.value = notice(summary) + table_html(table, caption=f"Mitigations compared for {attribute.label.lower()}")

    run.on_click(compare)
    return widgets.VBox([widgets.HBox([attribute, run]), errors, view])
