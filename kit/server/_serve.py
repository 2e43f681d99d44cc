"""The Voilà and JupyterLab command lines the kit starts, built in one place, and the checks around them."""

from __future__ import annotations

import errno
import http.client
import json
import os
import socket
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import zmq

from kit.paths import NOTEBOOKS_DIR, REPO_ROOT, SERVED_CODE_DIR, SERVED_CODE_ENV
from kit.server._room import RoomPlan

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
    cull_idle : seconds after which a kernel with no open tab is shut down. Closing or
        reloading a page frees its kernel at once; this reclaims the kernels of pages
        that could not say so (a browser that crashed, a laptop put to sleep).
    max_kernels : most open pages at once (0: no limit); past it, or with less than
        ``reserve_mb`` of memory free, a new page gets a plain "server is full" message.
    room : ``kit serve --room N``'s plan (``kit.server.RoomPlan``): kernels warmed for the
        agenda's lessons, a few at a time, following the room; None keeps the pools above.
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
    room: RoomPlan | None = None
    notebooks: Path = NOTEBOOKS_DIR
    extra: tuple[str, ...] = field(default_factory=tuple)

    def url(self) -> str:
        """The address to open: the start page, or the folder's list when it has none."""
        host = "localhost" if self.ip in ("127.0.0.1", "0.0.0.0") else self.ip
        return f"http://{host}:{self.port}/" + (f"voila/render/{START_PAGE}" if self._has_start_page() else "")

    def probe_url(self) -> str:
        """An address that answers once the start page does, without starting a kernel for it."""
        host = "127.0.0.1" if self.ip in ("0.0.0.0", "") else self.ip
        page = START_PAGE if self._has_start_page() else ""
        return f"http://{host}:{self.port}/voila/api/contents/{page}?content=0"

    def _has_start_page(self) -> bool:
        return (self.notebooks / START_PAGE).is_file()


def voila_command(options: ServeOptions) -> list[str]:
    """Return the argv that serves every lesson with Voilà under ``options``."""
    argv = [
        sys.executable, "-m", "voila", str(options.notebooks),
        "--no-browser",
        f"--port={options.port}",
        f"--Voila.ip={options.ip}",
        "--Voila.port_retries=0",
        "--VoilaConfiguration.show_tracebacks=False",
        # Serve the charts' browser code as a file, fetched once per page (see voila_environment).
        f"--VoilaConfiguration.extra_labextensions_path={SERVED_CODE_DIR}",
        # Give each page the cookie its "close" request needs (kit/server/_xsrf.py).
        "--Voila.identity_provider_class=kit.server._xsrf.XsrfCookieIdentityProvider",
        # Wait longer than nbclient's 4 s for a cell's output on a busy server:
        # past the timeout the output is dropped and the app never appears.
        "--VoilaExecutor.iopub_timeout=60",
        "--MappingKernelManager.allow_tracebacks=False",
        f"--MappingKernelManager.cull_idle_timeout={options.cull_idle}",
        f"--MappingKernelManager.cull_interval={max(10, min(60, options.cull_idle // 2))}",
        "--MappingKernelManager.cull_connected=False",
        "--VoilaConfiguration.multi_kernel_manager_class=kit.server._limits.LimitedKernelManager",
        f"--LimitedKernelManager.max_kernels={options.max_kernels}",
        f"--LimitedKernelManager.reserve_mb={options.reserve_mb}",
    ]
    if zmq.has("curve"):
        # Encrypt the traffic between the server and its kernels (CurveZMQ) for every
        # kernel that supports it; without it each kernel warns that it runs "over TCP
        # without encryption". Where pyzmq lacks Curve the option would stop every kernel.
        argv.append("--KernelManager.transport_encryption=auto")
    if options.preheat:
        argv += [
            "--preheat_kernel=True",
            f"--pool_size={options.pool_size}",
            f"--VoilaKernelManager.fill_delay={options.fill_delay}",
        ]
        if options.room:
            # The kernel manager sets the pools from the room's plan (lessons outside the agenda
            # start a kernel when their page opens), so pool_size above is ignored.
            argv.append(f"--LimitedKernelManager.room={json.dumps(options.room.manager_config(dict(options.pools)))}")
        elif options.pools:
            sizes = {"default": {"pool_size": options.pool_size},
                     **{name: {"pool_size": size} for name, size in options.pools}}
            argv.append(f"--VoilaKernelManager.kernel_pools_config={json.dumps(sizes)}")
    return argv + list(options.extra)


def voila_environment() -> dict[str, str]:
    """The environment Voilà and its kernels run in: this one, with charts fetching their code by URL.

    Without the marker a chart carries its 900 KB of Vega code in its widget state, once per chart on
    every page; with it the page fetches the file that ``voila_command`` serves, once. JupyterLab, the
    hub and Binder do not set it, so their charts keep carrying their code.
    """
    return {**os.environ, SERVED_CODE_ENV: "1"}


