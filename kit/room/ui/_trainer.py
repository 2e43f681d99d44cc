"""The trainer page: open a room with its trainer code, pick a lesson, watch the room's answers update by themselves.

Nothing of a room shows before its room code and trainer code are both right;
a wrong pair gets one plain refusal, the same whichever code is wrong. Once
open, a task in the kernel asks the room's ``revision`` every
:data:`POLL_SECONDS` seconds and redraws only when it changed.
"""

from __future__ import annotations

import asyncio
import logging
import time

import ipywidgets as widgets
from IPython.display import HTML, display

from kit.documents import escape, to_html
from kit.room import MIN_ANSWERS, RoomError, room_panels, room_store, summary_csv, summary_document
from kit.room.ui._view import STYLE, panels_html
from kit.toolkit import DownloadLinks, error_box, guarded, notice
from kit.workshop import lesson_label, lessons, parts

log = logging.getLogger(__name__)
#: How often the open page asks whether the room changed.
POLL_SECONDS = 2.0
EVERY = "every"
_WIDE = {"description_width": "initial"}
#: Voilà's page has no main landmark, so every word on it would sit outside one (axe's "region" rule):
#: this names the notebook's cells the page's main content.
LANDMARK = """<script>
(function () {
  var cells = document.getElementById('rendered_cells');
  if (cells && !document.querySelector('main, [role="main"]')) { cells.setAttribute('role', 'main'); }
})();
</script>"""


def _intro() -> str:
    """What the page is for; the minimum and the lesson where attendees join come from the kit, never typed."""
    start = lesson_label(parts.ROOM_MEMBERSHIP.lesson)
    return (f"<p>The room's answers, live and anonymised: every quiz's answer counts, the first pilots, the bias "
            f"thresholds, the room's risk heatmap, maturity, case decisions and the evaluation. Nothing shows until "
            f"{MIN_ANSWERS} attendees have answered, and no name is ever shown.</p>"
            f"<p>Attendees join the room in {escape(start)}; this page is for the trainer only.</p>")


