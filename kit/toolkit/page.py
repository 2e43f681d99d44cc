"""What every app page shows once at the top: the kit's styles and helpers (see :mod:`kit.toolkit._page_assets`)."""

from __future__ import annotations

from IPython.display import HTML, display

from kit.toolkit._page_assets import PHONE_MAX, SCRIPT, STYLE

__all__ = ["PHONE_MAX", "SCRIPT", "STYLE", "setup"]


def setup() -> None:
    """Show the kit's page styles and script; call once in the first code cell of a lesson."""
    display(HTML(STYLE + SCRIPT))