def parse_pool(text: str, notebooks: Path) -> tuple[str, int]:
    """Read a ``--pool`` value such as ``bias=30`` or ``03=30`` into (notebook file, size); plain-words errors.

    The lesson is named by its id in ``lessons.yaml``, its number or its file name.
    """
    from kit.workshop import lessons

    name, sep, size = text.partition("=")
    if not sep or not size.strip().isdigit():
        raise ValueError(f"--pool {text!r}: write the lesson and the number of kernels, such as --pool bias=30 "
                         "or --pool 03=30.")
    name = name.strip()
    named = {item.file for item in lessons() if name in (item.id, item.number, item.file, item.stem)}
    matches = sorted(p.name for p in notebooks.glob("*.ipynb")
                     if p.name in named or not named and (p.name == name or p.name.startswith(f"{name}_")))
    if len(matches) != 1:
        raise ValueError(f"--pool {text!r}: no single lesson is called {name!r}; use its id, such as bias, its "
                         "number, such as 03, or its file name.")
    return matches[0], int(size)


def lab_command(port: int | None = None) -> list[str]:
    """Return the argv that opens JupyterLab on the whole kit, for self-study."""
    argv = [sys.executable, "-m", "jupyterlab", f"--ServerApp.root_dir={REPO_ROOT}"]
    if port is not None:
        argv.append(f"--port={port}")
    return argv


def trust_lessons(folder: Path = NOTEBOOKS_DIR) -> None:
    """Mark the kit's lessons as trusted on this machine, as ``jupyter trust`` would.

    Jupyter's notary warns "Notebook ... is not trusted" each time Voilà renders
    an unsigned notebook. The lessons are the kit's own, so ``kit serve`` signs
    each version once (in the user's Jupyter data folder); it leaves a folder
    given with ``--notebooks`` as it is. A signature store that cannot be written
    (read-only home, locked database) only leaves the warnings in the log.
    """
    import sqlite3

    import nbformat
    from nbformat.sign import NotebookNotary

    try:
        with NotebookNotary() as notary:
            for path in sorted(folder.glob("*.ipynb")):
                lesson = nbformat.read(path, as_version=4)
                if not notary.check_signature(lesson):
                    notary.sign(lesson)
    except (OSError, sqlite3.Error):
        pass


def port_problem(ip: str, port: int) -> str | None:
    """Why Voilà could not listen on ``ip:port``, in one plain sentence, or None when it can.

    Checked before Voilà starts: Voilà itself says it is "trying another port"
    and then stops with a critical error that names no port.
    """
    taken = _bind_error(ip, port)
    if taken is None:
        return None
    if taken.errno not in (errno.EADDRINUSE, getattr(errno, "WSAEADDRINUSE", None)):
        return f"cannot listen on {ip}, port {port} ({taken.strerror}); check --ip and --port."
    free = next((p for p in range(port + 1, port + 50) if _bind_error(ip, p) is None), None)
    such_as = f", such as --port {free}" if free else " with --port"
    return (f"Port {port} is already in use (another server is running on it). "
            f"Stop that server, or choose another port{such_as}.")


def _bind_error(ip: str, port: int) -> OSError | None:
    """The error binding every address of ``ip:port`` raises, as Tornado binds them, or None."""
    try:
        addresses = {info[::4] for info in socket.getaddrinfo(ip or None, port, 0, socket.SOCK_STREAM, 0,
                                                              socket.AI_PASSIVE)}
    except OSError as error:
        return error
    for family, address in addresses:
        with socket.socket(family, socket.SOCK_STREAM) as sock:
            if os.name != "nt":  # as Tornado: a port left in TIME_WAIT by a server just stopped is free
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            if family == socket.AF_INET6:
                sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
            try:
                sock.bind(address)
            except OSError as error:
                return error
    return None


def wait_until_answering(url: str, server, say: Callable[[str], None], every: float = 10) -> bool:
    """Wait until ``url`` answers or ``server`` (a Popen) stops; True when it answered.

    Calls ``say`` with a progress line every ``every`` seconds meanwhile. Any
    HTTP reply counts: the server is listening and serving pages.
    """
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # never ask a proxy about localhost
    started = time.monotonic()
    note = started + every
    while server.poll() is None:
        try:
            with opener.open(url, timeout=10):
                return True
        except urllib.error.HTTPError:
            return True
        except (OSError, http.client.HTTPException):  # not listening yet, a half-open connection, or busy
            pass
        if time.monotonic() >= note:
            say(f"  still starting ({time.monotonic() - started:.0f} s)...")
            note += every
        time.sleep(0.5)
    return False


def descendants(pid: int) -> list:
    """The processes ``pid`` started, and theirs (Voilà's kernels), as psutil processes; [] once it is gone."""
    import psutil

    try:
        return psutil.Process(pid).children(recursive=True)
    except psutil.Error:
        return []


def stop_leftovers(processes: list, grace: float = 10) -> None:
    """End the processes still running from ``processes``: politely, then firmly after ``grace`` seconds.

    Voilà stops its kernels when it is stopped, except a kernel it was still
    starting at that moment, which would live on without a server.
    """
    import psutil

    alive = [p for p in processes if p.is_running()]
    for process in alive:
        try:
            process.terminate()
        except psutil.Error:
            pass
    _gone, still = psutil.wait_procs(alive, timeout=grace)
    for process in still:
        try:
            process.kill()
        except psutil.Error:
            pass
