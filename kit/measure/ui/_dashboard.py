"""The KPI dashboard of the measure lesson: KPIs against targets, trends, and drift alerts for the hiring tool."""

from __future__ import annotations

import ipywidgets as widgets
import pandas as pd

from kit.workshop import parts
from kit.hiring import PROTECTED
from kit.measure._drift import alert_text, drift_alerts, selection_by_month
from kit.measure._kpis import clean_targets, kpi_by_id, kpi_frame, load_kpis, parse_target, resolve_targets, summary
from kit.measure._monitoring import MONTHS, month_name
from kit.measure.ui._charts import kpi_trend_alt, kpi_trend_spec, selection_trend_alt, selection_trend_spec
from kit.toolkit import AnswerView, BrowserChart, VegaChart
from kit.toolkit import table_html
from kit.toolkit import error_box, escape, guarded, notice
from kit.workshop.ui import SavedPart

_STATUS_STYLE = {"✔": "color:#1b6e3a;font-weight:600", "✘": "color:#a4161a;font-weight:600"}


def summary_html(frame: pd.DataFrame, caption: str) -> str:
    """The summary table with each status coloured; the ✔ / ✘ symbol carries the meaning too."""
    head = "".join(f'<th scope="col">{escape(c)}</th>' for c in frame.columns)
    body = []
    for record in frame.itertuples(index=False, name=None):
        cells = []
        for column, value in zip(frame.columns, record):
            style = _STATUS_STYLE.get(str(value)[:1]) if column == "status" else None
            tag = "th" if column == frame.columns[0] else "td"
            attributes = (' scope="row"' if tag == "th" else "") + (f' style="{style}"' if style else "")
            cells.append(f"<{tag}{attributes}>{escape(value)}</{tag}>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    return (f'<div class="kit-scroll"><table class="kit-table"><caption>{escape(caption)}</caption><thead><tr>{head}'
            f'</tr></thead><tbody>{"".join(body)}</tbody></table></div>')


def scroll_table_html(frame: pd.DataFrame, caption: str) -> str:
    """A wide table in a box that scrolls sideways (:func:`kit.toolkit.table_html` makes every table so).

    The page script makes the box reachable with the keyboard, named by the
    caption, only while it is too narrow for the table; a box that does not
    scroll is no extra stop for a keyboard user.
    """
    return table_html(frame, caption=caption)


def headline(frame: pd.DataFrame, month: int) -> str:
    """One sentence: how many KPIs are off target in ``month``, and which."""
    off = frame.loc[frame["status"].str.startswith("✘"), "KPI"].tolist()
    if not off:
        return notice(f"Every KPI with data is on target in {month_name(month)}.", "success")
    return notice(f"{len(off)} of {len(frame)} KPIs are off target in {month_name(month)}: {'; '.join(off)}.",
                  "warning")


