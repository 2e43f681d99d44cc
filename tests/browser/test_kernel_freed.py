"""With ``kit serve --room``, a reloaded or closed page frees its kernel, and the page got a warm one.

A room's server keeps kernels warm and hands one to each page as it opens;
the page's "close" request (sent as it unloads, with the XSRF token the
server checks) must free that kernel, or a room that reloads its pages runs
out of memory. The tests follow the page's own kernel through the server's
kernel API (``GET /api/kernels/<id>``: 200 while it runs, 404 once gone). The
wait has a generous ceiling; how fast it goes is measured by the load test
(``bench/load_test.py --scenario reload-30``), not here.
"""

from __future__ import annotations

import re
import time

import pytest

from tests.browser.conftest import _free_port, start_kit_serve, stop, wait_until_ready
from tests.browser.voila import kernel_running, open_app, page_kernel, wait_for_widgets

AGENDA = "SMB leadership half day"  # six lessons: a small room warms six kernels
LESSON = "01_strategy_and_use_cases.ipynb"  # the agenda's first lesson after the start page
CEILING_S = 120  # a ceiling for a busy machine, not a speed target


def wait_for_log(log, pattern: str, seconds: float = 600) -> re.Match:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = re.search(pattern, log.read_text(errors="replace"))
        if found:
            return found
        time.sleep(0.5)
    raise AssertionError(f"{pattern!r} never appeared in the log of kit serve:\n{log.read_text()[-3000:]}")


@pytest.fixture(scope="module")
def room_server(tmp_path_factory):
    """``kit serve --room 1`` for a short agenda, once its warm kernels are ready; yields (base URL, log)."""
    folder = tmp_path_factory.mktemp("room")
    log = folder / "serve.log"
    port = _free_port()
    server = start_kit_serve(["--port", str(port), "--room", "1", "--agenda", AGENDA], log, folder / "workspace")
    try:
        wait_until_ready(server, log)
        wait_for_log(log, r"The room is ready: \d+ kernels are warm")
        yield f"http://127.0.0.1:{port}", log
    finally:
        stop(server)


def wait_until_gone(base: str, kernel: str) -> None:
    deadline = time.monotonic() + CEILING_S
    while kernel_running(base, kernel):
        assert time.monotonic() < deadline, f"kernel {kernel} still runs {CEILING_S} s after its page went"
        time.sleep(0.25)


def test_the_room_is_sized_and_prepared_in_plain_words(room_server):
    _, log = room_server
    text = log.read_text(errors="replace")
    assert f'Room of 1 for the agenda "{AGENDA}" (6 lessons)' in text and "can hold about" in text
    assert "DeprecationWarning" not in text and "Traceback" not in text


def test_a_reloaded_page_frees_the_warm_kernel_it_was_given(room_server, page):
    base, log = room_server
    open_app(page, base, LESSON)
    first = page_kernel(page)
    wait_for_log(log, rf"Using pre-heated kernel: {first} for {re.escape(LESSON)}", 60)
    page.reload()
    wait_for_widgets(page)
    second = page_kernel(page)
    assert second != first and kernel_running(base, second)
    wait_until_gone(base, first)


def test_a_closed_page_frees_its_kernel(room_server, page):
    base, _ = room_server
    open_app(page, base, LESSON)
    kernel = page_kernel(page)
    page.close(run_before_unload=True)
    wait_until_gone(base, kernel)
