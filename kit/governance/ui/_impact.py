"""The impact-assessment questionnaire of the policy lesson: answer, see the scores and the level live."""

from __future__ import annotations

import ipywidgets as widgets
import pandas as pd

from kit.workshop import parts
from kit.governance._impact import (
    Assessment,
    assess,
    assessment_document,
    clean_answers,
    example_answers,
    format_percent,
    format_points,
    questionnaire,
    saved_value,
    summary,
)
from kit.toolkit import DownloadLinks, document_files
from kit.governance.ui._forms import stacked, styles
from kit.toolkit import table_html
from kit.toolkit import error_box, escape, guarded, notice
from kit.workshop.ui import SavedPart

PART_TITLES = {"impact": "Part 1: the impact of the system", "mitigation": "Part 2: what is in place to reduce it"}


def levels_html() -> str:
    """The levels, where each starts and ends, and the controls each adds, from the data file."""
    form = questionnaire()
    rows, low = [], "0 %"
    for level in form.levels:
        high = format_percent(level.up_to) if level.up_to is not None else "100 %"
        span = f"up to {high}" if low == "0 %" else f"above {low}, up to {high}"
        rows.append({"Level": level.level, "Meaning": level.name, "Score (share of the maximum)": span,
                     "Controls it adds": " • ".join(level.adds)})
        low = high
    return table_html(pd.DataFrame(rows), caption="Impact levels and the controls each one adds to the levels below")


def result_html(result: Assessment, answered: int) -> str:
    """The level in large type, the sentence behind it, the scores as a table and the controls."""
    form = questionnaire()
    if not answered:
        return notice("Answer the questions to see the scores and the impact level.")
    provisional = "" if result.complete else " (provisional)"
    headline = (f'<p class="kit-level" role="status">Impact level {escape(result.level.level)}{provisional}: '
                f"{escape(result.level.name)}</p>")
    scores = pd.DataFrame([
        {"Score": "Raw impact", "Points": format_points(result.raw), "Maximum": format_points(result.max_raw),
         "Share": format_percent(result.raw / result.max_raw)},
        {"Score": "Mitigation", "Points": format_points(result.mitigation),
         "Maximum": format_points(result.max_mitigation),
         "Share": format_percent(result.mitigation / result.max_mitigation, [form.threshold])},
        {"Score": "Impact after mitigation", "Points": format_points(result.score),
         "Maximum": format_points(result.max_raw),
         "Share": format_percent(result.share, [lv.up_to for lv in form.levels if lv.up_to is not None])},
    ])
    controls = "".join(f"<li>{escape(c)}</li>" for c in result.controls)
    return (headline + f"<p>{escape(summary(result, form))}</p>" + table_html(scores, caption="Your scores")
            + f"<p><strong>Controls required at level {escape(result.level.level)}</strong></p><ul>{controls}</ul>")


def progress_html(result: Assessment, answered: int, total: int) -> str:
    """One line above the questions: how many are answered and the level so far (full result below)."""
    if not answered:
        return notice(f"0 of {total} questions answered. The level appears here and under Your result.")
    state = "" if result.complete else " so far"
    return notice(f"{answered} of {total} questions answered. Impact level{state}: {result.level.level}, "
                  f"{result.level.name}. The scores and the controls are under Your result.",
                  "success" if result.complete else "info")


def impact_assessment() -> widgets.VBox:
    """The questionnaire with a live result; answers autosave to ``policy.impact_assessment``."""
    form = questionnaire()
    errors = error_box()
    system = stacked(widgets.Text(description="Which system are you assessing?", continuous_update=False,
                                  placeholder="e.g. the lead-scoring tool in our CRM"))
    pickers: dict[str, widgets.RadioButtons] = {}
    rows: list[widgets.Widget] = []
    for part in PART_TITLES:
        rows.append(widgets.HTML(f"<h3>{escape(PART_TITLES[part])}</h3>"))
        topic = None
        for number, question in enumerate(form.part(part), start=1):
            if question.topic != topic:
                topic = question.topic
                rows.append(widgets.HTML(f"<h4>{escape(topic)}</h4>"))
            picker = stacked(widgets.RadioButtons(options=[(o.text, i) for i, o in enumerate(question.options)],
                                                  value=None, description=f"{number}. {question.question}"))
            picker.add_class(f"kit-aia-{question.id}")
            pickers[question.id] = picker
            rows.append(picker)
    result, progress = widgets.HTML(), widgets.HTML()
    downloads = DownloadLinks()
    example = widgets.Button(description="Fill in the worked example (replaces your answers)",
                             layout=widgets.Layout(width="auto"))
    restoring = {"now": False}

    def answers() -> dict[str, int]:
        return {qid: picker.value for qid, picker in pickers.items() if picker.value is not None}

    @guarded(errors, "score the assessment")
    def refresh(change=None):
        if restoring["now"]:
            return
        if change is not None:
            value = saved_value(system.value, answers(), form)
            if part.save(value) is not value:
                return  # merged with another tab's save: show() has already scored the merged answers
        given = answers()  # the scores are worked out from the answers, never read back from a saved value
        scored = assess(given, form)
        progress.value = progress_html(scored, len(given), len(form.questions))
        result.value = result_html(scored, len(given))
        named = {"system": system.value, "answers": given}
        downloads.offer(document_files(lambda: assessment_document(named), "impact-assessment", "this assessment")
                        if given else ())

    def load(values: dict[str, int], name: str | None = None):
        restoring["now"] = True
        try:
            if name is not None:
                system.value = name
            for qid, picker in pickers.items():
                picker.value = values.get(qid)
        finally:
            restoring["now"] = False

    @guarded(errors, "fill in the example")
    def on_example(_):
        load(example_answers(form), str(form.example.get("system", "")))
        refresh(True)

    def show(saved: dict, _why: str) -> None:
        """Put a saved value on the questionnaire without saving it, then score it afresh."""
        saved = saved or {}
        load(clean_answers(saved.get("answers"), form), str(saved.get("system") or ""))
        refresh()  # also clears the error box of the value shown before

    part = SavedPart(parts.IMPACT, show, saved_value(system.value, answers(), form))
    for widget in [system, *pickers.values()]:
        widget.observe(refresh, names="value")
    example.on_click(on_example)
    refresh()
    box = widgets.VBox([
        styles(),
        widgets.HTML(notice("Answer every question for the system you have in mind; the level updates as you go "
                            "and your answers are saved to your workspace.")),
        system, widgets.HBox([example]), progress, *rows,
        widgets.HTML("<h3>Your result</h3>"), errors, part.notice, result, downloads,
    ])
    box.add_class("kit-impact-assessment")
    return box
