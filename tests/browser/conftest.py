"""Browser tests: start ``kit serve`` once per worker and drive it in Debian's Chromium."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
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


def _wait_for(url: str, server: subprocess.Popen, log: Path, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"kit serve exited with {server.returncode}:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError(f"kit serve did not answer on {url} within {seconds} s:\n{log.read_text()[-3000:]}")


@pytest.fixture(scope="session")
def workspace_root(tmp_path_factory) -> Path:
    """An empty workspace folder, so tests never touch a real attendee's work."""
    return tmp_path_factory.mktemp("workspace")


@pytest.fixture(scope="session")
def kit_server(tmp_path_factory, workspace_root):
    """Run ``kit serve`` exactly as a trainer would, on a free port; yield its base URL."""
    port = _free_port()
    log = tmp_path_factory.mktemp("serve") / "voila.log"
    env = {**os.environ, "KIT_WORKSPACE": str(workspace_root)}
    kit = shutil.which("kit", path=str(Path(sys.executable).parent)) or "kit"
    # Test-only: let `page.close(run_before_unload=True)` shut kernels down (Voilà's
    # unload request lacks the XSRF token, an upstream issue).
    command = [kit, "serve", "--port", str(port), "--voila-arg=--Voila.tornado_settings={'disable_check_xsrf': True}"]
    with log.open("w") as out:
        server = subprocess.Popen(command, env=env, stdout=out, stderr=subprocess.STDOUT, cwd=REPO)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_for(f"{base}/", server, log)
        yield base
    finally:
        server.terminate()
        try:
            server.wait(timeout=60)
        except subprocess.TimeoutExpired:
            server.kill()


@pytest.fixture()
def context_options():
    return {"viewport": {"width": 1280, "height": 900}}
