"""N simulated attendees open the apps at once and use them; reports render times, errors, memory.

Run ``python bench/load_test.py --attendees 30``. Each attendee opens one
lesson (round robin over the lessons, as in a self-paced room; or all the
same one with ``--lesson 03``, as when a trainer says "open lesson 3 now"),
waits until the page is live and performs the lesson's main interaction
(``interactions.py``). All start together, against a ``kit serve`` started
here with preheated kernels.

By default an attendee speaks the Jupyter protocol (``protocol.py``): it asks
the server for exactly what a browser asks for, so the figures measure the
server. ``--browser`` uses a headless Chromium page per attendee instead, the
whole experience end to end; those Chromium pages share the server's 2 cores,
so that mode measures the machine running both, not the server alone.
"""

from __future__ import annotations

import argparse
import asyncio
import threading
import time

from tornado.httpclient import AsyncHTTPClient

from common import CHROMIUM_ARGS, WIDGETS, answer_route, chromium_path, kit_server, notebooks_with_baseline, server_rss_mb, wait_for_pools
from interactions import INTERACTIONS, run_async
from protocol import Attendee

async def protocol_attendee(base: str, notebook: str, timeout_s: float) -> dict:
    record = {"notebook": notebook, "render": None, "interaction": None, "error": None}
    attendee = Attendee(base)
    try:
        record["render"] = (await attendee.open(notebook, timeout_s)).live
        record["interaction"] = await attendee.perform(INTERACTIONS[notebook].kernel, timeout_s)
    except Exception as problem:  # noqa: BLE001 - every failure is a measured error
        record["error"] = f"{type(problem).__name__}: {str(problem)[:160]}"
    finally:
        await attendee.close()
    return record


async def browser_attendee(browser, base: str, notebook: str, timeout_s: float) -> dict:
    context = await browser.new_context(viewport={"width": 1280, "height": 900})
    page = await context.new_page()
    await page.route("**/*", answer_route)  # async pages accept a handler returning a coroutine
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
        record["interaction"] = await run_async(INTERACTIONS[notebook], page, timeout_s * 1000)
    except Exception as problem:  # noqa: BLE001 - every failure is a measured error
        record["error"] = f"{type(problem).__name__}: {str(problem)[:160]}"
    if errors and not record["error"]:
        record["error"] = f"page error: {errors[0][:160]}"
    await context.close()
    return record


def percentile(values: list[float], q: float) -> float:
    """The ``q`` quantile of ``values`` by the nearest-rank method."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


async def run(base: str, plan: list[str], timeout_s: float, browser_mode: bool) -> list[dict]:
    if not browser_mode:
        AsyncHTTPClient.configure(None, max_clients=len(plan))  # the default of 10 would queue attendees here
        return list(await asyncio.gather(*(protocol_attendee(base, nb, timeout_s) for nb in plan)))
    from playwright.async_api import async_playwright

    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        results = await asyncio.gather(*(browser_attendee(browser, base, nb, timeout_s) for nb in plan))
        await browser.close()
    return list(results)


def attendee_plan(attendees: int, lesson: str | None) -> list[str]:
    """Which notebook each attendee opens."""
    notebooks = sorted(INTERACTIONS)
    if lesson:
        chosen = [name for name in notebooks if name.startswith(lesson)]
        if not chosen:
            raise SystemExit(f"No lesson starts with {lesson!r}; use a number such as 03.")
        notebooks = chosen[:1]
    return [notebooks[i % len(notebooks)] for i in range(attendees)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--attendees", type=int, default=10)
    parser.add_argument("--lesson", help="every attendee opens this lesson (e.g. 03); default: round robin")
    parser.add_argument("--pool-size", type=int, default=1, help="preheated kernels per lesson (kit serve --pool-size)")
    parser.add_argument("--pool", action="append", default=[], metavar="LESSON=N",
                        help="a larger pool for one lesson (kit serve --pool), e.g. 03=30")
    parser.add_argument("--serve-arg", action="append", default=[], metavar="ARG",
                        help="one more kit serve option, e.g. --serve-arg=--voila-arg=--LimitedKernelManager.refill_wait=0")
    parser.add_argument("--browser", action="store_true", help="drive headless Chromium pages instead")
    parser.add_argument("--details", action="store_true", help="also list the slowest figures per lesson")
    parser.add_argument("--timeout", type=float, default=180, help="seconds before one attendee counts as failed")
    args = parser.parse_args()
    plan = attendee_plan(args.attendees, args.lesson)
    folder = notebooks_with_baseline()
    with kit_server(folder, preheat=True, extra=(f"--pool-size={args.pool_size}",
                                                       *(f"--pool={pool}" for pool in args.pool), *args.serve_arg)) as (base, server, log):
        wait_for_pools(log, sorted(INTERACTIONS), server)
        peak = {"mb": server_rss_mb(server)}
        stop = threading.Event()

        def sample():
            while not stop.is_set():
                peak["mb"] = max(peak["mb"], server_rss_mb(server))
                time.sleep(0.5)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        started = time.perf_counter()
        results = asyncio.run(run(base, plan, args.timeout, args.browser))
        wall = time.perf_counter() - started
        stop.set()
        sampler.join()
        server_errors = [line for line in log.read_text(errors="replace").splitlines()
                         if "ERROR" in line or "WARNING | refusing" in line]
    report(args, results, peak["mb"], wall)
    for line in server_errors[:10]:
        print(f"- server log: {line[:300]}")


def report(args, results: list[dict], peak_mb: float, wall: float) -> None:
    renders = [r["render"] for r in results if r["render"] is not None]
    clicks = [r["interaction"] for r in results if r["interaction"] is not None]
    failures = [r for r in results if r["error"]]

    def fmt(values, q, scale=1):
        return f"{percentile(values, q) * scale:.{0 if scale > 1 else 1}f}" if values else "—"

    mode = "browser" if args.browser else "protocol"
    lessons = f"all lesson {args.lesson}" if args.lesson else "round robin"
    pools = ", ".join([f"{args.pool_size} each", *(f"lesson {p.replace('=', ': ')}" for p in args.pool)])
    print("| attendees | lessons | preheated kernels | mode | render p50 (s) | render p95 (s) | interaction p50 (ms) "
          "| interaction p95 (ms) | errors | peak memory (MB) | wall (s) |")
    print("|---:|---|---|---|---:|---:|---:|---:|---:|---:|---:|")
    print(f"| {args.attendees} | {lessons} | {pools} | {mode} | {fmt(renders, .5)} | {fmt(renders, .95)} | "
          f"{fmt(clicks, .5, 1000)} | {fmt(clicks, .95, 1000)} | {len(failures)} | {peak_mb:.0f} | {wall:.0f} |")
    for failure in failures[:10]:
        print(f"- {failure['notebook']}: {failure['error']}")
    if args.details:
        for notebook in sorted({r["notebook"] for r in results}):
            mine = [r for r in results if r["notebook"] == notebook]
            slowest = max((r["interaction"] or 0 for r in mine), default=0)
            print(f"- {notebook}: {len(mine)} attendees, slowest render "
                  f"{max(r['render'] or 0 for r in mine):.1f} s, slowest interaction {slowest * 1000:.0f} ms")


if __name__ == "__main__":
    main()
