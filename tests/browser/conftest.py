"""Browser tests: start ``kit serve`` once per worker and drive it in Debian's Chromium."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.browser.voila import CHROMIUM_ARGS, chromium_path

REPO = Path(__file__).resolve().parents[2]


def pytest_collection_modifyitems(items):
    for item in items:
        if Path(str(item.fspath)).parent == Path(__file__).parent:
            item.add_marker(pytest.mark.browser)
            # A real browser on a busy 2-core machine now and then misses a widget
            # update by a hair (Voilà's own first-load stall is one known cause).
            # One rerun, reported in the summary; a real failure fails twice.
            item.add_marker(pytest.mark.flaky(reruns=1, reruns_delay=2))


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Launch Debian's Chromium (Playwright's own browser download fails offline)."""
    path = chromium_path()
    if path is None:
        pytest.fail("Debian's Chromium is missing: run `sudo apt-get install -y chromium` (run-tests.sh does this).")
    return {**browser_type_launch_args, "executable_path": path, "args": CHROMIUM_ARGS}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


READY = "The kit is ready at "


def start_kit_serve(args: list[str], log: Path, workspace: Path) -> subprocess.Popen:
    """Start ``kit serve ARGS`` as a trainer would, its output (and Voilà's) in ``log``."""
    kit = shutil.which("kit", path=str(Path(sys.executable).parent)) or "kit"
    with log.open("w") as out:
        return subprocess.Popen([kit, "serve", *args], env={**os.environ, "KIT_WORKSPACE": str(workspace)},
                                stdout=out, stderr=subprocess.STDOUT, cwd=REPO)


def wait_until_ready(server: subprocess.Popen, log: Path, seconds: float = 120) -> str:
    """Wait for ``kit serve`` to say that it is ready (it does once its start page answers); return the address.

    The ceiling is generous: a loaded 2-core machine has taken over 20 s to start.
    """
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        for line in log.read_text(errors="replace").splitlines():
            if line.startswith(READY):
                return line[len(READY):].split()[0]
        if server.poll() is not None:
            raise RuntimeError(f"kit serve exited with {server.returncode}:\n{log.read_text()[-3000:]}")
        time.sleep(0.25)
    raise RuntimeError(f"kit serve did not say it was ready within {seconds} s:\n{log.read_text()[-3000:]}")


def stop(server: subprocess.Popen) -> None:
    """Stop ``kit serve`` as Ctrl+C would (it stops Voilà, which shuts its kernels down)."""
    server.terminate()
    try:
        server.wait(timeout=120)
    except subprocess.TimeoutExpired:
        server.kill()


@pytest.fixture(scope="session")
def workspace_root(tmp_path_factory) -> Path:
    """An empty workspace folder, so tests never touch a real attendee's work."""
    return tmp_path_factory.mktemp("workspace")


@pytest.fixture(scope="session")
def kit_server_log(tmp_path_factory) -> Path:
    """Where the browser tests' ``kit serve`` writes its output and Voilà's log."""
    return tmp_path_factory.mktemp("serve") / "voila.log"


@pytest.fixture(scope="session")
def kit_server(kit_server_log, workspace_root):
    """Run ``kit serve`` as ./start-workshop.sh does (no relaxed setting) on a free port; yield its base URL."""
    port = _free_port()
    server = start_kit_serve(["--port", str(port)], kit_server_log, workspace_root)
    try:
        wait_until_ready(server, kit_server_log)
        yield f"http://127.0.0.1:{port}"
    finally:
        stop(server)


@pytest.fixture()
def watched(page):
    """The page, failing the test if any script the attendee typed ever runs."""
    page.on("dialog", lambda dialog: pytest.fail(f"a script ran in the page: {dialog.message}"))
    return page


@pytest.fixture()
def context_options():
    return {"viewport": {"width": 1280, "height": 900}}
