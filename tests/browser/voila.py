"""Helpers for driving a Voilà page: open it, wait for widgets, check it is clean."""

from __future__ import annotations

import re
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import TimeoutError as PlaywrightTimeout

CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage",
]
WIDGET_TIMEOUT_MS = 120_000

# Console messages that are expected, each with the reason it is harmless.
ALLOWED_CONSOLE = {
    # Voilà's bundled JupyterLab packages are older than the widget manager's
    # requirement; the shared-module loader warns and falls back correctly.
    r"Unsatisfied version|No satisfying version|Available versions": "Voilà's module-federation notice",
}


def chromium_path() -> str | None:
    """Debian's Chromium binary (the wrapper script prints shell noise)."""
    for candidate in ("/usr/lib/chromium/chromium", shutil.which("chromium"), shutil.which("chromium-browser")):
        if candidate and Path(candidate).exists():
            return candidate
    return None


@dataclass
class PageLog:
    """What the page complained about while the test ran."""

    errors: list[str] = field(default_factory=list)
    external: list[str] = field(default_factory=list)

    def unexpected(self) -> list[str]:
        return [e for e in self.errors if not any(re.search(p, e) for p in ALLOWED_CONSOLE)]


def watch(page) -> PageLog:
    """Record page errors and console errors; answer off-machine requests with nothing.

    The lab template asks a CDN for icon fonts; offline that would fail and
    log an error, so such requests get an empty reply and are recorded.
    """
    log = PageLog()
    page.on("pageerror", lambda exc: log.errors.append(f"pageerror: {exc}"))
    page.on("console", lambda msg: log.errors.append(f"console: {msg.text}") if msg.type == "error" else None)

    def route(route):
        url = route.request.url
        if url.startswith(("http://127.0.0.1", "http://localhost", "ws://", "data:", "blob:")):
            return route.continue_()
        log.external.append(url)
        return route.fulfill(status=200, body="", content_type="text/css")

    page.route("**/*", route)
    return log


def open_app(page, base: str, notebook: str) -> PageLog:
    """Open a lesson's Voilà page and wait until its widgets are drawn."""
    log = watch(page)
    page.goto(f"{base}/voila/render/{notebook}", timeout=WIDGET_TIMEOUT_MS)
    wait_for_widgets(page)
    return log


WIDGETS = ".jupyter-widgets.widget-container, .jupyter-widgets.widget-inline-hbox, .jupyter-widgets.widget-button"
FIRST_TRY_MS = 60_000


def _widgets_shown(page, timeout: int) -> None:
    page.wait_for_selector("#loading", state="detached", timeout=timeout)
    page.wait_for_selector(WIDGETS, timeout=timeout)


def wait_for_widgets(page) -> None:
    """Wait for Voilà's loading screen to go and at least one widget to show.

    Now and then (about one load in 45, more on a busy machine) a page never
    connects its widgets; a person would reload it, so the test does too, once.
    Anything saved is in the workspace, so a reload loses nothing.
    """
    try:
        _widgets_shown(page, FIRST_TRY_MS)
    except PlaywrightTimeout:
        page.reload(timeout=WIDGET_TIMEOUT_MS)
        _widgets_shown(page, WIDGET_TIMEOUT_MS)


def reopen_workspace(page, code: str) -> None:
    """Reload the page and open the workspace ``code`` as an attendee would (type it, press the button)."""
    page.reload()
    wait_for_widgets(page)
    page.get_by_label("Your code").fill(code)
    page.get_by_role("button", name="Open my workspace").click()


def page_kernel(page) -> str:
    """The id of the kernel serving ``page`` (Voilà writes it into the page's configuration)."""
    return page.evaluate("() => JSON.parse(document.getElementById('jupyter-config-data').textContent).kernelId")


def kernel_running(base: str, kernel: str) -> bool:
    """Whether the server still runs ``kernel``: its kernel API answers 200 while it runs, 404 once it is gone."""
    import urllib.error
    import urllib.request

    try:
        with urllib.request.urlopen(f"{base}/api/kernels/{kernel}", timeout=30):
            return True
    except urllib.error.HTTPError as answer:
        if answer.code == 404:
            return False
        raise


def visible_text(page) -> str:
    return page.evaluate("() => document.body.innerText")


def assert_clean(page) -> None:
    """No traceback, no error output and no source code may show."""
    text = visible_text(page)
    assert "Traceback" not in text, text[-2000:]
    assert page.locator("[data-mime-type='application/vnd.jupyter.stderr']").count() == 0
    assert page.locator(".jp-InputArea-editor, .jp-CodeMirrorEditor, .cm-editor").count() == 0
    for marker in ("import kit", "from kit", "display("):
        at = text.find(marker)
        assert at < 0, f"source code visible: {marker!r} in ...{text[max(0, at - 300):at + 300]}..."


def serious_violations(page) -> list[str]:
    """axe-core violations of impact serious or critical, as readable lines."""
    results = Axe().run(page)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:5]}"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def saved_value(workspace_root, code: str, key: str, until=lambda value: value is not None, seconds: float = 20):
    """Wait until the attendee's workspace holds a value for ``key`` that satisfies ``until``; return it.

    The page shows a change a moment before the kernel has written it, so a
    test reads the store until the save lands rather than once.
    """
    from kit.workshop import Store

    value = None
    for _ in range(int(seconds / 0.2)):
        value = Store(workspace_root).open(code).load(key)
        if until(value):
            return value
        time.sleep(0.2)
    raise AssertionError(f"{key} was never saved as expected; last value {value!r}")


def downloaded(link, timeout_ms: int = WIDGET_TIMEOUT_MS) -> bytes:
    """Click a download link and return the bytes of the file the browser saves."""
    with link.page.expect_download(timeout=timeout_ms) as download:
        link.click()
    return Path(download.value.path()).read_bytes()


def wait_for_download(link, text: str, seconds: float = 30) -> str:
    """Download from ``link`` until the file contains ``text``; return the file's text.

    A live app's link makes its file when clicked, from the app's state then:
    this waits for the change that puts ``text`` in it.
    """
    data = ""
    for _ in range(int(seconds / 0.5)):
        data = downloaded(link).decode("utf-8")
        if text in data:
            return data
        time.sleep(0.5)
    raise AssertionError(f"the download never contained {text!r}; it holds {data[:200]!r}")


def chart_alt(app, text: str, timeout: int = 30_000) -> str:
    """The text alternative of a chart in ``app`` once it contains ``text`` (charts are drawn after the words)."""
    pattern = re.escape(text).replace("/", r"\/")  # Playwright passes the pattern to JavaScript between slashes
    image = app.get_by_role("img", name=re.compile(pattern)).first
    image.wait_for(timeout=timeout)
    return image_text(image)


def image_text(image) -> str:
    """What a chart says to a screen reader: an ``<img>``'s alt, or the browser-drawn picture's aria-label."""
    return image.get_attribute("alt") or image.get_attribute("aria-label") or ""
