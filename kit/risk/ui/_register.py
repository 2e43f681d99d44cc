"""The register builder of the risk lesson: start from a template, add and edit risks, see the heatmap, download.

Everything the attendee changes is saved to their workspace under
``"risk.register"`` as they go, and comes back when they reopen the
workspace. The logic (checks, scores, exports) is in :mod:`kit.risk`; this
module only arranges widgets around it.
"""

from __future__ import annotations

import copy
from typing import Any, Callable, Mapping

import ipywidgets as widgets
import pandas as pd

from kit.workshop import parts
from kit.risk import (DEFAULT_TEMPLATE, FIELD_LABELS, NO_OWNER, SORTS, Register, Risk, RiskInputError, load_template,
                      heatmap_alt, owner_gaps, read_register_csv, register_exports, template_info, template_names,
                      validate_risk)
from kit.toolkit import DownloadLinks, VegaChart
from kit.toolkit import file_upload, uploaded_file
from kit.risk.ui._form import RiskForm
from kit.risk.ui._heatmap import HEATMAP_CAPTION, heatmap_spec, heatmap_tables
from kit.toolkit import table_html
from kit.toolkit import error_box, escape, guarded, notice
from kit.workshop.ui import SavedPart

NEW = ""  # the "Risk to edit" choice that adds a new risk
BLANK_TEMPLATE = "blank"
TABLE_COLUMNS = {"ref": "Ref", "title": "Risk", "category": "Category", "score": "Score", "band": "Rating",
                 "residual_score": "Score after mitigation", "residual_band": "Rating after mitigation",
                 "owner": "Owner", "due": "Due date", "status": "Status"}


def _heading(text: str) -> widgets.HTML:
    return widgets.HTML(f"<h3>{escape(text)}</h3>")


def register_table_html(register: Register, by: str = "score") -> str:
    """The register as an accessible table, sorted by ``by``; every value escaped."""
    frame = register.to_frame().reset_index() if register.risks else pd.DataFrame(columns=list(TABLE_COLUMNS))
    order = [risk.ref for risk in register.sorted(by)]
    frame = frame.set_index("ref", drop=False).loc[order] if order else frame
    frame = frame[list(TABLE_COLUMNS)].rename(columns=TABLE_COLUMNS)
    frame["Owner"] = frame["Owner"].replace("", NO_OWNER)
    frame["Due date"] = frame["Due date"].replace("", "not set")
    return table_html(frame, caption=f"{register.count_text()}, sorted by {SORTS[by].lower()}")


def evidence_html(register: Register) -> str:
    """What was seen behind each risk that has evidence (a chatbot lab's exchange, say), every word escaped.

    Empty when no risk has evidence. The lines keep their breaks, so an
    exchange reads turn by turn.
    """
    items = []
    for risk in register.sorted("ref"):
        if not risk.evidence_lines:
            continue
        found = (f' <span style="color:#4a4f57">({escape(FIELD_LABELS["found_by"])}: {escape(risk.found_by)})</span>'
                 if risk.found_by else "")
        lines = "".join(f'<span style="display:block">{escape(line)}</span>' for line in risk.evidence_lines)
        items.append(f'<li style="margin:0.4em 0"><strong>{escape(risk.ref)} · {escape(risk.title)}</strong>{found}'
                     f'<div style="border-left:3px solid #8a94a6;padding:0.2em 0.6em;margin-top:0.2em;'
                     f'color:#1a1a1a">{lines}</div></li>')
    if not items:
        return ""
    return (f'<div class="kit-risk-evidence"><p><strong>{escape(FIELD_LABELS["evidence"])} behind the risks</strong>'
            f'</p><ul style="padding-left:1.2em">{"".join(items)}</ul></div>')


class RegisterApp(widgets.VBox):
    """The register builder's box; another app on the page (the chatbot lab) adds risks through :meth:`add_risk`."""

    def __init__(self, children, add: Callable[[Mapping[str, Any], str], Risk], current: Callable[[], Register]):
        super().__init__(children)
        self._add, self._current = add, current

    @property
    def register(self) -> Register:
        """The register on screen."""
        return self._current()

    def add_risk(self, fields: Mapping[str, Any], source: str = "another app on this page") -> Risk:
        """Check ``fields`` as a risk, add it, save the register and show it at once (with its evidence).

        Raises :class:`kit.risk.RiskInputError` when the fields are not a risk
        (a title already in the register, say); nothing is added then.
        """
        return self._add(fields, source)


def owners_notice(register: Register) -> str:
    """Which risks still need an owner, or that every risk has one."""
    if not register.risks:
        return notice("The register is empty: add a risk in the form above, or start from a template.")
    gaps = owner_gaps(register)
    if not gaps:
        return notice("Every risk has an owner.", "success")
    return notice(f"{gaps} Choose each under 'Risk to edit' and fill in Owner.", "warning")


