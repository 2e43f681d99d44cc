"""The JupyterHub recipe sized for a room bigger than one ``kit serve`` (``deploy/jupyterhub/sizing.py``).

On the hub each attendee has their own server (a Jupyter server with Voilà)
and one kernel per open page; nothing is warmed ahead, so every page opened
starts its kernel and runs its lesson. From the figures measured per lesson
(``kit/content/kernel_memory.yaml``), in MB and CPU seconds::

    per attendee      = server + pages × page            (page: the heaviest lesson's private memory)
    memory limit      = (server + max_pages × page_rss) × 1.1, rounded up to 256 MB   (KIT_MEM_LIMIT)
    machine memory    = system + shared libraries + attendees × per attendee
    room opens a lesson at once: attendees × cpu ÷ cores seconds until the last page is live
    cores for that within ``target_s`` = attendees × cpu ÷ target_s

``server`` is the measured memory of ``kit serve``'s own server, the same
kind of program as a hub user's server (a Jupyter server with Voilà);
``deploy/jupyterhub/check.sh`` prints a real user server's memory. ``system``
(the hub, its proxy and the operating system) is an assumption, given as a
parameter, not a measurement.
"""

from __future__ import annotations

import math
import statistics
from dataclasses import dataclass


@dataclass(frozen=True)
class HubPlan:
    """A hub sized for ``users`` attendees, each with ``pages`` pages open (at most ``max_pages``), on ``cores``."""

    users: int
    pages: int
    max_pages: int
    cores: int
    server_mb: float
    page_mb: float
    page_rss_mb: float
    shared_mb: float
    cpu_s: float
    system_mb: float = 1024
    target_s: float = 3

    @property
    def user_mb(self) -> float:
        return self.server_mb + self.pages * self.page_mb

    @property
    def mem_limit_mb(self) -> int:
        return math.ceil((self.server_mb + self.max_pages * self.page_rss_mb) * 1.1 / 256) * 256

    @property
    def machine_mb(self) -> float:
        return self.system_mb + self.shared_mb + self.users * self.user_mb

    @property
    def open_all_s(self) -> float:
        return self.users * self.cpu_s / self.cores

    @property
    def cores_for_target(self) -> int:
        return math.ceil(self.users * self.cpu_s / self.target_s)

    def lines(self) -> list[str]:
        """The arithmetic written out, one step a line, and the settings it leads to."""
        return [
            f"per attendee: server {self.server_mb:.0f} MB + {self.pages} pages × {self.page_mb:.0f} MB "
            f"= {self.user_mb:,.0f} MB",
            f"memory limit per attendee (KIT_MEM_LIMIT): ({self.server_mb:.0f} + {self.max_pages} pages × "
            f"{self.page_rss_mb:.0f} MB) × 1.1, rounded up = {self.mem_limit_mb:,} MB",
            f"machine memory: system {self.system_mb:,.0f} MB (assumed) + shared libraries {self.shared_mb:.0f} MB + "
            f"{self.users} × {self.user_mb:,.0f} MB = {self.machine_mb:,.0f} MB ({self.machine_mb / 1024:,.0f} GB)",
            f"the room opens a lesson at once: {self.users} pages × {self.cpu_s:.1f} s of CPU ÷ {self.cores} cores "
            f"= {self.open_all_s:,.0f} s until the last page is live",
            f"cores for every page live within {self.target_s:.0f} s: {self.users} × {self.cpu_s:.1f} ÷ "
            f"{self.target_s:.0f} = {self.cores_for_target}; with fewer, ask the room to open lessons a few "
            f"at a time, or serve each part of the room with `kit serve --room N` on its own machine",
        ]


def hub_plan(users: int, pages: int = 2, max_pages: int = 4, cores: int = 32, system_mb: float = 1024) -> HubPlan:
    """The hub for ``users`` attendees from the measured figures (heaviest lesson's memory, median CPU to start)."""
    from kit.server._room import kernel_memory

    if users < 1 or pages < 1 or max_pages < pages or cores < 1:
        raise ValueError("give 1 or more attendees, pages and cores, and --max-pages at least --pages.")
    figures = kernel_memory()
    lessons = list(figures.lessons.values())
    return HubPlan(users=users, pages=pages, max_pages=max_pages, cores=cores, server_mb=figures.server_mb,
                   page_mb=max(entry.private_mb for entry in lessons),
                   page_rss_mb=max(entry.rss_mb for entry in lessons), shared_mb=figures.shared_mb,
                   cpu_s=statistics.median(entry.start_cpu_s for entry in lessons), system_mb=system_mb)
