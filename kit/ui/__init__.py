"""Widgets for the lessons' apps. Logic lives elsewhere in :mod:`kit`; these only show it."""

from kit.ui.widgets import (
    accessible_slider,
    chart,
    error_box,
    escape,
    guarded,
    notice,
)

__all__ = ["accessible_slider", "chart", "error_box", "escape", "guarded", "notice"]
