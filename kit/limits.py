"""A kernel manager for ``kit serve``: refuses new pages politely when full, refills pools when quiet.

Each open page holds one Python kernel. On a busy workshop server the
machine would run out of memory and every attendee would lose their page;
instead, past a number of kernels or below a reserve of free memory, a new
page gets a plain "the server is full" message and the open ones carry on.

When a room opens pages at once, Voilà refills every preheated pool two
seconds later: dozens of kernels start and run their lesson together, and
the attendees' first clicks queue behind them. Here a refill waits (up to
``refill_wait`` seconds) until the CPU is no longer busy, and refills start
one at a time, so the people in the room go first.
"""

from __future__ import annotations

import asyncio
import os
import time
from typing import Callable

import psutil
from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager
from tornado.web import HTTPError
from traitlets import Int

#: Seconds after start-up during which pools fill at once: nobody is using the server yet.
STARTUP_SECONDS = 30

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


def busy_share(before, after) -> float:
    """Share of CPU time (0 to 1) spent working between two ``psutil.cpu_times()`` readings."""
    total = sum(after) - sum(before)
    idle = (after.idle + getattr(after, "iowait", 0)) - (before.idle + getattr(before, "iowait", 0))
    return 0.0 if total <= 0 else max(0.0, min(1.0, 1 - idle / total))


async def wait_until_quiet(busy_percent: float, max_wait: float, interval: float = 1.0,
                           read: Callable = psutil.cpu_times) -> bool:
    """Wait until the whole machine's CPU use over ``interval`` is below ``busy_percent``.

    Returns True when it became quiet, False when ``max_wait`` seconds passed first.
    """
    deadline = time.monotonic() + max_wait
    before = read()
    while time.monotonic() < deadline:
        await asyncio.sleep(interval)
        after = read()
        if busy_share(before, after) * 100 < busy_percent:
            return True
        before = after
    return False


def is_refill(kwargs: dict, uptime: float) -> bool:
    """A kernel Voilà starts for a preheated pool after start-up, rather than for a page someone opened."""
    return kwargs.get("env", {}).get("VOILA_PREHEAT") == "True" and uptime > STARTUP_SECONDS


class LimitedKernelManager(AsyncMappingKernelManager):
    """Start kernels only while under ``max_kernels`` and above ``reserve_mb`` of free memory.

    Pool refills wait for a quiet CPU (at most ``refill_wait`` seconds) and start one at a time.
    """

    max_kernels = Int(int(os.environ.get("KIT_MAX_KERNELS", "0")), config=True,
                      help="Most kernels (open pages) at once; 0 means no limit.")
    reserve_mb = Int(int(os.environ.get("KIT_RESERVE_MB", "500")), config=True,
                     help="Refuse new kernels when less memory than this is free (MB).")

    async def start_kernel(self, *args, **kwargs):
        available = psutil.virtual_memory().available // 2**20
        why = refusal(len(self.list_kernels()), self.max_kernels, available, self.reserve_mb)
        if why:
            self.log.warning("refusing a new kernel: %s", why)
            raise HTTPError(503, reason=FULL_MESSAGE.format(why=why))
        return await super().start_kernel(*args, **kwargs)
