"""A kernel manager for ``kit serve`` that refuses new pages politely and replaces kernels that die at start.

Each open page holds one Python kernel. On a busy workshop server the
machine would run out of memory and every attendee would lose their page;
instead, past a number of kernels or below a reserve of free memory, a new
page gets a plain "the server is full" message and the open ones carry on.

When dozens of kernels start at once, a port chosen for one of them is
sometimes taken by another socket before the kernel binds it, and that
kernel exits at once (a known Jupyter race). A kernel is handed over only
once it has answered; one that died while starting is replaced.

With ``kit serve --room N`` (the ``room`` setting) it also keeps kernels warm
for the room, lesson by lesson, and starts them one at a time when the room
is quiet (``kit.server._pools``).
"""

from __future__ import annotations

import asyncio
import contextvars
import functools
import json
import os
import time

import psutil
from jupyter_server._tz import utcnow
from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager
from tornado.web import HTTPError
from traitlets import Float, Int, Unicode

from kit.server._pools import RefillLane, RoomWave

START_FAILED_MESSAGE = ("The workshop server could not start Python for this page ({attempts} tries). "
                        "Please reload the page; if it happens again, ask your trainer to check the server log.")
#: The lane slot a warming kernel took before Voilà read its lesson's file (see ``_lane_first``).
_SLOT_TAKEN: contextvars.ContextVar = contextvars.ContextVar("kit_refill_slot")
FULL_MESSAGE = ("The workshop server is full right now ({why}). Please wait a minute and reload this page, "
                "or ask your trainer: closing unused tabs frees room for others.")


def refusal(running: int, max_kernels: int, available_mb: int, reserve_mb: int) -> str | None:
    """Why a new kernel must not start, in plain words, or None when it may."""
    if max_kernels and running >= max_kernels:
        pages = "1 page is" if running == 1 else f"{running} pages are"
        return f"{pages} open, the most this server allows"
    if reserve_mb and available_mb < reserve_mb:
        return f"only {available_mb} MB of memory is free"
    return None