def kpi_dashboard() -> widgets.VBox:
    """KPIs for a chosen month against targets the learner can change, a trend, and drift alerts.

    Targets the learner sets are saved to the workspace (``kpis.targets``, a
    dict of KPI id to target) and restored when the workspace is reopened.
    """
    errors = error_box()
    saved: dict[str, float] = {}
    kpis = load_kpis()
    month = widgets.Dropdown(options=[(month_name(m), m) for m in MONTHS], value=MONTHS[-1],
                             description="Month to show", style={"description_width": "initial"})
    overview = widgets.HTML()
    pick = widgets.Dropdown(options=[(k.name, k.id) for k in kpis], value=kpis[0].id, description="KPI",
                            style={"description_width": "initial"}, layout=widgets.Layout(width="min(560px, 95%)"))
    target = widgets.Text(description="Your target", style={"description_width": "initial"},
                          continuous_update=False)
    set_button = widgets.Button(description="Set target", button_style="primary", layout=widgets.Layout(width="auto"))
    reset_button = widgets.Button(description="Use the kit's target", layout=widgets.Layout(width="auto"))
    about = widgets.HTML()
    trend = VegaChart()  # drawn by the browser: a click costs the kernel no drawing
    attribute = widgets.Dropdown(options=[(label, column) for column, label in PROTECTED.items()],
                                 value="disability", description="Compare applicants by",
                                 style={"description_width": "initial"})
    drift = AnswerView()

    def show_kpis():
        targets = resolve_targets(saved)
        frame = summary(targets, month.value)
        overview.value = headline(frame, month.value) + summary_html(frame, f"Ethical KPIs in {month_name(month.value)}")
        kpi = kpi_by_id(pick.value)
        rows = kpi_frame(targets).query("id == @kpi.id")
        current = escape(kpi.target_text(targets[kpi.id]))
        target_words = (f"Your target: {current} (the kit's: {escape(kpi.target_text())})." if kpi.id in saved
                        else f"Target: {current} (the kit's default; type your own below).")
        about.value = (f"<p><strong>{escape(kpi.name)}</strong> ({escape(kpi.system)}). {escape(kpi.tells_you)} "
                       f"{target_words} <span class='kit-meta'>Source: {escape(kpi.source)}.</span></p>")
        table = pd.DataFrame({"month": rows["month name"], "value": [kpi.format(v) for v in rows["value"]],
                              "status": [("no data" if m is None else "on target" if m else "off target")
                                         for m in rows["on target"]]})
        trend.show(kpi_trend_spec(kpi, rows), kpi_trend_alt(kpi, rows),
                   table_html(table, caption=f"{kpi.name} by month"), caption=f"{kpi.name}, month by month")

    def show_drift():
        label = PROTECTED[attribute.value]
        alerts = drift_alerts(attribute.value)
        table = selection_by_month(attribute.value)
        shown = table[["month name", "group", "applicants", "shortlisted", "selection rate", "impact ratio", "status"]]
        trend_chart = BrowserChart(selection_trend_spec(table, label), selection_trend_alt(table, label),
                                   table_html(shown, caption=f"Shortlisted by {label.lower()}, month by month"),
                                   caption=f"Hiring tool: selection rate by {label.lower()}, month by month")
        drift.show([notice(alert_text(alerts, attribute.value), "error" if alerts else "success"), trend_chart])

    quiet = {"now": False}  # on while a new workspace puts the view back where the lesson starts
    start_view = [(month, month.value), (pick, pick.value), (attribute, attribute.value)]

    @guarded(errors, "show the KPIs")
    def on_view(_=None):
        if not quiet["now"]:
            show_kpis()

    @guarded(errors, "show that KPI")
    def on_pick(_=None):
        if quiet["now"]:
            return
        target.value = f"{resolve_targets(saved)[pick.value]:g}"
        show_kpis()

    def save() -> bool:
        """Save the learner's targets; False when they were merged with another tab's (then already shown)."""
        now = dict(saved)
        return part.save(now) is now

    @guarded(errors, "set the target")
    def on_set(_=None):
        kpi = kpi_by_id(pick.value)
        saved[kpi.id] = parse_target(kpi, target.value)
        if save():
            show_kpis()

    @guarded(errors, "go back to the kit's target")
    def on_reset(_=None):
        saved.pop(pick.value, None)
        target.value = f"{kpi_by_id(pick.value).target:g}"
        if save():
            show_kpis()

    @guarded(errors, "compare the groups")
    def on_attribute(_=None):
        if not quiet["now"]:
            show_drift()

    def show(value: dict, why: str) -> None:
        """Put saved targets on the dashboard without saving them (the targets are read afresh, never trusted)."""
        saved.clear()
        saved.update(clean_targets(value))
        drift_changed = False
        if why == "reset":  # a new workspace: the month, KPI and group the lesson starts from, too
            drift_changed = attribute.value != start_view[-1][1]
            quiet["now"] = True
            try:
                for widget, start in start_view:
                    widget.value = start
            finally:
                quiet["now"] = False
        on_pick()  # the target box and the KPIs; clears the error box of the targets shown before
        if drift_changed:
            on_attribute()

    part = SavedPart(parts.TARGETS, show, dict(saved))
    part.notice.layout.width = "100%"  # its own line under the target row, just above the error box
    month.observe(on_view, names="value")
    pick.observe(on_pick, names="value")
    set_button.on_click(on_set)
    reset_button.on_click(on_reset)
    attribute.observe(on_attribute, names="value")
    on_pick()
    on_attribute()
    box = widgets.VBox([
        widgets.HTML("<h3>Your KPIs this month</h3>"), month, overview,
        widgets.HTML("<h3>One KPI: its target and its trend</h3>"), pick, about,
        widgets.HBox([target, set_button, reset_button, part.notice], layout=widgets.Layout(flex_flow="row wrap")),
        errors, trend,
        widgets.HTML("<h3>The hiring tool, group by group</h3>"), attribute, drift,
    ])
    box.add_class("kit-kpi-dashboard")
    return box
