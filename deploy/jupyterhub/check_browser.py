"""Drive the hub that check.sh started: log in, render the start page, check limits and the culler.

Run by check.sh with a Python that has Playwright (and Debian's Chromium on the
machine); it talks only to the hub on 127.0.0.1. Prints one line per check and
exits non-zero at the first failure, naming what went wrong.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import psutil

START = "voila/render/ethical-ai-kit/notebooks/00_start_here.ipynb"
ORGANISATION = "Hub check <b>& Co</b>"
TIMEOUT_MS = 240_000  # a first login spawns a server, then Voilà runs the page


class CheckFailed(Exception):
    """A check that did not pass, with what to look at."""


def step(message: str, started: float) -> None:
    print(f"  ok  {message} ({time.monotonic() - started:.1f} s)", flush=True)


def api(hub: str, token: str, path: str) -> dict:
    request = urllib.request.Request(f"{hub}/hub/api{path}", headers={"Authorization": f"token {token}"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.load(response)


def check_culler_service(hub: str, token: str) -> int:
    """The idle culler runs as a hub-managed service; return its pid."""
    service = api(hub, token, "/services/jupyterhub-idle-culler-service")
    pid = service.get("pid") or 0
    if not pid or not psutil.pid_exists(pid):
        raise CheckFailed(f"the idle-culler service is not running (hub reports pid {pid}); see hub.log")
    if "jupyterhub_idle_culler" not in " ".join(psutil.Process(pid).cmdline()):
        raise CheckFailed(f"pid {pid} is not the idle culler: {psutil.Process(pid).cmdline()}")
    return pid


def refuses_wrong_password(context, hub: str, user: str, password: str) -> None:
    page = context.new_page()
    page.goto(f"{hub}/hub/login", timeout=60_000)
    page.fill("#username_input", user)
    page.fill("#password_input", password + "-wrong")
    page.click("#login_submit")
    page.get_by_text("Invalid username or password").wait_for(timeout=30_000)
    page.close()


def log_in(page, hub: str, user: str, password: str) -> None:
    """Logging in starts the user's server, which opens the Voilà start page."""
    page.goto(f"{hub}/hub/login", timeout=60_000)
    page.fill("#username_input", user)
    page.fill("#password_input", password)
    page.click("#login_submit")
    page.wait_for_url(f"**/user/{user}/{START}*", timeout=TIMEOUT_MS)


def server_processes(hub: str, token: str, user: str) -> psutil.Process:
    """The user's running single-user server, from the spawner state the hub keeps."""
    model = api(hub, token, f"/users/{user}")
    server = model.get("servers", {}).get("")
    if not server or not server.get("ready"):
        raise CheckFailed(f"the hub does not list a ready server for {user}: {model.get('servers')}")
    pid = server.get("state", {}).get("pid")
    if not pid or not psutil.pid_exists(pid):
        raise CheckFailed(f"the server of {user} has no live process (state {server.get('state')})")
    return psutil.Process(pid)


def check_environment(process: psutil.Process, home: Path, mem_limit: str) -> None:
    env = process.environ()
    want = {"KIT_WORKSPACE": str(home / "ethical-ai-kit-workspace"), "MEM_LIMIT": mem_limit,
            "JUPYTERHUB_DEFAULT_URL": f"/{START}"}
    wrong = {key: env.get(key) for key, value in want.items() if env.get(key) != value}
    if wrong:
        raise CheckFailed(f"the user server's environment is not as configured: got {wrong}, want {want}")
    leaked = [key for key in ("CHECK_PASSWORD", "CHECK_TOKEN") if key in env]
    if leaked:
        raise CheckFailed(f"the hub's secrets reached the user's server: {leaked}")


