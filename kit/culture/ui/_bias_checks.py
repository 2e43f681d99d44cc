"""The "bias checks at every stage" app of the culture lesson: rate each check for one system, see the gaps.

The counting is :mod:`kit.culture._bias_checks`; this module builds the
widgets and saves the answers to the workspace (``culture.bias_checks``) as
the attendee goes, so they come back after a reload.
"""

from __future__ import annotations

import ipywidgets as widgets
import pandas as pd

from kit.culture._bias_checks import (STATES, STATE_LABELS, BiasChecklist, ChecksResult, assess_checks,
                                      checks_document, clean_answers, clean_system, load_checklist, stage_table)
from kit.toolkit import (AnswerView, Files, Part, choice, document_files, error_box, escape, group_heading, guarded,
                         joined, notice, table_html)
from kit.workshop import parts
from kit.workshop.ui import Hush, SavedPart

STEM = "bias-checks-at-every-stage"


def _gaps_html(result: ChecksResult, answers: dict[str, str]) -> str:
    items = []
    for stage in result.stages:
        for check in stage.gaps:
            state = STATE_LABELS[answers[check.id]].lower()
            items.append(f"<li><strong>{escape(stage.stage.name)}</strong> ({escape(state)}): {escape(check.text)} "
                         f"<span class='kit-meta'>{escape(check.why)}</span></li>")
    if not items:
        return ""
    return "<h3>The gaps, in the order of the system's life</h3><ol class='kit-gaps'>" + "".join(items) + "</ol>"


def result_parts(checklist: BiasChecklist, answers: dict[str, str], system: str,
                 downloads: bool = True, caption: str = "Your checks, stage by stage") -> list[Part]:
    """The summary, the table of stages and the gaps; the download links last."""
    answers = clean_answers(checklist, answers)
    result = assess_checks(checklist, answers, system)
    kind = "info" if not result.rated else "success" if result.first_gap is None else "warning"
    header, rows = stage_table(result)
    table = table_html(pd.DataFrame(rows, columns=header), caption=caption)

    links = Files(document_files(lambda: checks_document(checklist, answers, system), STEM,
                                 "the checklist"))  # each file made when its link is clicked
    return [notice(result.summary(), kind), table + _gaps_html(result, answers),
            links if downloads and result.rated else ""]


def result_html(checklist: BiasChecklist, answers: dict[str, str], system: str = "") -> str:
    """:func:`result_parts` without downloads, as one HTML string (the lesson's worked example)."""
    return joined(result_parts(checklist, answers, system, downloads=False,
                               caption="The example's checks, stage by stage"))


def bias_checks_app() -> widgets.VBox:
    """Name one AI system, rate each check done, planned or not yet, and see where its gaps start."""
    checklist = load_checklist()
    errors = error_box()
    system = widgets.Text(description="The AI system you are checking", continuous_update=False,
                          placeholder="e.g. the screening tool our recruitment supplier runs",
                          layout=widgets.Layout(width="95%"))
    example = widgets.Button(description="Start from the example", layout=widgets.Layout(width="auto"))
    options = [(label, state) for state, label in STATES]
    radios, rows = {}, []
    for stage in checklist.stages:
        rows.append(group_heading(stage.name, f"When: {stage.when}"))
        for check in stage.checks:
            radios[check.id] = choice(check.text, options, f"kit-check-{check.id}", orientation="horizontal",
                                      note=check.why)
            rows.append(radios[check.id])
    view = AnswerView()
    quiet = Hush()

    def value() -> dict:
        return {"system": clean_system(system.value),
                "answers": {cid: radio.value for cid, radio in radios.items() if radio.value is not None}}

    def put(saved: dict) -> None:
        """Show a value on the widgets without saving it again."""
        kept = clean_answers(checklist, saved.get("answers"))
        with quiet:
            system.value = str(saved.get("system") or "")
            for cid, radio in radios.items():
                radio.value = kept.get(cid)

    @guarded(errors, "update the checklist")
    def refresh(change=None):
        if quiet.on:
            return
        now = value()
        if change is not None and part.save(now) is not now:
            return  # merged with another tab's save: show() has drawn the merged answers
        view.show(result_parts(checklist, now["answers"], now["system"]))

    def show(saved: dict, _why: str) -> None:
        put(saved or {})
        refresh()

    @guarded(errors, "load the example")
    def on_example(_):
        put({"system": checklist.example.system, "answers": dict(checklist.example.answers)})
        refresh(True)

    part = SavedPart(parts.BIAS_CHECKS, show, {"system": "", "answers": {}})
    for widget in [system, *radios.values()]:
        widget.observe(refresh, names="value")
    example.on_click(on_example)
    refresh()
    box = widgets.VBox([system, example, errors, part.notice, *rows,
                        widgets.HTML("<h3>Where the gaps are</h3>"), view])
    box.add_class("kit-bias-checks")
    return box
