"""``kit serve`` refuses new pages with a plain message when the server is full."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections import namedtuple

import pytest

from kit.limits import STARTUP_SECONDS, busy_share, is_refill, refusal, wait_until_quiet
from tests.browser.conftest import _free_port


@pytest.mark.parametrize(
    ("running", "max_kernels", "available", "reserve", "expected"),
    [
        (0, 0, 100, 0, None),
        (5, 0, 10_000, 500, None),
        (1, 1, 10_000, 500, "1 page is open"),
        (30, 30, 10_000, 500, "30 pages are open"),
        (29, 30, 10_000, 500, None),
        (0, 0, 499, 500, "only 499 MB of memory is free"),
        (0, 0, 500, 500, None),
    ],
)
def test_refusal(running, max_kernels, available, reserve, expected):
    why = refusal(running, max_kernels, available, reserve)
    assert (why is None) if expected is None else (expected in why)


def test_full_server_answers_503_with_plain_message(tmp_path):
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "kit", "serve", "--port", str(port), "--no-preheat", "--max-kernels", "1"],
        env={**os.environ, "KIT_WORKSPACE": str(tmp_path)}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/voila/render/00_start_here.ipynb"
    try:
        status = None
        for _ in range(120):
            try:
                with urllib.request.urlopen(url, timeout=60) as first:
                    status = first.status
                break
            except urllib.error.URLError:
                time.sleep(0.5)
        assert status == 200
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(url, timeout=60)
        assert refused.value.code == 503
        body = refused.value.read().decode()
        refused.value.close()
        assert "The workshop server is full right now (1 page is open" in body and "Traceback" not in body
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_stopping_kit_serve_stops_voila_and_its_kernels(tmp_path):
    import psutil

    port = _free_port()
    server = subprocess.Popen([sys.executable, "-m", "kit", "serve", "--port", str(port)],
                              env={**os.environ, "KIT_WORKSPACE": str(tmp_path)},
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(120):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=10):
                    break
            except urllib.error.URLError:
                time.sleep(0.5)
        children = psutil.Process(server.pid).children(recursive=True)
        assert any("voila" in " ".join(c.cmdline()) for c in children)
        server.terminate()
        server.wait(timeout=60)
        gone, alive = psutil.wait_procs(children, timeout=60)
        assert alive == [], [" ".join(p.cmdline())[:80] for p in alive]
    finally:
        if server.poll() is None:
            server.kill()


Times = namedtuple("Times", "user system idle iowait")


def _readings(*busy_shares: float):
    """cpu_times() readings whose successive intervals have the given busy shares (100 ticks each)."""
    user, idle, out = 0.0, 0.0, [Times(0.0, 0.0, 0.0, 0.0)]
    for share in busy_shares:
        user, idle = user + 100 * share, idle + 100 * (1 - share)
        out.append(Times(user, 0.0, idle, 0.0))
    return iter(out).__next__


def test_busy_share_counts_idle_and_waiting_time_as_free():
    assert busy_share(Times(0, 0, 0, 0), Times(30, 10, 50, 10)) == pytest.approx(0.4)
    assert busy_share(Times(5, 5, 5, 5), Times(5, 5, 5, 5)) == 0.0  # no time passed


def test_a_refill_waits_while_the_machine_is_busy_then_goes():
    read = _readings(0.95, 0.9, 0.2)
    assert asyncio.run(wait_until_quiet(75, max_wait=5, interval=0, read=read)) is True
    with pytest.raises(StopIteration):
        read()  # it read exactly the three intervals: busy, busy, quiet


def test_a_refill_stops_waiting_at_its_deadline():
    read = _readings(*[1.0] * 10_000)
    started = time.monotonic()
    assert asyncio.run(wait_until_quiet(75, max_wait=0.2, interval=0.01, read=read)) is False
    assert time.monotonic() - started < 2


@pytest.mark.parametrize(("env", "uptime", "expected"), [
    ({"VOILA_PREHEAT": "True"}, STARTUP_SECONDS + 1, True),
    ({"VOILA_PREHEAT": "True"}, 1, False),  # the first fill at start-up: nobody is waiting on the CPU yet
    ({}, STARTUP_SECONDS + 1, False),  # a page someone opened, with no preheated kernel left
])
def test_only_pool_refills_after_start_up_wait(env, uptime, expected):
    assert is_refill({"env": env}, uptime) is expected
