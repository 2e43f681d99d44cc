"""A simulated attendee that speaks the Jupyter protocol instead of driving a browser.

It does what an attendee's browser asks of the server, and nothing a browser
does on the attendee's own computer: fetch the Voilà page (the server runs or
hands over a preheated kernel and renders the notebook), open the kernel's
websocket (with the v1 framing the page asks for), ask for every widget's
state (as the page's widget manager does), then change one control and wait
until the kernel has finished answering.
That makes a room of 30 attendees cheap to simulate on the same machine as
the server, so the figures measure the server, not 30 copies of Chromium.
Closing the page sends the request a browser sends as a page unloads (its
kernel is shut down), with the page's XSRF cookie, as Voilà's page does.
"""

from __future__ import annotations

import asyncio
import json
import re
import struct
import time
import uuid
from datetime import datetime, timezone
from urllib.parse import urlencode
from dataclasses import dataclass, field

from jupyter_server.services.kernels.connection.base import deserialize_msg_from_ws_v1, serialize_msg_to_ws_v1
from tornado.httpclient import AsyncHTTPClient, HTTPClientError, HTTPRequest
from tornado.websocket import websocket_connect

#: The kernel websocket framing the page's JupyterLab services ask for first, and the server chooses: the server
#: passes a kernel's messages on as they are, without the legacy protocol's JSON round trip.
V1 = "v1.kernel.websocket.jupyter.org"
CONTROL_PROTOCOL = "1.0.0"  # ipywidgets' widget-control protocol, as the page's widget manager sends it
CLICK = {"method": "custom", "content": {"event": "click"}}
LOADER = "kit-chart-code-loader"  # named in kit/toolkit/static/vega_chart_loader.js
QUIET = 1.5  # seconds without a message after the kernel is idle: its background parts are all sent (under load a
#             starved background thread can be quiet for a while before its chart arrives)


@dataclass(frozen=True)
class Control:
    """One widget, found by its model and its description, an option label or a CSS class, and what to do to it."""

    model: str
    description: str = ""
    option: str = ""
    css_class: str = ""
    value: object = None  # None: click (buttons); otherwise the new value, or the option's index for choices

    def matches(self, state: dict) -> bool:
        return (state.get("_model_name") == self.model
                and (not self.description or state.get("description") == self.description)
                and (not self.option or self.option in state.get("_options_labels", ()))
                and (not self.css_class or self.css_class in state.get("_dom_classes", ())))

    def message(self, state: dict) -> dict:
        if self.value is None:
            return CLICK
        if self.option:
            return {"method": "update", "state": {"index": state["_options_labels"].index(self.option)},
                    "buffer_paths": []}
        return {"method": "update", "state": {"value": self.value}, "buffer_paths": []}


@dataclass(frozen=True)
class KernelAction:
    """The protocol form of an app's main interaction: untimed set-up, then one timed change."""

    act: Control
    prepare: tuple[Control, ...] = field(default_factory=tuple)
    answer: str = ""  # text in the kernel's widget updates that shows the answer in words; "": the first update


@dataclass(frozen=True)
class Latency:
    """Seconds from a change to the kernel's answer in words, and to its last message (chart and files sent)."""

    answer: float
    settled: float


@dataclass
class Timings:
    page: float = 0.0  # the page's HTML fully received: the notebook has run
    live: float = 0.0  # every widget's state received: the page can draw its controls
    page_kb: float = 0.0  # the size of the page's HTML
    states_kb: float = 0.0  # the size of every widget's state (the browser code of anywidget widgets included)
    code_kb: float = 0.0  # the charts' code, fetched once from kit serve when the page's charts ask for it


