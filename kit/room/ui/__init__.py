"""The room's widgets: the attendee's join panel, and the trainer page with the room's answers."""

from kit.room.ui._join import join_panel
from kit.room.ui._trainer import POLL_SECONDS, TrainerPage, show_trainer_page, trainer_page
from kit.room.ui._view import panel_html, panels_html

__all__ = [
    "POLL_SECONDS",
    "TrainerPage",
    "join_panel",
    "panel_html",
    "panels_html",
    "show_trainer_page",
    "trainer_page",
]
