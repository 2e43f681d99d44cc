"""The privacy lesson's app: the data-minimisation checker.

For each column of a dataset (the sample hiring data, or a CSV the attendee
uploads, which stays in memory) the attendee says whether the stated purpose
needs it. The kit flags personal and special-category data and measures the
re-identification risk (k-anonymity) of the quasi-identifiers still kept.
Choices are saved to the workspace (key ``"privacy.minimisation"``) as they
change and come back when the attendee reopens their workspace.
"""

from __future__ import annotations

import ipywidgets as widgets
import pandas as pd

from kit.workshop import parts
from kit.data import COLUMN_GUIDE, load_hiring
from kit.documents import Document
from kit.fairness import read_audit_csv
from kit.privacy._minimisation import ColumnFlag, Review, classify_columns, minimisation_section, review
from kit.toolkit import file_upload, uploaded_file
from kit.toolkit import DownloadLinks, document_files
from kit.toolkit import table_html
from kit.toolkit import error_box, escape, guarded, notice
from kit.workshop.ui import SavedPart

SAMPLE = "the sample hiring data (data/hiring.csv)"
#: More columns than this would make a page of check boxes nobody can review.
MAX_COLUMNS = 150


def _column_row(flag: ColumnFlag, meaning: str) -> tuple[widgets.Checkbox, widgets.HBox]:
    keep = widgets.Checkbox(value=True, description=flag.column, indent=False,
                            layout=widgets.Layout(width="13em"))
    badge = "kit-warning" if flag.kind in ("identifier", "special") else "kit-info"
    about = (f'<span class="kit-notice {badge}" style="display:inline;padding:0.1em 0.4em">'
             f"{escape(flag.label)}</span> <span class='kit-meta'>because {escape(flag.reason)}."
             f"{' ' + escape(meaning) if meaning else ''}</span>")
    return keep, widgets.HBox([keep, widgets.HTML(about)], layout=widgets.Layout(align_items="center"))


def _risk_table(result: Review) -> str:
    def line(label, risk):
        return {"columns kept": label, "quasi-identifiers": ", ".join(risk.quasi_identifiers) or "none",
                "k (smallest group)": f"{risk.k:,}", "unique records": f"{risk.unique:,} ({risk.unique_share:.1%})",
                f"records in groups under {risk.k_target}": f"{risk.at_risk:,} ({risk.at_risk_share:.1%})"}
    frame = pd.DataFrame([line("keeping every column", result.before), line("with your choices", result.risk)])
    return table_html(frame, caption="Re-identification risk (k-anonymity)")


def review_html(result: Review) -> str:
    """The verdict: warnings, the risk before and after, and group sizes (all escaped)."""
    notes = "".join(f"<li>{escape(n)}</li>" for n in result.notes())
    kind = "success" if result.risk.k >= result.risk.k_target else "warning"
    bands = result.risk.bands.assign(**{"share of records": result.risk.bands["share of records"].map("{:.1%}".format)})
    return (f"{notice(result.risk.reading(), kind)}<ul>{notes}</ul>{_risk_table(result)}"
            + table_html(bands, caption="How many records share their quasi-identifiers with how many others"))


