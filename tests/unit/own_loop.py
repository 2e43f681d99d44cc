"""Run a coroutine on a fresh event loop in its own thread.

A browser test earlier in the same worker leaves Playwright's event loop on
the main thread, where ``asyncio.run`` refuses to start. The coroutine is
created in the thread too, so nothing touches the main thread's loop.
"""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Awaitable, Callable


def run_on_own_loop(main: Callable[[], Awaitable[Any]]) -> Any:
    """Return what ``main()`` returns, run with ``asyncio.run`` in a new thread."""
    with ThreadPoolExecutor(1) as thread:
        return thread.submit(lambda: asyncio.run(main())).result()
