"""N simulated attendees open the apps at once and use them; reports render times, errors, memory.

Run ``python bench/load_test.py --attendees 10`` (and 30). Each attendee is a
separate Chromium context (its own cookies, its own kernel) that opens one
lesson (round robin over the lessons with an entry in ``interactions.py``),
waits for the widgets and performs the lesson's main interaction. All start
together. Traffic goes only to the local ``kit serve`` started here.
Note that Chromium runs on the same 2 cores, so the figures are pessimistic.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import threading
import time

from playwright.async_api import async_playwright

from common import CHROMIUM_ARGS, chromium_path, kit_server, notebooks_with_baseline, server_rss_mb, wait_for_pools
from interactions import INTERACTIONS

WIDGETS = (".jupyter-widgets.widget-container, .jupyter-widgets.widget-inline-hbox, "
           ".jupyter-widgets.widget-button")


async def attendee(browser, base: str, notebook: str, results: list, timeout_s: float) -> None:
    context = await browser.new_context(viewport={"width": 1280, "height": 900})
    page = await context.new_page()
    await page.route("**/*", lambda route: asyncio.ensure_future(
        route.continue_() if route.request.url.startswith(("http://127.0.0.1", "data:", "blob:"))
        else route.fulfill(status=200, body="", content_type="text/css")))
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    record = {"notebook": notebook, "render": None, "interaction": None, "error": None}
    start = time.perf_counter()
    try:
        response = await page.goto(f"{base}/voila/render/{notebook}", timeout=timeout_s * 1000)
        if response is None or response.status != 200:
            raise RuntimeError(f"HTTP {response.status if response else 'no response'}")
        await page.wait_for_selector("#loading", state="detached", timeout=timeout_s * 1000)
        await page.wait_for_selector(WIDGETS, timeout=timeout_s * 1000)
        record["render"] = time.perf_counter() - start
        _, act, done = INTERACTIONS[notebook]
        began = time.perf_counter()
        await act(page)
        await page.wait_for_function(done, timeout=timeout_s * 1000, polling=10)
        record["interaction"] = time.perf_counter() - began
    except Exception as problem:  # noqa: BLE001 - every failure is a measured error
        record["error"] = f"{type(problem).__name__}: {str(problem)[:120]}"
    if errors and not record["error"]:
        record["error"] = f"page error: {errors[0][:120]}"
    results.append(record)
    await context.close()


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


async def run(base: str, attendees: int, timeout_s: float) -> list[dict]:
    notebooks = sorted(INTERACTIONS)
    results: list[dict] = []
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        await asyncio.gather(*(attendee(browser, base, notebooks[i % len(notebooks)], results, timeout_s)
                               for i in range(attendees)))
        await browser.close()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--attendees", type=int, default=10)
    parser.add_argument("--timeout", type=float, default=180, help="seconds before one attendee counts as failed")
    parser.add_argument("--pool-size", type=int, default=1)
    args = parser.parse_args()
    folder = notebooks_with_baseline()
    with kit_server(folder, preheat=True, extra=(f"--pool_size={args.pool_size}",)) as (base, server, log):
        wait_for_pools(log, sorted(INTERACTIONS))
        peak = {"mb": server_rss_mb(server)}
        stop = threading.Event()

        def sample():
            while not stop.is_set():
                peak["mb"] = max(peak["mb"], server_rss_mb(server))
                time.sleep(0.5)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        started = time.perf_counter()
        results = asyncio.run(run(base, args.attendees, args.timeout))
        wall = time.perf_counter() - started
        stop.set()
        sampler.join()
    renders = [r["render"] for r in results if r["render"] is not None]
    clicks = [r["interaction"] for r in results if r["interaction"] is not None]
    failures = [r for r in results if r["error"]]
    print(f"| attendees | render p50 (s) | render p95 (s) | interaction p50 (ms) | interaction p95 (ms) | errors | peak server + kernels memory (MB) | wall (s) |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    fmt = lambda values, q, scale=1: f"{percentile(values, q) * scale:.{0 if scale > 1 else 1}f}" if values else "—"  # noqa: E731
    print(f"| {args.attendees} | {fmt(renders, .5)} | {fmt(renders, .95)} | {fmt(clicks, .5, 1000)} | "
          f"{fmt(clicks, .95, 1000)} | {len(failures)} | {peak['mb']:.0f} | {wall:.0f} |")
    for failure in failures[:10]:
        print(f"- {failure['notebook']}: {failure['error']}")


if __name__ == "__main__":
    main()