class Attendee:
    """One attendee's page: a kernel websocket and the widget states it reported."""

    def __init__(self, base: str, headers: dict | None = None, folder: str = ""):
        self.base = base  # the server's address: kit serve's, or a hub user's (``{hub}/user/{name}``)
        self.headers = headers or {}  # on a hub: the user's API token (``Authorization: token ...``)
        self.folder = folder  # where the lessons are under the server's root ("" for kit serve)
        self.session = uuid.uuid4().hex
        self.ws = None
        self.kernel = ""
        self.xsrf = ""
        self.states: dict[str, dict] = {}
        self.v1 = False  # whether the server chose the v1 framing (a hub's older server may not)

    async def open(self, notebook: str, timeout: float) -> Timings:
        timings = Timings()
        start = time.perf_counter()
        response = await AsyncHTTPClient().fetch(HTTPRequest(f"{self.base}/voila/render/{self.folder}{notebook}",
                                                             headers=self.headers, request_timeout=timeout))
        html = response.body.decode()
        cookies = (c.split(";", 1)[0].partition("=") for c in response.headers.get_list("Set-Cookie"))
        self.xsrf = next((value for name, _, value in cookies if name == "_xsrf"), "")
        if "Traceback" in html or "server is full" in html:
            raise RuntimeError("the page shows an error")
        timings.page = time.perf_counter() - start
        kernel = re.search(r'"kernelId":\s*"([0-9a-f-]+)"', html)
        if not kernel:
            text = re.sub(r"<[^>]+>|\s+", " ", html)
            raise RuntimeError(f"no kernel id in the page: {text.strip()[:200]}")
        self.kernel = kernel[1]
        ws_url = self.base.replace("http", "ws", 1) + f"/api/kernels/{self.kernel}/channels?session_id={self.session}"
        self.ws = await websocket_connect(HTTPRequest(ws_url, headers=self.headers, connect_timeout=timeout),
                                          max_message_size=256 * 2**20, subprotocols=[V1])
        self.v1 = self.ws.selected_subprotocol == V1
        control = uuid.uuid4().hex
        await self._send("comm_open", {"comm_id": control, "target_name": "jupyter.widget.control", "data": {}},
                         {"version": CONTROL_PROTOCOL})
        asked = await self._send("comm_msg", {"comm_id": control, "data": {"method": "request_states"}})
        reply = await self._until(lambda m: m["msg_type"] == "comm_msg" and m["parent_header"].get("msg_id") == asked
                                  and m["content"]["data"].get("method") == "update_states", timeout)
        self.states = reply["content"]["data"]["states"]
        if any(LOADER in s["state"].get("_esm", "") for s in self.states.values()):
            # The page's charts fetch their code from the server once, as the browser does.
            code = await AsyncHTTPClient().fetch(HTTPRequest(f"{self.base}/voila/labextensions/vega_chart.js",
                                                             headers=self.headers, request_timeout=timeout))
            timings.code_kb = len(code.body) / 1024
        timings.live = time.perf_counter() - start
        timings.page_kb = len(response.body) / 1024
        timings.states_kb = len(json.dumps(self.states)) / 1024
        return timings

    async def prepare(self, action: KernelAction, timeout: float) -> None:
        """The untimed set-up of ``action`` (typing a title, choosing a row)."""
        for control in action.prepare:
            await self._change(control, timeout)

    async def perform(self, action: KernelAction, timeout: float, prepared: bool = False) -> Latency:
        """Apply ``action`` (its set-up first, unless ``prepared``); time its answer and the kernel being idle."""
        if not prepared:
            await self.prepare(action, timeout)
        return await self._change(action.act, timeout, action.answer)

    async def close(self, shutdown: bool = True) -> None:
        """Close the page: its websocket, and (``shutdown``) the request that frees its kernel, as a browser does."""
        if self.ws is not None:
            self.ws.close()
        if shutdown and self.kernel:
            try:
                await AsyncHTTPClient().fetch(HTTPRequest(
                    f"{self.base}/voila/api/shutdown/{self.kernel}", method="POST",
                    body=urlencode({"_xsrf": self.xsrf}), request_timeout=60,
                    headers={**self.headers, "Cookie": f"_xsrf={self.xsrf}",
                             "Content-Type": "application/x-www-form-urlencoded"}))
            except (HTTPClientError, OSError):  # a browser's beacon is not answered either; the culler remains
                pass

    def again(self) -> Attendee:
        """The same attendee's next page (after a reload), on the same server."""
        return Attendee(self.base, self.headers, self.folder)

    async def _change(self, control: Control, timeout: float, answer: str = "") -> Latency:
        found = [(mid, s["state"]) for mid, s in self.states.items() if control.matches(s["state"])]
        if not found:
            raise LookupError(f"no {control.model} {control.description or control.option or control.css_class!r}")
        model_id, state = found[0]
        start = time.perf_counter()
        sent = await self._send("comm_msg", {"comm_id": model_id, "data": control.message(state)})
        failures: list[str] = []
        answered: list[float] = []

        def finished(message: dict) -> bool:
            if message["parent_header"].get("msg_id") != sent:
                return False
            if message["msg_type"] == "error":
                failures.append(message["content"].get("ename", "error"))
            if not answered and _is_answer(message, answer):
                answered.append(time.perf_counter() - start)
            return message["msg_type"] == "status" and message["content"]["execution_state"] == "idle"

        await self._until(finished, timeout)
        if failures:
            raise RuntimeError(f"the kernel raised {failures[0]}")
        settled = time.perf_counter() - start
        while True:  # a message after idle (a widget's late update) still counts
            try:
                message = await self._until(lambda m: m["parent_header"].get("msg_id") == sent, QUIET)
            except TimeoutError:
                break
            settled = time.perf_counter() - start
            if not answered and _is_answer(message, answer):
                answered.append(settled)
        return Latency(answered[0] if answered else settled, settled)

    async def _send(self, msg_type: str, content: dict, metadata: dict | None = None) -> str:
        msg_id = uuid.uuid4().hex
        header = {"msg_id": msg_id, "msg_type": msg_type, "session": self.session, "username": "attendee",
                  "version": "5.3", "date": datetime.now(timezone.utc).isoformat()}
        if self.v1:
            parts = [json.dumps(part).encode() for part in (header, {}, metadata or {}, content)]
            await self.ws.write_message(serialize_msg_to_ws_v1(parts, "shell"), binary=True)
        else:
            await self.ws.write_message(json.dumps({"header": header, "parent_header": {}, "metadata": metadata or {},
                                                    "content": content, "channel": "shell", "buffers": []}))
        return msg_id

    async def _until(self, predicate, timeout: float) -> dict:
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError("the kernel did not answer in time")
            raw = await asyncio.wait_for(self.ws.read_message(), remaining)
            if raw is None:
                raise ConnectionError("the kernel's websocket closed")
            if self.v1:
                message = _v1_message(raw)
            else:
                message = _binary_message(raw) if isinstance(raw, bytes) else json.loads(raw)
            if predicate(message):
                return message


def _is_answer(message: dict, text: str) -> bool:
    """Whether ``message`` is a widget update from the kernel carrying ``text`` (any update when ``text`` is "")."""
    if message["msg_type"] != "comm_msg":
        return False
    data = message["content"].get("data", {})
    return data.get("method") == "update" and (not text or text in json.dumps(data.get("state", {}),
                                                                               ensure_ascii=False))


def _v1_message(frame: bytes) -> dict:
    """A message in the v1 framing: its channel, then header, parent header, metadata, content and buffers."""
    channel, parts = deserialize_msg_from_ws_v1(frame)
    header, parent, metadata, content = (json.loads(part) for part in parts[:4])
    return {"header": header, "msg_type": header["msg_type"], "parent_header": parent, "metadata": metadata,
            "content": content, "channel": channel}


def _binary_message(frame: bytes) -> dict:
    """The JSON part of a message sent with binary buffers (jupyter_server's legacy binary framing)."""
    count = struct.unpack("!I", frame[:4])[0]
    offsets = struct.unpack(f"!{count}I", frame[4:4 + 4 * count])
    end = offsets[1] if count > 1 else len(frame)
    return json.loads(frame[offsets[0]:end])
