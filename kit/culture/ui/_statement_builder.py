"""The transparency statement builder of the innovation lesson: questions, a live draft, and downloads."""

from __future__ import annotations

import ipywidgets as widgets

from kit.workshop import parts
from kit.workshop import session
from kit.documents import to_html
from kit.culture._statement import (WORK_KEYS, add_evidence, clean_answers, evidence, load_fields,
                                    missing_sections, statement_document, suggestions, warnings)
from kit.workshop import Workspace
from kit.toolkit import DownloadLinks, document_files
from kit.toolkit import error_box, escape, guarded, notice
from kit.workshop.ui import SavedPart

STEM = "transparency-statement"


def preview_html(answers: dict) -> str:
    """The draft as it will read, inside the page (headings moved down to sit under the lesson's)."""
    page = to_html(statement_document(answers))
    body = page.split("<main>", 1)[1].rsplit("</main>", 1)[0]  # every value in it is already escaped
    for level, new in (("h2", "h4"), ("h1", "h3")):
        body = body.replace(f"<{level}>", f"<{new}>").replace(f"</{level}>", f"</{new}>")
    return f'<div class="kit-card kit-statement" role="region" aria-label="Draft statement">{body}</div>'


def read_work(workspace: Workspace | None) -> dict:
    """What the attendee saved in other lessons (only the keys the statement uses; never fails)."""
    work = {}
    for key in WORK_KEYS:
        try:
            work[key] = workspace.load(key) if workspace is not None else None
        except Exception:  # noqa: BLE001 - a damaged value must not stop the statement
            work[key] = None
    return work


def statement_builder() -> widgets.VBox:
    """Questions on the left of the draft; the draft, its gaps and three downloads update as you type.

    Answers are saved to the workspace (``transparency.statement``) as the
    attendee goes and restored when the workspace is reopened.
    """
    errors = error_box()
    fields = load_fields()
    boxes = {}
    rows = []
    for field in fields:
        cls = widgets.Textarea if field.multiline else widgets.Text
        boxes[field.id] = cls(description=field.question, placeholder=f"e.g. {field.example}", continuous_update=False,
                              style={"description_width": "initial"},
                              layout=widgets.Layout(width="95%", height="5em" if field.multiline else None))
        rows.append(widgets.VBox([boxes[field.id], widgets.HTML(f'<span class="kit-meta">{escape(field.help)}</span>')]))
    example = widgets.Button(description="Start from the example", layout=widgets.Layout(width="auto"))
    from_work = widgets.Button(description="Fill in from my saved work", button_style="primary",
                               layout=widgets.Layout(width="auto"))
    found, gaps, preview = widgets.HTML(), widgets.HTML(), widgets.HTML()
    downloads = DownloadLinks()
    loading = {"now": False}

    def answers() -> dict:
        return clean_answers({key: box.value for key, box in boxes.items()})

    def show():
        current = answers()
        todo, notes = missing_sections(current), warnings(current)
        gaps.value = (notice(f"Still to write: {', '.join(todo)}.", "warning") if todo
                      else notice("Every section of the public tier has an answer.", "success"))
        gaps.value += "".join(notice(note, "warning") for note in notes)
        preview.value = preview_html(current)
        downloads.offer(document_files(lambda: statement_document(current), STEM, "the statement"))

    def fill(values: dict, overwrite: bool = False):
        loading["now"] = True
        try:
            for key, value in values.items():
                if key in boxes and (overwrite or not boxes[key].value.strip()):
                    boxes[key].value = value
        finally:
            loading["now"] = False

    def value() -> dict:
        """The answers as saved."""
        return {"answers": answers()}

    def save() -> bool:
        """Save the answers; False when they were merged with another tab's (then already shown)."""
        now = value()
        return part.save(now) is now

    @guarded(errors, "update the draft")
    def on_change(_=None):
        if loading["now"]:
            return
        if save():
            show()

    @guarded(errors, "fill in the example")
    def on_example(_=None):
        fill({f.id: f.example for f in fields})
        if save():
            show()

    @guarded(errors, "read your saved work")
    def on_work(_=None):
        workspace = session.current()
        if workspace is None:
            raise ValueError("Open your workspace first (at the top of the page) so the kit can read what "
                             "you saved in other lessons.")
        work = read_work(workspace)
        lines = evidence(work)
        fill(suggestions(work))
        if lines:
            fill({"checks": add_evidence(boxes["checks"].value, lines)}, overwrite=True)
        have = [WORK_KEYS[key] for key, value in work.items() if value not in (None, "", {}, [])]
        lacking = [WORK_KEYS[key] for key, value in work.items() if value in (None, "", {}, [])]
        message = (f"Used {', '.join(have)}." if have else "Nothing saved in other lessons yet.")
        message += f" Not found: {', '.join(lacking)}." if lacking else ""
        found.value = notice(message + " Check the wording: it is your statement.", "info")
        if save():
            show()

    def show_saved(saved: dict, why: str) -> None:
        """Put saved answers in the boxes without saving them, then redraw the draft."""
        kept = clean_answers(saved)
        fill({key: kept.get(key, "") for key in boxes}, overwrite=True)
        if why != "merged":
            found.value = ""  # what was read from the saved work of the workspace shown before
        errors.value = ""
        show()

    part = SavedPart(parts.STATEMENT, show_saved, value())

    for box in boxes.values():
        box.observe(on_change, names="value")
    example.on_click(on_example)
    from_work.on_click(on_work)
    show()
    box = widgets.VBox([
        widgets.HBox([from_work, example], layout=widgets.Layout(flex_flow="row wrap")), found,
        *rows, part.notice, errors,
        widgets.HTML("<h3>Your draft statement</h3>"), gaps, preview, downloads,
    ])
    box.add_class("kit-statement-builder")
    return box
