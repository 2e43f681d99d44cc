"""``kit serve`` refuses new pages with a plain message when the server is full."""

from __future__ import annotations

import urllib.error
import urllib.request

import pytest

from kit.server import LimitedKernelManager, refusal
from tests.unit.own_loop import run_on_own_loop
from tests.browser.conftest import _free_port, start_kit_serve, stop, wait_until_ready


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


def _start_with_taken_ports(tmp_path, monkeypatch, taken_starts: int):
    """Start a kernel where the first ``taken_starts`` kernels are given a port another socket holds."""
    import socket

    from jupyter_client.connect import LocalPortCache

    holder = socket.socket()
    holder.bind(("127.0.0.1", 0))
    holder.listen()
    taken = holder.getsockname()[1]
    real_find = LocalPortCache.find_available_port
    calls = []

    def find_available_port(cache, ip):
        calls.append(ip)
        if len(calls) % 5 == 1 and len(calls) <= 5 * taken_starts:  # the shell port of each of the first starts
            return taken
        return real_find(cache, ip)

    monkeypatch.setattr(LocalPortCache, "find_available_port", find_available_port)

    async def start():
        manager = LimitedKernelManager(root_dir=str(tmp_path), reserve_mb=0, start_attempts=2)
        try:
            kernel_id = await manager.start_kernel(kernel_name="python3")
            return kernel_id, await manager._first_answer_problem(kernel_id), len(manager.list_kernels())
        finally:
            await manager.shutdown_all(now=True)

    try:
        return run_on_own_loop(start), len(calls)
    finally:
        holder.close()


def test_kernel_that_dies_at_start_is_replaced(tmp_path, monkeypatch):
    (kernel_id, problem, running), ports = _start_with_taken_ports(tmp_path, monkeypatch, taken_starts=1)
    assert problem is None and running == 1
    assert ports == 10  # two kernels were given ports: the one that died and its replacement


def test_kernel_that_keeps_dying_gives_a_plain_503(tmp_path, monkeypatch):
    from tornado.web import HTTPError

    with pytest.raises(HTTPError) as failed:
        _start_with_taken_ports(tmp_path, monkeypatch, taken_starts=2)
    assert failed.value.status_code == 503
    assert "could not start Python for this page (2 tries)" in failed.value.reason


def test_kernels_still_starting_count_towards_the_limit(tmp_path):
    import asyncio

    from tornado.web import HTTPError

    async def three_pages_at_once():
        manager = LimitedKernelManager(root_dir=str(tmp_path), reserve_mb=0, max_kernels=2)
        try:
            return await asyncio.gather(*(manager.start_kernel(kernel_name="python3") for _ in range(3)),
                                        return_exceptions=True)
        finally:
            await manager.shutdown_all(now=True)

    results = run_on_own_loop(three_pages_at_once)
    refused = [r for r in results if isinstance(r, HTTPError)]
    assert len(refused) == 1 and "2 pages are open" in refused[0].reason
    assert sum(isinstance(r, str) for r in results) == 2


def test_full_server_answers_503_with_plain_message(tmp_path):
    port = _free_port()
    log = tmp_path / "serve.log"
    server = start_kit_serve(["--port", str(port), "--no-preheat", "--max-kernels", "1"], log, tmp_path)
    url = f"http://127.0.0.1:{port}/voila/render/00_start_here.ipynb"
    try:
        wait_until_ready(server, log)  # kit serve says so once the server answers, without starting a kernel
        with urllib.request.urlopen(url, timeout=120) as first:
            assert first.status == 200
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(url, timeout=120)
        assert refused.value.code == 503
        body = refused.value.read().decode()
        refused.value.close()
        assert "The workshop server is full right now (1 page is open" in body and "Traceback" not in body
    finally:
        stop(server)


def test_stopping_kit_serve_stops_voila_and_its_kernels(tmp_path):
    import psutil

    log = tmp_path / "serve.log"
    server = start_kit_serve(["--port", str(_free_port())], log, tmp_path)
    try:
        wait_until_ready(server, log)
        children = psutil.Process(server.pid).children(recursive=True)
        assert any("voila" in " ".join(c.cmdline()) for c in children)
        server.terminate()
        server.wait(timeout=120)
        gone, alive = psutil.wait_procs(children, timeout=120)
        assert alive == [], [" ".join(p.cmdline())[:80] for p in alive]
    finally:
        if server.poll() is None:
            server.kill()