def wait_until_culled(hub: str, token: str, user: str, deadline_s: float) -> float:
    began = time.monotonic()
    while time.monotonic() - began < deadline_s:
        if not api(hub, token, f"/users/{user}").get("servers"):
            return time.monotonic() - began
        time.sleep(2)
    raise CheckFailed(f"the idle culler did not stop {user}'s server within {deadline_s:.0f} s; see hub.log")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    for name in ("hub", "user", "password", "token", "homes", "repo", "pids-file", "mem-limit"):
        parser.add_argument(f"--{name}", required=True)
    parser.add_argument("--max-pages", type=int, required=True)
    parser.add_argument("--cull-timeout", type=int, required=True)
    parser.add_argument("--cull-every", type=int, required=True)
    args = parser.parse_args()
    sys.path.insert(0, args.repo)
    from playwright.sync_api import sync_playwright

    from kit.workshop import Store
    from tests.browser.voila import CHROMIUM_ARGS, chromium_path, wait_for_widgets, watch

    chromium = os.environ.get("CHROMIUM") or chromium_path()
    if not chromium:
        raise CheckFailed("Debian's Chromium is needed: sudo apt-get install -y chromium")
    home = Path(args.homes) / args.user
    began = time.monotonic()

    version = api(args.hub, args.token, "/")["version"]
    culler = check_culler_service(args.hub, args.token)
    step(f"JupyterHub {version} is up; the idle culler runs as a service (pid {culler})", began)

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        refuses_wrong_password(context, args.hub, args.user, args.password)
        page = context.new_page()
        log = watch(page)
        log_in(page, args.hub, args.user, args.password)
        step("a wrong password is refused; logging in starts a server that opens the Voilà start page", began)

        wait_for_widgets(page)
        heading = page.get_by_role("heading", level=1).first.inner_text()
        if "Start here" not in heading:
            raise CheckFailed(f"the start page's heading is {heading!r}, not 'Start here...'")
        step(f"the start page renders with its widgets: {heading!r}", began)

        server = server_processes(args.hub, args.token, args.user)
        Path(args.pids_file).write_text(f"{server.pid}\n")
        check_environment(server, home, args.mem_limit)
        if not (home / "ethical-ai-kit").is_symlink():
            raise CheckFailed(f"{home / 'ethical-ai-kit'} is not a link to the kit")
        step(f"the server runs as configured: workspace in {home}, MEM_LIMIT {args.mem_limit}, "
             "no hub secrets in its environment", began)

        page.get_by_role("button", name="Start a new workspace").click()
        code = page.locator(".kit-code").inner_text(timeout=60_000).strip()
        box = page.get_by_label("Your organisation, team or role")
        box.fill(ORGANISATION)
        box.press("Enter")
        store_dir = home / "ethical-ai-kit-workspace"
        for _ in range(100):
            if (store_dir / "workspaces.sqlite3").exists() and \
                    Store(store_dir).open(code).load("profile.organisation") == ORGANISATION:
                break
            page.wait_for_timeout(200)
        else:
            raise CheckFailed(f"the typed organisation was not saved in {store_dir}")
        step(f"work typed in the page is saved in the user's own workspace ({code[:4]}-...)", began)

        lesson = page.locator("nav[aria-label='Lessons'] a").first
        href = lesson.get_attribute("href")
        second = context.new_page()
        second_log = watch(second)
        second.goto(lesson.evaluate("a => a.href"), timeout=TIMEOUT_MS)
        wait_for_widgets(second)
        step(f"a lesson linked from the gallery renders too ({href})", began)

        pages_open = 2
        if args.max_pages == pages_open:
            refused = page.request.get(page.url, timeout=TIMEOUT_MS)
            if refused.status != 503 or "server is full" not in refused.text():
                raise CheckFailed(f"page {pages_open + 1} was not refused past KIT_MAX_PAGES={args.max_pages} "
                                  f"(HTTP {refused.status})")
            step(f"page {pages_open + 1} is refused with the plain 'server is full' message", began)

        unexpected = log.unexpected() + second_log.unexpected()
        if unexpected:
            raise CheckFailed(f"the pages logged errors: {unexpected}")
        kernels = server.children(recursive=True)
        with open(args.pids_file, "a") as pids:
            pids.writelines(f"{kernel.pid}\n" for kernel in kernels)
        rss = sum(p.memory_info().rss for p in [server, *kernels]) / 2**20
        step(f"no page errors; the user's server and its {len(kernels)} kernels use {rss:.0f} MB", began)
        browser.close()

    closed = time.monotonic()
    deadline = args.cull_timeout + 3 * args.cull_every + 60
    waited = wait_until_culled(args.hub, args.token, args.user, deadline)
    gone = psutil.wait_procs([server, *kernels], timeout=30)[1]
    if gone:
        raise CheckFailed(f"processes left after culling: {[p.pid for p in gone]}")
    step(f"with the browser closed, the culler stopped the idle server {waited:.0f} s later "
         f"(timeout {args.cull_timeout} s), and its kernels with it", closed)

    check_backup(Path(args.homes), args.user, code, Store)
    step("backup-workspaces.py copies the workspace, and the copy opens with the attendee's code", began)
    return 0


def check_backup(homes: Path, user: str, code: str, store_class) -> None:
    script = Path(__file__).with_name("backup-workspaces.py")
    with tempfile.TemporaryDirectory() as dest:
        subprocess.run([sys.executable, str(script), dest, "--homes", f"{homes}/*"], check=True,
                       stdout=subprocess.DEVNULL)
        copies = list(Path(dest).glob(f"*/{user}.sqlite3"))
        if len(copies) != 1:
            raise CheckFailed(f"the backup holds {copies}, not one database for {user}")
        restored = Path(dest) / "restored"
        restored.mkdir()
        copies[0].rename(restored / "workspaces.sqlite3")
        if store_class(restored).open(code).load("profile.organisation") != ORGANISATION:
            raise CheckFailed("the backed-up workspace does not hold the work typed in the page")


if __name__ == "__main__":
    try:
        sys.exit(main())
    except CheckFailed as failure:
        print(f"FAILED: {failure}", file=sys.stderr)
        sys.exit(1)
