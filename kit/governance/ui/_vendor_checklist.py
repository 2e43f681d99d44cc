"""The vendor due-diligence checklist of the implementation lesson: answer, see the scores, send the follow-ups.

The scoring is :mod:`kit.governance._vendor`; this module only builds the widgets, draws
the chart and saves the answers to the workspace as the attendee goes. The app's chart is
drawn by the attendee's browser (:func:`area_spec`), so an answer costs the kernel no
drawing; :func:`area_figure` draws the same bars for the lesson page.
"""

from __future__ import annotations

import textwrap

import ipywidgets as widgets
import pandas as pd

from kit.workshop import parts
from kit.toolkit import choice, group_heading
from kit.toolkit import Files, document_files
from kit.toolkit import new_figure
from kit.toolkit import AnswerView, BrowserChart, Part, joined
from kit.toolkit import OTHER_COLOUR, Bar, Line, bar_spec
from kit.toolkit import table_html
from kit.toolkit import error_box, escape, guarded, notice
from kit.workshop.ui import Hush, SavedPart
from kit.governance._vendor import (BANDS, Checklist, VendorSummary, area_table, check_name, clean_answers,
                                    load_checklist, scale_text, summarise, summary_alt, vendor_document)

# Okabe-Ito colours by band, best first; the two lower bands are also hatched.
BAND_STYLE = {"Strong": ("#0072B2", ""), "Adequate": ("#56B4E9", ""), "Weak": ("#E69F00", "//"),
              "Serious gaps": ("#D55E00", "xx")}
#: The checklist's area chart: its caption, and the value axis's ticks.
AREA_CAPTION, AREA_TICKS = "Due-diligence score by area", [0, 25, 50, 75, 100]


def _area_words(score) -> str:
    return "not answered yet" if score.percent is None else f"{score.percent}% {score.band}"


def area_figure(summary: VendorSummary):
    """Horizontal bars of each area's score, with the band thresholds as dashed lines."""
    scores = summary.areas
    figure = new_figure(6.6, 0.5 * len(scores) + 1.3)
    axes = figure.add_subplot()
    values = [s.percent or 0 for s in scores]
    colours = [BAND_STYLE.get(s.band, (OTHER_COLOUR, ""))[0] for s in scores]
    bars = axes.barh(range(len(scores)), values, color=colours, edgecolor="#333333", linewidth=0.6)
    for bar, score in zip(bars, scores):
        bar.set_hatch(BAND_STYLE.get(score.band, ("", ""))[1])
        axes.text(bar.get_width() + 1.5, bar.get_y() + bar.get_height() / 2, _area_words(score), va="center",
                  fontsize=8)
    for floor, _ in BANDS[:-1]:
        axes.axvline(floor, color="#222222", linestyle="--", linewidth=0.8)
    axes.set_yticks(range(len(scores)), [textwrap.fill(s.area.title, 24) for s in scores], fontsize=8)
    axes.invert_yaxis()
    axes.set_xlim(0, 130)
    axes.set_xticks(AREA_TICKS)
    axes.set_xlabel("Score (%)")
    axes.spines[["top", "right"]].set_visible(False)
    return figure


def area_spec(summary: VendorSummary) -> dict:
    """The bars of :func:`area_figure` as a Vega-Lite specification: each bar's words name its band."""
    bars = [Bar(textwrap.fill(s.area.title, 24), s.percent or 0, s.band, _area_words(s)) for s in summary.areas]
    colours = {band: colour for band, (colour, _) in BAND_STYLE.items()} | {"Not answered yet": OTHER_COLOUR}
    return bar_spec(bars, colours, "Score (%)", domain=(0, 100), ticks=AREA_TICKS,
                    lines=[Line(floor) for floor, _ in BANDS[:-1]], show_legend=False, words_in_column=True)


def overview_html(checklist: Checklist) -> str:
    """How the checklist scores, and how many questions each area holds."""
    rows = [[a.title, a.about, len(qs := checklist.in_area(a.id)), sum(q.critical for q in qs),
             sum(q.weight for q in qs)] for a in checklist.areas]
    frame = pd.DataFrame(rows, columns=["Area", "What it covers", "Questions", "Critical questions", "Total weight"])
    caption = f"The checklist: {len(checklist.questions)} questions in {len(checklist.areas)} areas"
    return notice(scale_text()) + table_html(frame, caption=caption)


