"""``kit serve`` refuses new pages with a plain message when the server is full."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from kit.limits import refusal
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
