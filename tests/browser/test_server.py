"""A closed or reloaded page frees its kernel within seconds, on the server ./start-workshop.sh runs.

The server keeps a preheated kernel per lesson, so the tests follow the kernel
of their own page (its id is in the page's configuration) through the
server's kernel API, ``GET /api/kernels/<id>``: 200 while it runs, 404 once
it is gone. XSRF checking is on, as for a trainer (tests/unit/test_serve.py
checks that a shutdown request without the page's token is still refused).

A page is closed as a tab is in a browser that stays open: the browser
context outlives it. A browser that quits at once may never send the page's
request; the idle culler (``--cull-idle``) reclaims those kernels.
"""

from __future__ import annotations

import time

import zmq

from tests.browser.voila import kernel_running, open_app, page_kernel, wait_for_widgets

LESSON = "02_ethics_pillars.ipynb"
GONE_WITHIN_S = 30  # generous: the page's request is sent as it unloads, and answered in milliseconds


def wait_until_gone(base: str, kernel: str) -> None:
    deadline = time.monotonic() + GONE_WITHIN_S
    while kernel_running(base, kernel):
        assert time.monotonic() < deadline, f"kernel {kernel} still runs {GONE_WITHIN_S} s after its page went"
        time.sleep(0.25)


def test_closing_a_page_frees_its_kernel(kit_server, page):
    open_app(page, kit_server, LESSON)
    kernel = page_kernel(page)
    assert kernel_running(kit_server, kernel)
    page.close(run_before_unload=True)
    wait_until_gone(kit_server, kernel)


def test_reloading_a_page_frees_its_old_kernel(kit_server, page):
    open_app(page, kit_server, LESSON)
    first = page_kernel(page)
    page.reload()
    wait_for_widgets(page)
    second = page_kernel(page)
    assert second != first and kernel_running(kit_server, second)
    wait_until_gone(kit_server, first)


def test_the_server_log_is_quiet(kit_server, page, kit_server_log):
    open_app(page, kit_server, LESSON)  # at least one page rendered, so its warnings would be in the log
    log = kit_server_log.read_text(errors="replace")
    noises = ["not recognized", "is not trusted", "'_xsrf' argument missing"]
    if zmq.has("curve"):  # kit serve encrypts kernel traffic only where pyzmq can
        noises.append("without encryption")
    for noise in noises:
        assert noise not in log, f"{noise!r} in the log of kit serve"
