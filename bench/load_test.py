"""A room of simulated attendees against ``kit serve``: page live, answer and settled times, errors, memory.

Run a named scenario (the room-size goals), each on a fresh server per run,
and read the medians of several runs::

    python bench/load_test.py --scenario render-60-round-robin   # 60 open a lesson each, round robin
    python bench/load_test.py --scenario render-30-same-lesson   # 30 on lesson 02, then all open lesson 03
    python bench/load_test.py --scenario interact-30             # 30 make their lesson's main change at once
    python bench/load_test.py --scenario reload-30               # 30 reload their page at once
    python bench/load_test.py --scenario all                     # each of them in turn
    LOAD_USERS=20 deploy/jupyterhub/check.sh                     # 20 users on the local hub check (--hub)

Each scenario serves ``kit serve --room N`` (N: the attendees) and waits until
its warm kernels are ready and the server is quiet before the room starts.
``--attendees``, ``--runs`` and ``--serve-arg`` change a scenario, for a
smoke run (``--scenario interact-30 --attendees 2 --runs 1``) or a variant.
Without ``--scenario``, ``--attendees N [--lesson 03] [--pool-size K]
[--pool 03=30]`` runs the older single-phase test: every attendee opens a
page and makes its main change, on ``kit serve`` with those pool options.

An attendee speaks the Jupyter protocol (``protocol.py``): it asks the server
for exactly what a browser asks for, so the figures measure the server, not
30 copies of Chromium on the same 2 cores. ``--browser`` (without
``--scenario``) drives a headless Chromium page per attendee instead.
``--hub URL --hub-token T --hub-pid P`` (run by ``deploy/jupyterhub/check.sh``
with ``LOAD_USERS``) starts a server for each of ``--attendees`` hub users at
once, then each opens a lesson, round robin, and makes its main change.

Figures: **page live**, from the request for the page until every widget's
state has arrived (the page can draw its controls) and, under ``kit serve``,
the charts' code has been fetched once (the page can draw its charts); **answer**, from a change
until the kernel sends the app's answer in words; **settled**, until the
kernel has sent everything (the redrawn chart and the download files) and is
idle; **freed** (reload), from a page's close request until its kernel is
gone; **peak memory**, the most the server and its kernels held (resident
memory, sampled twice a second), and the least memory the machine had free.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import threading
import time
from dataclasses import dataclass, field

import psutil
from tornado.httpclient import AsyncHTTPClient, HTTPClientError

from common import (CHROMIUM_ARGS, WIDGETS, answer_route, chromium_path, kit_server, notebooks_with_baseline,
                    cpu_seconds, server_rss_mb, wait_for_pools, wait_until_settled)
from interactions import INTERACTIONS, run_async
from hub_room import FOLDER, ready_users, stop_servers
from protocol import Attendee

LESSONS = sorted(INTERACTIONS)


@dataclass(frozen=True)
class Scenario:
    """A named room: who opens what, what is timed, and the ``kit serve`` options (beyond ``--room N``)."""

    what: str
    attendees: int
    lesson: str | None = None  # every attendee opens this lesson (a number); None: round robin
    before: str | None = None  # the lesson the room was on before (opened, used and closed first)
    timed: str = "render"  # render, interact or reload
    serve: tuple[str, ...] = field(default_factory=tuple)


SCENARIOS = {
    "render-60-round-robin": Scenario("every attendee opens a lesson at the same moment, round robin", 60),
    "render-30-same-lesson": Scenario("the room, on lesson 02, all open lesson 03 at the same moment", 30,
                                      lesson="03", before="02"),
    "interact-30": Scenario("pages open, lessons round robin, every attendee makes the main change at once", 30,
                            timed="interact"),
    "reload-30": Scenario("pages open, lessons round robin, every attendee reloads at once", 30, timed="reload"),
}
HUB = Scenario("every user's server started at once, then each opens a lesson, round robin, and makes its main "
               "change", 20)


def percentile(values: list[float], q: float) -> float | None:
    """The ``q`` quantile of ``values`` by the nearest-rank method; None when there are none."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def attendee_plan(attendees: int, lesson: str | None) -> list[str]:
    """Which notebook each attendee opens: round robin over the lessons, or all the one starting with ``lesson``."""
    notebooks = LESSONS
    if lesson:
        notebooks = [name for name in LESSONS if name.startswith(lesson)][:1]
        if not notebooks:
            raise SystemExit(f"No lesson starts with {lesson!r}; use a number such as 03.")
    return [notebooks[i % len(notebooks)] for i in range(attendees)]