class TrainerPage:
    """The page's widgets and what they do; :attr:`widget` is what the notebook shows.

    Parameters
    ----------
    store : kit.room.RoomStore, optional
        The rooms (default: :func:`kit.room.room_store`).
    poll : float
        Seconds between two checks of the room's revision; 0 starts no task (tests).
    """

    def __init__(self, store=None, poll: float = POLL_SECONDS):
        self.store, self.poll = store, poll
        self.room, self.revision, self.task = None, None, None
        self.errors, self.gate_status, self.status = error_box(), widgets.HTML(), widgets.HTML()
        self.room_code = widgets.Text(description="Room code", placeholder="e.g. KQP-M3T", style=_WIDE,
                                      layout=widgets.Layout(width="17em"))
        self.trainer_code = widgets.Password(description="Trainer code", placeholder="XXXX-XXXX-XXXX", style=_WIDE,
                                             layout=widgets.Layout(width="21em"))
        self.open_button = widgets.Button(description="Open the room view", button_style="primary",
                                          layout=widgets.Layout(width="auto"))
        choices = [("Every lesson", EVERY)] + [(item.label, item.id) for item in lessons()]
        self.lesson = widgets.Dropdown(description="Lesson", style=_WIDE, options=choices,
                                       layout=widgets.Layout(width="min(40em, 95%)"))
        self.view, self.downloads = widgets.HTML(), DownloadLinks()
        self.room_box = widgets.VBox([self.lesson, self.status, self.view, self.downloads],
                                     layout=widgets.Layout(display="none"))
        self.name = widgets.Text(description="Room name", placeholder="e.g. Leeds council, 4 Dec", style=_WIDE,
                                 layout=widgets.Layout(width="min(40em, 95%)"))
        self.create_button = widgets.Button(description="Create a room", layout=widgets.Layout(width="auto"))
        self.created = widgets.HTML()
        self.open_button.on_click(guarded(self.errors, "open the room")(self.open))
        self.create_button.on_click(guarded(self.errors, "create the room")(self.create))
        self.lesson.observe(lambda _: self.draw(), names="value")
        self.widget = widgets.VBox([
            widgets.HTML(STYLE + _intro() + "<h2>Open your room</h2><p>Enter the room code and your trainer code "
                                            "(<code>kit room new</code> prints both, and so does the form below).</p>"),
            widgets.HBox([self.room_code, self.trainer_code, self.open_button],
                         layout=widgets.Layout(flex_flow="row wrap")),
            self.gate_status, self.errors, self.room_box,
            widgets.HTML("<h2>Create a room</h2><p>No room yet? Name it here (or run <code>kit room new --name "
                         "NAME</code> in a terminal). The trainer code is shown once: write it down, and keep it "
                         "off the projector.</p>"),
            widgets.HBox([self.name, self.create_button], layout=widgets.Layout(flex_flow="row wrap")), self.created,
        ])
        self.widget.add_class("kit-trainer-room")

    def rooms(self):
        return self.store if self.store is not None else room_store()

    def close_view(self) -> None:
        """Hide every figure of the room and stop watching it."""
        self.room = self.revision = None
        self.view.value = self.status.value = ""
        self.downloads.clear()
        self.room_box.layout.display = "none"
        if self.task is not None:
            self.task.cancel()
            self.task = None

    def open(self, _=None) -> None:
        """Check both codes; on a wrong pair say so plainly and show nothing of any room."""
        self.close_view()
        try:
            self.room = self.rooms().open_for_trainer(self.room_code.value, self.trainer_code.value)
        except RoomError as problem:
            self.gate_status.value = notice(str(problem), "error")
            return
        self.trainer_code.value = ""
        self.gate_status.value = notice(f"Room '{self.room.name}' ({self.room.code}) is open below. It looks for "
                                        f"new answers every {POLL_SECONDS:g} seconds and redraws by itself.",
                                        "success")
        self.room_box.layout.display = None
        self.draw()
        if self.poll:
            self.task = asyncio.ensure_future(self._watch())

    def draw(self) -> None:
        """Count the room again and show the chosen lesson's panels and the summary downloads."""
        if self.room is None:
            return
        store = self.rooms()
        try:
            self.revision = store.revision(self.room.code)
            contributions = store.contributions(self.room.code)
        except RoomError:
            code = self.room.code
            self.close_view()
            self.gate_status.value = notice(f"The room {code} was closed or has expired, and its answers are "
                                            "deleted. Create a new room below if you need one.", "warning")
            return
        chosen = None if self.lesson.value == EVERY else self.lesson.value
        attendees = len({item.participant for item in contributions})
        every = room_panels(contributions)
        self.view.value = panels_html([panel for panel in every if chosen in (None, panel.lesson)],
                                      waiting_apart=chosen is None)
        self.status.value = notice(f"{attendees} attendee{'s' if attendees != 1 else ''} contributed. "
                                   f"Last counted at {time.strftime('%H:%M:%S')}.")
        name = self.room.name
        self.downloads.offer([
            (lambda: to_html(summary_document(name, every, attendees)), "room-summary.html",
             "Download the room's summary (web page, HTML)"),
            (lambda: summary_csv(every), "room-summary.csv", "Download the room's summary (CSV, for a spreadsheet)"),
        ])

    def check(self) -> bool:
        """Redraw when the room's revision changed since the last drawing; True when it did."""
        if self.room is None:
            return False
        try:
            now = self.rooms().revision(self.room.code)
        except RoomError:
            now = None
        if now == self.revision:
            return False
        self.draw()
        return True

    async def _watch(self) -> None:
        while self.room is not None:
            await asyncio.sleep(self.poll)
            try:
                self.check()
            except Exception:  # noqa: BLE001 - the page must keep watching, and never show a traceback
                log.exception("the room view could not be redrawn")

    def create(self, _=None) -> None:
        """Make a room from the name typed; show both codes once and fill in the room code."""
        made = self.rooms().create(self.name.value)
        self.room_code.value = made.code
        self.name.value = ""
        self.created.value = notice(f"Room '{made.name}' is ready. Room code for attendees: {made.code}. Your "
                                    f"trainer code: {made.trainer_code} (shown only now; keep it to yourself).",
                                    "success")


def trainer_page(store=None, poll: float = POLL_SECONDS) -> widgets.VBox:
    """The trainer page's widget: the code gate, the room view and the room form."""
    return TrainerPage(store, poll).widget


def show_trainer_page() -> None:
    """Show the trainer page in ``notebooks/trainer_room.ipynb``, its content marked as the page's main landmark."""
    display(HTML(LANDMARK))
    display(trainer_page())
