"""The room's widgets: the attendee's join panel, and the trainer page with the room's answers."""

from kit import lazy_names
from kit.room.ui._join import join_panel

# The trainer page draws charts (matplotlib): loaded on first use, so lesson 00's join panel starts light.
__getattr__ = lazy_names("kit.room.ui", {
    "POLL_SECONDS": "_trainer", "TrainerPage": "_trainer", "show_trainer_page": "_trainer",
    "trainer_page": "_trainer", "panel_html": "_view", "panels_html": "_view",
})

__all__ = [
    "POLL_SECONDS",
    "TrainerPage",
    "join_panel",
    "panel_html",
    "panels_html",
    "show_trainer_page",
    "trainer_page",
]
