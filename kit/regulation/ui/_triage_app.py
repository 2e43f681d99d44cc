"""The EU AI Act triage app of the policy lesson: pick an AI use, tick what it does, see its tier and duties.

The list holds the attendee's use cases from the strategy lesson, the
ready-made examples of the content file (the bias lesson's screening tool,
the risk lesson's chatbot) and any AI use the attendee adds by name. The
answers of every use triaged are saved (``regulation.triage``) as the
attendee changes them, come back when the workspace is opened, and reach the
action plan. The rules are :func:`kit.regulation.triage`'s; this module only
shows them.
"""

from __future__ import annotations

import ipywidgets as widgets
from ipywidgets.widgets.widget_bool import CheckboxStyle

from kit.regulation import ai_act, triage
from kit.regulation._ai_act import CHOICE_QUESTIONS
from kit.regulation.ui._html import CSS, triage_result_html
from kit.toolkit import choice, error_box, escape, guarded, notice
from kit.workshop import SavedWorkError, lesson, parts, session
from kit.workshop.ui import SavedPart

MAX_NAME = 80
NO_USE_CASES = ("No use cases from {lesson} in your workspace yet. Triage a ready-made example below, add an AI use "
                "by name, or add your use cases in {lesson} and press Update the list.")
_STYLE = """
<style>
.kit-triage-option.widget-checkbox { height: auto; width: 100%; margin: 0.15em 0; }
.kit-triage-option .widget-label-basic { display: flex; align-items: flex-start; height: auto; white-space: normal;
  line-height: 1.4; }
.kit-triage-option .widget-label-basic span { white-space: normal; overflow: visible; text-overflow: clip; }
.kit-triage-option .widget-label-basic input { flex: none; margin: 0.25em 0.5em 0 0; }
.kit-triage-q { margin: 0.9em 0 0.2em 0; }
.kit-triage-q .kit-meta { display: block; color: #4a4f57; font-size: 0.92em; font-weight: normal; }
.kit-triage-pick.widget-dropdown { flex-direction: column; align-items: stretch; height: auto; width: 100%; }
.kit-triage-pick.widget-dropdown > .widget-label { width: auto !important; font-weight: 600; margin-bottom: 0.25em; }
.kit-triage-pick.widget-dropdown > select { width: 100%; max-width: 100%; }
.kit-triage-app .kit-choice .widget-radio-box { margin-bottom: 0 !important; }
</style>
"""
_shared: dict[str, widgets.Widget] = {}


def _one(name: str, factory) -> widgets.Widget:
    """One layout or style for every checkbox, so the page sends a few models instead of dozens."""
    if name not in _shared:
        _shared[name] = factory()
    return _shared[name]


def entry_options(use_cases: list[str], entries: dict) -> list[tuple[str, str]]:
    """The list's labels and entry ids: the attendee's use cases, their own additions, saved others, the examples."""
    content = ai_act()
    options = [(f"Your use case: {title}", f"use_case:{title}") for title in use_cases]
    known = {value for _, value in options} | {f"example:{e.id}" for e in content.examples}
    options += [(f"Added by you: {e.get('title', '')}" if key.startswith("own:") else f"Saved: {e.get('title', '')}",
                 key) for key, e in entries.items() if key not in known]
    options += [(f"Ready-made, from lesson {lesson(e.lesson).number}: {e.title}", f"example:{e.id}")
                for e in content.examples]
    return options


def check_name(name: str, taken: list[str]) -> str:
    """The name of an AI use the attendee adds, trimmed; a plain ValueError naming the fix when it will not do."""
    name = " ".join(str(name or "").split())
    if not name:
        raise ValueError("Type the name of the AI use first, for example 'Rota planner for the care team'.")
    if len(name) > MAX_NAME:
        raise ValueError(f"That name has {len(name)} characters; keep it to {MAX_NAME} or fewer, such as the tool's "
                         "name and what it does.")
    if name.casefold() in {t.casefold() for t in taken}:
        raise ValueError(f"'{name}' is already in the list: choose it there, or give the new one another name.")
    return name


def _use_cases() -> list[str]:
    """The titles of the use cases saved in the strategy lesson (none when the value cannot be read)."""
    item = session.load_item(parts.USE_CASES.key)
    if item.version == 0:
        return []
    try:
        return [str(case["title"]) for case in parts.USE_CASES.read(item.value, item.schema)]
    except SavedWorkError:
        return []


