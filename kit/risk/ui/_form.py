"""The form of the register builder: one risk's fields, each with a label and a hint, and a live score.

The form only holds what the attendee typed; :func:`kit.risk.validate_risk`
decides whether it is a risk. A failed check never clears a field.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Callable

import ipywidgets as widgets

from kit.risk import (CATEGORIES, FIELD_LABELS, LIKELIHOOD_LABELS, SEVERITY_LABELS, STATUSES, Risk,
                      band_of, scale_label, score)
from kit.toolkit import escape

_STYLE = {"description_width": "18em"}
_WIDE = widgets.Layout(width="min(720px, 100%)")
BLANK = ""
#: Hints shown under the fields, in the order of the form.
HINTS = {
    "likelihood": "How likely is the harm in the next year of use? 1 rare, 2 unlikely, 3 possible, "
                  "4 likely, 5 almost certain.",
    "severity": "How bad for the people affected, and for you, when it happens? 1 negligible, 2 minor, "
                "3 moderate, 4 major, 5 severe.",
    "residual_likelihood": "The same two questions once the mitigation is in place. 'Same as before' "
                           "means the mitigation does not change it.",
}


def _points(labels: dict[int, str], blank: str) -> list[tuple[str, Any]]:
    return [(blank, BLANK)] + [(scale_label(value, labels), value) for value in labels]


def _text(name: str, placeholder: str, multiline: bool = False, rows: int = 2) -> widgets.Widget:
    cls = widgets.Textarea if multiline else widgets.Text
    extra = {"rows": rows} if multiline else {}
    return cls(description=FIELD_LABELS[name], placeholder=placeholder, continuous_update=False,
               style=_STYLE, layout=_WIDE, **extra)


def _choice(name: str, options, value) -> widgets.Dropdown:
    return widgets.Dropdown(description=FIELD_LABELS[name], options=options, value=value, style=_STYLE,
                            layout=widgets.Layout(width="min(480px, 100%)"))


def _hint(name: str) -> widgets.HTML:
    return widgets.HTML(f'<div style="max-width:40em;margin:0 0 0.4em 0;color:#4a4f57">{escape(HINTS[name])}</div>')


class RiskForm:
    """Every field of one risk as a widget, plus a live line with its score before and after mitigation."""

    def __init__(self):
        self.inputs: dict[str, widgets.Widget] = {
            "title": _text("title", "e.g. Chatbot gives wrong refund advice"),
            "category": _choice("category", list(CATEGORIES), "other"),
            "description": _text("description", "What happens, and how?", multiline=True),
            "affected": _text("affected", "e.g. customers who ask about refunds"),
            "impact": _text("impact", "What it costs the people affected, and you", multiline=True),
            "likelihood": _choice("likelihood", _points(LIKELIHOOD_LABELS, "Choose a value"), BLANK),
            "severity": _choice("severity", _points(SEVERITY_LABELS, "Choose a value"), BLANK),
            "mitigation": _text("mitigation", "What you will do to make it less likely or less harmful",
                                multiline=True),
            "residual_likelihood": _choice("residual_likelihood",
                                           _points(LIKELIHOOD_LABELS, "Same as before mitigation"), BLANK),
            "residual_severity": _choice("residual_severity",
                                         _points(SEVERITY_LABELS, "Same as before mitigation"), BLANK),
            "owner": _text("owner", "A named person or role, e.g. Customer service manager"),
            # Wide enough for the whole date (it once showed only "mm/"); its label sits above, as the others.
            "due": widgets.DatePicker(description=FIELD_LABELS["due"], style=_STYLE,
                                      layout=widgets.Layout(width="min(480px, 100%)")),
            "status": _choice("status", list(STATUSES), "open"),
            "found_by": _text("found_by", "e.g. a complaint, an audit, the chatbot lab"),
            "evidence": _text("evidence", "What was seen, e.g. the chatbot's exact words", multiline=True,
                              rows=5),
        }
        self.score_line = widgets.HTML()
        for name in ("likelihood", "severity", "residual_likelihood", "residual_severity"):
            self.inputs[name].observe(self._show_score, names="value")
        self._show_score()

    @property
    def children(self) -> list[widgets.Widget]:
        """The widgets in reading order, with the scale hints under the scores."""
        out: list[widgets.Widget] = []
        for name, widget in self.inputs.items():
            out.append(widget)
            if name in HINTS:
                out.append(_hint(name))
        return out + [self.score_line]

    def values(self) -> dict[str, Any]:
        """What the form holds, as the fields :func:`kit.risk.validate_risk` checks."""
        return {name: widget.value for name, widget in self.inputs.items()}

    def fill(self, risk: Risk | None) -> None:
        """Show ``risk`` in the form, or empty it for a new risk (scores after mitigation "same as before")."""
        values = risk.to_dict() if risk else {}
        for name, widget in self.inputs.items():
            if name == "due":
                widget.value = dt.date.fromisoformat(values["due"]) if values.get("due") else None
            elif isinstance(widget, widgets.Dropdown):
                default = {"category": "other", "status": "open"}.get(name, BLANK)
                widget.value = values.get(name, default)
            else:
                widget.value = values.get(name, "")
        if risk is not None:  # a score unchanged by the mitigation shows as "same as before"
            for after, before in (("residual_likelihood", "likelihood"), ("residual_severity", "severity")):
                if values[after] == values[before]:
                    self.inputs[after].value = BLANK

    def observe(self, callback: Callable) -> None:
        """Call ``callback(change)`` when any field changes."""
        for widget in self.inputs.values():
            widget.observe(callback, names="value")

    def _show_score(self, _=None) -> None:
        v = self.values()
        if v["likelihood"] == BLANK or v["severity"] == BLANK:
            self.score_line.value = ('<p role="status" style="color:#4a4f57">Choose a likelihood '
                                     "and a severity to see the score.</p>")
            return
        before = score(v["likelihood"], v["severity"])
        after_l = v["residual_likelihood"] if v["residual_likelihood"] != BLANK else v["likelihood"]
        after_s = v["residual_severity"] if v["residual_severity"] != BLANK else v["severity"]
        after = score(after_l, after_s)
        self.score_line.value = (
            f'<p role="status"><strong>Score {before} ({escape(band_of(before).name)})'
            f"</strong> before mitigation; <strong>{after} ({escape(band_of(after).name)})</strong> after.</p>")
