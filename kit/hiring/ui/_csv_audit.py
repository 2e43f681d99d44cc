"""The "audit your own CSV" panel: upload, pick columns, see the audit or a plain error.

The uploaded file stays in memory: nothing is written to the server's disk.
Only a short summary of the result is saved to the attendee's workspace.
"""

from __future__ import annotations

import ipywidgets as widgets

from kit.workshop import parts
from kit.workshop import session
from kit.fairness import audit, audit_html, read_audit_csv
from kit.hiring.ui._audit_view import AUDIT_CSS, audit_view_html
from kit.toolkit import DownloadLinks
from kit.toolkit import file_upload, uploaded_file
from kit.toolkit import error_box, guarded, notice

NO_LABEL = "(none)"
WELCOME = ("Upload a comma-separated file with one row per person: a column with the decision (for example hired "
           "yes/no) and columns for the groups to compare.")
TOO_BIG = ("Keep only the rows and columns you need in a smaller file, or ask your trainer to run the kit's "
           "audit command on the whole file: it handles a million rows.")


def csv_audit_panel() -> widgets.VBox:
    """Upload a CSV of decisions and audit it by the columns the attendee picks."""
    errors = error_box()
    upload = file_upload("Upload a CSV file", TOO_BIG)
    outcome = widgets.Dropdown(description="Decision column", style={"description_width": "initial"})
    positive = widgets.Dropdown(description="Value meaning selected", style={"description_width": "initial"})
    label = widgets.Dropdown(description="True answer column (optional)", style={"description_width": "initial"})
    groups = widgets.VBox()
    run = widgets.Button(description="Run the audit", button_style="primary", disabled=True,
                         layout=widgets.Layout(width="auto"))
    status = widgets.HTML(notice(WELCOME))
    view, downloads = widgets.HTML(), DownloadLinks()
    state: dict = {"df": None}

    def clear(message: str) -> None:
        """Forget the file and its result, so a failed upload or a new workspace leaves nothing behind."""
        state["df"] = None
        view.value = ""
        downloads.clear()
        outcome.options = positive.options = label.options = ()
        groups.children = ()
        run.disabled = True
        status.value = notice(message)

    @guarded(errors, "read that file")
    def on_upload(_):
        if not upload.value:
            return
        clear("Reading the file...")
        try:
            name, content = uploaded_file(upload)
            df = read_audit_csv(content)
        except ValueError:
            status.value = notice(WELCOME)
            raise
        finally:
            upload.value = ()  # the same file can be chosen again after a fix
        state["df"] = df
        columns = [str(c) for c in df.columns]
        outcome.options = columns
        label.options = [NO_LABEL] + columns
        label.value = NO_LABEL
        groups.children = [widgets.Checkbox(value=False, description=c, indent=False) for c in columns]
        run.disabled = False
        status.value = notice(f"Read {name}: {len(df)} rows and {len(columns)} columns. Now choose the "
                              "decision column, the value that means selected, and one or more group columns.",
                              "success")

    @guarded(errors, "list the values of that column")
    def on_outcome(_=None):
        if state["df"] is None or outcome.value is None:
            return
        values = sorted({str(v) for v in state["df"][outcome.value].dropna()})[:20]
        positive.options = values
        for preferred in ("1", "yes", "Yes", "true", "True", "hired", "selected"):
            if preferred in values:
                positive.value = preferred
                break

    @guarded(errors, "run the audit")
    def on_run(_):
        if state["df"] is None:
            raise ValueError("Upload a CSV file before running the audit.")
        chosen = [box.description for box in groups.children if box.value]
        if not chosen:
            raise ValueError("Tick at least one group column to compare, for example gender.")
        result = audit(state["df"], outcome.value, chosen,
                       label=None if label.value == NO_LABEL else label.value, positive=positive.value)
        view.value = audit_view_html(result, caption=f"Selection rate by {' and '.join(chosen)}")
        downloads.offer([(lambda: audit_html(result, title="Fairness audit of your data"), "fairness-audit.html",
                          "Download this audit as a report (HTML)")])
        summary = result.to_dict() | {"by_group": [g.to_dict() for g in result.by_group][:50]}
        session.save(parts.OWN_AUDIT.key, parts.OWN_AUDIT.check(summary), whole=True, schema=parts.OWN_AUDIT.version)

    def on_switch(_workspace, clear_screen: bool) -> None:
        if clear_screen:  # the file belonged to the previous workspace's attendee
            errors.value = ""
            clear(WELCOME)

    upload.observe(on_upload, names="value")
    outcome.observe(on_outcome, names="value")
    run.on_click(on_run)
    session.on_switch(on_switch)
    box = widgets.VBox([
        widgets.HTML(AUDIT_CSS), status, upload,
        widgets.HBox([outcome, positive], layout=widgets.Layout(flex_flow="row wrap")),
        label, widgets.HTML("<strong>Group columns to compare</strong> (tick one, or several for "
                            "intersectional groups):"),
        groups, run, errors, view, downloads,
    ])
    box.add_class("kit-csv-audit")
    return box
