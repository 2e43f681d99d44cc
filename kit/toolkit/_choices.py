"""Checklist widgets: a labelled set of radio buttons (question above, answers below) and group headings.

ipywidgets draws a RadioButtons label beside the buttons and does not tie the
two together for screen readers. For checklists with long questions this
module stacks the label above the answers, lets it wrap, and gives the
buttons ``role="radiogroup"`` named by the question, so a screen reader says
which question an answer belongs to. The style and script are shown once per
page, like the slider labels of :mod:`kit.toolkit._widgets`.
"""

from __future__ import annotations

import ipywidgets as widgets
from ipywidgets.widgets.widget_description import DescriptionStyle
from ipywidgets.widgets.widget_string import HTMLStyle
from IPython.display import HTML, display

from kit.toolkit._widgets import escape

CSS_CLASS = "kit-choice"

_ASSETS = """
<style>
.kit-choice.widget-radio { flex-direction: column; align-items: flex-start; height: auto; width: 100%;
  margin: 0.5em 0 0.3em 0; }
.kit-choice.widget-radio > .widget-label { width: auto !important; max-width: 100%; white-space: normal;
  line-height: 1.4; font-weight: 600; color: #1a1a1a; overflow: visible; text-align: left; height: auto; }
.kit-choice .kit-choice-note { display: block; font-weight: normal; color: #4a4f57; font-size: 0.92em;
  line-height: 1.35; margin-top: 0.1em; }
.kit-choice .widget-radio-box { padding-left: 1.2em; }
.kit-choice .widget-radio-box label { white-space: normal; line-height: 1.4; height: auto; margin: 0.15em 0; }
.kit-choice .widget-radio-box-horizontal { flex-wrap: wrap; gap: 0.2em 1.4em; }
</style>
<script>
(function () {
  if (window.__kitChoiceGroups) { return; }
  window.__kitChoiceGroups = true;
  var next = 0;
  function name() {
    document.querySelectorAll('.kit-choice').forEach(function (box) {
      var label = box.querySelector(':scope > .widget-label');
      var group = box.querySelector('.widget-radio-box');
      if (!label || !group || group.getAttribute('role') === 'radiogroup') { return; }
      if (!label.id) { next += 1; label.id = 'kit-choice-label-' + next; }
      group.setAttribute('role', 'radiogroup');
      group.setAttribute('aria-labelledby', label.id);
    });
  }
  new MutationObserver(name).observe(document.body, {childList: true, subtree: true});
  name();
})();
</script>
"""
_shown = {"assets": False}
_shared: dict[str, widgets.Widget] = {}


def _one(name: str, factory) -> widgets.Widget:
    """One layout or style shared by every question on the page.

    Each widget otherwise brings its own layout and style models; a checklist
    of many questions would send hundreds of models to the browser, and a busy
    server can drop the page's output before they all arrive.
    """
    if name not in _shared:
        _shared[name] = factory()
    return _shared[name]


def choice(question: str, options: list[tuple[str, object]], css_class: str = "",
           orientation: str = "vertical", note: str = "") -> widgets.RadioButtons:
    """Radio buttons for one question, with nothing chosen yet.

    Parameters
    ----------
    question : str
        Shown above the answers and read out as the group's name.
    options : list of (label, value)
        The answers; ``value`` is what the widget's ``value`` becomes.
    css_class : str
        An extra class, so tests and styles can find this question.
    orientation : str
        "vertical" (one answer per line) or "horizontal" (short answers in a row).
    note : str
        A line shown under the question in plain type, such as why it matters.
    """
    if not _shown["assets"]:
        display(HTML(_ASSETS))
        _shown["assets"] = True
    label = escape(question) + (f"<span class='kit-choice-note'>{escape(note)}</span>" if note else "")
    radio = widgets.RadioButtons(options=options, value=None, description=label, description_allow_html=True,
                                 orientation=orientation,
                                 style=_one("style", lambda: DescriptionStyle(description_width="initial")),
                                 layout=_one("layout", lambda: widgets.Layout(width="auto")))
    radio.add_class(CSS_CLASS)
    if css_class:
        radio.add_class(css_class)
    return radio


def group_heading(title: str, about: str = "") -> widgets.HTML:
    """The heading of a group of questions, with a line on what the group covers."""
    line = f"<p class='kit-meta'>{escape(about)}</p>" if about else ""
    return widgets.HTML(f"<h3>{escape(title)}</h3>{line}", layout=_one("heading-layout", widgets.Layout),
                        style=_one("heading-style", HTMLStyle))
