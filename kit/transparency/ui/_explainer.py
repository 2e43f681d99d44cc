"""The transparency lesson's apps: explain one applicant's decision, and the screening model's model card.

The explainer saves the applicants explained to the workspace (key
``"transparency.explainer"``) and shows the last one again when the attendee
reopens their workspace.
"""

from __future__ import annotations

import ipywidgets as widgets
import pandas as pd

from kit.workshop import parts
from kit.transparency import Explanation, example_applicants, explain, letter, remember, score_text
from kit.documents import to_html_fragment
from kit.transparency._model_card import model_card
from kit.transparency.ui._chart import contributions_alt, contributions_figure, contributions_spec
from kit.toolkit import DownloadLinks, document_files
from kit.toolkit import AnswerView, BrowserChart, Part
from kit.toolkit import table_html
from kit.toolkit import error_box, escape, guarded, notice
from kit.workshop.ui import SavedPart


def _reasons_html(explanation: Explanation) -> str:
    if not explanation.top:
        return "<p>No single input stands out: the score is close to the average applicant's.</p>"
    items = "".join(
        f"<li><code>{escape(r.code)}</code> {escape(r.text)}"
        + (f'<br><span class="kit-meta">Question this reason: {escape(r.caution)}</span>' if r.caution else "")
        + "</li>" for r in explanation.top)
    return f"<ol>{items}</ol>"


def _counterfactuals_html(explanation: Explanation) -> str:
    if not explanation.counterfactuals:
        return notice("No single change to the skills test, experience or qualification, within the range "
                      "seen among applicants, would flip this decision on its own.")
    best = explanation.counterfactuals[0]
    new = "shortlisted" if best.new_score >= explanation.threshold else "not shortlisted"
    shown = score_text(best.new_score, explanation.threshold)
    rows = pd.DataFrame({
        "input": [c.name for c in explanation.counterfactuals],
        "change": [c.text for c in explanation.counterfactuals],
        "new score": [score_text(c.new_score, explanation.threshold) for c in explanation.counterfactuals],
        "size of change (standard deviations)": [round(c.effort, 2) for c in explanation.counterfactuals],
    })
    return (f"<p>The smallest change: with <strong>{escape(best.text)}</strong>, the score would have been "
            f"{shown}, so the applicant would have been <strong>{new}</strong>. Where someone "
            "lives, whom they know, and protected characteristics are never suggested.</p>"
            + table_html(rows, caption="Every single change that flips the decision, smallest first"))


def _letter_html(paragraphs: list[str]) -> str:
    """Paragraphs as ``<p>``; runs of lines starting with "- " as one bulleted list."""
    out, items = [], []
    for paragraph in [*paragraphs, ""]:
        if paragraph.startswith("- "):
            items.append(f"<li>{escape(paragraph[2:])}</li>")
            continue
        if items:
            out.append(f"<ul>{''.join(items)}</ul>")
            items = []
        if paragraph:
            out.append(f"<p>{escape(paragraph)}</p>")
    return "".join(out)


def explanation_parts(explanation: Explanation) -> list[Part]:
    """The explanation of one decision: the verdict and reasons, the chart, the letter (every value escaped).

    The chart is drawn by the browser (:class:`AnswerView`); on a page drawn once it is a matplotlib picture.
    """
    kind = "success" if explanation.shortlisted else "warning"
    verdict = notice(f"Score {score_text(explanation.score, explanation.threshold)} out of 1 "
                     f"(shortlisted from {explanation.threshold:.2f}): "
                     f"{explanation.outcome}. The average applicant scores {explanation.baseline:.2f}.", kind)

    figure = BrowserChart(contributions_spec(explanation), contributions_alt(explanation),
                          table_html(explanation.table(), caption="Each input's effect"),
                          f"What moved the score of applicant {explanation.applicant_id}",
                          figure=lambda: contributions_figure(explanation))

    message = _letter_html(letter(explanation))
    return [f'<h3>Applicant {escape(explanation.applicant_id)}</h3>{verdict}'
            f"<h4>Main reasons for the decision</h4>{_reasons_html(explanation)}"
            f"<h4>What would have changed the outcome</h4>{_counterfactuals_html(explanation)}",
            figure,
            f'<h4>What the applicant would read</h4><blockquote class="kit-letter">{message}</blockquote>']


def decision_explainer() -> widgets.VBox:
    """Pick an applicant (from examples or by id) and see their decision explained."""
    errors = error_box()
    examples = example_applicants()
    picker = widgets.Dropdown(options=[(f"{aid} · {why}", aid) for aid, why in examples], value=examples[0][0],
                              description="Example applicant", style={"description_width": "initial"},
                              layout=widgets.Layout(width="min(560px, 95%)"))
    typed = widgets.Text(description="Or type an applicant id", placeholder="e.g. A00042",
                         continuous_update=False, style={"description_width": "initial"})
    button = widgets.Button(description="Explain", button_style="primary", layout=widgets.Layout(width="auto"))
    view = AnswerView()
    state = {"quiet": False}

    def show(applicant_id: str, save: bool) -> None:
        explanation = explain(applicant_id)
        if save:  # an attendee's own choice: start a workspace if they have none yet
            part.save(remember(part.load(), explanation))
        view.show(explanation_parts(explanation))

    def quietly(widget: widgets.Widget, value: str) -> None:
        """Set a widget without its observer explaining again."""
        state["quiet"] = True
        try:
            widget.value = value
        finally:
            state["quiet"] = False

    @guarded(errors, "explain that applicant")
    def on_pick(change):
        if state["quiet"]:
            return
        quietly(typed, change["new"])
        show(change["new"], save=True)

    @guarded(errors, "explain that applicant")
    def on_explain(_=None):
        if not state["quiet"]:
            show(typed.value, save=True)

    @guarded(errors, "show the applicant you explained last")
    def restore(saved: dict, _why: str) -> None:
        current = (saved.get("current") if isinstance(saved, dict) else None) or examples[0][0]
        quietly(picker, current if current in [value for _, value in picker.options] else examples[0][0])
        quietly(typed, current)
        show(current, save=False)

    part = SavedPart(parts.EXPLAINER, restore, {"current": None, "explained": []})

    picker.observe(on_pick, names="value")
    button.on_click(on_explain)
    typed.observe(on_explain, names="value")  # on Enter, or when the box loses focus
    quietly(typed, examples[0][0])
    show(examples[0][0], save=False)
    box = widgets.VBox([picker, widgets.HBox([typed, button], layout=widgets.Layout(flex_flow="row wrap")),
                        errors, part.notice, view])
    box.add_class("kit-decision-explainer")
    return box


def model_card_panel() -> widgets.VBox:
    """The screening model's model card, measured now, with downloads (Markdown, HTML, Word)."""
    errors = error_box()
    view, downloads = widgets.HTML(), DownloadLinks()

    @guarded(errors, "write the model card")
    def build():
        card = model_card()
        downloads.offer(document_files(card, "model-card", "the model card"))
        view.value = f'<div class="kit-model-card">{to_html_fragment(card, heading_level=3)}</div>'

    build()
    box = widgets.VBox([errors, downloads, view])
    box.add_class("kit-model-card-panel")
    return box
