"""The Voilà and JupyterLab command lines the kit starts, built in one place."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

from kit.paths import NOTEBOOKS_DIR, REPO_ROOT

START_PAGE = "00_start_here.ipynb"


@dataclass(frozen=True)
class ServeOptions:
    """Settings for ``kit serve``; the defaults suit one laptop or a small room.

    Attributes
    ----------
    port, ip : where Voilà listens; it never silently moves to another port.
    preheat : keep a kernel per lesson already running, so the first page is quick.
    pool_size : preheated kernels per lesson.
    pools : larger pools for named lessons, as (notebook file, size): the lesson a
        trainer is about to teach, sized to the room, so every attendee finds a
        kernel that has already run it.
    fill_delay : seconds before the pool refills. The next page to open waits for the
        refill, delay included, so it is kept short.
    cull_idle : seconds after which a kernel with no open tab is shut down
        (Voilà cannot shut kernels down when a tab closes, so this reclaims them).
    max_kernels : most open pages at once (0: no limit); past it, or with less than
        ``reserve_mb`` of memory free, a new page gets a plain "server is full" message.
    notebooks : the folder of notebooks to serve (default: the kit's lessons).
    extra : further Voilà arguments, passed through unchanged.
    """

    port: int = 8866
    ip: str = "127.0.0.1"
    preheat: bool = True
    pool_size: int = 1
    pools: tuple[tuple[str, int], ...] = ()
    fill_delay: int = 2
    cull_idle: int = 600
    max_kernels: int = 0
    reserve_mb: int = 500
    notebooks: Path = NOTEBOOKS_DIR
    extra: tuple[str, ...] = field(default_factory=tuple)

    def url(self) -> str:
        host = "localhost" if self.ip in ("127.0.0.1", "0.0.0.0") else self.ip
        return f"http://{host}:{self.port}/voila/render/{START_PAGE}"


def voila_command(options: ServeOptions) -> list[str]:
    """Return the argv that serves every lesson with Voilà under ``options``."""
    argv = [
        sys.executable, "-m", "voila", str(options.notebooks),
        "--no-browser",
        f"--port={options.port}",
        f"--Voila.ip={options.ip}",
        "--Voila.port_retries=0",
        "--Voila.show_tracebacks=False",
        # Wait longer than nbclient's 4 s for a cell's output on a busy server:
        # past the timeout the output is dropped and the app never appears.
        "--VoilaExecutor.iopub_timeout=60",
        "--MappingKernelManager.allow_tracebacks=False",
        f"--MappingKernelManager.cull_idle_timeout={options.cull_idle}",
        f"--MappingKernelManager.cull_interval={max(10, min(60, options.cull_idle // 2))}",
        "--MappingKernelManager.cull_connected=False",
        "--VoilaConfiguration.multi_kernel_manager_class=kit.limits.LimitedKernelManager",
        f"--LimitedKernelManager.max_kernels={options.max_kernels}",
        f"--LimitedKernelManager.reserve_mb={options.reserve_mb}",
    ]
    if options.preheat:
        argv += [
            "--preheat_kernel=True",
            f"--pool_size={options.pool_size}",
            f"--VoilaKernelManager.fill_delay={options.fill_delay}",
        ]
        if options.pools:
            sizes = {"default": {"pool_size": options.pool_size},
                     **{name: {"pool_size": size} for name, size in options.pools}}
            argv.append(f"--VoilaKernelManager.kernel_pools_config={json.dumps(sizes)}")
    return argv + list(options.extra)


def parse_pool(text: str, notebooks: Path) -> tuple[str, int]:
    """Read a ``--pool`` value such as ``03=30`` into (notebook file, size); plain-words errors."""
    lesson, sep, size = text.partition("=")
    if not sep or not size.strip().isdigit():
        raise ValueError(f"--pool {text!r}: write the lesson and the number of kernels, such as --pool 03=30.")
    lesson = lesson.strip()
    matches = sorted(p.name for p in notebooks.glob("*.ipynb") if p.name == lesson or p.name.startswith(f"{lesson}_"))
    if len(matches) != 1:
        raise ValueError(f"--pool {text!r}: no single lesson is called {lesson!r}; use its number, such as 03, "
                         "or its file name.")
    return matches[0], int(size)


def lab_command(port: int | None = None) -> list[str]:
    """Return the argv that opens JupyterLab on the whole kit, for self-study."""
    argv = [sys.executable, "-m", "jupyterlab", f"--ServerApp.root_dir={REPO_ROOT}"]
    if port is not None:
        argv.append(f"--port={port}")
    return argv
