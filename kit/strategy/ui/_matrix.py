"""The use-case triage app of the strategy lesson: list use cases, score them, see the matrix and a first pilot.

The list is saved to the attendee's workspace (``"strategy.use_cases"``) after
every change and comes back when they reopen their workspace.
"""

from __future__ import annotations

import ipywidgets as widgets

from kit.workshop import parts
from kit.strategy import (LABELS, MAX_USE_CASES, MONEY, SCORES, UseCase, add, amount,
                          display_frame, from_saved, load_template, matrix_alt, recommend, remove, replace, scales,
                          template_keys, use_case, use_case_document, use_cases_csv)
from kit.toolkit import DownloadLinks, VegaChart, document_files
from kit.toolkit import table_html
from kit.strategy.ui._chart import MATRIX_CAPTION, matrix_spec, matrix_table
from kit.toolkit import error_box, escape, guarded, notice
from kit.workshop.ui import SavedPart

NEW = -1
START_TEMPLATE = "retailer"
_WIDE = {"description_width": "initial"}


class _Form:
    """The fields of one use case; what the attendee typed stays until they change it."""

    def __init__(self):
        self.scales = scales()
        self.title = widgets.Text(description="Title", placeholder="e.g. Draft product descriptions",
                                  style=_WIDE, layout=widgets.Layout(width="95%"))
        self.problem = widgets.Textarea(description=LABELS["problem"], style=_WIDE,
                                        placeholder="What goes wrong today, and for whom?",
                                        layout=widgets.Layout(width="95%"))
        self.notes = widgets.Textarea(description=LABELS["notes"], style=_WIDE,
                                      placeholder="e.g. A person checks every result; no personal data",
                                      layout=widgets.Layout(width="95%"))
        self.scores = {name: widgets.Dropdown(
            options=[(f"{n} · {level.label}", n) for n, level in self.scales[name].levels.items()],
            value=3, description=f"{self.scales[name].name} (1 to 5)", style=_WIDE) for name in SCORES}
        self.meanings = {name: widgets.HTML() for name in SCORES}
        self.money = {name: widgets.Text(description=LABELS[name], placeholder="optional", style=_WIDE,
                                         layout=widgets.Layout(width="21em", margin="0 1em 0.3em 0"))
                      for name in MONEY}
        for name, box in self.scores.items():
            box.observe(lambda _, name=name: self._explain(name), names="value")
            self._explain(name)

    def _explain(self, name: str) -> None:
        scale = self.scales[name]
        self.meanings[name].value = (f'<p class="kit-meta" style="margin:0 0 0.6em 0">{escape(scale.question)} '
                                     f'<strong>{escape(scale.describe(self.scores[name].value))}</strong></p>')

    def values(self) -> dict:
        raw = {"title": self.title.value, "problem": self.problem.value, "notes": self.notes.value}
        raw.update({name: box.value for name, box in self.scores.items()})
        raw.update({name: box.value for name, box in self.money.items()})
        return raw

    def fill(self, case: UseCase | None) -> None:
        self.title.value = case.title if case else ""
        self.problem.value = case.problem if case else ""
        self.notes.value = case.notes if case else ""
        for name, box in self.scores.items():
            box.value = getattr(case, name) if case else 3
        for name, box in self.money.items():
            box.value = amount(getattr(case, name)).replace(",", "") if case else ""

    def widget(self) -> widgets.VBox:
        scores = [widgets.VBox([self.scores[n], self.meanings[n]]) for n in SCORES]
        money = widgets.HBox(list(self.money.values()), layout=widgets.Layout(flex_flow="row wrap"))
        return widgets.VBox([self.title, self.problem, *scores, self.notes, widgets.HTML(
            "<p><strong>Rough return (optional).</strong> Per month, in your own currency. Fill in a benefit "
            "(hours saved and the cost of a staff hour, or another gain such as less waste) and both "
            "costs (0 if none), or leave them all empty.</p>"), money])


