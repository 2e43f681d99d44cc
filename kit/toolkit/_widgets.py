"""The shared widget toolkit every app is built from.

Four promises hold for every app that uses it: user text is escaped before it
becomes HTML; a chart is an ``<img alt>`` with its numbers as a table beside
it; a slider has an accessible name; and an error inside a callback becomes a
plain message in the page, never a traceback.
"""

from __future__ import annotations

import functools
import logging
from typing import Callable

import ipywidgets as widgets
from IPython.display import HTML, display

from kit.documents import escape

log = logging.getLogger(__name__)

# ipywidgets draws a slider handle (role="slider") with no accessible name.
# This copies the widget's visible label onto each handle, now and whenever
# a new slider appears. Emitted once per page.
_SLIDER_LABEL_SCRIPT = """
<script>
(function () {
  if (window.__kitSliderLabels) { return; }
  window.__kitSliderLabels = true;
  function label() {
    document.querySelectorAll('.widget-slider').forEach(function (box) {
      var text = box.querySelector('.widget-label');
      var name = text ? text.textContent.trim() : '';
      box.querySelectorAll('.noUi-handle').forEach(function (h) {
        if (name && h.getAttribute('aria-label') !== name) { h.setAttribute('aria-label', name); }
      });
    });
  }
  new MutationObserver(label).observe(document.body, {childList: true, subtree: true});
  label();
})();
</script>
"""
_script_shown = False




def notice(message: str, kind: str = "info") -> str:
    """Return an HTML box for a message; ``kind`` is info, success, warning or error.

    The message is escaped; the role makes screen readers announce errors.
    """
    role = "alert" if kind == "error" else "status"
    return f'<div class="kit-notice kit-{escape(kind)}" role="{role}">{escape(message)}</div>'


def error_box() -> widgets.HTML:
    """An empty HTML widget that :func:`guarded` callbacks write their errors into."""
    return widgets.HTML(value="", layout=widgets.Layout(width="100%"))


def guarded(box: widgets.HTML, action: str = "do that") -> Callable:
    """Decorate a widget callback so that no exception ever reaches the page.

    A ``ValueError`` carries a message written for the user and is shown as
    is; anything else is logged in full for the trainer and shown as a short
    apology naming what failed. On success the box is cleared.
    """

    def decorate(callback: Callable) -> Callable:
        @functools.wraps(callback)
        def run(*args, **kwargs):
            try:
                result = callback(*args, **kwargs)
            except ValueError as problem:
                box.value = notice(str(problem), "error")
                return None
            except Exception:  # noqa: BLE001 - the page must never show a traceback
                log.exception("callback %s failed", getattr(callback, "__name__", callback))
                box.value = notice(
                    f"Sorry, the kit could not {action}. Nothing you entered was lost; "
                    "try again, and if it happens again tell your trainer.",
                    "error",
                )
                return None
            box.value = ""
            return result

        return run

    return decorate


def accessible_slider(description: str, **kwargs) -> widgets.IntSlider | widgets.FloatSlider:
    """Return a slider whose handle carries ``description`` as its accessible name.

    A float ``value``/``step`` gives a FloatSlider, otherwise an IntSlider.
    """
    global _script_shown
    if not _script_shown:
        display(HTML(_SLIDER_LABEL_SCRIPT))
        _script_shown = True
    numbers = [kwargs.get(k) for k in ("value", "min", "max", "step")]
    cls = widgets.FloatSlider if any(isinstance(v, float) for v in numbers) else widgets.IntSlider
    kwargs.setdefault("continuous_update", False)
    kwargs.setdefault("style", {"description_width": "initial"})
    return cls(description=description, **kwargs)


def require_alt(alt: str) -> None:
    """Refuse a chart without a text alternative: screen readers would have nothing to read."""
    if not alt.strip():
        raise ValueError("A chart needs a text alternative (alt) describing what it shows.")


def chart(png_b64: str, alt: str, table_html: str = "", caption: str = "") -> str:
    """Return a chart as ``<figure>``: an image with a text alternative, and its data table.

    Parameters
    ----------
    png_b64 : str
        The PNG, base64-encoded (see :func:`kit.toolkit._plots.to_png`).
    alt : str
        What the chart shows, in words; read aloud by screen readers.
    table_html : str
        The numbers behind the chart, already rendered as a table.
    caption : str
        A visible title.
    """
    require_alt(alt)
    cap = f"<figcaption>{escape(caption)}</figcaption>" if caption else ""
    table = f'<details><summary>The numbers behind this chart</summary>{table_html}</details>' if table_html else ""
    return (
        f'<figure class="kit-chart">{cap}<img src="data:image/png;base64,{png_b64}" '
        f'alt="{escape(alt)}" style="max-width:100%">{table}</figure>'
    )