def summary_parts(summary: VendorSummary, downloads: bool = True) -> list[Part]:
    """The headline, the chart, the table of areas and the follow-ups, then (optionally) the downloads.

    The chart is drawn by the browser and each download is made when its link is clicked
    (:class:`AnswerView`); on a page drawn once the chart is a matplotlib picture.
    """
    kind = "warning" if summary.deal_breakers else "info"
    if summary.overall.share is None:
        return [notice(summary.headline(), kind)]
    header, rows = area_table(summary)
    table = table_html(pd.DataFrame(rows, columns=header), caption=f"Scores by area: {summary.name}")
    items = "".join(
        f"<li><strong>{escape(f.priority)}:</strong> {escape(f.question.follow_up)}"
        f"<br><span class='kit-meta'>Because to “{escape(f.question.question)}” the answer was "
        f"{escape(f.strength)}: {escape(f.answer)}</span></li>" for f in summary.follow_ups)
    follow = (f"<h3>Follow-up questions to send ({len(summary.follow_ups)})</h3><ol class='kit-follow-ups'>{items}</ol>"
              if items else notice("No follow-up questions: every answer so far was strong.", "success"))

    figure = BrowserChart(area_spec(summary), summary_alt(summary), caption=AREA_CAPTION,
                          figure=lambda: area_figure(summary))

    links = Files(document_files(lambda: vendor_document(summary), "vendor-due-diligence",
                                 "the checklist"))  # each file made when its link is clicked
    return [notice(summary.headline(), kind), figure, table + follow, links if downloads else ""]


def summary_html(summary: VendorSummary, downloads: bool = True) -> str:
    """:func:`summary_parts` as one HTML string."""
    return joined(summary_parts(summary, downloads))


def _question_rows(checklist: Checklist) -> tuple[list[widgets.Widget], dict[str, widgets.RadioButtons]]:
    rows, radios, number = [], {}, 0
    for area in checklist.areas:
        rows.append(group_heading(area.title, area.about))
        for question in checklist.in_area(area.id):
            number += 1
            label = f"{number}. {question.question}" + (" (critical)" if question.critical else "")
            why = f"Why it matters: {question.why}" if question.why else ""
            radios[question.id] = choice(label, [(o.text, i) for i, o in enumerate(question.options)],
                                         f"kit-q-{question.id}", note=why)
            rows.append(radios[question.id])
    return rows, radios


def vendor_checklist() -> widgets.VBox:
    """The checklist app: name the supplier, record each answer, see scores and follow-ups.

    The answers are saved to the workspace under ``vendor.checklist`` as they
    change, and come back when the attendee reopens their workspace.
    """
    checklist = load_checklist()
    errors = error_box()
    names = {
        "vendor": widgets.Text(description="Supplier", placeholder="e.g. BrightHire Analytics"),
        "tool": widgets.Text(description="Tool or service", placeholder="e.g. CV screening assistant"),
    }
    for box in names.values():
        box.continuous_update = False
        box.style = {"description_width": "initial"}
        box.layout = widgets.Layout(width="min(420px, 95%)")
    rows, radios = _question_rows(checklist)
    summary = AnswerView()
    restoring = Hush()

    def answers() -> dict[str, int]:
        return {qid: radio.value for qid, radio in radios.items() if radio.value is not None}

    def value() -> dict:
        """The checklist as saved (raises ValueError naming the fix for a name that is too long)."""
        return {"vendor": check_name(names["vendor"].value, "supplier name"),
                "tool": check_name(names["tool"].value, "tool name"), "answers": answers()}

    @guarded(errors, "update the summary")
    def refresh(change=None):
        if restoring.on:
            return
        now = value()
        if change is not None and part.save(now) is not now:
            return  # merged with another tab's save: show() has already drawn the merged summary
        summary.show(summary_parts(summarise(checklist, now["answers"], now["vendor"], now["tool"])))

    def show(saved: dict, _why: str) -> None:
        """Put a saved value on the widgets without saving it, then redraw the summary."""
        saved = saved or {}
        kept = clean_answers(checklist, saved.get("answers"))
        with restoring:
            for key, box in names.items():
                box.value = str(saved.get(key) or "")
            for qid, radio in radios.items():
                radio.value = kept.get(qid)
        refresh()  # also clears the error box of the value shown before

    part = SavedPart(parts.VENDOR, show, value())
    for widget in [*names.values(), *radios.values()]:
        widget.observe(refresh, names="value")
    refresh()
    box = widgets.VBox([
        widgets.HBox(list(names.values()), layout=widgets.Layout(flex_flow="row wrap")), errors, part.notice,
        *rows,
        widgets.HTML("<h3>Summary</h3>"), summary,
    ])
    box.add_class("kit-vendor-checklist")
    return box
