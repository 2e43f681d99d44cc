"""Slow parts of an answer (charts, download files), made after the words and at a lower priority.

When an attendee changes a control, the app's callback sets the words of its
answer at once and hands each slow part to :func:`fill_later`. In a kernel
answering that change, one worker thread makes the slow parts, one at a time,
at a lower CPU priority (nice +10, where the system allows it), and only once
the kernel has finished the change and sent its words. On a machine shared by
a room, every kernel's words then go out before anyone's chart is drawn,
instead of all of them waiting behind 30 charts. (A worker that started
earlier would hold Python's lock while the system gives it little CPU, and
the kernel could not send its words meanwhile.) A part asked for again before
it was made (a slider dragged through five values) is made once, for the
newest request.

Everywhere else (a notebook cell running, which includes a Voilà page being
built and nbval; tests and scripts with no kernel) a part is made at once, so
a cell's output is complete when the cell finishes.
"""

from __future__ import annotations

import asyncio
import atexit
import contextvars
import logging
import os
import threading
from collections import OrderedDict
from collections.abc import Callable

import ipywidgets as widgets

from kit.toolkit._widgets import notice

log = logging.getLogger(__name__)

#: How much lower the worker's CPU priority is than the kernel's (Linux nice levels).
NICER_BY = 10

FAILED = ("Sorry, the kit could not draw this part of the answer. The rest of the page is correct; "
          "change something to try again, and if it happens again tell your trainer.")

Make = Callable[[], str]


class SlowPartWorker:
    """One thread that makes slow parts in the order asked, newest request per box, at a lower priority."""

    def __init__(self, nicer_by: int = NICER_BY):
        self._nicer_by = nicer_by
        self._queue: OrderedDict[int, tuple[widgets.HTML, Make, contextvars.Context]] = OrderedDict()
        self._lock = threading.Condition()
        self._busy = False
        self._stopped = False
        self._thread: threading.Thread | None = None

    def submit(self, box: widgets.HTML, make: Make) -> None:
        """Queue ``box.value = make()``; an earlier request for ``box`` not yet started is dropped."""
        context = contextvars.copy_context()  # the kernel's message being answered: updates name it as parent
        with self._lock:
            if self._stopped:
                return
            self._queue.pop(id(box), None)
            self._queue[id(box)] = (box, make, context)
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="kit-slow-parts", daemon=True)
                self._thread.start()
            self._lock.notify()

    def stop(self) -> None:
        """Make nothing more and send nothing more: the kernel is shutting down (its page has gone)."""
        with self._lock:
            self._stopped = True
            self._queue.clear()
            self._lock.notify_all()

    def wait(self, timeout: float = 60) -> bool:
        """Wait until every queued part is made; False if ``timeout`` seconds passed first."""
        with self._lock:
            return self._lock.wait_for(lambda: not self._queue and not self._busy, timeout)

    def _run(self) -> None:
        lower_priority(self._nicer_by)
        while True:
            with self._lock:
                self._lock.wait_for(lambda: self._queue)
                _, (box, make, context) = self._queue.popitem(last=False)
                self._busy = True
            try:
                messages_sent()
                context.run(self._fill, box, make)
            finally:
                with self._lock:
                    self._busy = False
                    self._lock.notify_all()

    def _fill(self, box: widgets.HTML, make: Make) -> None:
        try:
            value = make()
        except Exception:  # noqa: BLE001 - a page never shows a traceback; the trainer's log has it
            log.exception("a slow part of the answer failed")
            value = notice(FAILED, "error")
        if not self._stopped:  # a kernel shutting down can no longer send it (and its page has gone)
            box.value = value


def lower_priority(by: int) -> bool:
    """Lower the calling thread's CPU priority by ``by`` nice levels; False where the system does not allow it."""
    try:
        thread = threading.get_native_id()
        os.setpriority(os.PRIO_PROCESS, thread, min(19, os.getpriority(os.PRIO_PROCESS, thread) + by))
    except (AttributeError, OSError):  # not Linux, or not permitted: the parts are still made after the words
        return False
    return True


def _kernel():
    try:
        from IPython import get_ipython
    except ImportError:
        return None
    return getattr(get_ipython(), "kernel", None)


def messages_sent(timeout: float = 2) -> None:
    """Wait until the kernel's output thread has sent every message queued so far (the answer's words)."""
    output = getattr(_kernel(), "iopub_thread", None)
    if output is None or not hasattr(output, "schedule"):
        return
    sent = threading.Event()
    output.schedule(sent.set)
    sent.wait(timeout)


def answering_a_change() -> bool:
    """Whether this code runs in a kernel answering a widget change (not a cell, not outside a kernel)."""
    kernel = _kernel()
    if kernel is None:
        return False
    parent = kernel.get_parent() or {}
    return parent.get("header", {}).get("msg_type") == "comm_msg"


WORKER = SlowPartWorker()
atexit.register(WORKER.stop)  # before the kernel's output thread stops (atexit runs the latest first)


def fill_later(box: widgets.HTML, make: Make) -> None:
    """Set ``box.value = make()``: in the background when answering a change in a kernel, otherwise now."""
    if answering_a_change():
        after_this_change(WORKER.submit, box, make)
    else:
        box.value = make()


def after_this_change(function: Callable, *args) -> None:
    """Call ``function(*args)`` once the kernel has finished the message it is answering (now, outside a loop)."""
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:
        function(*args)
    else:  # the kernel's handler returns, publishes "idle", then the loop runs this (in this context)
        loop.call_soon(function, *args)


def wait_for_slow_parts(timeout: float = 60) -> bool:
    """Wait until the background has made every slow part asked for; False if ``timeout`` passed first."""
    return WORKER.wait(timeout)