def use_case_matrix() -> widgets.VBox:
    """The triage app: templates, a form to add, edit and remove, the matrix, the pilot and downloads."""
    errors, status = error_box(), widgets.HTML()
    form = _Form()
    state: dict = {"cases": list(load_template(START_TEMPLATE).use_cases), "previous": None, "quiet": False}
    template = widgets.Dropdown(options=[(load_template(k).name, k) for k in template_keys()],
                                value=START_TEMPLATE, description="Template", style=_WIDE)
    add_template = widgets.Button(description="Add its use cases to my list", layout=widgets.Layout(width="auto"))
    start_over = widgets.Button(description="Replace my list with it", layout=widgets.Layout(width="auto"))
    undo = widgets.Button(description="Undo the last change", disabled=True, layout=widgets.Layout(width="auto"))
    editing = widgets.Dropdown(description="Use case to edit", style=_WIDE, layout=widgets.Layout(width="95%"))
    add_button = widgets.Button(description="Add to my list", button_style="primary",
                                layout=widgets.Layout(width="auto"))
    save_button = widgets.Button(description="Save changes", layout=widgets.Layout(width="auto"))
    remove_button = widgets.Button(description="Remove this use case", layout=widgets.Layout(width="auto"))
    pick, listing = widgets.HTML(), widgets.HTML()
    downloads = DownloadLinks()
    matrix = VegaChart()

    def refresh(said: str = "") -> None:
        """The pick, the list, ``said``, the matrix (drawn by the browser) and the download links (each file
        made when clicked)."""
        cases = state["cases"]
        chosen = editing.value if editing.value is not None and editing.value < len(cases) else NEW
        state["quiet"] = True
        try:
            editing.options = [("A new use case", NEW)] + [(f"{n}. {c.title}", n - 1)
                                                            for n, c in enumerate(cases, start=1)]
            editing.value = chosen
        finally:
            state["quiet"] = False
        save_button.disabled = remove_button.disabled = chosen == NEW
        result = recommend(cases)
        kind = "success" if result.index is not None else "warning"
        heading = f"Recommended first pilot: {result.title}" if result.index is not None else "No first pilot yet"
        pick.value = (f'<div class="kit-notice kit-{kind}" role="status"><strong>{escape(heading)}.</strong> '
                      f"{escape(result.reason)}</div>")
        listing.value = table_html(display_frame(cases), caption=f"Your use cases ({len(cases)} of at most "
                                                                 f"{MAX_USE_CASES})") if cases else ""
        if said:
            status.value = notice(said, "success")
        matrix.show(matrix_spec(cases), matrix_alt(cases), matrix_table(cases), MATRIX_CAPTION)
        downloads.offer(document_files(
            lambda: use_case_document(cases), "ai-use-cases", "the triage",
            before=((lambda: use_cases_csv(cases), "ai-use-cases.csv", "Download the list (CSV, for a spreadsheet)"),)))

    def commit(cases: list[UseCase], message: str) -> None:
        state["previous"], state["cases"] = state["cases"], cases
        undo.disabled = False
        part.save([case.to_dict() for case in cases])
        refresh(message)

    @guarded(errors, "show that use case")
    def on_pick(_=None):
        if not state["quiet"]:
            chosen = editing.value
            form.fill(None if chosen in (None, NEW) else state["cases"][chosen])
            save_button.disabled = remove_button.disabled = chosen in (None, NEW)

    @guarded(errors, "add the use case")
    def on_add(_):
        new = use_case(form.values())
        commit(add(state["cases"], new), f"Added '{new.title}'. Find it on the matrix below.")
        editing.value = NEW
        form.fill(None)

    @guarded(errors, "save your changes")
    def on_save(_):
        new = use_case(form.values())
        commit(replace(state["cases"], editing.value, new), f"Saved your changes to '{new.title}'.")

    @guarded(errors, "remove the use case")
    def on_remove(_):
        index = NEW if editing.value is None else editing.value
        cases = remove(state["cases"], index)
        gone = state["cases"][index].title
        editing.value = NEW
        commit(cases, f"Removed '{gone}'. Press Undo the last change to bring it back.")

    @guarded(errors, "add the template")
    def on_add_template(_):
        chosen = load_template(template.value)
        cases, added = list(state["cases"]), 0
        taken = {case.title.casefold() for case in cases}
        for case in chosen.use_cases:
            if case.title.casefold() not in taken:
                cases, added = add(cases, case), added + 1
        if not added:
            raise ValueError(f"Every use case of the template '{chosen.name}' is already in your list.")
        commit(cases, f"Added {added} use cases from the template '{chosen.name}'.")

    @guarded(errors, "load the template")
    def on_start_over(_):
        chosen = load_template(template.value)
        editing.value = NEW
        commit(list(chosen.use_cases), f"Your list is now the template '{chosen.name}'. "
                                       "Press Undo the last change to get your previous list back.")

    @guarded(errors, "undo the last change")
    def on_undo(_):
        if state["previous"] is None:
            raise ValueError("There is no change to undo yet.")
        commit(state["previous"], "Undone: your list is back as it was before the last change.")
        undo.disabled = True

    def show(saved: list, why: str) -> None:
        state.update(cases=from_saved(saved), previous=None)
        undo.disabled = True
        editing.value = NEW
        form.fill(None)
        said = {"restored": f"Restored your {len(state['cases'])} saved use cases.",
                "reset": "A new workspace starts from the lesson's example list."}
        status.value = ""
        refresh(said.get(why, ""))

    part = SavedPart(parts.USE_CASES, guarded(errors, "restore your use cases")(show),
                     [case.to_dict() for case in state["cases"]])

    editing.observe(on_pick, names="value")
    for button, handler in ((add_button, on_add), (save_button, on_save), (remove_button, on_remove),
                            (add_template, on_add_template), (start_over, on_start_over), (undo, on_undo)):
        button.on_click(handler)
    refresh()
    box = widgets.VBox([
        widgets.HTML("<h3>1. Start from a template, or from your own ideas</h3>"),
        widgets.HBox([template, add_template, start_over], layout=widgets.Layout(flex_flow="row wrap")),
        widgets.HTML("<h3>2. Add, edit or remove a use case</h3>"), editing, form.widget(),
        widgets.HBox([add_button, save_button, remove_button, undo], layout=widgets.Layout(flex_flow="row wrap")),
        errors, part.notice, status,
        widgets.HTML("<h3>3. Your matrix and first pilot</h3>"), pick, matrix, listing, downloads,
    ])
    box.add_class("kit-use-case-matrix")
    return box