def triage_app() -> widgets.VBox:
    """Choose an AI use, answer the triage questions, see the tier, the duties and the dates; saved as you go."""
    content = ai_act()
    examples = {f"example:{e.id}": e for e in content.examples}
    strategy = f"lesson {lesson(parts.USE_CASES.lesson).number} ({lesson(parts.USE_CASES.lesson).title})"
    errors = error_box()
    picker = widgets.Dropdown(description="Which AI use are you triaging?", style={"description_width": "initial"},
                              layout=widgets.Layout(width="min(760px, 100%)"))
    picker.add_class("kit-triage-pick")
    update = widgets.Button(description=f"Update the list from lesson {lesson(parts.USE_CASES.lesson).number}",
                            layout=widgets.Layout(width="auto"))
    name = widgets.Text(description="Or add another AI use", placeholder="e.g. Rota planner for the care team",
                        style={"description_width": "initial"}, layout=widgets.Layout(width="min(560px, 95%)"))
    add = widgets.Button(description="Add it to the list", layout=widgets.Layout(width="auto"))
    keep = widgets.Button(description="Save this triage", button_style="primary", layout=widgets.Layout(width="auto"))
    listing, status, result = widgets.HTML(), widgets.HTML(), widgets.HTML()
    boxes: dict[str, dict[str, widgets.Checkbox]] = {}
    yes_no: dict[str, widgets.RadioButtons] = {}
    rows: list[widgets.Widget] = []
    for question in content.questions:
        help_line = f"<span class='kit-meta'>{escape(question.help)}</span>" if question.help else ""
        if question.id in CHOICE_QUESTIONS:
            heading = f"<p class='kit-triage-q'><strong>{escape(question.text)}</strong>{help_line}</p>"
            rows.append(widgets.HTML(heading))
            boxes[question.id] = {}
            for option in question.options:
                box = widgets.Checkbox(value=False, description=option.label, indent=False,
                                       layout=_one("layout", lambda: widgets.Layout(width="100%")),
                                       style=_one("style", CheckboxStyle))
                box.add_class("kit-triage-option")
                box.add_class(f"kit-triage-{option.id}")
                boxes[question.id][option.id] = box
                rows.append(box)
        else:
            radio = choice(question.text, [("No", False), ("Yes", True)], css_class=f"kit-triage-{question.id}",
                           orientation="horizontal", note=question.help)
            radio.value = False
            yes_no[question.id] = radio
            rows.append(radio)
    state: dict = {"entries": {}, "use_cases": [], "loading": False}

    def answers() -> dict:
        found = {qid: [oid for oid, box in options.items() if box.value] for qid, options in boxes.items()}
        return found | {qid: bool(radio.value) for qid, radio in yes_no.items()}

    def title_of(entry_id: str) -> str:
        if entry_id in examples:
            return examples[entry_id].title
        return str(state["entries"].get(entry_id, {}).get("title") or entry_id.split(":", 1)[-1])

    def set_answers(given: dict) -> None:
        state["loading"] = True
        try:
            for qid, options in boxes.items():
                for oid, box in options.items():
                    box.value = oid in (given.get(qid) or [])
            for qid, radio in yes_no.items():
                radio.value = bool(given.get(qid, False))
        finally:
            state["loading"] = False

    def show_listing() -> None:
        saved = state["entries"]
        if not saved:
            listing.value = notice("Nothing triaged yet: your triages are listed here once saved.")
            return
        cells = "".join(f"<tr><td>{escape(e.get('title', ''))}</td><td>{escape(_tier_label(e.get('tier', '')))}</td>"
                        "</tr>" for e in saved.values())
        listing.value = ('<table class="kit-table"><caption>Your saved triages (they go into your action plan)'
                         '</caption><thead><tr><th scope="col">AI use</th><th scope="col">Tier when saved</th></tr>'
                         f"</thead><tbody>{cells}</tbody></table>")

    def show_result(saved: bool) -> None:
        entry_id = picker.value
        if entry_id is None:
            result.value = ""
            return
        result.value = triage_result_html(triage(answers(), content), title_of(entry_id))
        status.value = notice("Saved to your workspace; it goes into your action plan.", "success") if saved else \
            notice("Not saved yet: change an answer or press Save this triage to keep it for your action plan.")

    def fill_picker(select: str | None = None) -> None:
        options = entry_options(state["use_cases"], state["entries"])
        current = select or picker.value
        state["loading"] = True
        try:
            picker.options = options
            values = [value for _, value in options]
            picker.value = current if current in values else (values[0] if values else None)
        finally:
            state["loading"] = False
        empty = notice(NO_USE_CASES.format(lesson=strategy)) if not state["use_cases"] else ""
        hint.value = empty

    def load_entry() -> None:
        entry_id = picker.value
        saved = state["entries"].get(entry_id)
        if saved is not None:
            set_answers(saved.get("answers") or {})
        else:
            set_answers(examples[entry_id].answers if entry_id in examples else {})
        show_result(saved is not None)

    @guarded(errors, "save this triage")
    def save(_=None) -> None:
        entry_id = picker.value
        if entry_id is None:
            raise ValueError("Choose an AI use in the list first, or add one by name.")
        given = answers()
        found = triage(given, content)
        kind = entry_id.split(":", 1)[0]
        entries = {k: v for k, v in state["entries"].items() if k != entry_id}  # the latest goes last
        entries[entry_id] = {"title": title_of(entry_id), "kind": kind, "answers": given, "tier": found.tier,
                             "fria_required": found.fria_required, "articles": list(found.articles),
                             "as_of": content.as_of.isoformat()}
        state["entries"] = part.save(entries)  # merged with another tab's save: show() has put it on screen
        show_listing()
        show_result(True)

    @guarded(errors, "show that triage")
    def on_pick(_=None) -> None:
        if not state["loading"]:
            load_entry()

    def on_answer(_=None) -> None:
        if not state["loading"]:
            save()

    @guarded(errors, "add that AI use")
    def on_add(_=None) -> None:
        taken = [title_of(value) for _, value in picker.options] + state["use_cases"]
        added = check_name(name.value, taken)
        entry_id = f"own:{added}"
        state["entries"] = {**state["entries"], entry_id: {"title": added, "kind": "own", "answers": {}}}
        name.value = ""
        fill_picker(entry_id)
        set_answers({})
        save()

    @guarded(errors, "update the list")
    def on_update(_=None) -> None:
        state["use_cases"] = _use_cases()
        fill_picker()
        load_entry()

    def show(saved: dict, why: str) -> None:
        """Put a saved value (or the starting state) on screen without saving it."""
        state["entries"] = dict(saved or {})
        state["use_cases"] = _use_cases()
        latest = next(reversed(state["entries"]), None) if why != "reset" else None
        fill_picker(latest if latest is not None and why == "restored" else None)
        errors.value = ""
        guarded(errors, "show your triage")(load_entry)()
        show_listing()

    def on_switch(_workspace, _clear: bool) -> None:
        """A workspace opened: list its use cases and start from the first (its saved triages come next)."""
        state["use_cases"] = _use_cases()
        fill_picker(entry_options(state["use_cases"], state["entries"])[0][1])
        guarded(errors, "show the triage")(load_entry)()

    hint = widgets.HTML()
    session.on_switch(on_switch)  # before the saved part's listener, which then shows the saved triages
    part = SavedPart(parts.TRIAGE, show, {})
    for box in [b for options in boxes.values() for b in options.values()] + list(yes_no.values()):
        box.observe(on_answer, names="value")
    picker.observe(on_pick, names="value")
    add.on_click(on_add)
    update.on_click(on_update)
    keep.on_click(save)
    state["use_cases"] = _use_cases()
    fill_picker()
    guarded(errors, "show the triage")(load_entry)()
    show_listing()
    box = widgets.VBox([
        widgets.HTML(CSS + _STYLE), hint, picker, widgets.HBox([update], layout=widgets.Layout(flex_flow="row wrap")),
        widgets.HBox([name, add], layout=widgets.Layout(flex_flow="row wrap", align_items="flex-end")),
        widgets.HTML("<h3>Answer for this AI use</h3>"), *rows,
        widgets.HTML("<h3>The result</h3>"), errors, part.notice, status, keep, result, listing,
    ])
    box.add_class("kit-triage-app")
    box.add_class("kit-reg")
    return box


def _tier_label(tier_id: str) -> str:
    try:
        return ai_act().tier(tier_id).label
    except StopIteration:
        return tier_id or "not known"
