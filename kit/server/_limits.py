"""A kernel manager for ``kit serve`` that refuses new pages politely and replaces kernels that die at start.

Each open page holds one Python kernel. On a busy workshop server the
machine would run out of memory and every attendee would lose their page;
instead, past a number of kernels or below a reserve of free memory, a new
page gets a plain "the server is full" message and the open ones carry on.

When dozens of kernels start at once, a port chosen for one of them is
sometimes taken by another socket before the kernel binds it, and that
kernel exits at once (a known Jupyter race). A kernel is handed over only
once it has answered; one that died while starting is replaced.
"""

from __future__ import annotations

import os

import psutil
from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager
from tornado.web import HTTPError
from traitlets import Int

START_FAILED_MESSAGE = ("The workshop server could not start Python for this page ({attempts} tries). "
                        "Please reload the page; if it happens again, ask your trainer to check the server log.")
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
    """Start kernels only while under ``max_kernels`` and above ``reserve_mb`` of free memory."""

    max_kernels = Int(int(os.environ.get("KIT_MAX_KERNELS", "0")), config=True,
                      help="Most kernels (open pages) at once; 0 means no limit.")
    reserve_mb = Int(int(os.environ.get("KIT_RESERVE_MB", "500")), config=True,
                     help="Refuse new kernels when less memory than this is free (MB).")

    start_attempts = Int(3, config=True, help="Kernels to try, one after another, when each dies while starting.")
    answer_timeout = Int(60, config=True, help="Seconds a new kernel has to answer before it counts as failed.")

    async def start_kernel(self, *args, **kwargs):
        available = psutil.virtual_memory().available // 2**20
        why = refusal(self._kernels_open(), self.max_kernels, available, self.reserve_mb)
        if why:
            self.log.warning("refusing a new kernel: %s", why)
            raise HTTPError(503, reason=FULL_MESSAGE.format(why=why))
        for attempt in range(1, self.start_attempts + 1):
            kernel_id = await super().start_kernel(*args, **kwargs)
            problem = await self._first_answer_problem(kernel_id)
            if problem is None:
                return kernel_id
            self.log.warning("kernel %s failed while starting (%s), try %d of %d",
                             kernel_id, problem, attempt, self.start_attempts)
            await self.shutdown_kernel(kernel_id, now=True)
        raise HTTPError(503, reason=START_FAILED_MESSAGE.format(attempts=self.start_attempts))

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