# One attendee, as a record of what was measured.

def record(notebook: str) -> dict:
    return {"notebook": notebook, "live": None, "answer": None, "settled": None, "freed": None, "error": None}


async def guarded(rec: dict, work) -> dict:
    try:
        await work
    except Exception as problem:  # noqa: BLE001 - every failure is a measured error
        rec["error"] = rec["error"] or f"{type(problem).__name__}: {str(problem)[:160]}"
    return rec


async def open_page(attendee: Attendee, rec: dict, timeout: float) -> None:
    timings = await attendee.open(rec["notebook"], timeout)
    rec["live"], rec["page_kb"], rec["states_kb"], rec["code_kb"] = (timings.live, timings.page_kb,
                                                                      timings.states_kb, timings.code_kb)


async def change(attendee: Attendee, rec: dict, timeout: float, prepared: bool = False) -> None:
    latency = await attendee.perform(INTERACTIONS[rec["notebook"]].kernel, timeout, prepared)
    rec["answer"], rec["settled"] = latency.answer, latency.settled


async def kernel_gone(page: Attendee, kernel: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            await AsyncHTTPClient().fetch(f"{page.base}/api/kernels/{kernel}", headers=page.headers,
                                          request_timeout=30)
        except HTTPClientError as answer:
            if answer.code == 404:
                return
            raise
        await asyncio.sleep(0.25)
    raise TimeoutError(f"kernel {kernel} still ran {timeout:.0f} s after its page closed")


async def reload(attendee: Attendee, rec: dict, timeout: float) -> Attendee:
    """Close the page (its close request frees the kernel) and open it again; time both."""
    old = attendee.kernel
    closed = time.perf_counter()
    await attendee.close()
    again = attendee.again()

    async def freed():
        await kernel_gone(attendee, old, timeout)
        rec["freed"] = time.perf_counter() - closed

    await asyncio.gather(guarded(rec, open_page(again, rec, timeout)), guarded(rec, freed()))
    return again


# A scenario: phases on one server.

async def run_scenario(new_page, server, scenario: Scenario, attendees: int, timeout: float,
                       cpu: dict | None = None) -> list[dict]:
    """Run ``scenario``'s phases; ``new_page(i)`` is attendee i's page (an :class:`Attendee`), ``server`` a process.
    ``cpu`` receives the CPU seconds each part of the machine spent on the timed part: the pages opening
    (render), or the changes (interact)."""
    AsyncHTTPClient.configure(None, max_clients=4 * attendees)  # the default of 10 would queue attendees here
    plan = attendee_plan(attendees, scenario.lesson)
    if scenario.before:  # the room's previous lesson: opened, used, then closed as the room moves on
        earlier = [new_page(i) for i in range(len(plan))]
        warmup = [record(name) for name in attendee_plan(attendees, scenario.before)]
        await asyncio.gather(*(guarded(r, open_page(a, r, timeout)) for a, r in zip(earlier, warmup)))
        await asyncio.gather(*(guarded(r, change(a, r, timeout)) for a, r in zip(earlier, warmup)))
        await settle(server)  # the room's next lesson is warmed meanwhile, as during a real lesson
        await asyncio.gather(*(a.close() for a in earlier))
    pages = [new_page(i) for i in range(len(plan))]
    records = [record(name) for name in plan]
    before = cpu_seconds(server)
    await asyncio.gather(*(guarded(r, open_page(a, r, timeout)) for a, r in zip(pages, records)))
    if scenario.timed == "render" and cpu is not None:
        after = cpu_seconds(server)
        cpu.update({key: after[key] - before[key] for key in after})
    if scenario.timed == "render":
        await asyncio.gather(*(guarded(r, change(a, r, timeout)) for a, r in zip(pages, records) if r["live"]))
    elif scenario.timed == "interact":
        await asyncio.gather(*(guarded(r, a.prepare(INTERACTIONS[r["notebook"]].kernel, timeout))
                               for a, r in zip(pages, records) if r["live"]))
        await settle(server)  # refills and set-up done: only the changes compete now
        before = cpu_seconds(server)
        await asyncio.gather(*(guarded(r, change(a, r, timeout, prepared=True))
                               for a, r in zip(pages, records) if r["live"] and not r["error"]))
        await settle(server)
        after = cpu_seconds(server)
        if cpu is not None:
            cpu.update({key: after[key] - before[key] for key in after})
    elif scenario.timed == "reload":
        await settle(server)
        opened = [(a, r) for a, r in zip(pages, records) if r["live"] and not r["error"]]
        fresh = [record(r["notebook"]) for _, r in opened]
        pages = list(await asyncio.gather(*(reload(a, f, timeout) for (a, _), f in zip(opened, fresh))))
        records = fresh + [r for r in records if not r["live"] or r["error"]]
    await asyncio.gather(*(a.close() for a in pages))
    return records


async def settle(server) -> None:
    """Wait (a pause in the lesson) until the server and its kernels are quiet; the pages stay connected."""
    await asyncio.to_thread(wait_until_settled, server, 900)


# Chromium attendees (the older single-phase test only).

async def browser_attendee(browser, base: str, notebook: str, timeout_s: float) -> dict:
    context = await browser.new_context(viewport={"width": 1280, "height": 900})
    page = await context.new_page()
    await page.route("**/*", answer_route)  # async pages accept a handler returning a coroutine
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    rec = record(notebook)
    start = time.perf_counter()
    try:
        response = await page.goto(f"{base}/voila/render/{notebook}", timeout=timeout_s * 1000)
        if response is None or response.status != 200:
            raise RuntimeError(f"HTTP {response.status if response else 'no response'}")
        await page.wait_for_selector("#loading", state="detached", timeout=timeout_s * 1000)
        await page.wait_for_selector(WIDGETS, timeout=timeout_s * 1000)
        rec["live"] = time.perf_counter() - start
        latency = await run_async(INTERACTIONS[notebook], page, timeout_s * 1000)
        rec["answer"], rec["settled"] = latency.answer, latency.settled
    except Exception as problem:  # noqa: BLE001 - every failure is a measured error
        rec["error"] = f"{type(problem).__name__}: {str(problem)[:160]}"
    if errors and not rec["error"]:
        rec["error"] = f"page error: {errors[0][:160]}"
    await context.close()
    return rec


async def run_browsers(base: str, plan: list[str], timeout_s: float) -> list[dict]:
    from playwright.async_api import async_playwright

    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        results = await asyncio.gather(*(browser_attendee(browser, base, nb, timeout_s) for nb in plan))
        await browser.close()
    return list(results)


# One run: a fresh server, the room, memory sampled meanwhile.

def one_run(serve: tuple[str, ...], room: bool, room_work) -> dict:
    folder = notebooks_with_baseline()
    with kit_server(folder, preheat=True, extra=serve) as (base, server, log):
        if room:
            wait_for_room(log, server)
        else:
            wait_for_pools(log, LESSONS, server)
        run = measured(server, lambda cpu: room_work(base, server, cpu))
        run["server_errors"] = [line for line in log.read_text(errors="replace").splitlines()
                                if "ERROR" in line or "WARNING | refusing" in line]
    return run


def measured(server, room_work) -> dict:
    """Run the coroutine ``room_work()`` while sampling the memory of ``server``'s process tree."""
    peak = {"mb": server_rss_mb(server), "free": psutil.virtual_memory().available / 2**20}
    stop = threading.Event()

    def sample():
        while not stop.is_set():
            peak["mb"] = max(peak["mb"], server_rss_mb(server))
            peak["free"] = min(peak["free"], psutil.virtual_memory().available / 2**20)
            time.sleep(0.5)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    started = time.perf_counter()
    cpu: dict[str, float] = {}
    try:
        records = asyncio.run(room_work(cpu))
    finally:
        stop.set()
        sampler.join()
    return {"records": records, "peak_mb": peak["mb"], "least_free_mb": peak["free"],
            "wall": time.perf_counter() - started, "server_errors": [], "cpu": cpu}


def hub_run(hub: str, token: str, hub_pid: int, attendees: int, timeout: float) -> dict:
    """One run on a JupyterHub: start the users' servers, then the room; servers stopped afterwards."""
    hub_process = psutil.Process(hub_pid)

    async def room_work(cpu):
        AsyncHTTPClient.configure(None, max_clients=4 * attendees)
        users = await ready_users(hub, token, attendees, timeout)
        started.extend(user.started for user in users)
        try:
            await settle(hub_process)
            return await run_scenario(lambda i: Attendee(users[i].base(hub), users[i].headers(), FOLDER),
                                      hub_process, HUB, attendees, timeout, cpu)
        finally:
            await stop_servers(hub, token, users)

    started: list[float] = []
    run = measured(hub_process, room_work)
    run["started"] = started
    return run


def wait_for_room(log, server, timeout: float = 1800) -> None:
    """Wait until ``kit serve --room`` says its warm kernels are ready, then until the server is quiet."""
    deadline = time.monotonic() + timeout
    while "The room is ready" not in log.read_text(errors="replace"):
        if time.monotonic() > deadline or server.poll() is not None:
            raise TimeoutError(f"the room's kernels were not warm in time:\n{log.read_text()[-2000:]}")
        time.sleep(1)
    wait_until_settled(server, timeout=deadline - time.monotonic())


# The report: each figure's median over the runs.

FIGURES = ("live", "answer", "settled", "freed")


def summarise(run: dict) -> dict:
    records = run["records"]
    row = {"errors": sum(1 for r in records if r["error"]), "peak_mb": run["peak_mb"],
           "least_free_mb": run["least_free_mb"], "wall": run["wall"]}
    for name in FIGURES:
        values = [r[name] for r in records if r[name] is not None]
        row[f"{name} p50"], row[f"{name} p95"] = percentile(values, .5), percentile(values, .95)
    return row


def median_of(rows: list[dict], key: str) -> float | None:
    values = [row[key] for row in rows if row[key] is not None]
    return statistics.median(values) if values else None


def report(title: str, attendees: int, runs: list[dict], details: bool) -> None:
    rows = [summarise(run) for run in runs]

    def seconds(key):
        value = median_of(rows, key)
        return "—" if value is None else f"{value:.2f} s"

    print(f"\n{title} ({attendees} attendees; medians of {len(rows)} run{'s' * (len(rows) > 1)}, "
          f"{time.strftime('%Y-%m-%d')})\n")
    print("| page live p50 | page live p95 | answer p50 | answer p95 | settled p50 | settled p95 | freed p95 "
          "| errors | peak memory | least free |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    print(f"| {seconds('live p50')} | {seconds('live p95')} | {seconds('answer p50')} | {seconds('answer p95')} | "
          f"{seconds('settled p50')} | {seconds('settled p95')} | {seconds('freed p95')} | "
          f"{median_of(rows, 'errors'):.0f} (max {max(r['errors'] for r in rows)}) | "
          f"{median_of(rows, 'peak_mb'):,.0f} MB | {median_of(rows, 'least_free_mb'):,.0f} MB |")
    for number, (run, row) in enumerate(zip(runs, rows), 1):
        if details or row["errors"]:
            figures = ", ".join(f"{key} {value:.2f}" for key, value in row.items()
                                if value is not None and key.endswith(("p50", "p95")))
            print(f"- run {number}: {figures}; {row['errors']} errors; {row['peak_mb']:,.0f} MB; "
                  f"{row['wall']:.0f} s")
        if details and run["cpu"]:
            print("  - CPU seconds on the timed part (the pages opening, or the changes): "
                  + ", ".join(f"{key} {value:.2f}" for key, value in run["cpu"].items()))
        if details:
            print_by_lesson(run["records"])
        for failure in [r for r in run["records"] if r["error"]][:10]:
            print(f"  - {failure['notebook']}: {failure['error']}")
        for line in run["server_errors"][:10]:
            print(f"  - server log: {line[:300]}")


def print_by_lesson(records: list[dict]) -> None:
    """Each lesson's slowest answer and settled time in this run: what a miss is made of."""
    for notebook in sorted({r["notebook"] for r in records}):
        mine = [r for r in records if r["notebook"] == notebook]
        figures = ", ".join(f"{name} max {max(values):.2f}" for name in FIGURES
                            if (values := [r[name] for r in mine if r[name] is not None]))
        sizes = [r for r in mine if r.get("states_kb")]
        if sizes:
            first = sizes[0]
            figures += f"; page {first['page_kb']:,.0f} KB, widget states {first['states_kb']:,.0f} KB"
            if first.get("code_kb"):
                figures += f", chart code fetched once {first['code_kb']:,.0f} KB"
        print(f"  - {notebook[:2]} ({len(mine)}): {figures or 'no figures'}")


def attendees_first() -> None:
    """Give the simulated attendees a higher CPU priority than the server, when allowed (root).

    In a room each attendee's browser runs on their own machine; here all of them share the server's 2 cores
    and need about 0.7 s of CPU to read a burst of 30 answers. Ahead of the server, they notice an answer when
    it arrives instead of when the server's work is done; their CPU still comes out of the server's.
    """
    try:
        os.nice(-10)
    except PermissionError:
        print("(the attendees run at the server's priority: their times include waiting for the CPU)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scenario", choices=[*SCENARIOS, "all"], help="a named room (see above)")
    parser.add_argument("--attendees", type=int, help="attendees (default: the scenario's; 10 without one)")
    parser.add_argument("--runs", type=int, default=3, help="runs, each on a fresh server; medians reported")
    parser.add_argument("--lesson", help="without --scenario: every attendee opens this lesson (e.g. 03)")
    parser.add_argument("--pool-size", type=int, default=1, help="without --scenario: kit serve --pool-size")
    parser.add_argument("--pool", action="append", default=[], metavar="LESSON=N",
                        help="without --scenario: a larger pool for one lesson (kit serve --pool), e.g. 03=30")
    parser.add_argument("--serve-arg", action="append", default=[], metavar="ARG",
                        help="one more kit serve option, e.g. --serve-arg=--agenda='SMB full day'")
    parser.add_argument("--browser", action="store_true", help="without --scenario: drive headless Chromium pages")
    parser.add_argument("--details", action="store_true", help="also print every run's figures")
    parser.add_argument("--timeout", type=float, default=180, help="seconds before one attendee counts as failed")
    parser.add_argument("--hub", metavar="URL", help="a JupyterHub to load instead of kit serve (check.sh sets it)")
    parser.add_argument("--hub-token", help="with --hub: a token with the scopes hub_room.py names")
    parser.add_argument("--hub-pid", type=int, help="with --hub: the hub's process, for memory and quiet")
    args = parser.parse_args()
    attendees_first()
    if args.hub:
        attendees = args.attendees or HUB.attendees
        runs = [hub_run(args.hub, args.hub_token, args.hub_pid, attendees, args.timeout) for _ in range(args.runs)]
        report(f"JupyterHub {args.hub}: {HUB.what}", attendees, runs, args.details)
        for number, run in enumerate(runs, 1):
            print(f"- run {number}: servers ready p50 {percentile(run['started'], .5):.1f} s, "
                  f"p95 {percentile(run['started'], .95):.1f} s after the {attendees} users were created at once")
        return
    if args.scenario:
        for name in SCENARIOS if args.scenario == "all" else [args.scenario]:
            scenario = SCENARIOS[name]
            attendees = args.attendees or scenario.attendees
            serve = ("--room", str(attendees), *scenario.serve, *args.serve_arg)
            runs = [one_run(serve, True, lambda base, server, cpu: run_scenario(
                        lambda _: Attendee(base), server, scenario, attendees, args.timeout, cpu))
                    for _ in range(args.runs)]
            report(f"{name}: {scenario.what}; kit serve {' '.join(serve)}", attendees, runs, args.details)
        return
    attendees = args.attendees or 10
    plan = attendee_plan(attendees, args.lesson)
    serve = (f"--pool-size={args.pool_size}", *(f"--pool={pool}" for pool in args.pool), *args.serve_arg)
    custom = Scenario("every attendee opens a page and makes its main change", attendees, lesson=args.lesson)

    def room_work(base, server, cpu):
        if args.browser:
            return run_browsers(base, plan, args.timeout)
        return run_scenario(lambda _: Attendee(base), server, custom, attendees, args.timeout, cpu)

    room = any(arg == "--room" or arg.startswith("--room=") for arg in serve)
    runs = [one_run(serve, room, room_work) for _ in range(args.runs)]
    lessons = f"all lesson {args.lesson}" if args.lesson else "round robin"
    report(f"{lessons}, {'browser' if args.browser else 'protocol'}; kit serve {' '.join(serve)}", attendees, runs,
           args.details)


if __name__ == "__main__":
    main()
