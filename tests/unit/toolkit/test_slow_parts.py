"""Slow parts (charts, files) are made after the words: in the background, newest request only, at a lower priority."""

from __future__ import annotations

import os
import sys
import threading
import types

import ipywidgets as widgets
import pytest

from kit.toolkit import StagedHTML, _slow_parts
from kit.toolkit._slow_parts import FAILED, SlowPartWorker, answering_a_change, fill_later, lower_priority


def test_made_at_once_outside_a_kernel():
    box = widgets.HTML()
    fill_later(box, lambda: "<figure>chart</figure>")
    assert box.value == "<figure>chart</figure>"


def test_a_failure_outside_a_kernel_reaches_the_callbacks_guard():
    with pytest.raises(RuntimeError):
        fill_later(widgets.HTML(), lambda: (_ for _ in ()).throw(RuntimeError("broken chart")))


def test_the_worker_makes_only_the_newest_request_per_box_in_the_order_asked():
    worker, first, second, made = SlowPartWorker(nicer_by=0), widgets.HTML(), widgets.HTML(), []
    started, gate = threading.Event(), threading.Event()

    def make(name: str):
        def run() -> str:
            made.append(name)
            return name
        return run

    def blocker() -> str:  # keeps the worker busy while the rest queue up
        started.set()
        gate.wait(10)
        return "busy"

    worker.submit(widgets.HTML(), blocker)
    assert started.wait(10)
    worker.submit(first, make("old files"))
    worker.submit(second, make("old chart"))
    worker.submit(first, make("new files"))
    worker.submit(second, make("new chart"))
    gate.set()
    assert worker.wait(30)
    assert made == ["new files", "new chart"]
    assert (first.value, second.value) == ("new files", "new chart")


def test_a_failed_part_is_a_plain_notice_and_the_worker_goes_on():
    worker, broken, fine = SlowPartWorker(nicer_by=0), widgets.HTML(), widgets.HTML()
    worker.submit(broken, lambda: 1 / 0)
    worker.submit(fine, lambda: "<p>ok</p>")
    assert worker.wait(30)
    assert FAILED in broken.value and "Traceback" not in broken.value
    assert fine.value == "<p>ok</p>"


def test_the_worker_keeps_the_context_of_the_change_it_answers():
    import contextvars

    asked_by = contextvars.ContextVar("asked_by", default="nobody")
    worker, box = SlowPartWorker(nicer_by=0), widgets.HTML()
    token = asked_by.set("message 7")  # as ipykernel sets the parent message for the change being answered
    worker.submit(box, lambda: asked_by.get())
    asked_by.reset(token)
    assert worker.wait(30)
    assert box.value == "message 7"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="per-thread nice levels are a Linux feature")
def test_the_worker_thread_runs_nicer_than_the_kernel():
    seen = {}

    def check():
        before = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
        seen["lowered"] = lower_priority(5)
        seen["change"] = os.getpriority(os.PRIO_PROCESS, threading.get_native_id()) - before

    thread = threading.Thread(target=check)
    thread.start()
    thread.join()
    assert seen["lowered"] and seen["change"] == min(5, 19 - os.getpriority(os.PRIO_PROCESS, 0))
    assert os.getpriority(os.PRIO_PROCESS, threading.get_native_id()) == os.getpriority(os.PRIO_PROCESS, 0)


def _fake_kernel(monkeypatch, msg_type: str | None) -> None:
    parent = {"header": {"msg_type": msg_type}} if msg_type else {}
    shell = types.SimpleNamespace(kernel=types.SimpleNamespace(get_parent=lambda: parent))
    monkeypatch.setattr("IPython.get_ipython", lambda: shell)


@pytest.mark.parametrize("msg_type, background", [("comm_msg", True), ("execute_request", False), (None, False)])
def test_only_a_widget_change_in_a_kernel_goes_to_the_background(monkeypatch, msg_type, background):
    _fake_kernel(monkeypatch, msg_type)
    assert answering_a_change() is background


def test_a_staged_view_answering_a_change_sends_words_then_the_chart(monkeypatch):
    _fake_kernel(monkeypatch, "comm_msg")
    worker = SlowPartWorker(nicer_by=0)
    monkeypatch.setattr(_slow_parts, "WORKER", worker)
    # ipykernel's loop is not running here (another test's may be): ask at once, as after the change
    monkeypatch.setattr(_slow_parts, "after_this_change", lambda function, *args: function(*args))
    gate = threading.Event()
    view = StagedHTML()

    def chart() -> str:
        gate.wait(10)
        return "<figure>new</figure>"

    view.show(["<p>answer</p>", chart])
    assert view.children[0].value == "<p>answer</p>"  # on show while the chart is still being drawn
    gate.set()
    assert worker.wait(30)
    assert view.value == "<p>answer</p><figure>new</figure>"


def test_in_a_running_loop_the_part_is_asked_for_after_the_change_is_answered():
    import asyncio

    order = []

    async def handler():  # as ipykernel's dispatch: the handler, then "idle", then the loop's next callback
        _slow_parts.after_this_change(order.append, "slow part asked for")
        order.append("words and idle sent")
        await asyncio.sleep(0)

    def in_a_thread(work) -> None:  # a fresh thread: no event loop of another test runs in it
        thread = threading.Thread(target=work)
        thread.start()
        thread.join(30)

    in_a_thread(lambda: asyncio.run(handler()))
    assert order == ["words and idle sent", "slow part asked for"]
    in_a_thread(lambda: _slow_parts.after_this_change(order.append, "outside a loop: at once"))
    assert order[-1] == "outside a loop: at once"


def test_the_worker_waits_until_the_kernels_output_thread_has_sent_the_words(monkeypatch):
    queued: list = []
    output = types.SimpleNamespace(schedule=queued.append)
    shell = types.SimpleNamespace(kernel=types.SimpleNamespace(get_parent=lambda: {}, iopub_thread=output))
    monkeypatch.setattr("IPython.get_ipython", lambda: shell)
    worker, box = SlowPartWorker(nicer_by=0), widgets.HTML()
    worker.submit(box, lambda: "chart")
    assert not worker.wait(0.3) and box.value == ""  # the output thread has not run what was queued yet
    queued[0]()  # it sends the words, then runs what the worker scheduled
    assert worker.wait(30) and box.value == "chart"


def test_a_kernel_shutting_down_sends_nothing_more():
    worker, drawing, queued = SlowPartWorker(nicer_by=0), widgets.HTML(), widgets.HTML()
    started, gate = threading.Event(), threading.Event()

    def chart() -> str:
        started.set()
        gate.wait(10)
        return "<figure>late</figure>"

    worker.submit(drawing, chart)
    assert started.wait(10)
    worker.submit(queued, lambda: "<p>never made</p>")
    worker.stop()  # as at exit: the page has gone while its chart was being drawn
    gate.set()
    worker.submit(widgets.HTML(), lambda: "<p>refused</p>")
    assert worker.wait(30)
    assert drawing.value == "" and queued.value == ""
