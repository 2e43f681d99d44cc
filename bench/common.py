"""Shared helpers for the benchmarks: start ``kit serve``, open pages in Chromium, read memory."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import nbformat
import psutil

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from kit.paths import NOTEBOOKS_DIR  # noqa: E402
from tests.browser.voila import CHROMIUM_ARGS, WIDGETS, chromium_path, wait_for_widgets  # noqa: E402,F401 (WIDGETS: for load_test)

BASELINE = "zz_empty_baseline.ipynb"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def notebooks_with_baseline() -> Path:
    """A temporary copy of the lessons plus an empty notebook (one button) as the baseline."""
    folder = Path(tempfile.mkdtemp(prefix="kit-bench-"))
    for path in sorted(NOTEBOOKS_DIR.glob("*.ipynb")):
        shutil.copy(path, folder / path.name)
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("import ipywidgets\nipywidgets.Button(description='Baseline')")]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, folder / BASELINE)
    return folder


@contextmanager
def kit_server(folder: Path, preheat: bool, extra: tuple[str, ...] = ()):
    """Run ``kit serve`` on ``folder`` with ``extra`` options; yield (base URL, server process, log path)."""
    port = free_port()
    workspace = tempfile.mkdtemp(prefix="kit-bench-ws-")
    argv = [sys.executable, "-m", "kit", "serve", "--port", str(port), "--notebooks", str(folder),
            *([] if preheat else ["--no-preheat"]), *extra]
    log = open(Path(workspace) / "serve.log", "w")
    server = subprocess.Popen(argv, env={**os.environ, "KIT_WORKSPACE": workspace}, stdout=log,
                              stderr=subprocess.STDOUT, preexec_fn=normal_priority)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(240):
            if server.poll() is not None:
                raise RuntimeError(f"kit serve stopped: {(Path(workspace) / 'serve.log').read_text()[-2000:]}")
            try:
                urllib.request.urlopen(base + "/", timeout=2)
                break
            except OSError:
                time.sleep(0.5)
        else:
            raise TimeoutError(f"kit serve did not answer on {base} within 2 minutes")
        yield base, server, Path(workspace) / "serve.log"
    finally:
        stop_tree(server)
        log.close()
        shutil.copy(Path(workspace) / "serve.log", Path(tempfile.gettempdir()) / "kit-bench-last-serve.log")
        shutil.rmtree(workspace, ignore_errors=True)


def normal_priority() -> None:
    """Run the server at the normal CPU priority, whatever the benchmark's own (see load_test.attendees_first)."""
    os.setpriority(os.PRIO_PROCESS, 0, 0)


def stop_tree(server: subprocess.Popen, grace: float = 120) -> None:
    """Stop ``server``; a room of kernels may take a while to shut down, and whatever is left then is killed."""
    tree = [psutil.Process(server.pid), *psutil.Process(server.pid).children(recursive=True)]
    server.terminate()
    _, alive = psutil.wait_procs(tree, timeout=grace)
    for proc in alive:
        proc.kill()
    server.wait(timeout=30)


def wait_for_pools(log: Path, notebooks: list[str], server: subprocess.Popen, timeout: float = 900) -> None:
    """Wait until every notebook's preheated kernels have started and finished running it.

    Voilà logs "Kernel pool of X is filled" once the kernels have *started*;
    they then run the notebook, which takes seconds of CPU. A page that
    arrives meanwhile waits for that run, so the server must also settle.
    """
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        text = log.read_text(errors="replace")
        if all(f"Kernel pool of {name} is filled" in text for name in notebooks):
            wait_until_settled(server, timeout=deadline - time.monotonic())
            return
        time.sleep(1)
    raise TimeoutError("kernel pools did not fill")


#: What an idle kernel uses (% of one core): its threads wake now and then (the parent poller every second).
IDLE_PERCENT = 0.2


def wait_until_settled(server: subprocess.Popen, timeout: float = 300, busy_percent: float = 10,
                       quiet_seconds: int = 3) -> None:
    """Wait until the server and its kernels use under ``busy_percent`` of one core, beyond what their processes
    use when idle (96 idle kernels use about 10%), for ``quiet_seconds`` in a row."""
    deadline = time.monotonic() + timeout
    quiet = 0
    while quiet < quiet_seconds:
        if time.monotonic() > deadline:
            raise TimeoutError("the server stayed busy")
        processes = [psutil.Process(server.pid), *psutil.Process(server.pid).children(recursive=True)]
        for proc in processes:
            _cpu_percent(proc)
        time.sleep(1)
        idle = IDLE_PERCENT * len(processes)
        quiet = quiet + 1 if sum(_cpu_percent(proc) for proc in processes) < busy_percent + idle else 0


def _cpu_percent(proc: psutil.Process) -> float:
    try:
        return proc.cpu_percent(None)
    except psutil.Error:
        return 0.0


def kernel_rss_mb(server: subprocess.Popen) -> dict[int, float]:
    """Resident memory (MB) of each kernel process started by the server."""
    out = {}
    for child in psutil.Process(server.pid).children(recursive=True):
        try:
            if "ipykernel" in " ".join(child.cmdline()):
                out[child.pid] = child.memory_info().rss / 2**20
        except psutil.Error:
            continue
    return out


def server_rss_mb(server: subprocess.Popen) -> float:
    """Resident memory (MB) of the server and everything it started."""
    total = 0.0
    for proc in [psutil.Process(server.pid), *psutil.Process(server.pid).children(recursive=True)]:
        try:
            total += proc.memory_info().rss
        except psutil.Error:
            continue
    return total / 2**20


def cpu_seconds(server) -> dict[str, float]:
    """CPU seconds used so far by ``server`` itself, its kernels' main threads, their other threads
    (messages out) and this process (the simulated attendees)."""
    used = {"server": 0.0, "kernel main threads": 0.0, "kernel other threads": 0.0, "load test": 0.0}
    root = psutil.Process(server.pid)
    for proc in [root, *root.children(recursive=True)]:
        try:
            if proc.pid == root.pid or "ipykernel" not in " ".join(proc.cmdline()):
                used["server"] += sum(proc.cpu_times()[:2])
                continue
            for thread in proc.threads():
                key = "kernel main threads" if thread.id == proc.pid else "kernel other threads"
                used[key] += thread.user_time + thread.system_time
        except psutil.Error:
            continue
    used["load test"] = sum(psutil.Process().cpu_times()[:2])
    return used


def launch(playwright):
    return playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)


def answer_route(route):
    """Let local requests through; answer the rest (the lab template's CDN fonts) with an empty reply."""
    if route.request.url.startswith(("http://127.0.0.1", "data:", "blob:")):
        return route.continue_()
    return route.fulfill(status=200, body="", content_type="text/css")


def block_external(page) -> None:
    page.route("**/*", answer_route)


def timed_open(browser, url: str) -> tuple[float, object]:
    """Seconds from navigation to the first widget visible; returns (seconds, page)."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    block_external(page)
    start = time.perf_counter()
    page.goto(url, timeout=180_000)
    wait_for_widgets(page)
    return time.perf_counter() - start, page
