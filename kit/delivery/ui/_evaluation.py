"""The evaluation form: two ratings and two answers, saved to the workspace as the attendee fills them in."""

from __future__ import annotations

import ipywidgets as widgets

from kit.toolkit import choice, error_box, guarded, notice
from kit.workshop import parts
from kit.workshop.ui import SavedPart

#: The ratings' answers: 1 to 5, the ends named in the question's note.
SCALE = [(str(n), n) for n in range(1, 6)]
_EMPTY = {"relevance": None, "confidence": None, "first_step": "", "improve": ""}


def _text(description: str, placeholder: str) -> widgets.Textarea:
    return widgets.Textarea(description=description, placeholder=placeholder, continuous_update=False,
                            style={"description_width": "initial"}, layout=widgets.Layout(width="95%"))


def evaluation_form() -> widgets.VBox:
    """Relevance and confidence (1 to 5), the first thing the attendee will do and what to improve."""
    errors, status = error_box(), widgets.HTML()
    relevance = choice("How relevant was the workshop to your work?", SCALE, "kit-eval-relevance",
                       orientation="horizontal", note="1 means not at all relevant, 5 means very relevant.")
    confidence = choice("How confident do you feel to act on what you learned?", SCALE, "kit-eval-confidence",
                        orientation="horizontal", note="1 means not at all confident, 5 means very confident.")
    first_step = _text("The first thing you will do", "e.g. ask our recruitment supplier for their bias audit")
    improve = _text("What would make this workshop better", "e.g. more time for the risk register")
    fields = {"relevance": relevance, "confidence": confidence, "first_step": first_step, "improve": improve}
    loading, last = {"now": False}, dict(_EMPTY)  # last: the whole value, any field of a newer kit kept

    def show(value: dict, why: str) -> None:
        last.clear()
        last.update(value)
        loading["now"] = True
        try:
            for name, control in fields.items():
                control.value = value.get(name) if name in ("relevance", "confidence") else str(value.get(name) or "")
        finally:
            loading["now"] = False
        status.value = notice("Your evaluation is back, as you saved it.", "success") if why == "restored" else ""

    saved = SavedPart(parts.EVALUATION, show, dict(_EMPTY))

    @guarded(errors, "save your evaluation")
    def on_change(_change):
        if loading["now"]:
            return
        last.update({name: control.value for name, control in fields.items()})
        saved.save(dict(last))
        status.value = notice("Saved in your workspace.", "success")

    for control in fields.values():
        control.observe(on_change, names="value")
    box = widgets.VBox([relevance, confidence, first_step, improve, status, saved.notice, errors])
    box.add_class("kit-evaluation")
    return box
