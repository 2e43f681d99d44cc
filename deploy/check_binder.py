"""Serve the repository as Binder does and check the Voilà start page opens from its link.

Binder (repo2docker) copies the repository into the home folder, installs
environment.yml there and starts a Jupyter server in it; the link's
``urlpath=voila/render/notebooks/00_start_here.ipynb`` then opens Voilà's
server extension. This starts JupyterLab the same way from the repository root
(127.0.0.1, a token, a throwaway workspace), opens that path in Debian's
Chromium and checks that it renders, that a workspace starts, and that
JupyterLab itself answers. Run by check_binder.sh with a Python that has the
kit, JupyterLab, Voilà and Playwright.
"""

from __future__ import annotations

import os
import secrets
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
URLPATH = "voila/render/notebooks/00_start_here.ipynb"
MATHJAX_CDN = "https://cdnjs.cloudflare.com/ajax/libs/mathjax/"
# Off-machine requests the page makes on Binder as with `kit serve` (icon fonts),
# plus MathJax, which Voilà's server extension loads and standalone Voilà does not.
EXPECTED_OFFSITE = ("https://cdn.jsdelivr.net/npm/@fortawesome/fontawesome-free", MATHJAX_CDN)


class CheckFailed(Exception):
    """A check that did not pass, with what to look at."""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(url: str, server: subprocess.Popen, seconds: int = 120) -> None:
    for _ in range(seconds * 2):
        if server.poll() is not None:
            raise CheckFailed(f"JupyterLab exited with status {server.returncode} while starting")
        try:
            urllib.request.urlopen(url, timeout=5).close()
            return
        except OSError:
            time.sleep(0.5)
    raise CheckFailed(f"JupyterLab did not answer on {url} within {seconds} s")


def step(message: str, started: float) -> None:
    print(f"  ok  {message} ({time.monotonic() - started:.1f} s)", flush=True)


def check_page(base: str, token: str, workspace: Path) -> None:
    from playwright.sync_api import sync_playwright

    from tests.browser.voila import CHROMIUM_ARGS, chromium_path, wait_for_widgets, watch

    chromium = os.environ.get("CHROMIUM") or chromium_path()
    if not chromium:
        raise CheckFailed("Debian's Chromium is needed: sudo apt-get install -y chromium")
    began = time.monotonic()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        log = watch(page)
        response = page.goto(f"{base}/{URLPATH}?token={token}", timeout=240_000)
        if response is None or response.status != 200:
            raise CheckFailed(f"{URLPATH} answered HTTP {response.status if response else 'nothing'}")
        wait_for_widgets(page)
        heading = page.get_by_role("heading", level=1).first.inner_text()
        if "Start here" not in heading:
            raise CheckFailed(f"the start page's heading is {heading!r}, not 'Start here...'")
        step(f"the Binder link's urlpath renders the start page with its widgets: {heading!r}", began)

        page.get_by_role("button", name="Start a new workspace").click()
        page.locator(".kit-code").inner_text(timeout=60_000)
        if not (workspace / "workspaces.sqlite3").exists():
            raise CheckFailed(f"starting a workspace wrote nothing in {workspace}")
        step("a workspace starts (on Binder it lives only as long as the session)", began)

        # Binder is online; here those requests get an empty answer, so MathJax's
        # own errors are expected when it was asked for.
        offsite = [url for url in log.external if not url.startswith(EXPECTED_OFFSITE)]
        mathjax_asked = any(url.startswith(MATHJAX_CDN) for url in log.external)
        errors = [e for e in log.unexpected() if not (mathjax_asked and "MathJax" in e)]
        if offsite or errors:
            raise CheckFailed(f"unexpected requests {offsite} or page errors {errors}")
        step(f"no page errors; off-machine requests only for icon fonts and MathJax ({len(log.external)})", began)

        lab = page.request.get(f"{base}/lab?token={token}")
        if lab.status != 200:
            raise CheckFailed(f"JupyterLab (the Binder link without urlpath) answered HTTP {lab.status}")
        step("JupyterLab answers too, for those who follow the link without urlpath", began)
        browser.close()


def main() -> int:
    sys.path.insert(0, str(REPO))
    port, token = free_port(), secrets.token_hex(16)
    with tempfile.TemporaryDirectory(prefix="kit-binder-check-") as scratch:
        workspace = Path(scratch) / "workspace"
        env = {**os.environ, "KIT_WORKSPACE": str(workspace), "JUPYTER_RUNTIME_DIR": str(Path(scratch) / "runtime")}
        server = subprocess.Popen(
            [sys.executable, "-m", "jupyterlab", "--no-browser", "--ServerApp.ip=127.0.0.1",
             f"--ServerApp.port={port}", "--ServerApp.port_retries=0", f"--IdentityProvider.token={token}",
             "--allow-root"],
            cwd=REPO, env=env, stdout=open(Path(scratch) / "server.log", "w"), stderr=subprocess.STDOUT)
        try:
            base = f"http://127.0.0.1:{port}"
            wait_for(f"{base}/api/status?token={token}", server)
            check_page(base, token, workspace)
        except CheckFailed:
            print((Path(scratch) / "server.log").read_text()[-3000:], file=sys.stderr)
            raise
        finally:
            server.terminate()
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except CheckFailed as failure:
        print(f"FAILED: {failure}", file=sys.stderr)
        sys.exit(1)