class LimitedKernelManager(AsyncMappingKernelManager):
    """Start kernels only while under ``max_kernels`` and above ``reserve_mb`` of free memory.

    With ``room`` set (``kit serve --room N``) and Voilà's preheating on, it also sets
    the warm pools from the room's plan, follows the room through the agenda
    (:class:`RoomWave`) and starts warm kernels through a :class:`RefillLane`.
    """

    max_kernels = Int(int(os.environ.get("KIT_MAX_KERNELS", "0")), config=True,
                      help="Most kernels (open pages) at once; 0 means no limit.")
    reserve_mb = Int(int(os.environ.get("KIT_RESERVE_MB", "500")), config=True,
                     help="Refuse new kernels when less memory than this is free (MB).")

    start_attempts = Int(3, config=True, help="Kernels to try, one after another, when each dies while starting.")
    answer_timeout = Int(60, config=True, help="Seconds a new kernel has to answer before it counts as failed.")

    room = Unicode("", config=True, help="kit serve --room: the room's plan as JSON (lessons, room, spread, "
                                         "fixed, mb, pools); empty for no room.")
    refill_lanes = Int(max(1, (os.cpu_count() or 2) - 1), config=True,
                       help="Warm kernels started at once for a room (leaves a core for the attendees).")
    refill_quiet_s = Float(1.0, config=True, help="A room is quiet when no attendee's kernel worked this long.")
    refill_patience_s = Float(15.0, config=True, help="Longest a warm kernel waits for a quiet room (seconds).")
    refill_headroom_mb = Int(300, config=True, help="Memory kept free above the reserve when warming kernels (MB).")
    refill_hold_s = Float(120.0, config=True, help="Longest one warming kernel holds its lane (seconds).")

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._wave = self._lane = None
        self._warming: set[str] = set()
        self._positions: tuple[float, dict] = (-1.0, {})
        self._ready_said = self._short_said = False
        if self.room and hasattr(self, "get_rendered_notebook"):  # Voilà's preheating manager
            plan = json.loads(self.room)
            # Set here, before Voilà fills the pools (Voilà's command line warns that a dict is deprecated).
            self.kernel_pools_config = plan["pools"]
            self._mb = plan["mb"]
            self._wave = RoomWave(plan["lessons"], plan["room"], plan["spread"], plan.get("fixed"))
            self._lane = RefillLane(self.refill_lanes, self.refill_patience_s, self._warm_priority,
                                    self._may_warm, self._room_busy, self._room_ready)
            # Voilà's class is built on this one and overrides the method: wrap it on the instance. Its page
            # handler asks every page's pool size first, warm kernel or not, so every page opened is counted.
            self.get_pool_size = functools.partial(self._page_requested, self.get_pool_size)
            # Voilà reads and parses the lesson's notebook before it starts the kernel: queue first, so the
            # kernels refilled as pages take theirs do not read 60 notebooks while 60 pages open.
            self._initialize = functools.partial(self._lane_first, self._initialize)

    async def _lane_first(self, initialize, notebook_path: str, kernel_id: str | None = None, **kwargs):
        """Voilà's warm-kernel set-up (``initialize``), run once this kernel has its turn in the lanes."""
        warming = (kwargs.get("env") or {}).get("VOILA_PREHEAT") == "True"  # for a page to come, not a waiting one
        if kernel_id is not None or not warming:
            return await initialize(notebook_path, kernel_id, **kwargs)
        slot = await self._lane.enter()
        taken = _SLOT_TAKEN.set(slot)  # start_kernel, further down this task, holds the lane from here on
        try:
            return await initialize(notebook_path, kernel_id, **kwargs)
        except BaseException:
            if slot is not None:
                slot.release()
            raise
        finally:
            _SLOT_TAKEN.reset(taken)

    async def start_kernel(self, *args, **kwargs):
        # A warming kernel queued for its lane before Voilà read its lesson (_lane_first); None otherwise,
        # and for a kernel a page already waits for.
        slot = _SLOT_TAKEN.get(None)
        available = psutil.virtual_memory().available // 2**20
        why = refusal(self._kernels_open(), self.max_kernels, available, self.reserve_mb)
        try:
            if why:
                self.log.warning("refusing a new kernel: %s", why)
                raise HTTPError(503, reason=FULL_MESSAGE.format(why=why))
            for attempt in range(1, self.start_attempts + 1):
                kernel_id = await super().start_kernel(*args, **kwargs)
                problem = await self._first_answer_problem(kernel_id)
                if problem is None:
                    if slot is not None:
                        self._hold_until_warm(slot, kernel_id)
                    return kernel_id
                self.log.warning("kernel %s failed while starting (%s), try %d of %d",
                                 kernel_id, problem, attempt, self.start_attempts)
                await self.shutdown_kernel(kernel_id, now=True)
            raise HTTPError(503, reason=START_FAILED_MESSAGE.format(attempts=self.start_attempts))
        except BaseException:
            if slot is not None:
                slot.release()
            raise

    def _kernels_open(self) -> int:
        """Kernels running or still starting (``list_kernels`` fails on one that is half registered)."""
        return len(set(self.list_kernel_ids()) | set(self._pending_kernels))

    async def _first_answer_problem(self, kernel_id: str) -> str | None:
        """Wait for the kernel's first reply; say why it failed, or None once it has answered."""
        client = self.get_kernel(kernel_id).client()
        client.start_channels(shell=True, iopub=True, stdin=False, hb=False, control=False)
        try:
            await client.wait_for_ready(timeout=self.answer_timeout)
        except RuntimeError as died:
            return str(died)
        finally:
            client.stop_channels()
        return None

    # The room (kit serve --room): which kernels to warm, and when.

    def _hold_until_warm(self, slot, kernel_id: str) -> None:
        """Keep the lane until the new kernel has run its lesson (Voilà's render task for it has ended)."""
        self._warming.add(kernel_id)

        def release(_=None):
            self._warming.discard(kernel_id)
            slot.release()

        def initialized(task):
            try:
                task.result()["task"].add_done_callback(release)
            except BaseException:  # noqa: BLE001 - failed or cancelled: the lane is free again
                release()

        asyncio.current_task().add_done_callback(initialized)
        asyncio.get_running_loop().call_later(self.refill_hold_s, release)

    def _page_requested(self, pool_size, notebook_name: str) -> int:
        """A page is opening (Voilà asks its pool size): follow the room, and start at once a kernel it would wait for.

        Counted here rather than when a page takes a warm kernel: pages that find the
        pool empty start a kernel of their own, and they too say where the room is.
        """
        pool = self._pools.get(notebook_name) or []
        if pool and not pool[0].done():
            self._lane.want(pool[0])
        if self._wave.opened(notebook_name, time.monotonic()):
            self._apply_targets(notebook_name)
        return pool_size(notebook_name)

    def _apply_targets(self, opened: str) -> None:
        targets = self._wave.targets()
        self.log.info("The room moved on: warming %s", ", ".join(f"{size} for {name}" for name, size in
                                                                  targets.items() if size > self._wave.spread))
        self.kernel_pools_config = {**self.kernel_pools_config,
                                    **{name: {"pool_size": size} for name, size in targets.items()}}
        current = self._wave.lessons[self._wave.current]
        for name, size in targets.items():
            pool = self._pools.get(name, [])
            # Voilà refills the opened lesson itself when the page takes a warm kernel, not when the pool is empty.
            if len(pool) < size and (name != opened or not pool):
                self.fill_if_needed(delay=0, notebook_name=name)
            elif len(pool) > size and name != current:
                asyncio.ensure_future(self._shrink(name, size))

    async def _shrink(self, notebook: str, size: int) -> None:
        """Stop the warm kernels of ``notebook`` beyond ``size`` that the room has left behind."""
        pool = self._pools.get(notebook, [])
        for task in list(reversed(pool[size:])):
            if self._lane.waiting(task) and task in pool:
                task.cancel()
                pool.remove(task)
            elif task.done() and not task.cancelled() and task.exception() is None and task.result()["task"].done():
                await self.shutdown_kernel(task.result()["kernel_id"])  # Voilà takes it out of the pool

    def _pool_positions(self) -> dict:
        """Each warming task's (place in its lesson's pool, lesson's place in the agenda, notebook); cached briefly."""
        now = time.monotonic()
        if now - self._positions[0] > 0.1:
            order = {name: i for i, name in enumerate(self._wave.lessons)}
            self._positions = (now, {task: (place, order.get(name, len(order)), name)
                                     for name, pool in self._pools.items() for place, task in enumerate(pool)})
        return self._positions[1]

    def _warm_priority(self, task) -> tuple:
        """One kernel for every lesson before a second for any, in agenda order."""
        return self._pool_positions().get(task, (0, 0, ""))[:2]

    def _may_warm(self, task) -> bool:
        """Whether memory allows one more warm kernel for ``task``'s lesson; says so once when it does not."""
        name = self._pool_positions().get(task, (0, 0, ""))[2]
        needed = self._mb.get(name, max(self._mb.values(), default=0))
        free = psutil.virtual_memory().available / 2**20
        allowed = free - needed >= self.reserve_mb + self.refill_headroom_mb
        if not allowed and not self._short_said:
            self.log.warning("Warming kernels for the room is paused: %.0f MB of memory is free. It goes on when "
                             "pages close or other programs end.", free)
        self._short_said = not allowed
        return allowed

    def _room_busy(self) -> bool:
        """Whether an attendee's kernel (not a warm one) is working or worked within ``refill_quiet_s``."""
        warm = set(self._warming)
        for pool in self._pools.values():
            warm.update(task.result()["kernel_id"] for task in pool
                        if task.done() and not task.cancelled() and task.exception() is None)
        now = utcnow()
        for kernel_id in self.list_kernel_ids():
            kernel = self._kernels.get(kernel_id)
            if kernel_id in warm or kernel is None:
                continue
            if getattr(kernel, "execution_state", "") == "busy" or \
                    (now - getattr(kernel, "last_activity", now)).total_seconds() < self.refill_quiet_s:
                return True
        return False

    def _room_ready(self) -> None:
        warm = sum(len(pool) for pool in self._pools.values())
        (self.log.debug if self._ready_said else self.log.info)("The room is ready: %d kernels are warm.", warm)
        self._ready_said = True
