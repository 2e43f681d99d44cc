"""A room on JupyterHub: users created, each given a token and a running server, through the hub's REST API.

Used by ``load_test.py --hub`` against the hub that ``deploy/jupyterhub/check.sh``
starts (``LOAD_USERS=20 deploy/jupyterhub/check.sh``). The hub's token must
hold the scopes ``admin:users``, ``servers``, ``tokens`` and ``access:servers``
(check_config.py gives them to its ``kit-check`` service).
"""

from __future__ import annotations

import asyncio
import json
import time
from dataclasses import dataclass

from tornado.httpclient import AsyncHTTPClient, HTTPClientError, HTTPRequest

FOLDER = "ethical-ai-kit/notebooks/"  # where kit-singleuser links the lessons in each user's home


@dataclass(frozen=True)
class HubUser:
    """One user of the hub with a running server: their name, their own API token and the seconds it took to start."""

    name: str
    token: str
    started: float

    def base(self, hub: str) -> str:
        return f"{hub}/user/{self.name}"

    def headers(self) -> dict:
        return {"Authorization": f"token {self.token}"}


async def _api(hub: str, token: str, method: str, path: str, body: dict | None = None) -> dict:
    """The hub's JSON answer ({} when the user or their server already exists)."""
    request = HTTPRequest(f"{hub}/hub/api{path}", method=method, headers={"Authorization": f"token {token}"},
                          body=None if method in ("GET", "DELETE") else json.dumps(body or {}), request_timeout=120)
    try:
        response = await AsyncHTTPClient().fetch(request)
    except HTTPClientError as problem:
        if problem.code in (400, 409):  # the user exists already, or their server is already running
            return {}
        raise RuntimeError(f"the hub answered {problem.code} to {method} {path}: "
                           f"{problem.response.body.decode()[:200] if problem.response else problem}") from None
    return json.loads(response.body or b"{}")


async def ready_user(hub: str, token: str, name: str, timeout: float) -> HubUser:
    """Create ``name`` (if new), give them a token, start their server and wait until the hub says it is ready."""
    started = time.perf_counter()
    await _api(hub, token, "POST", f"/users/{name}")
    issued = await _api(hub, token, "POST", f"/users/{name}/tokens",
                           {"note": "kit load test", "expires_in": 7200})
    await _api(hub, token, "POST", f"/users/{name}/server")
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        model = await _api(hub, token, "GET", f"/users/{name}")
        if (model.get("servers", {}).get("") or {}).get("ready"):
            return HubUser(name, issued["token"], time.perf_counter() - started)
        await asyncio.sleep(0.5)
    raise TimeoutError(f"the server of {name} was not ready within {timeout:.0f} s")


async def ready_users(hub: str, token: str, count: int, timeout: float) -> list[HubUser]:
    """``count`` users (load01, load02, ...) with running servers, all started at the same moment."""
    names = [f"load{number:02d}" for number in range(1, count + 1)]
    return list(await asyncio.gather(*(ready_user(hub, token, name, timeout) for name in names)))


async def stop_servers(hub: str, token: str, users: list[HubUser]) -> None:
    """Stop the users' servers (their kernels go with them)."""
    await asyncio.gather(*(_api(hub, token, "DELETE", f"/users/{user.name}/server") for user in users))
