"""Warm kernels for a room (``kit serve --room N``): which lesson to warm next, and when to start each kernel.

Two plain pieces the kernel manager (``kit.server._limits``) drives:

- :class:`RoomWave` follows the room through the agenda. Pages opened in the
  last ten minutes say which lesson the room is on: the furthest one that a
  third of the room has opened. Once the room is on the lesson warmed for it,
  the next lesson of the agenda gets a kernel per attendee, and the lessons
  the room has left go back to the spread (``kit.server._room``).
- :class:`RefillLane` starts warm kernels one at a time (``lanes``), so
  warming never takes both cores from the attendees: a kernel waits while any
  attendee's kernel is working (a click being answered, a page rendering), up
  to ``patience_s``, and while memory is short. A kernel a page is already
  waiting for skips the queue.
"""

from __future__ import annotations

import asyncio
import math
import time
from collections import deque
from collections.abc import Callable, Hashable, Mapping, Sequence


class RoomWave:
    """Warm-kernel targets per lesson for a room moving through an agenda.

    Parameters
    ----------
    lessons : the agenda's notebook files, in order.
    room : attendees; the lesson the room opens next gets this many warm kernels.
    spread : warm kernels for every other lesson.
    fixed : lessons the trainer sized with ``--pool``, never lowered below that size.
    window_s : how far back the pages opened count.
    move_at : pages of one lesson, within the window, that say the room is on it (default a third of the room).
    """

    def __init__(self, lessons: Sequence[str], room: int, spread: int, fixed: Mapping[str, int] | None = None,
                 window_s: float = 600, move_at: int | None = None):
        self.lessons = list(lessons)
        self.room, self.spread = room, spread
        self.fixed = dict(fixed or {})
        self.window_s = window_s
        self.move_at = move_at or max(1, math.ceil(room / 3))
        self.wave = 1 if len(self.lessons) > 1 else 0  # the lesson warmed for the whole room
        self.current = 0  # the lesson most of the room is on
        self._opened: deque[tuple[float, int]] = deque()

    def targets(self) -> dict[str, int]:
        """Warm kernels wanted per lesson now."""
        sizes = {name: self.spread for name in self.lessons}
        if self.current == 0:  # the room's first lesson (the start page) until the room has moved on
            sizes[self.lessons[0]] = self.room
        sizes[self.lessons[self.wave]] = self.room
        for name, size in self.fixed.items():
            sizes[name] = max(size, sizes.get(name, 0))
        return sizes

    def opened(self, notebook: str, now: float) -> bool:
        """Note a page of ``notebook`` opened at ``now`` (seconds); True when the targets changed."""
        if notebook not in self.lessons:
            return False
        self._opened.append((now, self.lessons.index(notebook)))
        while self._opened and self._opened[0][0] < now - self.window_s:
            self._opened.popleft()
        counts = [0] * len(self.lessons)
        for _, index in self._opened:
            counts[index] += 1
        reached = max((i for i, count in enumerate(counts) if count >= self.move_at), default=-1)
        if reached < self.wave:
            return False  # the room has not reached the lesson warmed for it
        before = self.targets()
        self.current = reached
        self.wave = min(reached + 1, len(self.lessons) - 1)
        return self.targets() != before


class Slot:
    """A lane held by one warming kernel until it has run its lesson; ``release`` may be called more than once."""

    def __init__(self, lane: RefillLane):
        self._lane = lane
        self._held = True

    def release(self) -> None:
        if self._held:
            self._held = False
            self._lane._released()


class RefillLane:
    """Starts warm kernels ``lanes`` at a time, when the room is quiet and memory allows, wanted ones first.

    Parameters
    ----------
    lanes : kernels warming at once.
    patience_s : the longest a kernel waits for the room to be quiet.
    priority : the order of waiting kernels (smallest first), given the task that warms each.
    may_start : whether memory allows warming the kernel of this task now.
    room_busy : whether an attendee's kernel is working now.
    on_idle : called when the last warming kernel is done and none waits (the room is ready).
    """

    def __init__(self, lanes: int, patience_s: float, priority: Callable[[Hashable], tuple],
                 may_start: Callable[[Hashable], bool], room_busy: Callable[[], bool],
                 on_idle: Callable[[], None] = lambda: None, poll_s: float = 0.2,
                 clock: Callable[[], float] = time.monotonic):
        self.lanes, self.patience_s = max(1, lanes), patience_s
        self.priority, self.may_start, self.room_busy, self.on_idle = priority, may_start, room_busy, on_idle
        self.poll_s, self.clock = poll_s, clock
        self.wanted: set = set()
        self.busy = 0
        self._waiting: dict = {}
        self._held_back_since: float | None = None
        self._dispatcher: asyncio.Task | None = None

    async def enter(self) -> Slot | None:
        """Wait for this task's turn; a :class:`Slot` to release once warm, or None if a page wants it now."""
        me = asyncio.current_task()
        if me in self.wanted:
            self.wanted.discard(me)
            return None
        turn = asyncio.get_running_loop().create_future()
        self._waiting[me] = turn
        if self._dispatcher is None or self._dispatcher.done():
            self._dispatcher = asyncio.ensure_future(self._dispatch())
        try:
            return await turn
        except asyncio.CancelledError:
            if turn.done() and not turn.cancelled() and turn.result() is not None:
                turn.result().release()
            raise
        finally:
            self._waiting.pop(me, None)

    def want(self, task: Hashable) -> None:
        """A page waits for the kernel ``task`` warms: start it at once, outside the lanes."""
        turn = self._waiting.pop(task, None)
        if turn is None:
            self.wanted.add(task)  # not at the lane yet (or past it): it will not queue when it gets there
            if hasattr(task, "add_done_callback"):
                task.add_done_callback(self.wanted.discard)
        elif not turn.done():
            turn.set_result(None)

    def waiting(self, task: Hashable) -> bool:
        """Whether ``task`` is still waiting for its turn (it has started nothing yet)."""
        return task in self._waiting

    async def _dispatch(self) -> None:
        while self._waiting:
            if self.busy < self.lanes:
                head = min(self._waiting, key=self.priority)
                now = self.clock()
                if self._held_back_since is None:
                    self._held_back_since = now
                patient = now - self._held_back_since >= self.patience_s
                if self.may_start(head) and (patient or not self.room_busy()):
                    self._held_back_since = None
                    turn = self._waiting.pop(head)
                    if not turn.done():  # done: cancelled meanwhile, and its task is on its way out
                        self.busy += 1
                        turn.set_result(Slot(self))
                    continue
            await asyncio.sleep(self.poll_s)

    def _released(self) -> None:
        self.busy -= 1
        if self.busy == 0 and not self._waiting:
            self.on_idle()