def _pick_options(register: Register) -> list[tuple[str, str]]:
    return [("Add a new risk", NEW)] + [(f"{r.ref} · {r.title[:60]}", r.ref) for r in register.risks]


def _template_options() -> list[tuple[str, str]]:
    return [(template_info(name)["title"], name) for name in template_names()] + [("A blank register", BLANK_TEMPLATE)]


def risk_register_app() -> RegisterApp:
    """The register builder: template picker, CSV import, risk form, table, evidence, heatmap and downloads."""
    state = {"register": load_template(DEFAULT_TEMPLATE), "quiet": False, "confirm": None}
    form = RiskForm()
    errors, form_errors, import_errors = error_box(), error_box(), error_box()
    template = widgets.Dropdown(description="Start from", options=_template_options(), value=DEFAULT_TEMPLATE,
                                style={"description_width": "initial"}, layout=widgets.Layout(width="min(560px, 100%)"))
    about = widgets.HTML()
    use_template = widgets.Button(description="Start from this template", layout=widgets.Layout(width="auto"))
    upload = file_upload("Upload a CSV register", "A register of that size is not one this page can edit: "
                         "keep the risks you are working on in a smaller file and upload that.")
    name = widgets.Text(description="AI system you are assessing", continuous_update=False,
                        style={"description_width": "initial"}, layout=widgets.Layout(width="min(560px, 100%)"))
    pick = widgets.Dropdown(description="Risk to edit", style={"description_width": "initial"},
                            layout=widgets.Layout(width="min(560px, 100%)"))
    editing = widgets.HTML()
    add = widgets.Button(description="Add this risk", button_style="primary", layout=widgets.Layout(width="auto"))
    remove = widgets.Button(description="Remove this risk", layout=widgets.Layout(width="auto"))
    sort = widgets.Dropdown(description="Sort the table by", options=[(v, k) for k, v in SORTS.items()],
                            value="score", style={"description_width": "initial"},
                            layout=widgets.Layout(width="min(480px, 100%)"))
    table, owners, evidence, message, form_message = (widgets.HTML() for _ in range(5))
    downloads = DownloadLinks()
    heatmap = VegaChart()

    def register() -> Register:
        return state["register"]

    def save() -> None:
        if not state["quiet"]:
            part.save(register().to_dict())

    def show_pick(ref: str = NEW) -> None:
        state["quiet"] = True
        try:
            pick.options = _pick_options(register())
            pick.value = ref if ref in register().refs() else NEW
            form.fill(register().get(pick.value) if pick.value else None)
        finally:
            state["quiet"] = False
        editing_risk = pick.value != NEW
        add.layout.display = "none" if editing_risk else None
        remove.layout.display = None if editing_risk else "none"
        editing.value = notice(f"Editing {pick.value}: each change is saved as soon as you leave the field."
                               if editing_risk else "Fill in the form, then press Add this risk.")

    def redraw(box: widgets.HTML | None = None, said: str = "") -> None:
        """The table, the owners, ``said`` in ``box``, the heatmap (drawn by the browser) and the download
        links (each file made when clicked)."""
        table.value = register_table_html(register(), sort.value)
        owners.value = owners_notice(register())
        evidence.value = evidence_html(register())
        name.value = register().name
        if box is not None:
            box.value = notice(said, "success")
        now = copy.deepcopy(register())  # the next change may edit the register while these are made
        heatmap.show(heatmap_spec(now), heatmap_alt(now), heatmap_tables(now), HEATMAP_CAPTION)
        downloads.offer(register_exports(now))

    def changed(box: widgets.HTML, said: str) -> None:
        """Save the register, then show it with ``said``."""
        save()
        redraw(box, said)

    def relabel(ref: str) -> None:
        """Relabel the list of risks (one was added, or a title changed) and keep ``ref`` chosen, quietly."""
        state["quiet"] = True
        try:
            pick.options = _pick_options(register())
            pick.value = ref
        finally:
            state["quiet"] = False

    def reset_confirm() -> None:
        state["confirm"] = None
        use_template.description, use_template.button_style = "Start from this template", ""
        remove.description, remove.button_style = "Remove this risk", ""

    def replace_register(new: Register, said: str) -> None:
        state["register"] = new
        form_message.value = ""
        reset_confirm()
        show_pick()
        changed(message, said)

    @guarded(errors, "describe the template")
    def on_template(_=None):
        reset_confirm()
        if template.value == BLANK_TEMPLATE:
            about.value = notice("An empty register: add your own risks with the form below.")
            return
        info = template_info(template.value)
        about.value = (f'<p>{escape(info["summary"])}</p><p class="kit-meta">Source: {escape(info["source"])}</p>')

    @guarded(errors, "start from that template")
    def on_use_template(_):
        count = register().count_text()
        if register().risks and state["confirm"] != "template":
            state["confirm"] = "template"
            use_template.description, use_template.button_style = f"Yes, replace my {count}", "warning"
            message.value = notice(f"This replaces the {count} on screen. Download them first if you want to "
                                   "keep them, then press the button again to confirm.", "warning")
            return
        blank = template.value == BLANK_TEMPLATE
        new = Register(name="My AI system") if blank else load_template(template.value)
        replace_register(new, f"Started from {template.label}: {new.count_text()}.")

    @guarded(import_errors, "read that file")
    def on_upload(_):
        if not upload.value:
            return
        message.value = ""  # an earlier upload's success must not sit beside this one's error
        try:
            filename, content = uploaded_file(upload)
            new = read_register_csv(content, name=filename.rsplit(".", 1)[0])
        finally:
            upload.value = ()  # the same file can be uploaded again after a fix
        replace_register(new, f"Read {filename}: {new.count_text()}. They replace the register on screen.")

    @guarded(errors, "rename the register")
    def on_name(change):
        if not state["quiet"] and change["new"] != register().name:
            register().name = change["new"].strip()
            save()
            redraw()

    @guarded(form_errors, "open that risk")
    def on_pick(_):
        if not state["quiet"]:
            reset_confirm()
            show_pick(pick.value)

    @guarded(form_errors, "add the risk")
    def on_add(_):
        form_message.value = ""
        risk = register().add(validate_risk(form.values()))
        show_pick()
        changed(form_message, f"Added {risk.ref} {risk.title}: score {risk.score} ({risk.band}).")

    @guarded(form_errors, "save your change")
    def on_field(_):
        if state["quiet"] or pick.value == NEW:
            return
        ref = pick.value
        form_message.value = ""
        try:
            risk = register().update(ref, validate_risk(form.values()))
        except RiskInputError as problem:
            raise ValueError(f"Your change to {ref} is not saved yet. " + " ".join(problem.problems.values())) from None
        relabel(ref)  # the title may have changed
        changed(form_message, f"Saved {risk.ref}: score {risk.score} ({risk.band}), "
                              f"{risk.residual_score} ({risk.residual_band}) after mitigation.")

    @guarded(form_errors, "remove the risk")
    def on_remove(_):
        ref = pick.value
        if ref == NEW:
            return
        if state["confirm"] != ref:
            state["confirm"] = ref
            remove.description, remove.button_style = f"Yes, remove {ref}", "danger"
            return
        risk = register().remove(ref)
        reset_confirm()
        show_pick()
        changed(form_message, f"Removed {risk.ref} {risk.title}.")

    def add_from(fields: Mapping[str, Any], source: str) -> Risk:
        risk = register().add(validate_risk(fields))
        reset_confirm()
        relabel(pick.value)  # keep the choice, so a risk half typed in the form stays there
        changed(form_message, f"Added {risk.ref} {risk.title} from {source}, with its evidence: score {risk.score} "
                              f"({risk.band}). Check the suggested owner and mitigation.")
        return risk

    @guarded(errors, "sort the table")
    def on_sort(_):
        table.value = register_table_html(register(), sort.value)

    def show(saved: dict, why: str) -> None:
        try:
            restored = Register.from_dict(saved)
        except ValueError as problem:
            errors.value = notice(f"Your saved register could not be read ({problem}). The one on screen is "
                                  "unchanged.", "error")
            return
        state["register"] = restored
        state["quiet"] = True
        try:
            reset_confirm()
            show_pick(pick.value if why == "merged" else NEW)
            form_message.value = ""
            said = {"restored": f"Your saved register is back: {restored.count_text()}.",
                    "reset": f"A new workspace starts from the lesson's template: {restored.count_text()}."}
            redraw(message, said.get(why, f"The register now holds {restored.count_text()}."))
        finally:
            state["quiet"] = False

    part = SavedPart(parts.RISK_REGISTER, show, load_template(DEFAULT_TEMPLATE).to_dict())

    template.observe(on_template, names="value")
    use_template.on_click(on_use_template)
    upload.observe(on_upload, names="value")
    name.observe(on_name, names="value")
    pick.observe(on_pick, names="value")
    add.on_click(on_add)
    remove.on_click(on_remove)
    form.observe(on_field)
    sort.observe(on_sort, names="value")
    on_template()
    state["quiet"] = True
    try:
        show_pick()
        redraw()
    finally:
        state["quiet"] = False

    box = RegisterApp([
        _heading("1. Start from a template, or your own file"),
        widgets.HBox([template, use_template], layout=widgets.Layout(flex_flow="row wrap")), about,
        widgets.HTML("<p>Or upload a register you downloaded earlier as a spreadsheet (CSV). It replaces the "
                     "register on screen.</p>"), upload, import_errors, errors, name, message,
        _heading("2. Add or edit a risk"), pick, editing, *form.children,
        widgets.HBox([add, remove]), form_errors, form_message,
        part.notice, _heading("3. Your register"), sort, owners, table, evidence,
        _heading("4. The heatmap"), heatmap,
        _heading("5. Take it with you"), downloads,
    ], add_from, register)
    box.add_class("kit-risk-register")
    return box