def minimisation_checker() -> widgets.VBox:
    """The checker: dataset, purpose, a keep box per column, and the live verdict below."""
    errors = error_box()
    upload = file_upload("Upload a CSV file", "The checker needs only the column names and enough rows to judge "
                         "re-identification: save the first few thousand rows in a smaller file and upload that.")
    sample = widgets.Button(description="Use the sample hiring data", layout=widgets.Layout(width="auto"))
    purpose = widgets.Textarea(description="Purpose: what is this data for?", continuous_update=False,
                               placeholder="e.g. Shortlisting applicants for interview",
                               style={"description_width": "initial"}, layout=widgets.Layout(width="95%"))
    status, columns, view, downloads = widgets.HTML(), widgets.VBox(), widgets.HTML(), DownloadLinks()
    state: dict = {"df": None, "name": SAMPLE, "flags": [], "boxes": {}, "pending": {}, "quiet": False}

    def evaluate(save: bool) -> None:
        if state["df"] is None:
            return
        needed = {column: box.value for column, box in state["boxes"].items()}
        result = review(state["df"], needed, state["flags"])
        view.value = review_html(result) if purpose.value.strip() else (
            notice("Write the purpose above first: whether a column is needed depends on what the data is "
                   "for.", "info") + review_html(result))
        saved = result.saved(state["name"], purpose.value.strip())
        downloads.offer(document_files(
            lambda: Document("Data minimisation record", [s for s in [minimisation_section(saved)] if s]),
            "minimisation-record", "the record"))
        if save and not state["quiet"]:
            part.save(saved)

    @guarded(errors, "update the check")
    def on_change(_=None):
        evaluate(save=True)

    def load(df: pd.DataFrame, name: str, guide: dict) -> None:
        if len(df.columns) > MAX_COLUMNS:
            raise ValueError(f"{name} has {len(df.columns)} columns; the checker takes up to {MAX_COLUMNS}. "
                             "Save the columns you are reviewing in a smaller CSV file and upload that.")
        state.update(df=df, name=name, flags=classify_columns(df), boxes={})
        rows = []
        for flag in state["flags"]:
            keep, row = _column_row(flag, guide.get(flag.column, ""))
            keep.value = bool(state["pending"].get(flag.column, True))
            keep.observe(on_change, names="value")
            state["boxes"][flag.column] = keep
            rows.append(row)
        columns.children = rows
        status.value = notice(f"Checking {name}: {len(df):,} rows and {len(df.columns)} columns. Untick every "
                              "column the purpose does not need.", "success")

    def forget_dataset(message: str) -> None:
        """Take the dataset off the page, so a failed upload leaves no earlier result behind."""
        state.update(df=None, flags=[], boxes={})
        columns.children, view.value = (), ""
        downloads.clear()
        status.value = notice(message, "info")

    @guarded(errors, "read that file")
    def on_upload(_):
        if not upload.value:
            return
        forget_dataset("Upload a CSV file, or use the sample hiring data.")
        try:
            name, content = uploaded_file(upload)
            df = read_audit_csv(content)
        finally:
            upload.value = ()  # the same file can be chosen again after a fix
        load(df, name, {})
        evaluate(save=True)

    @guarded(errors, "load the sample data")
    def on_sample(_=None):
        state["pending"] = {}
        load(load_hiring(), SAMPLE, COLUMN_GUIDE)
        evaluate(save=True)

    @guarded(errors, "bring back your choices")
    def show(saved: dict, why: str) -> None:
        state["quiet"] = True
        try:
            purpose.value = saved.get("purpose", "")
            state["pending"] = dict(saved.get("needed") or {})
            if saved.get("dataset", SAMPLE) == SAMPLE:
                load(load_hiring(), SAMPLE, COLUMN_GUIDE)
            else:  # the file itself was never saved: nothing of another file may stay on screen
                state["name"] = saved["dataset"]
                forget_dataset(f"Last time you checked {saved['dataset']}. Upload it again: your choices come "
                               "back for every column with the same name.")
        finally:
            state["quiet"] = False
        evaluate(save=why == "merged")  # a merge may mix two tabs' choices: save the figures they give

    part = SavedPart(parts.MINIMISATION, show, {"dataset": SAMPLE, "purpose": "", "needed": {}})

    upload.observe(on_upload, names="value")
    sample.on_click(on_sample)
    purpose.observe(on_change, names="value")
    load(load_hiring(), SAMPLE, COLUMN_GUIDE)
    evaluate(save=False)
    box = widgets.VBox([
        status, widgets.HBox([upload, sample], layout=widgets.Layout(flex_flow="row wrap")), purpose,
        widgets.HTML("<p><strong>Keep this column?</strong> Tick it only if the purpose above needs it.</p>"),
        columns, errors, part.notice, view, downloads,
    ])
    box.add_class("kit-minimisation")
    return box
