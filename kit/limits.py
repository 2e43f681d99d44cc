"""A kernel manager for ``kit serve`` that refuses new pages politely when the server is full.

Each open page holds one Python kernel. On a busy workshop server the
machine would run out of memory and every attendee would lose their page;
instead, past a number of kernels or below a reserve of free memory, a new
page gets a plain "the server is full" message and the open ones carry on.
"""

from __future__ import annotations

import os

import psutil
from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager
from tornado.web import HTTPError
from traitlets import Int

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

    async def start_kernel(self, *args, **kwargs):
        available = psutil.virtual_memory().available // 2**20
        why = refusal(len(self.list_kernels()), self.max_kernels, available, self.reserve_mb)
        if why:
            self.log.warning("refusing a new kernel: %s", why)
            raise HTTPError(503, reason=FULL_MESSAGE.format(why=why))
        return await super().start_kernel(*args, **kwargs)
